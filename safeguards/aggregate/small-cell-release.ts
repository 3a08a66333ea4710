// The aggregate release: a count table of chosen columns with its margins, counts 1-10 suppressed
// (CMS's cell-size rule) and complementary cells suppressed so no suppressed count can be recovered
// from the margins. Its rows are cells, not people, so its truth is NO_PERSON on every row.
import { numberColumn, textColumn } from '../../src/table/table.ts';
import { released, type Dataset, type Release } from '../types.ts';
import { columnList, oneOf, OptionError, wholeNumber } from '../options.ts';
import { crossTable, isMargin, type MissingValues } from './cross-table.ts';
import { entriesTable, noPersons } from './entries-table.ts';
import { COMPLEMENTARY, PRIMARY, suppressSmallCells } from './suppress-cells.ts';

export interface SmallCellOptions {
  /** The columns to cross-tabulate (one dimension each). */
  columns: readonly string[];
  /** Smallest count published; 1..minimumCount-1 are suppressed. Default 11 (CMS). */
  minimumCount?: number;
  /** 'category' (default): missing is a level of its own; 'drop': such rows are not counted. */
  missing?: MissingValues;
  /** Label of a margin's total level. Default 'All'. */
  totalLabel?: string;
  /** Public levels per column (shown even when empty). Default: the levels present. */
  levels?: Readonly<Record<string, readonly string[]>>;
}

export type SmallCellSettings = Required<Omit<SmallCellOptions, 'levels'>> & Pick<SmallCellOptions, 'levels'>;

/** The options checked, with their defaults; errors name the option. */
export function smallCellSettings(options: SmallCellOptions): SmallCellSettings {
  const totalLabel = options.totalLabel ?? 'All';
  if (typeof totalLabel !== 'string' || totalLabel === '') throw new OptionError('totalLabel', 'must be a non-empty text');
  return {
    columns: columnList('columns', options.columns),
    minimumCount: wholeNumber('minimumCount', options.minimumCount ?? 11, 1),
    missing: oneOf('missing', options.missing ?? 'category', ['category', 'drop'] as const),
    totalLabel,
    ...(options.levels ? { levels: options.levels } : {}),
  };
}

/**
 * The suppressed count table: columns = the dimensions, `count` (missing when suppressed) and
 * `suppressed` ('primary', 'complementary' or missing), one row per cell and per margin.
 */
export function smallCellRelease(input: Dataset | Release, options: SmallCellOptions): Release {
  const s = smallCellSettings(options);
  if (input.table.rows === 0) throw new OptionError('columns', 'the table to aggregate is empty');
  const cross = crossTable(input.table, s.columns, { missing: s.missing, ...(s.levels ? { levels: s.levels } : {}) });
  const suppression = suppressSmallCells(cross.values, cross.shape, s.minimumCount);
  const shown = cross.values.map((v, i) => (suppression.status[i] ? NaN : v));
  const label = Array.from(suppression.status, (st) => (st === PRIMARY ? 'primary' : st === COMPLEMENTARY ? 'complementary' : null));
  const table = entriesTable(cross, s.totalLabel, { count: numberColumn(shown), suppressed: textColumn(label) });
  let margins = 0;
  for (let i = 0; i < cross.values.length; i++) if (isMargin(i, cross.shape, cross.strides)) margins++;
  const dropped = cross.cellOf.reduce((n, c) => n + (c < 0 ? 1 : 0), 0);
  return released(input, table, noPersons(table.rows), {
    safeguard: 'small-cell-suppression',
    parameters: { ...s },
    summary: {
      cells: cross.values.length - margins,
      margins,
      primarySuppressed: suppression.primary,
      complementarySuppressed: suppression.complementary,
      complementaryCount: suppression.complementaryCount,
      rowsCounted: input.table.rows - dropped,
      rowsDropped: dropped,
    },
  });
}

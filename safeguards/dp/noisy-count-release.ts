// A differentially private count table (and, optionally, sums of one number column) of chosen columns.
// Every cell of the cross product gets its own noise; the margins are then summed from the noisy
// cells (post-processing, so they cost no budget and the table adds up). Each query is charged to an
// accountant whose budget covers the whole release, including DP steps applied before this one.
import { columnOf, numberColumn, type Table } from '../../src/table/table.ts';
import { streamKey } from '../../src/random/prng.ts';
import { released, type Dataset, type Release } from '../types.ts';
import { columnList, oneOf, OptionError, positiveNumber, probability, seedOption, wholeNumber } from '../options.ts';
import { addMargins, crossTable, isMargin, type CrossTable, type MissingValues } from '../aggregate/cross-table.ts';
import { entriesTable, noPersons } from '../aggregate/entries-table.ts';
import { chargesIn, PrivacyAccountant, type Charge, type PrivacyLoss } from './accountant.ts';
import { MECHANISMS, noiseAt, noiseScale, type Mechanism } from './mechanisms.ts';

export interface NoisySumOption {
  /** A number column; a missing value counts as 0. */
  column: string;
  /** Each value is clamped to [lower, upper]; a person's sensitivity is max(|lower|, |upper|) per row. */
  lower: number;
  upper: number;
}

export interface NoisyCountOptions {
  columns: readonly string[];
  seed: number | string;
  /** Epsilon of each query (the counts; the sums, if asked, are a second query). */
  epsilon: number;
  /** 'laplace' (default, delta 0) or 'gaussian' (needs delta > 0 and epsilon < 1). */
  mechanism?: Mechanism;
  /** Delta of each query; default 0 (Laplace), 1e-6 (Gaussian). */
  delta?: number;
  /** Most the whole release may spend, summed over its queries and earlier DP steps. Default epsilon 1, delta 1e-5. */
  budget?: Partial<PrivacyLoss>;
  /** Most rows one person has (checked against truth); the sensitivity scales with it. Default 1. */
  rowsPerPerson?: number;
  sum?: NoisySumOption;
  /** Round noisy values to whole numbers (post-processing). Default true. */
  round?: boolean;
  /** Clamp noisy values at 0 (post-processing; for sums only when lower >= 0). Default true. */
  clampAtZero?: boolean;
  missing?: MissingValues;
  totalLabel?: string;
  levels?: Readonly<Record<string, readonly string[]>>;
}

/** The options checked, with their defaults; errors name the option. */
export function noisyCountSettings(o: NoisyCountOptions) {
  const mechanism = oneOf('mechanism', o.mechanism ?? 'laplace', MECHANISMS);
  const delta = probability('delta', o.delta ?? (mechanism === 'laplace' ? 0 : 1e-6));
  if (mechanism === 'laplace' && delta !== 0) throw new OptionError('delta', 'the Laplace mechanism has delta 0');
  const epsilon = positiveNumber('epsilon', o.epsilon);
  noiseScale(mechanism, 1, epsilon, delta); // the mechanism's own limits (Gaussian: epsilon < 1, delta > 0)
  const sum = o.sum ? sumSettings(o.sum) : undefined;
  const clampAtZero = o.clampAtZero ?? true;
  if (sum && clampAtZero && sum.lower < 0) throw new OptionError('clampAtZero', `sums can be negative (sum.lower is ${sum.lower}); set clampAtZero to false`);
  const totalLabel = o.totalLabel ?? 'All';
  if (typeof totalLabel !== 'string' || totalLabel === '') throw new OptionError('totalLabel', 'must be a non-empty text');
  return {
    columns: columnList('columns', o.columns),
    seed: seedOption('seed', o.seed),
    epsilon,
    mechanism,
    delta,
    budget: { epsilon: o.budget?.epsilon ?? 1, delta: o.budget?.delta ?? 1e-5 },
    rowsPerPerson: wholeNumber('rowsPerPerson', o.rowsPerPerson ?? 1, 1),
    ...(sum ? { sum } : {}),
    round: Boolean(o.round ?? true),
    clampAtZero: Boolean(clampAtZero),
    missing: oneOf('missing', o.missing ?? 'category', ['category', 'drop'] as const),
    totalLabel,
    ...(o.levels ? { levels: o.levels } : {}),
  };
}

function sumSettings(s: NoisySumOption): NoisySumOption {
  if (typeof s.column !== 'string' || s.column === '') throw new OptionError('sum.column', 'must name a number column');
  if (!Number.isFinite(s.lower) || !Number.isFinite(s.upper) || s.lower > s.upper) {
    throw new OptionError('sum.lower', `sum.lower and sum.upper must be finite with lower <= upper, got ${s.lower} and ${s.upper}`);
  }
  if (s.lower === 0 && s.upper === 0) throw new OptionError('sum.upper', 'the clamp range [0, 0] sums nothing');
  return { column: s.column, lower: s.lower, upper: s.upper };
}

/**
 * The noisy table: the dimension columns, `count` and (with `sum`) `<column>_sum`, one row per cell
 * and per margin. Sensitivity of the counts: rowsPerPerson (L1 and L2); of the sums: rowsPerPerson x
 * max(|lower|, |upper|).
 */
export function noisyCountRelease(input: Dataset | Release, options: NoisyCountOptions): Release {
  const s = noisyCountSettings(options);
  if (input.table.rows === 0) throw new OptionError('columns', 'the table to aggregate is empty');
  checkRowsPerPerson(input.truth, s.rowsPerPerson);
  const accountant = new PrivacyAccountant(s.budget, chargesIn('applied' in input ? input.applied : []));
  const before = accountant.charges.length;
  const cross = crossTable(input.table, s.columns, { missing: s.missing, ...(s.levels ? { levels: s.levels } : {}) });
  const by = s.columns.join(' x ');
  const queries: Record<string, unknown>[] = [];
  const noisy = (query: string, exact: Float64Array, sensitivity: number, stream: string): Float64Array => {
    const charge: Charge = { query, epsilon: s.epsilon, delta: s.delta };
    accountant.charge(charge);
    const scale = noiseScale(s.mechanism, sensitivity, s.epsilon, s.delta);
    queries.push({ ...charge, mechanism: s.mechanism, sensitivity, scale });
    return noisyCells(cross, exact, scale, s.mechanism, streamKey(s.seed, stream), s.round, s.clampAtZero);
  };
  const values: Record<string, ReturnType<typeof numberColumn>> = {};
  values.count = numberColumn(noisy(`counts by ${by}`, cross.values, s.rowsPerPerson, 'dp:counts'));
  if (s.sum) {
    const { column, lower, upper } = s.sum;
    const sensitivity = s.rowsPerPerson * Math.max(Math.abs(lower), Math.abs(upper));
    values[`${column}_sum`] = numberColumn(noisy(`sums of ${column} by ${by}`, clampedSums(input.table, cross, s.sum), sensitivity, `dp:sum:${column}`));
  }
  const table = entriesTable(cross, s.totalLabel, values);
  const charges = accountant.charges.slice(before);
  return released(input, table, noPersons(table.rows), {
    safeguard: 'dp-counts',
    parameters: { ...s },
    summary: {
      cells: cross.values.filter((_, i) => !isMargin(i, cross.shape, cross.strides)).length,
      queries,
      charges,
      epsilonSpent: charges.reduce((a, c) => a + c.epsilon, 0),
      deltaSpent: charges.reduce((a, c) => a + c.delta, 0),
      releaseSpent: accountant.spent,
      budget: accountant.budget,
      marginsFrom: 'noisy cells',
    },
  });
}

/** Noise on each cell (post-processed), then margins summed from the noisy cells. */
function noisyCells(cross: CrossTable, exact: Float64Array, scale: number, mechanism: Mechanism, key: number, round: boolean, clampAtZero: boolean): Float64Array {
  const out = new Float64Array(exact.length);
  for (let i = 0; i < exact.length; i++) {
    if (isMargin(i, cross.shape, cross.strides)) continue;
    let v = exact[i]! + noiseAt(mechanism, scale, key, i);
    if (round) v = Math.round(v);
    if (clampAtZero) v = Math.max(0, v);
    out[i] = v + 0; // no -0
  }
  addMargins(out, cross.shape);
  return out;
}

/** Exact sums of the clamped column per cell and margin (missing counts as 0). */
function clampedSums(table: Table, cross: CrossTable, sum: NoisySumOption): Float64Array {
  const col = columnOf(table, sum.column, 'the table to aggregate');
  if (col.kind !== 'number') throw new OptionError('sum.column', `column "${sum.column}" is ${col.kind}, not number`);
  const sums = new Float64Array(cross.values.length);
  for (let i = 0; i < cross.cellOf.length; i++) {
    const v = col.values[i]!;
    if (cross.cellOf[i]! >= 0 && !Number.isNaN(v)) sums[cross.cellOf[i]!]! += Math.min(sum.upper, Math.max(sum.lower, v));
  }
  addMargins(sums, cross.shape);
  return sums;
}

/** The stated rows-per-person bound must hold, or the sensitivity (and so the guarantee) is wrong. */
function checkRowsPerPerson(truth: Int32Array, bound: number): void {
  const rows = new Map<number, number>();
  for (const id of truth) {
    const n = (rows.get(id) ?? 0) + 1;
    if (n > bound) throw new OptionError('rowsPerPerson', `person ${id} has ${n} rows, more than ${bound}; raise rowsPerPerson`);
    rows.set(id, n);
  }
}

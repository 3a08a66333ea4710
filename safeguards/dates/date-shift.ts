// Per-person date shifting: every date of one person moves by the same offset, drawn uniformly from
// [-maxDays, +maxDays] by a seeded counter-based draw keyed by the person's key (a column of the table,
// e.g. a pseudonymous beneficiary id), so intervals within a person's records are kept. Browser-safe.
import { NO_DAY } from '../../src/dates.ts';
import { below, hashString, streamKey } from '../../src/random/prng.ts';
import { columnOf, withColumn, type Column, type DateColumn, type Table } from '../../src/table/table.ts';
import { released, type Dataset, type Release } from '../types.ts';
import { OptionError, rejectUnknown } from '../options.ts';
import { reidentKindOf } from '../safe-harbor/reident-columns.ts';
import { daysOf } from './day-values.ts';

export interface DateShiftOptions {
  /** The column that says whose record a row is (text or number); rows with the same key shift together. */
  readonly personKey: string;
  /** The secret behind the offsets (integer or string); never recorded in the release. */
  readonly seed: number | string;
  /** Largest shift in days, either way; default 365. */
  readonly maxDays?: number;
  /** Date columns to shift; default every date column and every column reident knows as a date. */
  readonly columns?: readonly string[];
}

export const DEFAULT_MAX_SHIFT_DAYS = 365;
const STREAM = 'date-shift';
// Draw slots: a keyed person's offset; the offset of a row whose key is missing (a person of its own).
const DRAW_PERSON = 0;
const DRAW_KEYLESS_ROW = 1;

function validate(table: Table, raw: DateShiftOptions): Required<DateShiftOptions> {
  rejectUnknown(raw, ['personKey', 'seed', 'maxDays', 'columns']);
  const { personKey, seed, maxDays = DEFAULT_MAX_SHIFT_DAYS } = raw;
  if (typeof personKey !== 'string' || !table.columns[personKey]) {
    throw new OptionError('personKey', `must name a column of the table (columns: ${table.names.join(', ')}), got ${JSON.stringify(personKey)}`);
  }
  if (table.columns[personKey]!.kind === 'date') throw new OptionError('personKey', `"${personKey}" is a date column, not a person key`);
  if (!(typeof seed === 'string' ? seed !== '' : Number.isSafeInteger(seed))) {
    throw new OptionError('seed', 'is required: an integer or a non-empty string, kept secret (it undoes the shift)');
  }
  if (!Number.isInteger(maxDays) || maxDays < 1 || maxDays > 36_500) throw new OptionError('maxDays', `must be a whole number of days from 1 to 36500, got ${maxDays}`);
  const columns = raw.columns ?? table.names.filter((n) => table.columns[n]!.kind === 'date' || ['date', 'birth-date'].includes(reidentKindOf(n) ?? ''));
  if (!Array.isArray(columns)) throw new OptionError('columns', 'must be a list of column names');
  for (const c of columns) {
    if (!table.columns[c]) throw new OptionError('columns', `the table has no column "${c}"`);
    if (c === personKey) throw new OptionError('columns', `"${c}" is the person key`);
  }
  return { personKey, seed, maxDays, columns };
}

/** Each row's offset in days: one per distinct key value (a missing key gets a row's own offset). */
function offsetsOf(key: Column, stream: number, maxDays: number, rows: number): { offsets: Int32Array; persons: number; keyless: number } {
  const offsets = new Int32Array(rows);
  const width = 2 * maxDays + 1;
  const draw = (index: number, slot: number) => below(stream, index, slot, width) - maxDays;
  let keyless = 0;
  if (key.kind === 'text') {
    const byCode = key.dictionary.map((v) => draw(hashString(v), DRAW_PERSON));
    const seen = new Uint8Array(key.dictionary.length);
    for (let i = 0; i < rows; i++) {
      const k = key.codes[i]!;
      if (k < 0) {
        offsets[i] = draw(i, DRAW_KEYLESS_ROW);
        keyless++;
      } else {
        offsets[i] = byCode[k]!;
        seen[k] = 1;
      }
    }
    return { offsets, persons: seen.reduce((s, x) => s + x, 0), keyless };
  }
  const values = (key as { values: Float64Array }).values;
  const persons = new Set<number>();
  for (let i = 0; i < rows; i++) {
    const v = values[i]!;
    if (Number.isNaN(v)) {
      offsets[i] = draw(i, DRAW_KEYLESS_ROW);
      keyless++;
    } else {
      offsets[i] = draw(hashString(String(v)), DRAW_PERSON);
      persons.add(v);
    }
  }
  return { offsets, persons: persons.size, keyless };
}

/**
 * Shifts the chosen date columns by each person's offset. A text date column becomes a date column;
 * missing dates stay missing; rows keep their order. The release records the person key, maxDays and
 * the columns, and how many persons and dates were shifted, never the seed.
 */
export function shiftDates(input: Dataset | Release, options: DateShiftOptions): Release {
  const { table } = input;
  const opts = validate(table, options ?? ({} as DateShiftOptions));
  const { offsets, persons, keyless } = offsetsOf(columnOf(table, opts.personKey), streamKey(opts.seed, STREAM), opts.maxDays, table.rows);
  let out = table;
  let datesShifted = 0;
  for (const name of opts.columns) {
    const days = daysOf(table.columns[name]!, name);
    const shifted = new Int32Array(days.length);
    for (let i = 0; i < days.length; i++) {
      if (days[i] === NO_DAY) {
        shifted[i] = NO_DAY;
      } else {
        shifted[i] = days[i]! + offsets[i]!;
        datesShifted++;
      }
    }
    out = withColumn(out, name, { kind: 'date', days: shifted } satisfies DateColumn);
  }
  return released(input, out, input.truth, {
    safeguard: 'date-shift',
    parameters: { personKey: opts.personKey, maxDays: opts.maxDays, columns: opts.columns, seed: 'withheld' },
    summary: { persons, rowsWithoutKey: keyless, datesShifted },
  });
}

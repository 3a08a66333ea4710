// A count table: rows of a Table grouped by chosen columns into the cells of their cross product, with
// every margin. Stored "augmented": each dimension has one extra level, its total, so one dense array
// holds the cells, the (d-1)-margins, ... and the grand total, and every line of it (all entries along
// one dimension, the others fixed) sums to its total entry. Browser-safe; typed arrays only.
import { asText, columnLength, columnOf, type Table } from '../../src/table/table.ts';
import { OptionError } from '../options.ts';

/** Most entries (cells and margins) a count table may hold. */
export const MAX_TABLE_ENTRIES = 1_000_000;

export type MissingValues = 'category' | 'drop';

export interface CrossTable {
  readonly dimensions: readonly string[];
  /** Each dimension's levels in order (null: the missing level); the total level is not listed. */
  readonly levels: readonly (readonly (string | null)[])[];
  /** Augmented sizes: levels + 1, the last index of each dimension being its total. */
  readonly shape: Int32Array;
  readonly strides: Int32Array;
  /** Counts of every entry, row-major over `shape`. */
  readonly values: Float64Array;
  /** Each input row's cell (an index into values), or -1 when the row was dropped (missing). */
  readonly cellOf: Int32Array;
}

export interface CrossTableOptions {
  /** 'category' (default): a missing value is a level of its own; 'drop': rows with one are not counted. */
  missing?: MissingValues;
  /** Public levels per column (all of them shown, even when empty); a value outside them is an error. */
  levels?: Readonly<Record<string, readonly string[]>>;
}

/** Group the table's rows by `columns` and count every cell and margin. O(rows x columns + entries x d). */
export function crossTable(table: Table, columns: readonly string[], options: CrossTableOptions = {}): CrossTable {
  const missing = options.missing ?? 'category';
  const d = columns.length;
  const levels: (string | null)[][] = [];
  const levelOfCode: Int32Array[] = [];
  for (const name of columns) {
    const col = asText(columnOf(table, name, 'the table to aggregate'));
    const [order, ofCode] = columnLevels(name, col.codes, col.dictionary, missing, options.levels?.[name]);
    levels.push(order);
    levelOfCode.push(ofCode);
  }
  const shape = Int32Array.from(levels, (l) => l.length + 1);
  const entries = shape.reduce((a, b) => a * b, 1);
  if (entries > MAX_TABLE_ENTRIES) {
    throw new OptionError('columns', `${columns.join(' x ')} makes ${entries} cells and margins, more than ${MAX_TABLE_ENTRIES}`);
  }
  const strides = stridesOf(shape);
  const values = new Float64Array(entries);
  const n = d ? columnLength(table.columns[columns[0]!]!) : 0;
  const cellOf = new Int32Array(n);
  const codes = columns.map((name) => asText(table.columns[name]!).codes);
  for (let i = 0; i < n; i++) {
    let index = 0;
    for (let j = 0; j < d; j++) {
      const level = levelOfCode[j]![codes[j]![i]! + 1]!;
      if (level < 0) {
        index = -1;
        break;
      }
      index += level * strides[j]!;
    }
    cellOf[i] = index;
    if (index >= 0) values[index]!++;
  }
  addMargins(values, shape);
  return { dimensions: [...columns], levels, shape, strides, values, cellOf };
}

/** A column's levels (sorted, missing last) and the level of each code (indexed by code + 1; -1 dropped). */
function columnLevels(
  name: string,
  codes: Int32Array,
  dictionary: readonly string[],
  missing: MissingValues,
  publicLevels: readonly string[] | undefined,
): [(string | null)[], Int32Array] {
  const used = new Uint8Array(dictionary.length + 1);
  for (let i = 0; i < codes.length; i++) used[codes[i]! + 1] = 1;
  let order: (string | null)[];
  if (publicLevels) {
    order = [...publicLevels];
    const known = new Set(publicLevels);
    dictionary.forEach((v, c) => {
      if (used[c + 1] && !known.has(v)) throw new OptionError('levels', `column "${name}" has the value "${v}", not among its levels`);
    });
  } else {
    order = dictionary.filter((_, c) => used[c + 1]).sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  }
  if (used[0] && missing === 'category') order.push(null);
  const position = new Map(order.map((v, k) => [v, k]));
  const ofCode = new Int32Array(dictionary.length + 1).fill(-1);
  ofCode[0] = missing === 'category' && used[0] ? position.get(null)! : -1;
  dictionary.forEach((v, c) => (ofCode[c + 1] = position.get(v) ?? -1));
  if (order.length === 0) throw new OptionError('columns', `column "${name}" has no values to count`);
  return [order, ofCode];
}

export function stridesOf(shape: Int32Array): Int32Array {
  const strides = new Int32Array(shape.length);
  for (let j = shape.length - 1, s = 1; j >= 0; j--) {
    strides[j] = s;
    s *= shape[j]!;
  }
  return strides;
}

/** Fill every total entry from the cells (the cells' entries are read, the totals overwritten). */
export function addMargins(values: Float64Array, shape: Int32Array): void {
  const strides = stridesOf(shape);
  for (let j = 0; j < shape.length; j++) {
    const last = shape[j]! - 1;
    const stride = strides[j]!;
    for (let index = 0; index < values.length; index++) {
      if (Math.floor(index / stride) % shape[j]! !== last) continue;
      let sum = 0;
      for (let l = 0, at = index - last * stride; l < last; l++, at += stride) sum += values[at]!;
      values[index] = sum;
    }
  }
}

/** The coordinates of an entry. */
export function coordinatesOf(index: number, shape: Int32Array, strides: Int32Array): Int32Array {
  return Int32Array.from(shape, (size, j) => Math.floor(index / strides[j]!) % size);
}

/** True when the entry is a margin (some coordinate is a total). */
export function isMargin(index: number, shape: Int32Array, strides: Int32Array): boolean {
  for (let j = 0; j < shape.length; j++) if (Math.floor(index / strides[j]!) % shape[j]! === shape[j]! - 1) return true;
  return false;
}

// Reading and building the one table's text columns without a string per row: values are looked up in
// the dictionary, codes are remapped through small typed arrays. Browser-safe.
import { asText, columnOf, tableOf, textColumn, type Column, type Table, type TextColumn } from './table.ts';

/** The named column as text (a text column as it is; dates and numbers written as a file holds them). */
export function textColumnOf(t: Table, name: string, what?: string): TextColumn {
  return asText(columnOf(t, name, what));
}

/** Row i of the named column as text, or null: a dictionary look-up, no string made. */
export function textReader(t: Table, name: string, what?: string): (i: number) => string | null {
  const { codes, dictionary } = textColumnOf(t, name, what);
  return (i) => {
    const k = codes[i]!;
    return k < 0 ? null : dictionary[k]!;
  };
}

/** Row i of the named column as a number (Number() of its text, computed once per distinct value); NaN when missing. */
export function numberReader(t: Table, name: string, what?: string): (i: number) => number {
  const c = columnOf(t, name, what);
  if (c.kind === 'number') return (i) => c.values[i]!;
  const { codes, dictionary } = asText(c);
  const values = Float64Array.from(dictionary, Number);
  return (i) => {
    const k = codes[i]!;
    return k < 0 ? NaN : values[k]!;
  };
}

/** The whole column as integers (person ids and the like): Number() of each distinct text, once. */
export function integersOf(t: Table, name: string, what?: string): Int32Array {
  const read = numberReader(t, name, what);
  return Int32Array.from({ length: t.rows }, (_, i) => read(i));
}

/** A table of text columns from arrays of text (null is missing), coded in order of first appearance. */
export function textTable(columns: Readonly<Record<string, ArrayLike<string | null | undefined>>>): Table {
  return tableOf(Object.fromEntries(Object.entries(columns).map(([n, v]) => [n, textColumn(v)])));
}

/** The column's values as text (for string-level edits such as corruption; not for hot loops). */
export function textsOf(t: Table, name: string, what?: string): (string | null)[] {
  const read = textReader(t, name, what);
  return Array.from({ length: t.rows }, (_, i) => read(i));
}

/**
 * The same values coded afresh: only the dictionary entries used, in order of first appearance (what
 * textColumn gives for the column's text). A column made of rows of a larger one reads like one coded
 * on its own. Typed arrays only: no string per row.
 */
export function compactText(c: TextColumn): TextColumn {
  const remap = new Int32Array(c.dictionary.length).fill(-1);
  const codes = new Int32Array(c.codes.length);
  const dictionary: string[] = [];
  for (let i = 0; i < codes.length; i++) {
    const k = c.codes[i]!;
    if (k < 0) {
      codes[i] = -1;
      continue;
    }
    let m = remap[k]!;
    if (m < 0) {
      m = remap[k] = dictionary.length;
      dictionary.push(c.dictionary[k]!);
    }
    codes[i] = m;
  }
  return { kind: 'text', codes, dictionary };
}

/** Every text column compacted (compactText); other columns as they are. */
export function compactTable(t: Table): Table {
  const columns: Record<string, Column> = {};
  for (const n of t.names) {
    const c = t.columns[n]!;
    columns[n] = c.kind === 'text' ? compactText(c) : c;
  }
  return tableOf(columns, t.rows);
}

/**
 * Codes for two text columns in one shared space, their values first passed through `key` (once per
 * dictionary entry): equal keys get equal codes. A value whose key is null is missing (-1).
 * Returns the codes of each side and the number of distinct keys.
 */
export function sharedCodes(
  left: TextColumn,
  right: TextColumn,
  key: (value: string) => string | null = (v) => v,
): { left: Int32Array; right: Int32Array; distinct: number } {
  const index = new Map<string, number>();
  const remapOf = (c: TextColumn) =>
    Int32Array.from(c.dictionary, (v) => {
      const k = key(v);
      if (k === null) return -1;
      let code = index.get(k);
      if (code === undefined) index.set(k, (code = index.size));
      return code;
    });
  const through = (c: TextColumn, remap: Int32Array) => Int32Array.from(c.codes, (k) => (k < 0 ? -1 : remap[k]!));
  const l = through(left, remapOf(left));
  const r = through(right, remapOf(right));
  return { left: l, right: r, distinct: index.size };
}

/** For each row of `keys`, the first row of `lookup` holding the same text, or -1 (missing or absent). */
export function firstRowsOf(keys: TextColumn, lookup: TextColumn): Int32Array {
  const shared = sharedCodes(keys, lookup);
  const first = new Int32Array(shared.distinct).fill(-1);
  for (let i = shared.right.length - 1; i >= 0; i--) if (shared.right[i]! >= 0) first[shared.right[i]!] = i;
  return Int32Array.from(shared.left, (k) => (k < 0 ? -1 : first[k]!));
}

/** The text column's values at the given rows (-1: missing), coded afresh in order of first appearance. */
export function gatherText(c: TextColumn, rows: ArrayLike<number>): TextColumn {
  const codes = Int32Array.from({ length: rows.length }, (_, i) => (rows[i]! < 0 ? -1 : c.codes[rows[i]!]!));
  return compactText({ kind: 'text', codes, dictionary: c.dictionary });
}

/**
 * The column with every distinct value passed through f once (null: missing); values f makes equal
 * share a code. Coded in order of first appearance, as textColumn of the mapped text would be.
 */
export function mapText(c: TextColumn, f: (value: string) => string | null): TextColumn {
  const index = new Map<string, number>();
  const dictionary: string[] = [];
  const remap = Int32Array.from(c.dictionary, (v) => {
    const m = f(v);
    if (m === null) return -1;
    let k = index.get(m);
    if (k === undefined) {
      index.set(m, (k = dictionary.length));
      dictionary.push(m);
    }
    return k;
  });
  return compactText({ kind: 'text', codes: Int32Array.from(c.codes, (k) => (k < 0 ? -1 : remap[k]!)), dictionary });
}

// The one table of the core: named columns of dictionary-coded text, day-coded dates or numbers, each
// with its missing values. Readers make it; adversary builders, safeguards, joins, linkage, risk and the
// evaluators take it. Strings are made only when a table is written or shown. Browser-safe.
import { isoDate, NO_DAY, parseIsoDay } from '../dates.ts';

/** Text: row i is dictionary[codes[i]], or missing when codes[i] < 0. */
export interface TextColumn {
  readonly kind: 'text';
  readonly codes: Int32Array;
  readonly dictionary: readonly string[];
}

/** Dates as day numbers since 1970-01-01; NO_DAY is missing. */
export interface DateColumn {
  readonly kind: 'date';
  readonly days: Int32Array;
}

/** Numbers; NaN is missing. */
export interface NumberColumn {
  readonly kind: 'number';
  readonly values: Float64Array;
}

export type Column = TextColumn | DateColumn | NumberColumn;
export type Value = string | number | null;

export interface Table {
  readonly rows: number;
  /** Column names in order. */
  readonly names: readonly string[];
  readonly columns: Readonly<Record<string, Column>>;
}

/** A table that does not have what a caller asked of it; the message names the column. */
export class TableError extends Error {
  override readonly name = 'TableError';
}

export function columnLength(c: Column): number {
  return c.kind === 'text' ? c.codes.length : c.kind === 'date' ? c.days.length : c.values.length;
}

/** A table of these columns (in this order); every column must have the same length. */
export function tableOf(columns: Record<string, Column>, rows?: number): Table {
  const names = Object.keys(columns);
  const n = rows ?? (names.length ? columnLength(columns[names[0]!]!) : 0);
  for (const name of names) {
    const len = columnLength(columns[name]!);
    if (len !== n) throw new TableError(`column "${name}" has ${len} rows, the table ${n}`);
  }
  return { rows: n, names, columns };
}

/** The named column, or an error naming it and the columns there are. */
export function columnOf(t: Table, name: string, what = 'the table'): Column {
  const c = t.columns[name];
  if (!c) throw new TableError(`${what} has no column "${name}" (columns: ${t.names.join(', ') || 'none'})`);
  return c;
}

/** Codes text values (null or undefined is missing); the dictionary is in order of first appearance. */
export function textColumn(values: ArrayLike<string | null | undefined>): TextColumn {
  const codes = new Int32Array(values.length);
  const dictionary: string[] = [];
  const index = new Map<string, number>();
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null || v === undefined) {
      codes[i] = -1;
      continue;
    }
    let k = index.get(v);
    if (k === undefined) {
      k = dictionary.length;
      dictionary.push(v);
      index.set(v, k);
    }
    codes[i] = k;
  }
  return { kind: 'text', codes, dictionary };
}

export function dateColumn(days: ArrayLike<number>): DateColumn {
  return { kind: 'date', days: Int32Array.from(days) };
}

/** Dates from 'YYYY-MM-DD' text (null or '' is missing). */
export function dateColumnFromIso(values: ArrayLike<string | null | undefined>): DateColumn {
  return { kind: 'date', days: Int32Array.from({ length: values.length }, (_, i) => (values[i] ? parseIsoDay(values[i]!) : NO_DAY)) };
}

export function numberColumn(values: ArrayLike<number | null | undefined>): NumberColumn {
  return { kind: 'number', values: Float64Array.from({ length: values.length }, (_, i) => values[i] ?? NaN) };
}

export function isMissing(c: Column, i: number): boolean {
  return c.kind === 'text' ? c.codes[i]! < 0 : c.kind === 'date' ? c.days[i] === NO_DAY : Number.isNaN(c.values[i]);
}

/** Row i's value: text, a number, a date as 'YYYY-MM-DD', or null. */
export function valueAt(c: Column, i: number): Value {
  if (isMissing(c, i)) return null;
  return c.kind === 'text' ? c.dictionary[c.codes[i]!]! : c.kind === 'date' ? isoDate(c.days[i]!) : c.values[i]!;
}

/** Row i's value as text, as a file would hold it (null when missing). */
export function textAt(c: Column, i: number): string | null {
  const v = valueAt(c, i);
  return v === null ? null : String(v);
}

/** The whole column as values (for writing and showing; not for hot loops). */
export function valuesOf(c: Column): Value[] {
  return Array.from({ length: columnLength(c) }, (_, i) => valueAt(c, i));
}

/** The column as text, coded (a text column as it is). */
export function asText(c: Column): TextColumn {
  return c.kind === 'text' ? c : textColumn(Array.from({ length: columnLength(c) }, (_, i) => textAt(c, i)));
}

/** The named columns, in the order given. */
export function select(t: Table, names: readonly string[]): Table {
  return tableOf(Object.fromEntries(names.map((n) => [n, columnOf(t, n)])), t.rows);
}

/** The table without the named columns (names it does not have are ignored). */
export function drop(t: Table, names: readonly string[]): Table {
  const gone = new Set(names);
  return tableOf(Object.fromEntries(t.names.filter((n) => !gone.has(n)).map((n) => [n, t.columns[n]!])), t.rows);
}

/** The table with a column added or replaced (a new name goes last). */
export function withColumn(t: Table, name: string, c: Column): Table {
  const columns: Record<string, Column> = {};
  for (const n of t.names) columns[n] = n === name ? c : t.columns[n]!;
  if (!(name in columns)) columns[name] = c;
  return tableOf(columns, t.rows);
}

/** The given rows, in the given order (dictionaries are shared, not rebuilt). */
export function takeRows(t: Table, rows: ArrayLike<number>): Table {
  const columns: Record<string, Column> = {};
  for (const n of t.names) columns[n] = takeColumn(t.columns[n]!, rows);
  return tableOf(columns, rows.length);
}

function takeColumn(c: Column, rows: ArrayLike<number>): Column {
  const pick = <A extends Int32Array | Float64Array>(src: A, out: A): A => {
    for (let i = 0; i < rows.length; i++) out[i] = src[rows[i]!]!;
    return out;
  };
  if (c.kind === 'text') return { kind: 'text', codes: pick(c.codes, new Int32Array(rows.length)), dictionary: c.dictionary };
  if (c.kind === 'date') return { kind: 'date', days: pick(c.days, new Int32Array(rows.length)) };
  return { kind: 'number', values: pick(c.values, new Float64Array(rows.length)) };
}

/** A table from row objects (tests and small inputs); a column's kind comes from its first non-null value. */
export function fromRecords(records: readonly Record<string, Value>[], names?: readonly string[]): Table {
  const cols = names ?? (records[0] ? Object.keys(records[0]) : []);
  const columns: Record<string, Column> = {};
  for (const n of cols) {
    const values = records.map((r) => r[n] ?? null);
    const first = values.find((v) => v !== null);
    columns[n] = typeof first === 'number' ? numberColumn(values as (number | null)[]) : textColumn(values.map((v) => (v === null ? null : String(v))));
  }
  return tableOf(columns, records.length);
}

/** Row objects (for writing, showing and tests; not for hot loops). */
export function toRecords(t: Table): Record<string, Value>[] {
  return Array.from({ length: t.rows }, (_, i) => Object.fromEntries(t.names.map((n) => [n, valueAt(t.columns[n]!, i)])));
}

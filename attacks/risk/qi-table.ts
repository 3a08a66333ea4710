// Build the dictionary-coded quasi-identifier table every risk measure reads (recoding it, a release
// transform, is safeguards/generalise/qi-table.ts).
// Browser-safe: no node:* imports.

import { MISSING, type QiTable } from './types.ts';

/** Options for {@link qiTableFromColumns}. */
export interface QiTableOptions {
  /** Extra spellings of a missing value (compared with the value's string form), e.g. ['NA', '*']. */
  readonly naTokens?: readonly string[];
}

type Cell = string | number | null | undefined;

/**
 * Dictionary-code quasi-identifier columns. Each value is taken in its string form (numbers via
 * String(v)); null, undefined, '', NaN and every naToken become MISSING. Codes are given in order of
 * first appearance, so the same column always gets the same codes.
 * Throws on no columns, duplicate names, columns of unequal length, or a column with only missing values.
 */
export function qiTableFromColumns(
  names: readonly string[],
  columns: readonly ArrayLike<Cell>[],
  opts: QiTableOptions = {},
): QiTable {
  if (names.length === 0) throw new Error('qiTableFromColumns: no quasi-identifiers given');
  if (names.length !== columns.length) {
    throw new Error(`qiTableFromColumns: ${names.length} names but ${columns.length} columns`);
  }
  const seen = new Set<string>();
  for (const name of names) {
    if (seen.has(name)) throw new Error(`qiTableFromColumns: quasi-identifier "${name}" given twice`);
    seen.add(name);
  }
  const records = columns[0]!.length;
  columns.forEach((col, j) => {
    if (col.length !== records) {
      throw new Error(
        `qiTableFromColumns: column "${names[j]}" has ${col.length} values, "${names[0]}" has ${records}`,
      );
    }
  });
  const na = new Set(opts.naTokens ?? []);
  na.add('');
  const codes: Int32Array[] = [];
  const dictionaries: string[][] = [];
  for (let j = 0; j < columns.length; j++) {
    const col = columns[j]!;
    const out = new Int32Array(records);
    const dict: string[] = [];
    const index = new Map<string, number>();
    for (let i = 0; i < records; i++) {
      const v = col[i];
      if (v === null || v === undefined || (typeof v === 'number' && Number.isNaN(v))) {
        out[i] = MISSING;
        continue;
      }
      const text = typeof v === 'string' ? v : String(v);
      if (na.has(text)) {
        out[i] = MISSING;
        continue;
      }
      let code = index.get(text);
      if (code === undefined) {
        code = dict.length;
        index.set(text, code);
        dict.push(text);
      }
      out[i] = code;
    }
    codes.push(out);
    dictionaries.push(dict);
  }
  const table: QiTable = { records, names: [...names], codes, dictionaries };
  checkNotAllMissing(table);
  return table;
}

/** The column index of a quasi-identifier given by index or name; throws a clear error if unknown. */
export function qiIndex(table: QiTable, j: number | string): number {
  if (typeof j === 'string') {
    const at = table.names.indexOf(j);
    if (at < 0) throw new Error(`unknown quasi-identifier "${j}" (have: ${table.names.join(', ')})`);
    return at;
  }
  if (!Number.isInteger(j) || j < 0 || j >= table.codes.length) {
    throw new Error(`quasi-identifier index ${j} out of range 0..${table.codes.length - 1}`);
  }
  return j;
}

/** A view of the table on some of its quasi-identifiers (columns shared, not copied). */
export function selectQis(table: QiTable, indices: readonly number[]): QiTable {
  const cols = indices.map((j) => qiIndex(table, j));
  return {
    records: table.records,
    names: cols.map((j) => table.names[j]!),
    codes: cols.map((j) => table.codes[j]!),
    dictionaries: cols.map((j) => table.dictionaries[j]!),
  };
}

/** Throws when a quasi-identifier has only missing values (no class could be formed on it). */
export function checkNotAllMissing(table: QiTable): void {
  if (table.records === 0) return;
  for (let j = 0; j < table.codes.length; j++) {
    const col = table.codes[j]!;
    let any = false;
    for (let i = 0; i < col.length; i++) {
      if (col[i] !== MISSING) {
        any = true;
        break;
      }
    }
    if (!any) throw new Error(`quasi-identifier "${table.names[j]}" has only missing values`);
  }
}

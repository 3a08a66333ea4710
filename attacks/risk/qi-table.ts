// Build the dictionary-coded quasi-identifier table every risk measure reads (recoding it, a release
// transform, is safeguards/generalise/qi-table.ts).
// Browser-safe: no node:* imports.

import type { Table } from '../../src/table/table.ts';
import { mapText, textColumnOf } from '../../src/table/text.ts';
import { MISSING, type QiTable } from './types.ts';

/** Options for {@link qiTableOf}. */
export interface QiTableOptions {
  /** Extra spellings of a missing value (compared with the value's text), e.g. ['NA', '*']. */
  readonly naTokens?: readonly string[];
}

/**
 * The quasi-identifier columns of a table as the risk measures read them. A text column's codes are
 * used directly: its dictionary is filtered once ('' and every naToken become MISSING) and the codes
 * renumbered in order of first appearance, so the same column always gets the same codes. Dates and
 * numbers count as their text (a NaN or a missing day is MISSING). No string per record.
 * Throws on no columns, a name given twice, an unknown column, or a column with only missing values.
 */
export function qiTableOf(table: Table, names: readonly string[], opts: QiTableOptions = {}): QiTable {
  if (names.length === 0) throw new Error('qiTableOf: no quasi-identifiers given');
  const seen = new Set<string>();
  for (const name of names) {
    if (seen.has(name)) throw new Error(`qiTableOf: quasi-identifier "${name}" given twice`);
    seen.add(name);
  }
  const na = new Set(opts.naTokens ?? []);
  na.add('');
  const coded = names.map((name) => mapText(textColumnOf(table, name, 'qiTableOf: the table'), (v) => (na.has(v) ? null : v)));
  const qi: QiTable = { records: table.rows, names: [...names], codes: coded.map((c) => c.codes), dictionaries: coded.map((c) => [...c.dictionary]) };
  checkNotAllMissing(qi);
  return qi;
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

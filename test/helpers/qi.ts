// Quasi-identifier tables from plain arrays (numbers, text, null, undefined), through the one table:
// each column coded as its text, as a reader would give it, then read by qiTableOf.
import { qiTableOf, type QiTableOptions } from '../../attacks/risk/qi-table.ts';
import type { QiTable } from '../../attacks/risk/types.ts';
import { tableOf, textColumn } from '../../src/table/table.ts';

type Cell = string | number | null | undefined;

export function qiFromArrays(names: readonly string[], columns: readonly ArrayLike<Cell>[], opts: QiTableOptions = {}): QiTable {
  const text = (col: ArrayLike<Cell>) => textColumn(Array.from(col, (v) => (v === null || v === undefined || (typeof v === 'number' && Number.isNaN(v)) ? null : String(v))));
  // a name given twice reaches qiTableOf as it is (the table holds each name once)
  return qiTableOf(tableOf(Object.fromEntries(names.map((n, j) => [n, text(columns[j] ?? [])]))), names, opts);
}

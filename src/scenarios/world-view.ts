// What a scenario reads of a world: its tables, each the one coded table (every column text, as the
// world's files hold it; null for missing).
import { select, takeRows, type Table } from '../table/table.ts';
import { compactTable, integersOf, numberReader } from '../table/text.ts';

export interface WorldView {
  readonly people: Table;
  readonly beneficiaries?: Table;
  readonly claims_carrier?: Table;
  readonly claims_inpatient?: Table;
}

/**
 * The named columns of a world table (the given rows, in order, or all) as a visible table, and its
 * person ids as the truth, held apart. Text columns are coded afresh (compactText), so the table reads
 * as if it had been written out and read back.
 */
export function visible(table: Table, names: readonly string[], rows?: readonly number[]): { table: Table; truth: Int32Array } {
  const ids = integersOf(table, 'person_id');
  const chosen = select(table, names);
  if (!rows) return { table: compactTable(chosen), truth: ids };
  return { table: compactTable(takeRows(chosen, rows)), truth: Int32Array.from(rows, (i) => ids[i]!) };
}

/** Rows of the beneficiary table for one year (one row per beneficiary): the first year present. */
export function beneficiaryRows(benes: Table): number[] {
  const year = numberReader(benes, 'year', 'the beneficiary table');
  let first = Infinity;
  for (let i = 0; i < benes.rows; i++) first = Math.min(first, year(i));
  const rows: number[] = [];
  for (let i = 0; i < benes.rows; i++) if (year(i) === first) rows.push(i);
  return rows;
}

export function needTable<T>(table: T | undefined, name: string): T {
  if (!table) throw new Error(`this attack needs the world's ${name} table`);
  return table;
}


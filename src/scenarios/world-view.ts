// What a scenario reads of a world: its tables as column views (text, null for missing).
import type { Columns, WorldPeople } from '../../generators/adversary/types.ts';
import { columnLength, tableOf, textAt, textColumn, type Column, type Table } from '../table/table.ts';

export type TableView = WorldPeople;

export interface WorldView {
  readonly people: TableView;
  readonly beneficiaries?: TableView;
  readonly claims_carrier?: TableView;
  readonly claims_inpatient?: TableView;
}

/** The named columns of a view as a visible table, and its person ids as the truth (held apart). */
export function visible(view: TableView, names: readonly string[], rows?: readonly number[]): { table: Columns; truth: Int32Array } {
  const pick = rows ?? Array.from({ length: view.records }, (_, i) => i);
  const table: Columns = {};
  for (const n of names) {
    const c = view.column(n);
    table[n] = pick.map((i) => c[i] ?? null);
  }
  const pid = view.column('person_id');
  return { table, truth: Int32Array.from(pick, (i) => Number(pid[i])) };
}

/** Rows of the beneficiary table for one year (one row per beneficiary): the first year present. */
export function beneficiaryRows(benes: TableView): number[] {
  const year = benes.column('year');
  let first = Infinity;
  for (let i = 0; i < benes.records; i++) first = Math.min(first, Number(year[i]));
  const rows: number[] = [];
  for (let i = 0; i < benes.records; i++) if (Number(year[i]) === first) rows.push(i);
  return rows;
}

export function needTable<T>(table: T | undefined, name: string): T {
  if (!table) throw new Error(`this attack needs the world's ${name} table`);
  return table;
}

/** The named columns of a view as a dataset of the one table (text columns) with its truth, for safeguards. */
export function datasetOf(view: TableView, names: readonly string[], rows?: readonly number[]): { table: Table; truth: Int32Array } {
  const { table, truth } = visible(view, names, rows);
  return { table: tableFromColumns(table), truth };
}

/** Text columns as the one table. */
export function tableFromColumns(columns: Columns): Table {
  return tableOf(Object.fromEntries(Object.entries(columns).map(([n, v]) => [n, textColumn(v)])));
}

/** The one table as text columns, the form the joins and linkage take. */
export function columnsOfTable(table: Table): Columns {
  return Object.fromEntries(table.names.map((n) => [n, textValues(table.columns[n]!)]));
}

function textValues(c: Column): (string | null)[] {
  const out: (string | null)[] = new Array(columnLength(c));
  for (let i = 0; i < out.length; i++) out[i] = textAt(c, i);
  return out;
}

// The edge between reident's table and arquero's (users' own tables, notebooks). Browser-safe.
import * as aq from 'arquero';
import { columnLength, dateColumn, numberColumn, tableOf, textColumn, valuesOf, type Column, type Table } from './table.ts';
import { NO_DAY } from '../dates.ts';

const DAY_MS = 86_400_000;

/** An arquero table with the same columns: text as strings, numbers as numbers, dates as Date (UTC), missing as null. */
export function toArquero(t: Table): aq.ColumnTable {
  const data: Record<string, unknown[]> = {};
  for (const n of t.names) {
    const c = t.columns[n]!;
    data[n] = c.kind === 'date' ? Array.from(c.days, (d) => (d === NO_DAY ? null : new Date(d * DAY_MS))) : valuesOf(c);
  }
  return aq.table(data);
}

/** reident's table from arquero's: numbers stay numbers, Dates become day numbers, anything else is text. */
export function fromArquero(at: aq.ColumnTable): Table {
  const columns: Record<string, Column> = {};
  for (const n of at.columnNames()) {
    const values = at.array(n) as ArrayLike<unknown>;
    const first = Array.prototype.find.call(values, (v: unknown) => v !== null && v !== undefined);
    if (typeof first === 'number') columns[n] = numberColumn(Array.from(values as ArrayLike<number | null>));
    else if (first instanceof Date) columns[n] = dateColumn(Array.from(values as ArrayLike<Date | null>, (d) => (d ? Math.floor(d.getTime() / DAY_MS) : NO_DAY)));
    else columns[n] = textColumn(Array.from(values, (v) => (v === null || v === undefined ? null : String(v))));
  }
  const rows = at.numRows();
  for (const c of Object.values(columns)) if (columnLength(c) !== rows) throw new Error('arquero column lengths differ');
  return tableOf(columns, rows);
}

// Table chunk -> JSON text: the file is one array of row objects, one object per line.
import type { Cell, ColumnType, TableChunk, TableSchema } from '../table/schema.ts';
import { cellError, checkChunk, columnFormatter, formatMoney, joinRows, type CellFormat } from './format-csv.ts';

/** Opening of a JSON table file. */
export const JSON_OPEN = '[\n';
/** Closing of a JSON table file. */
export const JSON_CLOSE = '\n]\n';
/** Closing of a JSON table file that has no rows: '[\n]\n'. */
export const JSON_CLOSE_EMPTY = ']\n';

/** Integer cents -> a JSON number with the exact decimal value: 1250 -> '12.5', 1200 -> '12', -5 -> '-0.05'. */
export function jsonMoney(cents: number): string {
  const s = formatMoney(cents);
  if (s.endsWith('.00')) return s.slice(0, -3);
  return s.endsWith('0') ? s.slice(0, -1) : s;
}

/** One cell as JSON text. */
export function jsonCell(v: Cell | undefined, type: ColumnType): string {
  if (v === null || v === undefined) return 'null';
  if (type === 'money') {
    if (typeof v !== 'number') throw new Error(`money must be integer cents, got ${JSON.stringify(v)}`);
    return jsonMoney(v);
  }
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new Error(`number must be finite, got ${v}`);
    return String(v);
  }
  return JSON.stringify(v);
}

/**
 * The rows of a chunk as JSON objects, one per line, joined by ',\n'.
 * `first` says whether no row was written before (otherwise a leading ',\n' is added).
 */
export function jsonRows(schema: TableSchema, chunk: TableChunk, first: boolean): string {
  checkChunk(schema, chunk);
  if (chunk.rows === 0) return '';
  const last = schema.columns.length - 1;
  const formatters = schema.columns.map((c, j) => {
    const key = (j === 0 ? '{' : ',') + JSON.stringify(c.name) + ':';
    const close = j === last ? '}' : '';
    return columnFormatter(chunk.columns[j]!, c.type, JSON_FORMAT, (cell) => key + cell + close);
  });
  try {
    return (first ? '' : ',\n') + joinRows(chunk.rows, formatters, '', ',\n', '');
  } catch (e) {
    throw cellError(schema, chunk, e);
  }
}

const JSON_FORMAT: CellFormat = {
  plain: jsonCell,
  dictionaryEntry: (s) => JSON.stringify(s),
  date: (text) => JSON.stringify(text),
  nullText: 'null',
};

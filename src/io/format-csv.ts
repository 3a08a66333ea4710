// Table chunk -> RFC 4180 CSV text: one string per chunk, built by array join.
import type { Cell, ColumnType, TableChunk, TableSchema } from '../table/schema.ts';

const NEEDS_QUOTES = /[",\r\n]/;
const QUOTE_ALL = /"/g;

/** Integer cents -> '123.45' / '-0.05', exactly (formatted from the integer, no float division). */
export function formatMoney(cents: number): string {
  if (!Number.isSafeInteger(cents)) throw new Error(`money must be integer cents, got ${cents}`);
  const neg = cents < 0;
  const abs = neg ? -cents : cents;
  const frac = abs % 100;
  const whole = (abs - frac) / 100;
  return (neg ? '-' : '') + whole + (frac < 10 ? '.0' : '.') + frac;
}

/** One text field, quoted when it holds a comma, quote, CR or LF; '' is written as "" to keep it apart from null. */
export function csvText(s: string): string {
  if (s === '') return '""';
  return NEEDS_QUOTES.test(s) ? '"' + s.replace(QUOTE_ALL, '""') + '"' : s;
}

/** One cell of a column of the given type; null (or undefined) is the empty field. */
export function csvCell(v: Cell | undefined, type: ColumnType): string {
  return CELL[type](v);
}

function textCell(v: Cell | undefined): string {
  if (v === null || v === undefined) return '';
  return typeof v === 'string' ? csvText(v) : numberText(v);
}

function numberCell(v: Cell | undefined): string {
  if (v === null || v === undefined) return '';
  return typeof v === 'number' ? numberText(v) : csvText(v);
}

function moneyCell(v: Cell | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v !== 'number') throw new Error(`money must be integer cents, got ${JSON.stringify(v)}`);
  return formatMoney(v);
}

function numberText(v: number): string {
  if (!Number.isFinite(v)) throw new Error(`number must be finite, got ${v}`);
  return '' + v;
}

const CELL: Record<ColumnType, (v: Cell | undefined) => string> = {
  string: textCell,
  date: textCell,
  int: numberCell,
  money: moneyCell,
};

/** The header line (column names), ending in '\n'. */
export function csvHeader(schema: TableSchema): string {
  return schema.columns.map((c) => csvText(c.name)).join(',') + '\n';
}

/** Throws unless the chunk has exactly one column of `rows` values per schema column. */
export function checkChunk(schema: TableSchema, chunk: TableChunk): void {
  if (chunk.columns.length !== schema.columns.length) {
    throw new Error(`table ${schema.name}: chunk has ${chunk.columns.length} columns, schema has ${schema.columns.length}`);
  }
  chunk.columns.forEach((c, j) => {
    if (c.length !== chunk.rows) {
      throw new Error(`table ${schema.name}: column ${schema.columns[j]!.name} has ${c.length} values, expected ${chunk.rows}`);
    }
  });
}

/** Rows formatted per block: small enough that the per-column strings die young (cheap GC). */
const BLOCK_ROWS = 2048;

/** The rows of a chunk as CSV lines, each ending in '\n' (no header). Formats column by column, then joins rows. */
export function csvRows(schema: TableSchema, chunk: TableChunk): string {
  checkChunk(schema, chunk);
  try {
    return joinRows(schema, chunk, ',', '\n', '\n', schema.columns.map((c) => CELL[c.type]));
  } catch (e) {
    throw cellError(schema, chunk, e);
  }
}

/**
 * Formats each column of a block of rows with its cell function, joins every row's cells with `sep`,
 * and ends each row with `end` (the last row of the chunk with `last`).
 */
export function joinRows(
  schema: TableSchema,
  chunk: TableChunk,
  sep: string,
  end: string,
  last: string,
  cells: readonly ((v: Cell | undefined) => string)[],
): string {
  const n = chunk.rows;
  const width = schema.columns.length;
  if (n === 0 || width === 0) return '';
  const block = Math.min(n, BLOCK_ROWS);
  const cols: string[][] = cells.map(() => new Array<string>(block));
  const lines: string[] = new Array(block);
  const row: string[] = new Array(width);
  const parts: string[] = [];
  for (let s = 0; s < n; s += block) {
    const m = Math.min(block, n - s);
    for (let j = 0; j < width; j++) formatInto(chunk.columns[j]!, cells[j]!, s, m, cols[j]!);
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < width; j++) row[j] = cols[j]![i]!;
      lines[i] = row.join(sep);
    }
    if (m < block) lines.length = m;
    parts.push(lines.join(end) + (s + m < n ? end : last));
  }
  return parts.join('');
}

function formatInto(values: ArrayLike<Cell>, cell: (v: Cell | undefined) => string, start: number, m: number, out: string[]): void {
  for (let i = 0; i < m; i++) out[i] = cell(values[start + i]);
}

/** Re-raises a formatting error with the table and column that caused it. */
export function cellError(schema: TableSchema, chunk: TableChunk, e: unknown): Error {
  const message = e instanceof Error ? e.message : String(e);
  for (let j = 0; j < schema.columns.length; j++) {
    const c = schema.columns[j]!;
    const values = chunk.columns[j]!;
    for (let i = 0; i < chunk.rows; i++) {
      try {
        csvCell(values[i], c.type);
      } catch {
        return new Error(`table ${schema.name}, column ${c.name}, row ${i} of chunk: ${message}`);
      }
    }
  }
  return new Error(`table ${schema.name}: ${message}`);
}

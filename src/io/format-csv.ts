// Table chunk -> RFC 4180 CSV text: one string per chunk, built by array join.
import { cmsDate, isoDate, NO_DAY } from '../dates.ts';
import { cellAt, columnLength, isCoded, isDays, type Cell, type ChunkColumn, type ColumnType, type TableChunk, type TableSchema } from '../table/schema.ts';

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
    const n = columnLength(c);
    if (n !== chunk.rows) {
      throw new Error(`table ${schema.name}: column ${schema.columns[j]!.name} has ${n} values, expected ${chunk.rows}`);
    }
  });
}

/** Rows formatted per block: small enough that the per-column strings die young (cheap GC). */
const BLOCK_ROWS = 2048;

/** How one format writes cells: a plain cell, a dictionary entry (cached per dictionary) and a date text. */
export interface CellFormat {
  plain(v: Cell | undefined, type: ColumnType): string;
  dictionaryEntry(s: string): string;
  date(text: string): string;
  readonly nullText: string;
}

const CSV: CellFormat = {
  plain: (v, type) => CELL[type](v),
  dictionaryEntry: csvText,
  date: (text) => text,
  nullText: '',
};

/** Formatted dictionaries, kept per format as long as the dictionary array lives. */
const formattedDictionaries = new WeakMap<CellFormat, WeakMap<readonly string[], string[]>>();

function formattedDictionary(format: CellFormat, dictionary: readonly string[]): string[] {
  let byDictionary = formattedDictionaries.get(format);
  if (!byDictionary) formattedDictionaries.set(format, (byDictionary = new WeakMap()));
  let out = byDictionary.get(dictionary);
  if (!out) byDictionary.set(dictionary, (out = dictionary.map(format.dictionaryEntry)));
  return out;
}

/** A function that writes the formatted cells of rows [start, start + m) of a column into `out`. */
export type ColumnFormatter = (start: number, m: number, out: string[]) => void;

/** The formatter of one column; `wrap` decorates each cell (JSON keys), identity for CSV. */
export function columnFormatter(col: ChunkColumn, type: ColumnType, format: CellFormat, wrap?: (cell: string) => string): ColumnFormatter {
  const w = wrap ?? ((x: string) => x);
  if (isCoded(col)) {
    const dict = formattedDictionary(format, col.dictionary).map(w);
    const none = w(format.nullText);
    const codes = col.codes;
    return (start, m, out) => {
      for (let i = 0; i < m; i++) {
        const k = codes[start + i];
        out[i] = k < 0 ? none : dict[k];
      }
    };
  }
  if (isDays(col)) {
    const text = col.style === 'iso' ? isoDate : cmsDate;
    const none = w(format.nullText);
    const days = col.days;
    return (start, m, out) => {
      for (let i = 0; i < m; i++) {
        const d = days[start + i];
        out[i] = d === NO_DAY ? none : w(format.date(text(d)));
      }
    };
  }
  if (ArrayBuffer.isView(col) && type !== 'money' && !wrap) {
    // Typed arrays hold integers: small ones come from a table of their texts.
    const values = col as unknown as ArrayLike<number>;
    return (start, m, out) => {
      for (let i = 0; i < m; i++) {
        const v = values[start + i];
        out[i] = v >= 0 && v < SMALL_INTS.length && v === Math.floor(v) ? SMALL_INTS[v] : format.plain(v, type);
      }
    };
  }
  return (start, m, out) => {
    for (let i = 0; i < m; i++) out[i] = w(format.plain(col[start + i], type));
  };
}

const SMALL_INTS = Array.from({ length: 10_000 }, (_, i) => String(i));

/** The rows of a chunk as CSV text, each ending in '\n' (no header): the string reference that csvBytes must equal. */
export function csvRows(schema: TableSchema, chunk: TableChunk): string {
  checkChunk(schema, chunk);
  try {
    return joinRows(chunk.rows, schema.columns.map((c, j) => columnFormatter(chunk.columns[j]!, c.type, CSV)), ',', '\n', '\n');
  } catch (e) {
    throw cellError(schema, chunk, e);
  }
}

/**
 * Formats each column of a block of rows, joins every row's cells with `sep`,
 * and ends each row with `end` (the last row of the chunk with `last`).
 */
export function joinRows(n: number, formatters: readonly ColumnFormatter[], sep: string, end: string, last: string): string {
  const width = formatters.length;
  if (n === 0 || width === 0) return '';
  const block = Math.min(n, BLOCK_ROWS);
  const cols: string[][] = formatters.map(() => new Array<string>(block));
  const lines: string[] = new Array(block);
  const row: string[] = new Array(width);
  const parts: string[] = [];
  for (let s = 0; s < n; s += block) {
    const m = Math.min(block, n - s);
    for (let j = 0; j < width; j++) formatters[j]!(s, m, cols[j]!);
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < width; j++) row[j] = cols[j]![i]!;
      lines[i] = row.join(sep);
    }
    if (m < block) lines.length = m;
    parts.push(lines.join(end) + (s + m < n ? end : last));
  }
  return parts.join('');
}

/** Re-raises a formatting error with the table and column that caused it. */
export function cellError(schema: TableSchema, chunk: TableChunk, e: unknown): Error {
  const message = e instanceof Error ? e.message : String(e);
  for (let j = 0; j < schema.columns.length; j++) {
    const c = schema.columns[j]!;
    const values = chunk.columns[j]!;
    for (let i = 0; i < chunk.rows; i++) {
      try {
        csvCell(cellAt(values, i), c.type);
      } catch {
        return new Error(`table ${schema.name}, column ${c.name}, row ${i} of chunk: ${message}`);
      }
    }
  }
  return new Error(`table ${schema.name}: ${message}`);
}

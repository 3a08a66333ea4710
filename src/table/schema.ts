// Table schemas and row chunks: the one shape in which generated data crosses from the core to writers.
import { cmsDate, isoDate, NO_DAY } from '../dates.ts';

/**
 * string: text; int: integer; money: integer cents, written with two decimals;
 * date: text 'YYYY-MM-DD' or CMS 'YYYYMMDD' as the schema says.
 */
export type ColumnType = 'string' | 'int' | 'money' | 'date';

export interface ColumnSpec {
  readonly name: string;
  readonly type: ColumnType;
  readonly description: string;
  /** true for ground-truth columns (person_id and the like) that a released table must drop. */
  readonly truth?: boolean;
}

export interface TableSchema {
  readonly name: string;
  readonly description: string;
  readonly columns: readonly ColumnSpec[];
}

/** A missing value is null (written as an empty CSV field, JSON null, SQL NULL). */
export type Cell = string | number | null;

/** A dictionary-coded column: row i holds dictionary[codes[i]], or null when codes[i] < 0. */
export interface CodedColumn {
  readonly codes: ArrayLike<number>;
  readonly dictionary: readonly string[];
}

/** Day numbers (days since 1970-01-01) written as 'YYYY-MM-DD' (iso) or 'YYYYMMDD' (cms); NO_DAY is null. */
export interface DayColumn {
  readonly days: ArrayLike<number>;
  readonly style: 'iso' | 'cms';
}

/** A column of a chunk: plain values, or a coded form whose strings the writer makes (and caches) itself. */
export type ChunkColumn = ArrayLike<Cell> | CodedColumn | DayColumn;

/** A block of rows, column-major, aligned with schema.columns. */
export interface TableChunk {
  readonly rows: number;
  readonly columns: readonly ChunkColumn[];
}

export function coded(codes: ArrayLike<number>, dictionary: readonly string[]): CodedColumn {
  return { codes, dictionary };
}

export function dayColumn(days: ArrayLike<number>, style: 'iso' | 'cms'): DayColumn {
  return { days, style };
}

export function isCoded(c: ChunkColumn): c is CodedColumn {
  return (c as CodedColumn).codes !== undefined;
}

export function isDays(c: ChunkColumn): c is DayColumn {
  return (c as DayColumn).days !== undefined;
}

export function columnLength(c: ChunkColumn): number {
  return isCoded(c) ? c.codes.length : isDays(c) ? c.days.length : c.length;
}

/** The value of row i, whatever the column's form. */
export function cellAt(c: ChunkColumn, i: number): Cell {
  if (isCoded(c)) {
    const k = c.codes[i];
    return k < 0 ? null : c.dictionary[k];
  }
  if (isDays(c)) {
    const d = c.days[i];
    return d === NO_DAY ? null : c.style === 'iso' ? isoDate(d) : cmsDate(d);
  }
  return c[i];
}

/** The column as plain values (the same array when it already is one). */
export function plainColumn(c: ChunkColumn): ArrayLike<Cell> {
  if (!isCoded(c) && !isDays(c)) return c;
  return Array.from({ length: columnLength(c) }, (_, i) => cellAt(c, i));
}

/** Builds a chunk column by column; throws if a column is missing or has the wrong length. */
export function chunkOf(schema: TableSchema, rows: number, byName: Record<string, ChunkColumn>): TableChunk {
  const columns = schema.columns.map((c) => {
    const col = byName[c.name];
    if (!col) throw new Error(`table ${schema.name}: column ${c.name} was not produced`);
    const n = columnLength(col);
    if (n !== rows) throw new Error(`table ${schema.name}: column ${c.name} has ${n} rows, expected ${rows}`);
    return col;
  });
  return { rows, columns };
}

export function col(name: string, type: ColumnType, description: string, truth = false): ColumnSpec {
  return truth ? { name, type, description, truth } : { name, type, description };
}

// Table schemas and row chunks: the one shape in which generated data crosses from the core to writers.

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

/** A block of rows, column-major, aligned with schema.columns. */
export interface TableChunk {
  readonly rows: number;
  readonly columns: readonly ArrayLike<Cell>[];
}

/** Builds a chunk column by column; throws if a column is missing or has the wrong length. */
export function chunkOf(schema: TableSchema, rows: number, byName: Record<string, ArrayLike<Cell>>): TableChunk {
  const columns = schema.columns.map((c) => {
    const col = byName[c.name];
    if (!col) throw new Error(`table ${schema.name}: column ${c.name} was not produced`);
    if (col.length !== rows) throw new Error(`table ${schema.name}: column ${c.name} has ${col.length} rows, expected ${rows}`);
    return col;
  });
  return { rows, columns };
}

export function col(name: string, type: ColumnType, description: string, truth = false): ColumnSpec {
  return truth ? { name, type, description, truth } : { name, type, description };
}

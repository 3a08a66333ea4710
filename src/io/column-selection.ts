// --columns: a table written with only some of its columns. The schema keeps the columns asked for
// (in the schema's order), and each chunk is cut to them before it is formatted, so the columns left
// out cost no formatting.
import type { TableChunk, TableSchema } from '../table/schema.ts';

export interface Projection {
  readonly schema: TableSchema;
  /** pick[j]: index in the full schema (and its chunks) of the projected column j. */
  readonly pick: readonly number[];
}

/** The schema cut to `names` (every column when null). */
export function projectSchema(schema: TableSchema, names: ReadonlySet<string> | null): Projection {
  if (names === null) return { schema, pick: schema.columns.map((_, j) => j) };
  const pick: number[] = [];
  schema.columns.forEach((c, j) => names.has(c.name) && pick.push(j));
  return { schema: { ...schema, columns: pick.map((j) => schema.columns[j]!) }, pick };
}

/** The chunk's columns that a projection keeps (the chunk itself when it keeps them all). */
export function projectChunk(chunk: TableChunk, p: Projection, full: TableSchema): TableChunk {
  if (p.pick.length === full.columns.length) return chunk;
  return { rows: chunk.rows, columns: p.pick.map((j) => chunk.columns[j]!) };
}

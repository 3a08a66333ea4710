// The work of one batch, in a worker thread or in this one: generate people [start, end) of a world
// slice by slice and append each table's rows, formatted, to buffers reused from batch to batch.
import { generateWorld, type WorldPlan } from '../../generators/world.ts';
import type { TableName } from '../../generators/world-types.ts';
import { ByteBuffer } from './byte-buffer.ts';
import { sliceSize } from './slices.ts';
import { appendFormatted, type OutputFormat } from './table-writers.ts';

export interface FormattedRows {
  readonly bytes: Partial<Record<TableName, Uint8Array>>;
  readonly rows: Partial<Record<TableName, number>>;
}

export class BatchFormatter {
  private readonly buffers = new Map<TableName, ByteBuffer>();

  constructor(
    private readonly plan: WorldPlan,
    private readonly tables: readonly TableName[],
    private readonly format: OutputFormat,
  ) {
    for (const t of tables) this.buffers.set(t, new ByteBuffer(1 << 20));
  }

  /** Makes a batch, yielding the people done after every slice but the last; returns a copy of each table's bytes. */
  *batch(start: number, end: number): Generator<number, FormattedRows> {
    const rows: Partial<Record<TableName, number>> = {};
    for (const t of this.tables) {
      this.buffers.get(t)!.length = 0;
      rows[t] = 0;
    }
    for (const slice of generateWorld(this.plan, { start, end, tables: new Set(this.tables), batchSize: sliceSize(end - start) })) {
      for (const [t, chunk] of Object.entries(slice.chunks) as [TableName, NonNullable<(typeof slice.chunks)[TableName]>][]) {
        appendFormatted(this.format, this.plan.schemas[t], chunk, this.buffers.get(t)!, rows[t] === 0);
        rows[t]! += chunk.rows;
      }
      if (slice.end < end) yield slice.end - start;
    }
    const bytes: Partial<Record<TableName, Uint8Array>> = {};
    for (const t of this.tables) bytes[t] = this.buffers.get(t)!.copy();
    return { bytes, rows };
  }
}

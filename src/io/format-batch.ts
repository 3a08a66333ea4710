// The work of one batch, in a worker thread or in this one: generate people [start, end) of a world
// slice by slice and append each table's rows, formatted, to a buffer per table. A finished batch
// takes those buffers with it; the consumer hands them back (recycle) once written, so a long run
// allocates no new output memory per batch (and garbage collection has none to chase).
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
  /** Buffers of past batches, handed back, for the next batches' bytes. */
  private readonly spare: ArrayBuffer[] = [];

  constructor(
    private readonly plan: WorldPlan,
    private readonly tables: readonly TableName[],
    private readonly format: OutputFormat,
  ) {
    for (const t of tables) this.buffers.set(t, new ByteBuffer(1 << 20));
  }

  /** Makes a batch, yielding the people done after every slice but the last; returns each table's bytes (this formatter no longer touches them). */
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
      slice.release?.(); // its rows are bytes now
      if (slice.end < end) yield slice.end - start;
    }
    const bytes: Partial<Record<TableName, Uint8Array>> = {};
    for (const t of this.tables) {
      const out = this.buffers.get(t)!;
      bytes[t] = out.bytes.subarray(0, out.length);
      out.bytes = new Uint8Array(this.spareOf(out.bytes.length));
    }
    return { bytes, rows };
  }

  /**
   * A buffer handed back of at least `size` bytes (the smallest such), else a new one. Tables differ a
   * hundredfold in size: a small table's buffer given to a large one would grow by doubling, copying, every batch.
   */
  private spareOf(size: number): ArrayBuffer {
    let best = -1;
    for (let k = 0; k < this.spare.length; k++) {
      const b = this.spare[k]!.byteLength;
      if (b >= size && (best < 0 || b < this.spare[best]!.byteLength)) best = k;
    }
    if (best < 0) return new ArrayBuffer(size);
    const out = this.spare[best]!;
    this.spare[best] = this.spare[this.spare.length - 1]!;
    this.spare.pop();
    return out;
  }

  /** Takes back the buffers of a batch's bytes once they are written (their contents may then change). */
  recycle(buffers: readonly ArrayBuffer[]): void {
    for (const b of buffers) if (b.byteLength > 0) this.spare.push(b);
  }
}

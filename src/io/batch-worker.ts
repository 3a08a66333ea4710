// A worker thread that generates batches of a world and formats them, so the main thread only writes.
// Messages in: {init}, then {task}; out: {ready} | {progress} (after each slice) | {done} | {failed}.
// Text goes back as transferred bytes.
import { parentPort } from 'node:worker_threads';
import { generateWorld, planWorld, type WorldPlan } from '../../generators/world.ts';
import type { TableName, WorldOptions } from '../../generators/world-types.ts';
import { ByteBuffer } from './byte-buffer.ts';
import { sliceSize } from './slices.ts';
import { appendFormatted, type OutputFormat } from './table-writers.ts';

export interface WorkerInit {
  readonly init: { options: WorldOptions; tables: TableName[]; format: OutputFormat };
}
export interface WorkerTask {
  readonly task: { id: number; start: number; end: number };
}
export type WorkerReply =
  | { kind: 'ready' }
  | { kind: 'progress'; id: number; people: number }
  | { kind: 'done'; id: number; bytes: Partial<Record<TableName, Uint8Array>>; rows: Partial<Record<TableName, number>> }
  | { kind: 'failed'; id: number; message: string; stack?: string };

const port = parentPort!;
let plan: WorldPlan | null = null;
let tables: TableName[] = [];
let format: OutputFormat = 'csv';
// One output buffer per table, reused from task to task (only the finished bytes are copied out).
const buffers = new Map<TableName, ByteBuffer>();

port.on('message', (m: WorkerInit | WorkerTask) => {
  if ('init' in m) {
    try {
      plan = planWorld(m.init.options);
      tables = m.init.tables;
      format = m.init.format;
      for (const t of tables) buffers.set(t, new ByteBuffer(1 << 20));
      port.postMessage({ kind: 'ready' } satisfies WorkerReply);
    } catch (e) {
      port.postMessage({ kind: 'failed', id: -1, message: (e as Error).message } satisfies WorkerReply);
    }
    return;
  }
  const { id, start, end } = m.task;
  try {
    const rows: Partial<Record<TableName, number>> = {};
    for (const t of tables) {
      buffers.get(t)!.length = 0;
      rows[t] = 0;
    }
    for (const slice of generateWorld(plan!, { start, end, tables: new Set(tables), batchSize: sliceSize(end - start) })) {
      for (const [t, chunk] of Object.entries(slice.chunks) as [TableName, NonNullable<(typeof slice.chunks)[TableName]>][]) {
        appendFormatted(format, plan!.schemas[t], chunk, buffers.get(t)!, rows[t] === 0);
        rows[t]! += chunk.rows;
      }
      if (slice.end < end) port.postMessage({ kind: 'progress', id, people: slice.end - start } satisfies WorkerReply);
    }
    const bytes: Partial<Record<TableName, Uint8Array>> = {};
    for (const t of tables) bytes[t] = buffers.get(t)!.copy();
    port.postMessage({ kind: 'done', id, bytes, rows } satisfies WorkerReply, Object.values(bytes).map((b) => b!.buffer as ArrayBuffer));
  } catch (e) {
    port.postMessage({ kind: 'failed', id, message: (e as Error).message, stack: (e as Error).stack } satisfies WorkerReply);
  }
});

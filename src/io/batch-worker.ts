// A worker thread that generates batches of a world and formats them, so the main thread only writes.
// Messages in: {init}, then {task}; out: {ready} | {done} | {failed}. Text goes back as transferred bytes.
import { parentPort } from 'node:worker_threads';
import { generateWorld, planWorld, type WorldPlan } from '../../generators/world.ts';
import type { TableName, WorldOptions } from '../../generators/world-types.ts';
import { formatChunk, type OutputFormat } from './table-writers.ts';

export interface WorkerInit {
  readonly init: { options: WorldOptions; tables: TableName[]; format: OutputFormat };
}
export interface WorkerTask {
  readonly task: { id: number; start: number; end: number };
}
export type WorkerReply =
  | { kind: 'ready' }
  | { kind: 'done'; id: number; bytes: Partial<Record<TableName, Uint8Array>>; rows: Partial<Record<TableName, number>> }
  | { kind: 'failed'; id: number; message: string; stack?: string };

const port = parentPort!;
let plan: WorldPlan | null = null;
let tables: Set<TableName> = new Set();
let format: OutputFormat = 'csv';

port.on('message', (m: WorkerInit | WorkerTask) => {
  if ('init' in m) {
    try {
      plan = planWorld(m.init.options);
      tables = new Set(m.init.tables);
      format = m.init.format;
      port.postMessage({ kind: 'ready' } satisfies WorkerReply);
    } catch (e) {
      port.postMessage({ kind: 'failed', id: -1, message: (e as Error).message } satisfies WorkerReply);
    }
    return;
  }
  const { id, start, end } = m.task;
  try {
    const bytes: Partial<Record<TableName, Uint8Array>> = {};
    const rows: Partial<Record<TableName, number>> = {};
    for (const batch of generateWorld(plan!, { start, end, tables, batchSize: end - start })) {
      for (const [t, chunk] of Object.entries(batch.chunks) as [TableName, NonNullable<(typeof batch.chunks)[TableName]>][]) {
        bytes[t] = formatChunk(format, plan!.schemas[t], chunk);
        rows[t] = chunk.rows;
      }
    }
    port.postMessage({ kind: 'done', id, bytes, rows } satisfies WorkerReply, Object.values(bytes).map((b) => b!.buffer as ArrayBuffer));
  } catch (e) {
    port.postMessage({ kind: 'failed', id, message: (e as Error).message, stack: (e as Error).stack } satisfies WorkerReply);
  }
});

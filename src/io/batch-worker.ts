// A worker thread that generates batches of a world and formats them (format-batch.ts), so the main
// thread mostly writes. It claims batches itself, one at a time as it gets free, from the counter
// every thread of the run shares (slices.ts). Messages in: {init}, then {recycle}; out: {progress}
// (after each slice) | {done} | {failed}. Text goes back as transferred bytes, and their buffers come
// back in {recycle} once written, for the next batches.
import { parentPort } from 'node:worker_threads';
import { planWorld } from '../../generators/world.ts';
import type { TableName, WorldOptions } from '../../generators/world-types.ts';
import { BatchFormatter, type FormattedRows } from './format-batch.ts';
import { batchRange, claimBatch, type BatchPlan } from './slices.ts';
import type { OutputFormat } from './table-writers.ts';

export interface WorkerInit {
  readonly init: { options: WorldOptions; tables: TableName[]; format: OutputFormat; batches: BatchPlan; counter: Int32Array };
}
export interface WorkerRecycle {
  readonly recycle: ArrayBuffer[];
}
export type WorkerReply =
  | { kind: 'ready' }
  | { kind: 'progress'; id: number; people: number }
  | ({ kind: 'done'; id: number } & FormattedRows)
  | { kind: 'failed'; id: number; message: string; stack?: string };

const port = parentPort!;
let formatter: BatchFormatter | null = null;

port.on('message', (m: WorkerInit | WorkerRecycle) => {
  if ('recycle' in m) {
    formatter?.recycle(m.recycle);
    return;
  }
  try {
    formatter = new BatchFormatter(planWorld(m.init.options), m.init.tables, m.init.format);
  } catch (e) {
    port.postMessage({ kind: 'failed', id: -1, message: (e as Error).message } satisfies WorkerReply);
    return;
  }
  port.postMessage({ kind: 'ready' } satisfies WorkerReply);
  work(formatter, m.init.batches, m.init.counter);
});

/** Makes batches until none is left to claim, letting messages (buffers handed back) in between. */
function work(formatter: BatchFormatter, batches: BatchPlan, counter: Int32Array): void {
  const id = claimBatch(counter, batches);
  if (id < 0) return;
  try {
    const { start, end } = batchRange(batches, id);
    const making = formatter.batch(start, end);
    let step = making.next();
    for (; !step.done; step = making.next()) port.postMessage({ kind: 'progress', id, people: step.value } satisfies WorkerReply);
    const { bytes, rows } = step.value;
    port.postMessage({ kind: 'done', id, bytes, rows } satisfies WorkerReply, Object.values(bytes).map((b) => b!.buffer as ArrayBuffer));
  } catch (e) {
    port.postMessage({ kind: 'failed', id, message: (e as Error).message, stack: (e as Error).stack } satisfies WorkerReply);
    return;
  }
  setImmediate(() => work(formatter, batches, counter));
}

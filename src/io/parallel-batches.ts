// Generates and formats batches of a world in worker threads, handing them back in person order.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { TableName, WorldOptions } from '../../generators/world-types.ts';
import type { OutputFormat } from './table-writers.ts';
import type { WorkerReply } from './batch-worker.ts';

export interface FormattedBatch {
  readonly start: number;
  readonly end: number;
  readonly bytes: Partial<Record<TableName, Uint8Array>>;
  readonly rows: Partial<Record<TableName, number>>;
}

/** Worker threads worth starting here: one per core. */
export function defaultWorkers(): number {
  return Math.max(1, availableParallelism());
}

// Workers run TypeScript sources: register tsx's loader inside the worker, then load the worker module.
const WORKER_URL = new URL('./batch-worker.ts', import.meta.url).href;
const BOOT = `import('tsx/esm/api').then((api) => { api.register(); return import(${JSON.stringify(WORKER_URL)}); });`;

export interface ParallelJob {
  readonly options: WorldOptions;
  readonly tables: TableName[];
  readonly format: OutputFormat;
}

export interface ParallelRun {
  readonly workers: number;
  readonly signal?: AbortSignal | undefined;
  /** Called as workers report slices done, with the people generated so far (finished batches or not). */
  readonly onGenerated?: ((people: number) => void) | undefined;
}

/**
 * Yields the formatted batches of [start, end) in order, `workers` threads each holding up to two tasks.
 * Stops (and terminates the threads) when the consumer stops or `signal` aborts.
 */
export async function* parallelBatches(job: ParallelJob, range: { start: number; end: number; batchSize: number }, run: ParallelRun): AsyncGenerator<FormattedBatch> {
  const { signal } = run;
  const tasks: { start: number; end: number }[] = [];
  for (let a = range.start; a < range.end; a += range.batchSize) tasks.push({ start: a, end: Math.min(range.end, a + range.batchSize) });
  const pool = Array.from({ length: Math.min(run.workers, tasks.length) }, () => new Worker(BOOT, { eval: true }));
  const results = new Map<number, FormattedBatch>();
  // People generated: finished tasks in full, running ones as far as their last slice.
  const partial = new Map<number, number>();
  let generated = 0;
  const advance = (id: number, people: number) => {
    generated += people - (partial.get(id) ?? 0);
    partial.set(id, people);
    run.onGenerated?.(generated);
  };
  let failure: Error | null = null;
  let wake: (() => void) | null = null;
  const notify = () => {
    wake?.();
    wake = null;
  };
  let nextTask = 0;
  const dispatch = (w: Worker) => {
    if (nextTask < tasks.length && !failure) {
      const id = nextTask++;
      w.postMessage({ task: { id, ...tasks[id]! } });
    }
  };
  pool.forEach((w) => {
    w.on('message', (m: WorkerReply) => {
      if (m.kind === 'ready') {
        dispatch(w);
        dispatch(w);
      } else if (m.kind === 'progress') {
        advance(m.id, m.people);
        return;
      } else if (m.kind === 'done') {
        const task = tasks[m.id]!;
        results.set(m.id, { ...task, bytes: m.bytes, rows: m.rows });
        advance(m.id, task.end - task.start);
        partial.delete(m.id);
        dispatch(w);
      } else {
        failure ??= new Error(`worker failed on batch ${m.id}: ${m.message}`);
      }
      notify();
    });
    w.on('error', (e) => {
      failure ??= e;
      notify();
    });
    w.on('exit', (code) => {
      if (code !== 0) failure ??= new Error(`a worker thread exited with code ${code}`);
      notify();
    });
    w.postMessage({ init: job });
  });
  const onAbort = () => notify();
  signal?.addEventListener('abort', onAbort);
  try {
    for (let id = 0; id < tasks.length; id++) {
      while (!results.has(id)) {
        if (failure) throw failure;
        signal?.throwIfAborted();
        await new Promise<void>((resolve) => (wake = resolve));
      }
      const batch = results.get(id)!;
      results.delete(id);
      yield batch;
    }
  } finally {
    signal?.removeEventListener('abort', onAbort);
    failure ??= new Error('stopped');
    await Promise.all(pool.map((w) => w.terminate()));
  }
}

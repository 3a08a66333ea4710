// Generates and formats batches of a world on `threads` threads: this one and threads - 1 workers,
// handing them back in person order. This thread takes a batch only when it has none to hand back, so
// it makes the first batches while the workers start (loading modules, building vocabularies: seconds).
import { availableParallelism } from 'node:os';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { Worker } from 'node:worker_threads';
import type { WorldPlan } from '../../generators/world.ts';
import type { TableName, WorldOptions } from '../../generators/world-types.ts';
import type { FormattedRows } from './format-batch.ts';
import type { OutputFormat } from './table-writers.ts';
import type { WorkerInit, WorkerRecycle, WorkerReply } from './batch-worker.ts';
import { batchCount, batchRange, claimBatch, type BatchPlan } from './slices.ts';
import { workerEntry, type WorkerEntry } from './worker-bundle.ts';
import { siblingModule } from './worker-module.ts';

export interface FormattedBatch extends FormattedRows {
  readonly start: number;
  readonly end: number;
  /** Call once the bytes are written and no longer read: their buffers go back to the thread that made them. Optional. */
  release(): void;
}

/** Threads worth using here: one per core. */
export function defaultWorkers(): number {
  return Math.max(1, availableParallelism());
}

// Workers run the worker module bundled to plain JS (worker-bundle.ts), or as built (dist/).
const WORKER_URL = siblingModule('batch-worker', import.meta.url);

export interface ParallelJob {
  /** The plan, as made here; workers re-create it from `options`. */
  readonly plan: WorldPlan;
  readonly options: WorldOptions;
  readonly tables: TableName[];
  readonly format: OutputFormat;
}

export interface ParallelRun {
  /** Threads that generate: this one plus threads - 1 workers (at least 2 in all). */
  readonly threads: number;
  readonly signal?: AbortSignal | undefined;
  /** Whether this thread makes batches too when it has none to hand back (default true; false: it only waits). */
  readonly here?: boolean;
  /** Called as slices are done, with the people generated so far (finished batches or not). */
  readonly onGenerated?: ((people: number) => void) | undefined;
  /** The worker module (tests give one that fails); default batch-worker beside this file. */
  readonly workerModule?: string;
}

/** Yields the formatted batches of [start, end) in order; stops (and terminates the workers) when the consumer stops or `signal` aborts. */
export async function* parallelBatches(job: ParallelJob, range: { start: number; end: number; batchSize: number }, run: ParallelRun): AsyncGenerator<FormattedBatch> {
  const { signal } = run;
  const batches: BatchPlan = { start: range.start, end: range.end, batchSize: range.batchSize };
  const count = batchCount(batches);
  // Every thread claims its next batch from this counter when it gets free: no queue runs dry or is left over at the end.
  const counter = new Int32Array(new SharedArrayBuffer(4));
  const workers = run.here === false ? run.threads : run.threads - 1;
  const poolSize = Math.max(1, Math.min(workers, count));
  // Workers start once their bundle is ready (first use: ~1 s of esbuild); this thread makes batches meanwhile.
  const pool: Worker[] = [];
  let closed = false;
  const results = new Map<number, FormattedBatch>();
  // People generated: finished tasks in full, running ones as far as their last slice.
  const partial = new Map<number, number>();
  let generated = 0;
  const advance = (id: number, people: number) => {
    generated += people - (partial.get(id) ?? 0);
    partial.set(id, people);
    run.onGenerated?.(generated);
  };
  const finished = (id: number, rows: FormattedRows, recycle: (buffers: ArrayBuffer[]) => void) => {
    const task = batchRange(batches, id);
    const buffers = () => Object.values(rows.bytes).map((b) => b!.buffer as ArrayBuffer);
    let released = false;
    const release = () => {
      if (!released) recycle(buffers());
      released = true;
    };
    results.set(id, { ...task, bytes: rows.bytes, rows: rows.rows, release });
    advance(id, task.end - task.start);
    partial.delete(id);
  };
  let failure: Error | null = null;
  let wake: (() => void) | null = null;
  const notify = () => {
    wake?.();
    wake = null;
  };
  // Each worker's start: settled when it has loaded and says it is ready, or has failed.
  const readies: Promise<void>[] = [];
  const start = (entry: WorkerEntry) => {
    const w = 'file' in entry ? new Worker(entry.file) : new Worker(entry.eval, { eval: true });
    pool.push(w);
    let ready = () => {};
    readies.push(new Promise<void>((resolve) => (ready = resolve)));
    w.on('message', (m: WorkerReply) => {
      if (m.kind === 'ready') {
        ready();
        return;
      }
      if (m.kind === 'failed') ready();
      if (m.kind === 'progress') {
        advance(m.id, m.people);
        return;
      } else if (m.kind === 'done') {
        finished(m.id, m, (buffers) => {
          if (!closed) w.postMessage({ recycle: buffers } satisfies WorkerRecycle, buffers);
        });
      } else {
        failure ??= new Error(`worker failed on batch ${m.id}: ${m.message}`);
      }
      notify();
    });
    w.on('error', (e) => {
      failure ??= e;
      ready();
      notify();
    });
    w.on('exit', (code) => {
      if (code !== 0 && !closed) failure ??= new Error(`a worker thread exited with code ${code}`);
      ready();
      notify();
    });
    w.postMessage({ init: { options: job.options, tables: job.tables, format: job.format, batches, counter } } satisfies WorkerInit);
  };
  const started = workerEntry(run.workerModule ?? WORKER_URL).then(
    (entry) => {
      for (let k = 0; k < poolSize && !closed; k++) start(entry);
    },
    (e: Error) => {
      failure ??= e;
      notify();
    },
  );
  // loaded here, not on top: it loads the generator, which the shell loads only when it generates
  const { BatchFormatter } = await import('./format-batch.ts');
  const here = new BatchFormatter(job.plan, job.tables, job.format);
  /** Makes a batch in this thread, letting worker messages, signals and the progress bar in between slices. */
  const makeHere = async (id: number) => {
    const { start, end } = batchRange(batches, id);
    const making = here.batch(start, end);
    let step = making.next();
    for (; !step.done; step = making.next()) {
      advance(id, step.value);
      await nextTurn();
      if (failure) throw failure;
      signal?.throwIfAborted();
    }
    finished(id, step.value, (buffers) => here.recycle(buffers));
  };
  const onAbort = () => notify();
  signal?.addEventListener('abort', onAbort);
  try {
    for (let id = 0; id < count; id++) {
      while (!results.has(id)) {
        if (failure) throw failure;
        signal?.throwIfAborted();
        const mine = run.here !== false ? claimBatch(counter, batches) : -1;
        if (mine >= 0) await makeHere(mine);
        else await new Promise<void>((resolve) => (wake = resolve));
      }
      const batch = results.get(id)!;
      results.delete(id);
      yield batch;
    }
    // This thread may have made every batch before a worker started: a worker that could not start is
    // still an error (the run was asked for N threads), so wait for each to be running or to have failed.
    await started;
    await Promise.all(readies);
    if (failure) throw failure;
  } finally {
    signal?.removeEventListener('abort', onAbort);
    failure ??= new Error('stopped');
    closed = true;
    Atomics.store(counter, 0, count); // workers still running claim nothing more
    await Promise.all(pool.map((w) => w.terminate()));
  }
}

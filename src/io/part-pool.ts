// Writes parts on worker threads (part-worker.ts), handing each free thread the next part, or in this
// thread when one thread is asked for. Parts finish in any order; `onDone` is called for each, one at
// a time, and must finish before the thread that wrote it gets another part.
import { Worker } from 'node:worker_threads';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { WorldPlan } from '../../generators/world.ts';
import type { Part } from './partition-plan.ts';
import { PartWriter, type PartJob, type PartResult } from './part-writer.ts';
import type { PartWorkerReply } from './part-worker.ts';
import { workerEntry, type WorkerEntry } from './worker-bundle.ts';
import { siblingModule } from './worker-module.ts';

const WORKER_URL = siblingModule('part-worker', import.meta.url);

export interface PoolRun {
  readonly threads: number;
  readonly signal?: AbortSignal | undefined;
  /** People done so far in the parts being written (finished parts are reported through onDone). */
  readonly onPeople?: (people: number) => void;
  readonly onDone: (result: PartResult) => Promise<void>;
}

export async function writeParts(plan: WorldPlan, job: PartJob, parts: readonly Part[], run: PoolRun): Promise<void> {
  if (parts.length === 0) return;
  if (run.threads <= 1) return writeHere(plan, job, parts, run);
  const entry = await workerEntry(WORKER_URL);
  const queue = [...parts];
  const inFlight = new Map<string, number>();
  const report = () => run.onPeople?.([...inFlight.values()].reduce((a, b) => a + b, 0));
  const pool: Worker[] = [];
  let settle: { resolve(): void; reject(e: unknown): void };
  const finished = new Promise<void>((resolve, reject) => (settle = { resolve, reject }));
  let failed = false;
  let running = 0;
  const fail = (e: unknown) => {
    if (failed) return;
    failed = true;
    settle.reject(e);
  };
  const next = (w: Worker) => {
    const part = queue.shift();
    if (!part) {
      if (--running === 0) settle.resolve();
      return;
    }
    inFlight.set(part.id, 0);
    w.postMessage({ part });
  };
  // Completions are handled one after another (renames and the progress file are not re-entrant).
  let chain = Promise.resolve();
  const onAbort = () => fail(run.signal!.reason);
  run.signal?.addEventListener('abort', onAbort);
  try {
    run.signal?.throwIfAborted();
    for (let k = 0; k < Math.min(run.threads, parts.length); k++) {
      const w = start(entry);
      pool.push(w);
      running++;
      w.on('message', (m: PartWorkerReply) => {
        if (failed) return;
        if (m.kind === 'ready') next(w);
        else if (m.kind === 'progress') {
          inFlight.set(m.id, m.people);
          report();
        } else if (m.kind === 'done') {
          inFlight.delete(m.result.id);
          chain = chain.then(() => run.onDone(m.result)).then(() => (failed ? undefined : next(w)), fail);
        } else fail(new Error(m.id ? `writing part ${m.id} failed: ${m.message}` : `a worker thread could not start: ${m.message}`));
      });
      w.on('error', fail);
      w.on('exit', (code) => code !== 0 && fail(new Error(`a worker thread exited with code ${code}`)));
      w.postMessage({ init: job });
    }
    await finished;
    await chain;
  } finally {
    run.signal?.removeEventListener('abort', onAbort);
    failed = true;
    await Promise.all(pool.map((w) => w.terminate()));
  }
}

function start(entry: WorkerEntry): Worker {
  return 'file' in entry ? new Worker(entry.file) : new Worker(entry.eval, { eval: true });
}

/** One thread: parts in order, letting signals and the progress bar in between slices. */
async function writeHere(plan: WorldPlan, job: PartJob, parts: readonly Part[], run: PoolRun): Promise<void> {
  const writer = new PartWriter(plan, job);
  try {
    for (const part of parts) {
      run.signal?.throwIfAborted();
      const result = await writer.write(part, async (people) => {
        run.onPeople?.(people);
        await nextTurn();
        run.signal?.throwIfAborted();
      });
      run.onPeople?.(0);
      await run.onDone(result);
    }
  } finally {
    writer.close();
  }
}

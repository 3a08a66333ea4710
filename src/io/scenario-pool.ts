// Runs built-in scenarios on both cores: this thread and N-1 worker threads, each with its own copy of
// the world, take scenarios from one queue, the longest first. A scenario's result depends only on the world and
// its options, so it is the same whichever thread runs it; results come back in the order given.
import { Worker } from 'node:worker_threads';
import type { Options } from '../scenarios/option-spec.ts';
import type { ScenarioResult } from '../scenarios/result.ts';
import { runScenario } from '../scenarios/run.ts';
import type { ScenarioDefinition, ScenarioWorld } from '../scenarios/scenario.ts';
import type { ScenarioWorkerReply } from './scenario-worker.ts';
import { isBuiltModule, siblingModule } from './worker-module.ts';
import { packWorld } from './world-message.ts';

export interface ScenarioJob {
  readonly definition: ScenarioDefinition;
  readonly options: Options;
}

export interface PoolOptions {
  /** Threads in all, this one included (at least 1). */
  readonly threads: number;
  /** Called when a scenario starts or finishes: names running, scenarios finished, scenarios in all. */
  readonly onProgress?: (running: readonly string[], done: number, total: number) => void;
}

const WORKER_URL = siblingModule('scenario-worker', import.meta.url);
// From the sources a worker registers tsx first; the built module (dist/) runs as it is.
const BOOT = `import('tsx/esm/api').then((api) => { api.register(); return import(${JSON.stringify(WORKER_URL)}); });`;
const newWorker = () => (isBuiltModule(WORKER_URL) ? new Worker(new URL(WORKER_URL)) : new Worker(BOOT, { eval: true }));

/** A worker's error, carrying the scenario's own error name (e.g. OptionError) so callers treat it alike. */
function workerError(reply: { message: string; name: string }): Error {
  const e = new Error(reply.message);
  e.name = reply.name;
  return e;
}

/** The next message of a worker, or its error or exit as a rejection. */
function reply(w: Worker): Promise<ScenarioWorkerReply> {
  return new Promise((resolve, reject) => {
    const onError = (e: Error) => done(() => reject(e));
    const onExit = (code: number) => done(() => reject(new Error(`a scenario worker thread stopped (exit code ${code}) before it was ready`)));
    const onMessage = (m: ScenarioWorkerReply) => done(() => (m.kind === 'failed' ? reject(workerError(m)) : resolve(m)));
    const done = (settle: () => void) => {
      w.off('error', onError).off('exit', onExit).off('message', onMessage);
      settle();
    };
    w.on('error', onError).on('exit', onExit).on('message', onMessage);
  });
}

/**
 * Starts the workers and sends each the world, packed (world-message.ts). (Measured on the 2-core machine
 * with Wyoming: making the world again in each thread took 80 s against 33 s alone, since both threads
 * then contend for memory; a plain structured copy cost about 13 s to send and as much to receive.)
 */
async function startWorkers(count: number, world: ScenarioWorld): Promise<Worker[]> {
  const workers = Array.from({ length: count }, newWorker);
  try {
    // One packing per worker: shared columns are never shared by two workers.
    workers.forEach((w) => w.postMessage({ world: packWorld(world) }));
    await Promise.all(workers.map(reply));
    return workers;
  } catch (e) {
    await Promise.all(workers.map((w) => w.terminate()));
    throw e;
  }
}

/**
 * Runs the jobs on `threads` threads (this one and threads - 1 workers) and returns their results in order.
 */
export async function runScenarioJobs(jobs: readonly ScenarioJob[], world: ScenarioWorld, o: PoolOptions): Promise<ScenarioResult[]> {
  const results: ScenarioResult[] = new Array(jobs.length);
  const running = new Set<string>();
  // The longest first (by the scenarios' measured cost), so no thread is left with a long one at the end.
  const queue = jobs.map((_, id) => id).sort((a, b) => (jobs[b]!.definition.cost ?? 1) - (jobs[a]!.definition.cost ?? 1));
  let next = 0;
  let done = 0;
  let failed = false;
  const report = () => o.onProgress?.([...running], done, jobs.length);
  // After a failure no thread starts another scenario.
  const take = (): number | null => (!failed && next < queue.length ? queue[next++]! : null);
  const finished = (id: number, result: ScenarioResult) => {
    results[id] = result;
    running.delete(jobs[id]!.definition.name);
    done++;
    report();
  };
  const started = (id: number) => {
    running.add(jobs[id]!.definition.name);
    report();
  };

  const threads = Math.max(1, Math.min(o.threads, jobs.length));
  const workers = threads > 1 ? await startWorkers(threads - 1, world) : [];
  try {
    const onWorker = (w: Worker) =>
      new Promise<void>((resolve, reject) => {
        const send = () => {
          const id = take();
          if (id === null) return resolve();
          started(id);
          w.postMessage({ task: { id, name: jobs[id]!.definition.name, options: jobs[id]!.options } });
        };
        w.on('message', (m: ScenarioWorkerReply) => {
          if (m.kind === 'done') {
            finished(m.id, m.result);
            send();
          } else if (m.kind === 'failed') reject(workerError(m));
        });
        w.on('error', reject);
        w.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`a scenario worker thread stopped (exit code ${code})`))));
        send();
      });
    const onThisThread = async () => {
      for (let id = take(); id !== null; id = take()) {
        started(id);
        finished(id, await runScenario(jobs[id]!.definition, jobs[id]!.options, world));
      }
    };
    await Promise.all([onThisThread(), ...workers.map(onWorker)]).catch((e: unknown) => {
      failed = true;
      throw e;
    });
    return results;
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

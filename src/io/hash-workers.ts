// Splits an SSN space over worker threads that hash candidates (attacks/hash/invert.ts): the space is cut
// into index chunks handed out one at a time, results are merged, progress is reported per chunk, and
// the threads stop as soon as every target is found.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { FoundSsn, InvertOptions } from '../../attacks/hash/invert.ts';
import type { SsnCandidateSpace } from '../../attacks/hash/ssn-space.ts';
import { targetSet } from '../../attacks/hash/targets.ts';
import type { HashWorkerReply } from './hash-worker.ts';
import { isBuiltModule, siblingModule } from './worker-module.ts';

export interface ParallelInvertOptions extends InvertOptions {
  /** Worker threads (default: one per core). */
  readonly workers?: number;
  /** Candidates per task (default: range / (workers x 16), between 100,000 and 4,000,000). */
  readonly chunk?: number;
  /** Called after each finished task with candidates tried so far, the range size and targets found. */
  readonly onProgress?: (progress: { tried: number; total: number; found: number }) => void;
  readonly signal?: AbortSignal;
}

export interface ParallelInvertResult {
  readonly found: FoundSsn[];
  readonly tried: number;
  readonly targets: number;
  readonly workers: number;
  /** Wall-clock seconds from start to finish, thread start-up included. */
  readonly seconds: number;
  /** Wall-clock seconds from the first task handed out to the last result. */
  readonly scanSeconds: number;
  /** Candidates hashed per second of scanning. */
  readonly hashesPerSecond: number;
}

const WORKER_URL = siblingModule('hash-worker', import.meta.url);
// From the sources a worker registers tsx first; the built module (dist/) runs as it is.
const BOOT = `import('tsx/esm/api').then((api) => { api.register(); return import(${JSON.stringify(WORKER_URL)}); });`;
const newWorker = () => (isBuiltModule(WORKER_URL) ? new Worker(new URL(WORKER_URL)) : new Worker(BOOT, { eval: true }));

/** Inverts hex digests over [start, end) of a space on worker threads. */
export async function invertHashesParallel(targets: readonly string[], space: SsnCandidateSpace, options: ParallelInvertOptions): Promise<ParallelInvertResult> {
  options.signal?.throwIfAborted();
  const t0 = performance.now();
  const set = targetSet(options.algorithm, targets); // validates the digests before any thread starts
  const start = options.start ?? 0;
  const end = options.end ?? space.size;
  if (!(start >= 0 && end <= space.size && start <= end)) throw new RangeError(`range [${start}, ${end}) is outside the space [0, ${space.size})`);
  const workers = Math.max(1, Math.floor(options.workers ?? availableParallelism()));
  const chunk = Math.max(1, Math.floor(options.chunk ?? Math.min(4_000_000, Math.max(100_000, Math.ceil((end - start) / (workers * 16))))));
  const tasks: { start: number; end: number }[] = [];
  for (let a = start; a < end; a += chunk) tasks.push({ start: a, end: Math.min(end, a + chunk) });

  const found = new Map<string, FoundSsn[]>();
  const all = () => found.size === set.digests.length;
  let tried = 0;
  let scanStart = 0;
  if (tasks.length === 0 || set.digests.length === 0) {
    return { found: [], tried: 0, targets: set.digests.length, workers: 0, seconds: (performance.now() - t0) / 1000, scanSeconds: 0, hashesPerSecond: 0 };
  }
  const init = { targets: [...set.digests], space: plainSpace(space), options: plainOptions(options) };
  const pool = Array.from({ length: Math.min(workers, tasks.length) }, newWorker);
  let next = 0;
  let running = 0;
  let onAbort: (() => void) | null = null;
  try {
    await new Promise<void>((resolve, reject) => {
      const fail = (e: Error) => reject(e);
      const finishIfDone = () => {
        // Threads still scanning when the last target turns up are terminated; their work is not counted.
        if (all() || (running === 0 && next >= tasks.length)) resolve();
      };
      const dispatch = (w: Worker) => {
        if (next < tasks.length && !all() && !options.signal?.aborted) {
          if (scanStart === 0) scanStart = performance.now();
          const id = next++;
          running++;
          w.postMessage({ task: { id, ...tasks[id]! } });
        }
      };
      onAbort = () => reject(options.signal!.reason ?? new Error('aborted'));
      options.signal?.addEventListener('abort', onAbort, { once: true });
      for (const w of pool) {
        w.on('message', (m: HashWorkerReply) => {
          if (m.kind === 'ready') {
            dispatch(w);
            dispatch(w);
          } else if (m.kind === 'done') {
            running--;
            tried += m.tried;
            for (const f of m.found) found.set(f.digest, [...(found.get(f.digest) ?? []), f]);
            options.onProgress?.({ tried, total: end - start, found: found.size });
            dispatch(w);
          } else {
            fail(new Error(`hash worker failed${m.id >= 0 ? ` on task ${m.id}` : ''}: ${m.message}`));
          }
          finishIfDone();
        });
        w.on('error', fail);
        w.on('exit', (code) => {
          if (code !== 0) fail(new Error(`a hash worker thread exited with code ${code}`));
        });
        w.postMessage({ init });
      }
    });
  } finally {
    if (onAbort) options.signal?.removeEventListener('abort', onAbort);
    await Promise.all(pool.map((w) => w.terminate()));
  }
  const t1 = performance.now();
  const scanSeconds = (t1 - (scanStart || t1)) / 1000;
  // Merge in space order, as the single-thread scan returns them.
  const merged = [...found.values()].flat().sort((a, b) => a.value - b.value);
  return {
    found: merged, tried, targets: set.digests.length, workers: pool.length,
    seconds: (t1 - t0) / 1000, scanSeconds, hashesPerSecond: scanSeconds > 0 ? tried / scanSeconds : 0,
  };
}

/** A copy of the space holding only data (structured-clonable). */
function plainSpace(s: SsnCandidateSpace): SsnCandidateSpace {
  return { name: s.name, areas: [...s.areas], groups: [...s.groups], serialFrom: s.serialFrom, serialCount: s.serialCount, size: s.size };
}

function plainOptions(o: ParallelInvertOptions): Omit<InvertOptions, 'start' | 'end'> {
  return { algorithm: o.algorithm, format: o.format, key: o.key, stopWhenAllFound: true };
}

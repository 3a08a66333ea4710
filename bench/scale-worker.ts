// A bench:scale worker: takes whole states (partitions every class of the three quasi-identifiers
// respects: ZIP and county lie in one state), makes their people's packed keys and sends back each
// state's three class-size histograms. Holds one state's keys at a time (3 x 8 bytes per person).
// Messages in: {state} | {stop}; out: ready | progress | done | failed.
import { parentPort, workerData } from 'node:worker_threads';
import { planWorld } from '../generators/world.ts';
import type { WorldOptions } from '../generators/world-types.ts';
import { histogramOfKeysInPlace } from '../attacks/risk/class-histogram.ts';
import type { ClassHistogram } from '../attacks/risk/types.ts';
import { keyMaker, QI_NAMES } from './scale-keys.ts';

export type ScaleTask = { state: number } | { stop: true };
export type ScaleReply =
  | { kind: 'ready' }
  | { kind: 'progress'; people: number }
  | { kind: 'done'; state: number; people: number; histograms: ClassHistogram[] }
  | { kind: 'failed'; message: string };

const BATCH = 1 << 16;
const port = parentPort!;

try {
  const plan = planWorld(workerData as WorldOptions);
  const maker = keyMaker(plan, BATCH);
  let buffers: Float64Array[] = [];
  port.on('message', (m: ScaleTask) => {
    if ('stop' in m) return port.close();
    try {
      const sf = plan.context.frame.stateFrameOf[m.state]!;
      const n = sf.count;
      // Grow-only buffers: the largest state so far sets the bound.
      if ((buffers[0]?.length ?? 0) < n) buffers = QI_NAMES.map(() => new Float64Array(n));
      const keys = buffers.map((b) => b.subarray(0, n));
      for (let a = 0; a < n; a += BATCH * 4) {
        const b = Math.min(n, a + BATCH * 4);
        maker.fill(sf.start + a, sf.start + b, keys, a);
        port.postMessage({ kind: 'progress', people: b - a } satisfies ScaleReply);
      }
      const histograms = keys.map((k) => histogramOfKeysInPlace(k));
      port.postMessage({ kind: 'done', state: m.state, people: n, histograms } satisfies ScaleReply);
    } catch (e) {
      port.postMessage({ kind: 'failed', message: e instanceof Error ? (e.stack ?? e.message) : String(e) } satisfies ScaleReply);
    }
  });
  port.postMessage({ kind: 'ready' } satisfies ScaleReply);
} catch (e) {
  port.postMessage({ kind: 'failed', message: e instanceof Error ? (e.stack ?? e.message) : String(e) } satisfies ScaleReply);
}

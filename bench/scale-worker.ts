// A bench:scale worker: takes whole states (partitions every class of the ZIP keys respects: a ZCTA
// belongs to one state), makes their people's packed keys and sends back each state's three class-size
// histograms. The county key's classes in border counties can span states (scale-keys.ts): those keys
// come back as exact class counts, merged across states by the main thread. Holds one state's keys at a
// time (3 x 8 bytes per person).
// Messages in: {state} | {stop}; out: ready | progress | done | failed.
import { parentPort, workerData } from 'node:worker_threads';
import { planWorld } from '../generators/world.ts';
import type { WorldOptions } from '../generators/world-types.ts';
import { histogramOfKeysInPlace } from '../attacks/risk/class-histogram.ts';
import type { ClassHistogram } from '../attacks/risk/types.ts';
import { classCountsOfKeys, type ClassCounts } from '../attacks/risk/class-counts.ts';
import { borderCountyFlags, keyMaker, moveToEnd, QI_NAMES } from './scale-keys.ts';

export type ScaleTask = { state: number } | { stop: true };
export type ScaleReply =
  | { kind: 'ready' }
  | { kind: 'progress'; people: number }
  | { kind: 'done'; state: number; people: number; histograms: ClassHistogram[]; borderCounty: ClassCounts }
  | { kind: 'failed'; message: string };

const BATCH = 1 << 16;
const port = parentPort!;

try {
  const plan = planWorld(workerData as WorldOptions);
  const maker = keyMaker(plan, BATCH);
  const border = borderCountyFlags();
  const inBorderCounty = (key: number) => border[maker.countyOfKey(key)] === 1;
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
      const county = keys[2]!;
      const inside = moveToEnd(county, inBorderCounty);
      const borderCounty = classCountsOfKeys(county.subarray(inside));
      const histograms = [histogramOfKeysInPlace(keys[0]!), histogramOfKeysInPlace(keys[1]!), histogramOfKeysInPlace(county.subarray(0, inside))];
      const transfer = [borderCounty.keys.buffer as ArrayBuffer, borderCounty.counts.buffer as ArrayBuffer];
      port.postMessage({ kind: 'done', state: m.state, people: n, histograms, borderCounty } satisfies ScaleReply, transfer);
    } catch (e) {
      port.postMessage({ kind: 'failed', message: e instanceof Error ? (e.stack ?? e.message) : String(e) } satisfies ScaleReply);
    }
  });
  port.postMessage({ kind: 'ready' } satisfies ScaleReply);
} catch (e) {
  port.postMessage({ kind: 'failed', message: e instanceof Error ? (e.stack ?? e.message) : String(e) } satisfies ScaleReply);
}

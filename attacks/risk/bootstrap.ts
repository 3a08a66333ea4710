// Bootstrap confidence intervals for the class-based prosecutor figures. Records are resampled with
// replacement and each keeps its own risk 1/f_i: the interval says how much the figures depend on
// which records happen to be in the table. (Recounting classes inside a resample would not work:
// duplicated records are never unique, so uniqueness would collapse.) Draws are counter-based, so
// intervals are reproducible.
import { streamKey, u32 } from '../../src/random/prng.ts';
import type { ClassSummary } from './types.ts';

export interface Interval {
  readonly low: number;
  readonly high: number;
}

export interface BootstrapIntervals {
  readonly replicates: number;
  readonly confidence: number;
  readonly averageRisk: Interval;
  readonly highestRisk: Interval;
  readonly recordsAtRisk: Interval;
  readonly sampleUniqueness: Interval;
}

export interface BootstrapOptions {
  replicates?: number;
  confidence?: number;
  threshold?: number;
  seed?: number | string;
  /** Called after each replicate with replicates done and the total (for a progress bar). */
  onReplicate?: (done: number, total: number) => void;
}

/** Percentile intervals over `replicates` resamples of the records (any missing-value mode). */
export function bootstrapProsecutor(summary: ClassSummary, o: BootstrapOptions = {}): BootstrapIntervals {
  const replicates = o.replicates ?? 200;
  const confidence = o.confidence ?? 0.95;
  const threshold = o.threshold ?? 0.09;
  const n = summary.records;
  if (n === 0) throw new Error('bootstrap: the table has no records');
  const key = streamKey(o.seed ?? 1, 'bootstrap');
  const f = summary.frequency;
  const series = { averageRisk: new Float64Array(replicates), highestRisk: new Float64Array(replicates), recordsAtRisk: new Float64Array(replicates), sampleUniqueness: new Float64Array(replicates) };
  for (let b = 0; b < replicates; b++) {
    let sum = 0;
    let highest = 0;
    let atRisk = 0;
    let uniques = 0;
    for (let t = 0; t < n; t++) {
      const r = 1 / f[Math.floor((u32(key, t, b) / 4294967296) * n)]!;
      sum += r;
      if (r > highest) highest = r;
      if (r > threshold) atRisk++;
      if (r === 1) uniques++;
    }
    series.averageRisk[b] = sum / n;
    series.highestRisk[b] = highest;
    series.recordsAtRisk[b] = atRisk / n;
    series.sampleUniqueness[b] = uniques / n;
    o.onReplicate?.(b + 1, replicates);
  }
  const interval = (x: Float64Array): Interval => {
    const sorted = Float64Array.from(x).sort();
    const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.round(q * (sorted.length - 1))))]!;
    return { low: at((1 - confidence) / 2), high: at((1 + confidence) / 2) };
  };
  return {
    replicates,
    confidence,
    averageRisk: interval(series.averageRisk),
    highestRisk: interval(series.highestRisk),
    recordsAtRisk: interval(series.recordsAtRisk),
    sampleUniqueness: interval(series.sampleUniqueness),
  };
}

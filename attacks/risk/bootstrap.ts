// Bootstrap confidence intervals for the class-based prosecutor figures: resample the records with
// replacement (counter-based draws, so intervals are reproducible), recount the classes, recompute.
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
}

/** Percentile intervals over `replicates` resamples (category mode: the classes partition the records). */
export function bootstrapProsecutor(summary: ClassSummary, o: BootstrapOptions = {}): BootstrapIntervals {
  const replicates = o.replicates ?? 200;
  const confidence = o.confidence ?? 0.95;
  const threshold = o.threshold ?? 0.09;
  if (summary.missing !== 'category') throw new Error('bootstrap intervals are computed for --missing category only');
  if (summary.records === 0) throw new Error('bootstrap: the table has no records');
  const n = summary.records;
  const key = streamKey(o.seed ?? 1, 'bootstrap');
  const counts = new Int32Array(summary.classes);
  const series = { averageRisk: new Float64Array(replicates), highestRisk: new Float64Array(replicates), recordsAtRisk: new Float64Array(replicates), sampleUniqueness: new Float64Array(replicates) };
  for (let b = 0; b < replicates; b++) {
    counts.fill(0);
    for (let t = 0; t < n; t++) counts[summary.classOf[(u32(key, t, b) * n) / 4294967296 | 0]!]++;
    let present = 0;
    let uniques = 0;
    let atRisk = 0;
    let smallest = Infinity;
    for (let c = 0; c < counts.length; c++) {
      const f = counts[c]!;
      if (f === 0) continue;
      present++;
      if (f === 1) uniques++;
      if (1 / f > threshold) atRisk += f;
      if (f < smallest) smallest = f;
    }
    series.averageRisk[b] = present / n;
    series.highestRisk[b] = 1 / smallest;
    series.recordsAtRisk[b] = atRisk / n;
    series.sampleUniqueness[b] = uniques / n;
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

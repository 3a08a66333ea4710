// The Wilson score interval for a success rate k/n (REFERENCE 6), as Anonymeter reports it.
import { zFor } from './normal.ts';

/**
 * A rate with its Wilson interval. `rate` is the Wilson CENTRE (k + z^2/2)/(n + z^2), not the raw k/n:
 * this is the value Anonymeter calls the success rate and the one the REFERENCE 8 pins mean
 * (100 of 100 -> 0.9815..., not 1). `point` is the raw share k/n. low/high = rate -/+ halfWidth,
 * which always lie inside [0, 1].
 */
export interface RateInterval {
  k: number;
  n: number;
  confidence: number;
  /** Raw share k/n (NaN when n = 0). */
  point: number;
  /** Wilson centre. */
  rate: number;
  halfWidth: number;
  low: number;
  high: number;
}

/** Wilson interval of k successes in n trials at the given two-sided confidence (default 0.95). */
export function wilson(k: number, n: number, confidence = 0.95): RateInterval {
  if (!Number.isInteger(n) || n < 0) throw new Error(`wilson: n must be a non-negative integer, got ${n}`);
  if (!Number.isInteger(k) || k < 0 || k > n) throw new Error(`wilson: k must be an integer in [0, n=${n}], got ${k}`);
  if (!(confidence > 0 && confidence < 1)) throw new Error(`wilson: confidence must lie in (0, 1), got ${confidence}`);
  if (n === 0) return { k, n, confidence, point: NaN, rate: NaN, halfWidth: NaN, low: 0, high: 1 };
  const z = zFor(confidence);
  const z2 = z * z;
  const variance = (k * (n - k)) / n;
  const denominator = n + z2;
  const rate = (k + 0.5 * z2) / denominator;
  const halfWidth = (z / denominator) * Math.sqrt(variance + 0.25 * z2);
  // At k = 0 (k = n) the bound is exactly 0 (1); floating point would leave 1e-21 behind.
  return { k, n, confidence, point: k / n, rate, halfWidth, low: k === 0 ? 0 : rate - halfWidth, high: k === n ? 1 : rate + halfWidth };
}

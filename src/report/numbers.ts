// How every figure is written for a reader: percentages, counts, counts of a total, intervals,
// durations and rates. Tables, sentences and reports all call these, so one figure reads the same
// everywhere. Browser-safe.
import type { RateInterval } from '../../attacks/score/wilson.ts';

/** A whole number with thousands separators ("19,998"); fractions are rounded. */
export function count(n: number): string {
  finite(n, 'count');
  return Math.round(n).toLocaleString('en-US');
}

/**
 * A share as a percentage: one decimal ("12.1%", or `digits`); below 0.1%, three significant digits ("0.0745%").
 * Rounding never reaches "100%" or "0%" unless the share is exactly 1 or 0: a share just under 1 reads
 * "99.96%" or ">99.99%", so a reader is never told "everyone" when some were missed.
 */
export function percent(x: number, digits = 1): string {
  finite(x, 'percent');
  if (x === 0 || x === 1) return `${100 * x}%`;
  const p = 100 * x;
  if (Math.abs(p) < 0.1) return `${p.toPrecision(3)}%`;
  const fixed = p.toFixed(digits);
  if (Number(fixed) !== 100 || x >= 1) return `${fixed}%`;
  const finer = p.toFixed(digits + 1);
  return Number(finer) === 100 ? `>${(100 - 10 ** -(digits + 1)).toFixed(digits + 1)}%` : `${finer}%`;
}

/** "19,998 of 20,000": a count of a total, the form that never hides the few missed behind "100%". */
export function countOf(k: number, n: number): string {
  return `${count(k)} of ${count(n)}`;
}

/** "61 of 556 (11.0%)"; a total of 0 reads "0 of 0 (no cases)". */
export function shareOf(k: number, n: number): string {
  return n === 0 ? `${countOf(k, n)} (no cases)` : `${countOf(k, n)} (${percent(k / n)})`;
}

/** "95% CI 8.6%-13.8%". */
export function interval(low: number, high: number, confidence = 0.95): string {
  return `${Math.round(100 * confidence)}% CI ${percent(low)}-${percent(high)}`;
}

/** A Wilson rate: "61 of 556 (11.0%; 95% CI 8.6%-13.8%)"; with no trials, "0 of 0 (no cases)". */
export function rate(r: RateInterval): string {
  if (r.n === 0) return shareOf(r.k, r.n);
  return `${countOf(r.k, r.n)} (${percent(r.point)}; ${interval(r.low, r.high, r.confidence)})`;
}

/** A residual risk (attack over control, clipped to [0, 1]) with its interval: "59.1% (95% CI 46.8%-71.5%)". */
export function residual(r: { risk: number; low: number; high: number }, confidence = 0.95): string {
  return `${percent(r.risk)} (${interval(r.low, r.high, confidence)})`;
}

/** A difference in percentage points: "1.5 points", "1.0 point" (share differences of 0.015, 0.01). */
export function points(x: number): string {
  finite(x, 'points');
  const p = (100 * x).toFixed(1);
  return `${p} ${p === '1.0' ? 'point' : 'points'}`;
}

/** A plain decimal with a fixed number of digits ("0.998"). */
export function decimal(x: number, digits: number): string {
  finite(x, 'decimal');
  return x.toFixed(digits);
}

/** A relative error, labelled as one: "+12.3% relative error" ((estimate - truth) / truth). */
export function relativeError(x: number): string {
  return `${x > 0 ? '+' : x < 0 ? '-' : ''}${percent(Math.abs(x))} relative error`;
}

/** A measured duration with its unit: "5.50 ms", "0.84 s", "91.7 s", "36.2 min", "2.5 h". */
export function duration(seconds: number): string {
  finite(seconds, 'duration');
  if (seconds < 1) return `${(1000 * seconds).toPrecision(3)} ms`;
  if (seconds < 10) return `${seconds.toFixed(2)} s`;
  if (seconds < 120) return `${seconds.toFixed(1)} s`;
  if (seconds < 7200) return `${(seconds / 60).toFixed(1)} min`;
  return `${(seconds / 3600).toFixed(1)} h`;
}

/** A throughput with its unit: "460,423 hashes/s" (three significant digits below 10). */
export function perSecond(x: number, what: string): string {
  finite(x, 'perSecond');
  return `${x >= 10 ? count(x) : x.toPrecision(3)} ${what}/s`;
}

/** A fitted parameter quoted in a diagnostic: three significant digits; "infinite" or "not a number" otherwise. */
export function significant(x: number): string {
  if (Number.isNaN(x)) return 'not a number';
  if (!Number.isFinite(x)) return x > 0 ? 'infinite' : 'minus infinite';
  return Math.abs(x) >= 1e6 ? x.toPrecision(3) : String(Number(x.toPrecision(3)));
}

/** A measured quantity kept in JSON: three significant digits, since more would be clock noise. */
export function measured(x: number): number {
  finite(x, 'measured');
  return Number(x.toPrecision(3));
}

function finite(x: number, what: string): void {
  if (!Number.isFinite(x)) throw new Error(`${what}: ${x} is not a finite number (a figure was computed from nothing)`);
}

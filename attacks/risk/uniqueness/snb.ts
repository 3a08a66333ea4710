// SNB (Chen & Keller-McNulty 1998): population class sizes as 1 + negative binomial(alpha, beta),
// fitted to the sample's counts of classes of size 1 and 2.

import { count, significant } from '../../../src/report/numbers.ts';
import {
  estimate,
  exactCase,
  failed,
  resolveSample,
  type PopulationModel,
  type Sample,
  type SizeHistogram,
  type UniquenessEstimate,
} from './input.ts';

export interface SnbOptions {
  /** Stop when |E[c_i] - c_i| <= tolerance * max(1, c_i) for i = 1, 2. */
  readonly tolerance?: number;
  /** Newton iterations per start value. */
  readonly iterationsPerStart?: number;
  /** Use this number of non-empty population classes K instead of the Shlosser-type estimate. */
  readonly populationClasses?: number;
}

/** Start values (alpha, beta), tried in order; the first that converges wins. */
const STARTS: readonly (readonly [number, number])[] = [1, 0.5, 2, 0.1, 5, 20].flatMap((a) =>
  [0.5, 0.1, 0.9, 0.01, 0.99].map((b) => [a, b] as const),
);

/**
 * The SNB estimate of the number of population uniques. K, the number of non-empty population
 * classes, is estimated from the histogram (Haas et al.'s Shlosser-type estimator, as in ARX); then
 * (alpha, beta) solve
 *   E[c1] = K f (beta/D)^alpha (1 + alpha d/D)                                       = c1,
 *   E[c2] = K alpha beta^alpha f^2 (1-beta) (2 - (1-alpha) d) / (2 D^(alpha+2))       = c2,
 * with d = (1-f)(1-beta), D = 1 - d (F - 1 ~ NB(alpha, beta), sample counts binomial given F);
 * U = K beta^alpha. Solved by damped Newton from a grid of start values. Null, with the reason,
 * when there are no classes of size 2 or no start converges.
 *
 * Differences from ARX's ModelSNB, on purpose: ARX multiplies rather than divides by D^(alpha+2) in
 * the c2 equation (its Jacobian, and its older AlgorithmNewtonSNB, divide), and its K estimate
 * subtracts 1 per histogram entry instead of inside (1+f)^i - 1 (an operator-precedence slip).
 */
export function snb(histogram: SizeHistogram, population: PopulationModel, options: SnbOptions = {}): UniquenessEstimate {
  const s = resolveSample(histogram, population, 'snb');
  const exact = exactCase(s);
  if (exact) return exact;
  if (s.c2 === 0) return failed('SNB: the sample has no classes of size 2, so the model cannot be fitted');
  const K = options.populationClasses ?? shlosserClasses(s);
  if (!(K >= s.u) || !Number.isFinite(K)) {
    return failed(`SNB: the number of population classes K = ${significant(K)} is not a finite number >= u = ${count(s.u)}`);
  }
  const fit = fitSnb(s, K, options);
  if ('error' in fit) return failed(`SNB: ${fit.error}`, { populationClasses: K });
  const uniques = K * Math.pow(fit.beta, fit.alpha);
  const parameters = { alpha: fit.alpha, beta: fit.beta, populationClasses: K, iterations: fit.iterations };
  if (!Number.isFinite(uniques) || uniques < 0 || uniques > s.N) {
    return failed(`SNB: the fitted model gives U = ${significant(uniques)}, outside [0, N = ${count(s.N)}]`, parameters);
  }
  return estimate(uniques, s.N, undefined, parameters);
}

/**
 * Haas et al. (1995)'s third Shlosser-type estimator of the number of distinct classes in the
 * population, with q = f:
 *   K = u + c1 [sum i q^2 (1-q^2)^(i-1) c_i / sum ((1-q^2)^i - (1-q)^i) c_i] [sum (1-q)^i c_i / sum i q (1-q)^(i-1) c_i]^2.
 */
export function shlosserClasses(s: Sample): number {
  const q = s.f;
  if (q >= 1) return s.u;
  let a = 0;
  let b = 0;
  let c = 0;
  let d = 0;
  for (let k = 0; k < s.sizes.length; k++) {
    const i = s.sizes[k];
    const ci = s.counts[k];
    const p1 = Math.pow(1 - q, i);
    const p2 = Math.pow(1 - q * q, i);
    a += i * q * q * Math.pow(1 - q * q, i - 1) * ci;
    b += (p2 - p1) * ci; // (1-q)^i ((1+q)^i - 1), without overflowing (1+q)^i
    c += p1 * ci;
    d += i * q * Math.pow(1 - q, i - 1) * ci;
  }
  const ratio = c / d;
  return s.u + s.c1 * (a / b) * ratio * ratio;
}

type Fit = { alpha: number; beta: number; iterations: number } | { error: string };

function fitSnb(s: Sample, K: number, options: SnbOptions): Fit {
  const tolerance = options.tolerance ?? 1e-10;
  const perStart = options.iterationsPerStart ?? 200;
  const tol1 = tolerance * Math.max(1, s.c1);
  const tol2 = tolerance * Math.max(1, s.c2);
  let iterations = 0;
  for (const [a0, b0] of STARTS) {
    let alpha = a0;
    let beta = b0;
    for (let it = 0; it < perStart; it++, iterations++) {
      const e = equations(K, s.f, s.c1, s.c2, alpha, beta);
      if (!e) break;
      if (Math.abs(e.g1) <= tol1 && Math.abs(e.g2) <= tol2) return { alpha, beta, iterations };
      const det = e.j11 * e.j22 - e.j12 * e.j21;
      const dA = (e.j22 * e.g1 - e.j12 * e.g2) / det;
      const dB = (e.j11 * e.g2 - e.j21 * e.g1) / det;
      if (!Number.isFinite(dA) || !Number.isFinite(dB)) break;
      // Damp the step until it stays inside alpha > 0, 0 < beta < 1.
      let lambda = 1;
      while (lambda > 1e-12 && !(alpha - lambda * dA > 0 && beta - lambda * dB > 0 && beta - lambda * dB < 1)) lambda /= 2;
      if (lambda <= 1e-12) break;
      alpha -= lambda * dA;
      beta -= lambda * dB;
    }
  }
  return { error: `Newton's method did not converge from ${STARTS.length} start values` };
}

interface Equations {
  g1: number;
  g2: number;
  j11: number;
  j12: number;
  j21: number;
  j22: number;
}

/** The two moment equations (expected minus observed) and their Jacobian in (alpha, beta). */
function equations(K: number, f: number, c1: number, c2: number, a: number, b: number): Equations | null {
  if (!(a > 0 && b > 0 && b < 1)) return null;
  const d = (1 - f) * (1 - b);
  const D = 1 - d;
  const C = 2 - (1 - a) * d;
  if (!(C > 0)) return null;
  // E[c1] = K f A B with A = (b/D)^a and B = 1 + a d/D.
  const A = Math.pow(b / D, a);
  const B = 1 + (a * d) / D;
  const e1 = K * f * A * B;
  const j11 = K * f * A * (Math.log(b / D) * B + d / D);
  const j12 = K * f * A * (a * (1 / b - (1 - f) / D) * B - (a * (1 - f)) / (D * D));
  // E[c2] through its logarithm: ln a + a ln b + ln(1-b) + ln C - (a+2) ln D + const.
  const e2 = (K * f * f * a * Math.pow(b, a) * (1 - b) * C) / (2 * Math.pow(D, a + 2));
  const dlnA = 1 / a + Math.log(b) + d / C - Math.log(D);
  const dlnB = a / b - 1 / (1 - b) + ((1 - a) * (1 - f)) / C - ((a + 2) * (1 - f)) / D;
  const out = { g1: e1 - c1, g2: e2 - c2, j11, j12, j21: e2 * dlnA, j22: e2 * dlnB };
  return Number.isFinite(out.g1 + out.g2 + out.j11 + out.j12 + out.j21 + out.j22) ? out : null;
}

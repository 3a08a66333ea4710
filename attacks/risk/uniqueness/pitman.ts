// Pitman (Hoshino 2001): fit the two-parameter Pitman sampling formula to the sample's class-size
// histogram by maximum likelihood, then read the expected number of population uniques off the fit.

import { count, significant } from '../../../src/report/numbers.ts';
import { digammaDiff, logGamma, trigamma } from './special.ts';
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

export interface PitmanOptions {
  /** Newton stops when both score components are at most this in absolute value (ARX: 1e-6). */
  readonly accuracy?: number;
  /** Newton iterations per start value (ARX: 1000). */
  readonly iterationsPerStart?: number;
  /**
   * Up to this many classes the likelihood's sums over classes are added term by term; above it they
   * use closed forms in digamma/trigamma (O(1) per Newton step, as ARX does). Default 20,000.
   */
  readonly directSumLimit?: number;
}

const DIRECT_SUM_LIMIT = 20_000;

/**
 * Start values tried after the moment-based one fails, as ARX's solver does: theta and alpha on the
 * grid {0, 0.33, 0.66, 0.99}^2.
 */
const FALLBACK_STARTS: readonly (readonly [number, number])[] = [0, 0.33, 0.66, 0.99].flatMap((t) =>
  [0, 0.33, 0.66, 0.99].map((a) => [t, a] as const),
);

/**
 * Pitman's estimate of the number of population uniques: the ML fit (theta, alpha) of the Pitman
 * sampling formula, by Newton's method from the moment start values
 *   c = c1(c1-1)/c2, theta0 = (n u c - c1(n-1)(2u+c)) / (2 c1 u + c1 c - n c),
 *   alpha0 = (theta0 (c1 - n) + (n-1) c1) / (n u)
 * (c2 = 0 counts as 1 there), then the ARX fallback grid; theta must stay >= 0 during the iteration
 * (ARX's constraint). Then U = Gamma(theta+1) / Gamma(theta+alpha) N^alpha, in log space.
 * Null when no start converges, when alpha leaves (0, 1), or when U leaves [0, N].
 */
export function pitman(histogram: SizeHistogram, population: PopulationModel, options: PitmanOptions = {}): UniquenessEstimate {
  const s = resolveSample(histogram, population, 'pitman');
  const exact = exactCase(s);
  if (exact) return exact;
  const fit = fitPitman(s, options);
  if ('error' in fit) return failed(`Pitman: ${fit.error}`);
  const { theta, alpha } = fit;
  const parameters = { theta, alpha, iterations: fit.iterations };
  if (!(alpha > 0 && alpha < 1)) {
    return failed(`Pitman: the fitted alpha = ${significant(alpha)} is outside (0, 1), so the model does not apply`, parameters);
  }
  if (!(theta >= 0)) return failed(`Pitman: the fitted theta = ${significant(theta)} is negative`, parameters);
  const uniques = Math.exp(logGamma(theta + 1) - logGamma(theta + alpha) + alpha * Math.log(s.N));
  if (!Number.isFinite(uniques) || uniques < 0 || uniques > s.N) {
    return failed(`Pitman: the fitted model gives U = ${significant(uniques)}, outside [0, N = ${count(s.N)}]`, parameters);
  }
  return estimate(uniques, s.N, undefined, parameters);
}

type Fit = { theta: number; alpha: number; iterations: number } | { error: string };

/** Newton's method on the score equations, from the moment start and then the fallback grid. */
export function fitPitman(s: Sample, options: PitmanOptions = {}): Fit {
  const accuracy = options.accuracy ?? 1e-6;
  const perStart = options.iterationsPerStart ?? 1000;
  const directLimit = options.directSumLimit ?? DIRECT_SUM_LIMIT;
  const { n, u, c1 } = s;
  const c2 = s.c2 !== 0 ? s.c2 : 1;
  const c = (c1 * (c1 - 1)) / c2;
  const theta0 = (n * u * c - c1 * (n - 1) * (2 * u + c)) / (2 * c1 * u + c1 * c - n * c);
  const alpha0 = (theta0 * (c1 - n) + (n - 1) * c1) / (n * u);
  const starts = [[theta0, alpha0] as const, ...FALLBACK_STARTS];
  let iterations = 0;
  for (const [t0, a0] of starts) {
    let theta = t0;
    let alpha = a0;
    for (let it = 0; it <= perStart; it++, iterations++) {
      const e = evaluate(s, theta, alpha, directLimit);
      if (!e) break;
      if (Math.abs(e.g1) <= accuracy && Math.abs(e.g2) <= accuracy) return { theta, alpha, iterations };
      const det = e.h11 * e.h22 - e.h12 * e.h12;
      const dTheta = (e.h22 * e.g1 - e.h12 * e.g2) / det;
      const dAlpha = (e.h11 * e.g2 - e.h12 * e.g1) / det;
      theta -= dTheta;
      alpha -= dAlpha;
      if (!Number.isFinite(theta) || !Number.isFinite(alpha) || theta < 0) break;
    }
  }
  return { error: `the maximum-likelihood fit did not converge from ${starts.length} start values` };
}

interface Score {
  /** d lnL / d theta, d lnL / d alpha. */
  g1: number;
  g2: number;
  /** The Hessian of lnL. */
  h11: number;
  h12: number;
  h22: number;
}

/**
 * Score and Hessian of the Pitman log-likelihood
 *   lnL = sum_{i=1}^{u-1} ln(theta + i alpha) - sum_{i=1}^{n-1} ln(theta + i) + sum_j c_j sum_{l=1}^{j-1} ln(l - alpha).
 * Null where lnL is undefined (alpha >= 1, or some theta + i alpha <= 0).
 */
function evaluate(s: Sample, theta: number, alpha: number, directLimit: number): Score | null {
  const m = s.u - 1;
  if (!(alpha < 1) || !(theta + alpha > 0) || !(theta + m * alpha > 0) || !(theta + 1 > 0)) return null;
  let s1 = 0; // sum 1/(theta + i alpha)
  let s2 = 0; // sum 1/(theta + i alpha)^2
  let t1 = 0; // sum i/(theta + i alpha)
  let t2 = 0; // sum i/(theta + i alpha)^2
  let q2 = 0; // sum i^2/(theta + i alpha)^2
  if (m <= directLimit || !(alpha > 0)) {
    for (let i = 1; i <= m; i++) {
      const inv = 1 / (theta + i * alpha);
      const inv2 = inv * inv;
      s1 += inv;
      s2 += inv2;
      t1 += i * inv;
      t2 += i * inv2;
      q2 += i * i * inv2;
    }
  } else {
    // sum_{i=1}^{m} 1/(x + i) = psi(x + m + 1) - psi(x + 1), x = theta/alpha, and the like.
    const x = theta / alpha;
    s1 = digammaDiff(x + 1, x + m + 1) / alpha;
    s2 = (trigamma(x + 1) - trigamma(x + m + 1)) / (alpha * alpha);
    t1 = (m - theta * s1) / alpha;
    t2 = (s1 - theta * s2) / alpha;
    q2 = (m - 2 * theta * s1 + theta * theta * s2) / (alpha * alpha);
  }
  // sum_{i=1}^{n-1} 1/(theta + i) and its square.
  const o2 = digammaDiff(theta + 1, theta + s.n);
  const d2 = trigamma(theta + 1) - trigamma(theta + s.n);
  // sum_j c_j sum_{l=1}^{j-1} 1/(l - alpha) and its square.
  let o4 = 0;
  let d4 = 0;
  const base = trigamma(1 - alpha);
  for (let k = 0; k < s.sizes.length; k++) {
    const j = s.sizes[k];
    if (j < 2) continue;
    o4 += s.counts[k] * digammaDiff(1 - alpha, j - alpha);
    d4 += s.counts[k] * (base - trigamma(j - alpha));
  }
  const score: Score = { g1: s1 - o2, g2: t1 - o4, h11: d2 - s2, h12: -t2, h22: -q2 - d4 };
  if (!Number.isFinite(score.g1 + score.g2 + score.h11 + score.h12 + score.h22)) return null;
  return score;
}

// The noise of differential privacy: Laplace for (epsilon, 0)-DP with an L1 sensitivity, Gaussian for
// (epsilon, delta)-DP with an L2 sensitivity. Draws are counter-based: entry i of a query gets the
// draw at (key, i), so the same seed gives the same noise. Browser-safe.
import { laplace } from '../../src/random/laplace.ts';
import { normal } from '../../src/random/prng.ts';
import { OptionError, positiveNumber } from '../options.ts';

export type Mechanism = 'laplace' | 'gaussian';
export const MECHANISMS: readonly Mechanism[] = ['laplace', 'gaussian'];

/** Laplace scale b = sensitivity / epsilon (the noise's variance is 2 b^2). */
export function laplaceScale(sensitivity: number, epsilon: number): number {
  return positiveNumber('sensitivity', sensitivity) / positiveNumber('epsilon', epsilon);
}

/**
 * Gaussian sigma by the classic bound (Dwork & Roth 2014, Theorem A.1): sigma = sensitivity *
 * sqrt(2 ln(1.25 / delta)) / epsilon gives (epsilon, delta)-DP for epsilon < 1. (The analytic
 * Gaussian mechanism of Balle & Wang 2018 gives a smaller sigma; not implemented.)
 */
export function gaussianSigma(sensitivity: number, epsilon: number, delta: number): number {
  positiveNumber('epsilon', epsilon);
  if (epsilon >= 1) throw new OptionError('epsilon', `the Gaussian mechanism's classic bound needs epsilon < 1, got ${epsilon}`);
  if (!(delta > 0 && delta < 1)) throw new OptionError('delta', `the Gaussian mechanism needs delta in (0, 1), got ${String(delta)}`);
  return (positiveNumber('sensitivity', sensitivity) * Math.sqrt(2 * Math.log(1.25 / delta))) / epsilon;
}

/** The noise scale of a mechanism: Laplace b or Gaussian sigma. */
export function noiseScale(mechanism: Mechanism, sensitivity: number, epsilon: number, delta: number): number {
  return mechanism === 'laplace' ? laplaceScale(sensitivity, epsilon) : gaussianSigma(sensitivity, epsilon, delta);
}

/** The i-th draw of a mechanism's noise at the given scale (Laplace uses draw k, Gaussian k and k+1). */
export function noiseAt(mechanism: Mechanism, scale: number, key: number, index: number): number {
  return mechanism === 'laplace' ? laplace(key, index, 0, scale) : scale * normal(key, index, 0);
}

// Zayatz (1991): population uniques from the share of sample uniques that are population uniques.

import { logHypergeometricOne } from './special.ts';
import {
  estimate,
  exactCase,
  integerPopulation,
  resolveSample,
  type PopulationModel,
  type SizeHistogram,
  type UniquenessEstimate,
} from './input.ts';

/**
 * Zayatz's estimate of the number of population uniques:
 *   H(K)  = P(exactly one member of a population class of size K is in a sample of n drawn from N),
 *   cond  = (c_1/u) H(1) / sum_i (c_i/u) H(i)      (P(population unique | sample unique)),
 *   U     = c_1 cond / f.
 * As in ARX (ModelZayatz), the population class sizes K that enter H are the sample's class sizes i
 * themselves, not i/f, and N is the integer part of n/f when only f is given. H is computed in log
 * space by a product form that stays exact for N up to the hundreds of millions.
 */
export function zayatz(histogram: SizeHistogram, population: PopulationModel): UniquenessEstimate {
  const s = resolveSample(histogram, population, 'zayatz');
  const exact = exactCase(s);
  if (exact) return exact;
  const N = integerPopulation(s.N);
  // Each term is (c_i/u) H(i); factor out H(1) = n/N to keep the sum well scaled.
  const logH1 = logHypergeometricOne(N, 1, s.n);
  let denominator = 0;
  for (let k = 0; k < s.sizes.length; k++) {
    denominator += s.counts[k] * Math.exp(logHypergeometricOne(N, s.sizes[k], s.n) - logH1);
  }
  const conditional = s.c1 / denominator; // the u's cancel
  const uniques = (s.c1 * conditional) / s.f;
  return estimate(uniques, s.N, undefined, { conditionalUniqueness: conditional });
}

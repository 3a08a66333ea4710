// Expectation-maximisation for Fellegi-Sunter on counts of distinct comparison patterns (never per pair),
// and u estimation from randomly sampled pairs (Splink's estimate_u_using_random_sampling).

import { below, streamKey } from '../../src/random/prng.ts';
import { allPairsCount, linkColumn } from './blocking.ts';
import type { Table } from '../../src/table/table.ts';
import { gammaOf, levelCount, levelGammas } from './gamma.ts';
import { logit2, probabilityOfWeight, type FSParameters } from './fellegi-sunter.ts';
import { PROGRESS_EVERY, type LinkProgress } from './progress.ts';
import type { LinkSettings } from './settings.ts';
import type { PatternCounts } from './patterns.ts';

export { countPatterns, type PatternCounts } from './patterns.ts';

/**
 * Splink's default starting values, indexed by gamma: m is 0.95 at the most similar level and 0.05
 * split evenly over the others; u = m / 2^w with match weights w spread evenly from -5 ('else') to 3
 * (the second most similar level) and 10 for the most similar (with two levels: -5 and 10). None is 0.
 */
export function defaultParameters(settings: LinkSettings, lambda = 1e-4): FSParameters {
  const m: Float64Array[] = [];
  const u: Float64Array[] = [];
  for (const comp of settings.comparisons) {
    const k = levelCount(comp);
    const mc = new Float64Array(k).fill(0.05 / (k - 1));
    mc[k - 1] = 0.95;
    const uc = new Float64Array(k);
    for (let g = 0; g < k; g++) {
      const w = g === k - 1 ? 10 : k === 2 ? -5 : -5 + (8 * g) / (k - 2);
      uc[g] = mc[g]! / 2 ** w;
    }
    m.push(mc);
    u.push(uc);
  }
  return { lambda, m, u };
}

/**
 * The value Splink gives an m or u whose level was never observed in training (its
 * LEVEL_NOT_OBSERVED case): 1e-6, not renormalised. We also use it for a start value of 0.
 */
export const PROBABILITY_FLOOR = 1e-6;

/** Level shares of `counts`; a level with no mass gets PROBABILITY_FLOOR. */
function shares(counts: Float64Array): Float64Array {
  let s = 0;
  for (const x of counts) s += x;
  return counts.map((x) => (x > 0 && s > 0 ? x / s : PROBABILITY_FLOOR));
}

function floorZeros(a: Float64Array): Float64Array {
  return a.map((x) => (x > 0 ? x : PROBABILITY_FLOOR));
}

export interface EMOptions {
  maxIterations?: number;
  tolerance?: number;
  /** Keep u at the starting values (Splink's default once u has been estimated by random sampling). */
  fixU?: boolean;
  /** Keep lambda at the starting value. */
  fixLambda?: boolean;
  /** Keep m at the starting values (e.g. to estimate lambda alone). */
  fixM?: boolean;
  /**
   * Comparisons left out of this session: they add nothing to the E-step and are not updated (Splink
   * drops the comparisons whose columns the training blocking rule uses).
   */
  excludeComparisons?: number[];
}

export interface EMResult {
  parameters: FSParameters;
  iterations: number;
  converged: boolean;
  /** Parameters after each iteration (history[0] = the start). */
  history: FSParameters[];
  maxChange: number[];
}

function copyParams(p: FSParameters): FSParameters {
  return { lambda: p.lambda, m: p.m.map((x) => x.slice()), u: p.u.map((x) => x.slice()) };
}

/** Runs EM from `start` on pattern counts; stops when no parameter moves by `tolerance` (1e-4) or after 25 iterations. */
export function expectationMaximisation(patterns: PatternCounts, start: FSParameters, options: EMOptions = {}): EMResult {
  const maxIterations = options.maxIterations ?? 25;
  const tolerance = options.tolerance ?? 1e-4;
  const nc = patterns.comparisons;
  const np = patterns.count.length;
  const excluded = new Set(options.excludeComparisons ?? []);
  let params = copyParams(start);
  for (let c = 0; c < nc; c++) {
    params.m[c] = floorZeros(params.m[c]!);
    params.u[c] = floorZeros(params.u[c]!);
  }
  const history = [copyParams(params)];
  const maxChange: number[] = [];
  const post = new Float64Array(np);
  let converged = false;
  let it = 0;
  while (it < maxIterations) {
    it++;
    // E-step: posterior match probability of each pattern.
    const bf = params.m.map((mc, c) => mc.map((m, g) => Math.log2(m / params.u[c]![g]!)));
    const prior = logit2(params.lambda);
    for (let k = 0; k < np; k++) {
      let w = prior;
      for (let c = 0; c < nc; c++) {
        const g = patterns.gamma[k * nc + c]!;
        if (g >= 0 && !excluded.has(c)) w += bf[c]![g]!;
      }
      post[k] = probabilityOfWeight(w);
    }
    // M-step: posterior-weighted level shares (null patterns excluded per comparison), lambda = mean posterior.
    const next = copyParams(params);
    let matchMass = 0;
    let total = 0;
    for (let k = 0; k < np; k++) {
      matchMass += post[k]! * patterns.count[k]!;
      total += patterns.count[k]!;
    }
    if (!options.fixLambda) next.lambda = Math.min(1 - 1e-12, Math.max(1e-12, matchMass / total));
    for (let c = 0; c < nc; c++) {
      if (excluded.has(c)) continue;
      const mc = new Float64Array(params.m[c]!.length);
      const uc = new Float64Array(params.u[c]!.length);
      for (let k = 0; k < np; k++) {
        const g = patterns.gamma[k * nc + c]!;
        if (g < 0) continue;
        mc[g]! += post[k]! * patterns.count[k]!;
        uc[g]! += (1 - post[k]!) * patterns.count[k]!;
      }
      if (!options.fixM) next.m[c] = shares(mc);
      if (!options.fixU) next.u[c] = shares(uc);
    }
    let change = Math.abs(next.lambda - params.lambda);
    for (let c = 0; c < nc; c++) {
      for (let g = 0; g < next.m[c]!.length; g++) {
        change = Math.max(change, Math.abs(next.m[c]![g]! - params.m[c]![g]!), Math.abs(next.u[c]![g]! - params.u[c]![g]!));
      }
    }
    params = next;
    history.push(copyParams(params));
    maxChange.push(change);
    if (change < tolerance) {
      converged = true;
      break;
    }
  }
  return { parameters: params, iterations: it, converged, history, maxChange };
}

export interface EstimateUOptions {
  maxPairs?: number;
  seed?: number | string;
  /** Reported as step 'sampling u', counting pair comparisons. */
  onProgress?: LinkProgress;
}

/**
 * u by random sampling: nearly every random pair is a non-match, so u[c][g] is the share of sampled
 * pairs (with a non-missing comparison c) at level g. Pairs are drawn uniformly with replacement from
 * left x right (link_only) or from i != j (dedupe_only), `maxPairs` of them (default 1e6), seeded.
 * Unobserved levels get PROBABILITY_FLOOR, as in Splink. (Splink instead samples records and compares
 * all pairs among the sample; both estimate the same non-match level shares.)
 */
export function estimateU(left: Table, right: Table | null, settings: LinkSettings, options: EstimateUOptions = {}): Float64Array[] {
  const dedupe = settings.link_type === 'dedupe_only';
  const r = dedupe ? left : right;
  if (!r) throw new Error('link_only needs a right table');
  const all = allPairsCount(left, dedupe ? null : r, settings.link_type);
  if (all < 1) throw new Error('estimateU needs at least one pair of records');
  const n = Math.max(1, Math.min(options.maxPairs ?? 1e6, all));
  const key = streamKey(options.seed ?? 0, 'link/estimate-u');
  const li = new Int32Array(n);
  const ri = new Int32Array(n);
  for (let p = 0; p < n; p++) {
    li[p] = below(key, p, 0, left.rows);
    let j = below(key, p, 1, r.rows);
    for (let k = 2; dedupe && j === li[p] && k < 64; k++) j = below(key, p, k, r.rows);
    ri[p] = j;
  }
  const onProgress = options.onProgress;
  const u = settings.comparisons.map((comp, c) => {
    const a = linkColumn(left, comp.column, dedupe ? 'input' : 'left');
    const b = linkColumn(r, comp.column, dedupe ? 'input' : 'right');
    const gammas = levelGammas(comp);
    const counts = new Float64Array(levelCount(comp));
    for (let p = 0; p < n; p++) {
      if (onProgress && p % PROGRESS_EVERY === 0) onProgress('sampling u', c * n + p, settings.comparisons.length * n);
      const ka = a.codes[li[p]!]!;
      const kb = b.codes[ri[p]!]!;
      const g = gammaOf(comp, gammas, ka < 0 ? null : a.dictionary[ka]!, kb < 0 ? null : b.dictionary[kb]!);
      if (g >= 0) counts[g]!++;
    }
    return shares(counts);
  });
  onProgress?.('sampling u', settings.comparisons.length * n, settings.comparisons.length * n);
  return u;
}

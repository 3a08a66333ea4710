// Expectation-maximisation for Fellegi-Sunter on counts of distinct comparison patterns (never per pair),
// and u estimation by random sampling (Splink's estimate_u_using_random_sampling).

import { below, streamKey, uniform } from '../../src/random/prng.ts';
import { allPairsCount } from './blocking.ts';
import type { Table } from '../../src/table/table.ts';
import { comparisonVectors, levelCount } from './gamma.ts';
import { logit2, probabilityOfWeight, type FSParameters } from './fellegi-sunter.ts';
import type { LinkProgress } from './progress.ts';
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
export function shares(counts: Float64Array): Float64Array {
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

/**
 * How u is sampled. 'records' is Splink's estimate_u_using_random_sampling(max_pairs): a Bernoulli
 * sample of the records (stacked, as Splink samples its concatenated input), then every pair among
 * them. 'pairs' (the default) draws max_pairs pairs independently: for the same number of pairs it
 * gives the closer u, since pairs among a sample share records (measured on FEBRL4: README, Training).
 */
export type USampling = 'records' | 'pairs';

export interface EstimateUOptions {
  /** The budget of pairs compared (Splink's max_pairs; default 1e6). */
  maxPairs?: number;
  /** Default 'pairs'. */
  method?: USampling;
  seed?: number | string;
  /** Reported as step 'sampling u', counting pair comparisons. */
  onProgress?: LinkProgress;
}

export interface UEstimate {
  u: Float64Array[];
  /** Each comparison's level counts over the sampled pairs (null gammas not counted): u before the shares. */
  levelCounts: Float64Array[];
  method: 'records' | 'pairs';
  /** Pairs compared. */
  pairs: number;
  /** With 'records': the sampled rows of left and right (dedupe: right is null); with 'pairs': null. */
  sample: { left: Int32Array; right: Int32Array | null } | null;
}

/**
 * Splink's sampling proportion for max_pairs: dedupe takes r records with r(r-1)/2 = maxPairs
 * (r = (sqrt(8 maxPairs + 1) + 1) / 2) out of n; link_only takes the share p of each side with
 * p^2 * nLeft * nRight = maxPairs. Capped at 1 (every record).
 */
export function uSampleProportion(leftRows: number, rightRows: number | null, maxPairs: number): number {
  const p = rightRows === null ? (0.5 * (Math.sqrt(8 * maxPairs + 1) + 1)) / leftRows : Math.sqrt(maxPairs / (leftRows * rightRows));
  return Math.min(1, p);
}

/**
 * The records Splink's estimate_u would sample: each record kept with probability `proportion`,
 * independently and seeded (Splink: `USING SAMPLE bernoulli(p%) REPEATABLE(seed)` over the stacked
 * input). For link_only the right table's rows follow the left's in the stacked numbering.
 */
export function uSampleRecords(leftRows: number, rightRows: number | null, proportion: number, seed: number | string = 0): { left: Int32Array; right: Int32Array | null } {
  const key = streamKey(seed, 'link/estimate-u-records');
  const pick = (n: number, offset: number) => {
    const out: number[] = [];
    for (let i = 0; i < n; i++) if (proportion >= 1 || uniform(key, offset + i) < proportion) out.push(i);
    return Int32Array.from(out);
  };
  return { left: pick(leftRows, 0), right: rightRows === null ? null : pick(rightRows, leftRows) };
}

/** Pair chunks: at most this many pairs are held (as indices and gammas) at a time. */
const U_CHUNK = 1 << 20;

/** Counts of each comparison's non-null gammas over pairs produced chunk by chunk. */
class LevelCounter {
  readonly counts: Float64Array[];
  done = 0;
  constructor(
    private readonly left: Table,
    private readonly right: Table | null,
    private readonly settings: LinkSettings,
    private readonly total: number,
    private readonly onProgress?: LinkProgress,
  ) {
    this.counts = settings.comparisons.map((c) => new Float64Array(levelCount(c)));
  }
  add(li: Int32Array, ri: Int32Array, n: number): void {
    if (n === 0) return;
    const base = this.done * this.settings.comparisons.length;
    const scale = this.settings.comparisons.length;
    const progress: LinkProgress | undefined = this.onProgress && ((_, d) => this.onProgress!('sampling u', base + d, this.total * scale));
    const gamma = comparisonVectors(this.left, this.right, { left: li, right: ri, count: n }, this.settings, progress);
    gamma.forEach((g, c) => {
      const counts = this.counts[c]!;
      for (let p = 0; p < n; p++) if (g[p]! >= 0) counts[g[p]!]!++;
    });
    this.done += n;
  }
}

/**
 * u by random sampling: nearly every random pair is a non-match, so u[c][g] is the share of sampled
 * pairs (with a non-missing comparison c) at level g; a level never seen gets PROBABILITY_FLOOR (Splink
 * leaves it "not observed"). Seeded: the same seed gives the same u. Term frequencies play no part
 * (Splink removes them for this step too).
 */
export function estimateUDetailed(left: Table, right: Table | null, settings: LinkSettings, options: EstimateUOptions = {}): UEstimate {
  const dedupe = settings.link_type === 'dedupe_only';
  const r = dedupe ? null : right;
  if (!dedupe && !r) throw new Error('link_only needs a right table');
  const plan = uSamplePlan(left.rows, r ? r.rows : null, allPairsCount(left, r, settings.link_type), options);
  const result = plan.method === 'records' ? allPairsAmongSample(left, r, settings, plan.proportion, options) : independentPairs(left, r, settings, plan.pairs, options);
  options.onProgress?.('sampling u', result.pairs * settings.comparisons.length, result.pairs * settings.comparisons.length);
  return result;
}

/**
 * How u is sampled from tables of these sizes (`all` pairs), whichever engine compares the pairs: with
 * 'records' (Splink's) every pair among the records uSampleRecords keeps at `proportion`; with 'pairs'
 * (the default) `pairs` = min(budget, all) pairs from uSamplePairs. Checks the budget (default 1e6).
 */
export function uSamplePlan(leftRows: number, rightRows: number | null, all: number, options: EstimateUOptions): { method: 'records'; proportion: number } | { method: 'pairs'; pairs: number } {
  if (all < 1) throw new Error('estimateU needs at least one pair of records');
  const maxPairs = options.maxPairs ?? 1e6;
  if (!(maxPairs >= 1)) throw new Error(`the pair budget for u must be at least 1, got ${maxPairs}`);
  return (options.method ?? 'pairs') === 'records' ? { method: 'records', proportion: uSampleProportion(leftRows, rightRows, maxPairs) } : { method: 'pairs', pairs: Math.min(maxPairs, all) };
}

/** The pairs among a record sample: left x right, or i < j within the left sample for dedupe (right null). */
export function pairsAmongSample(sample: { left: Int32Array; right: Int32Array | null }): number {
  const a = sample.left.length;
  return sample.right ? a * sample.right.length : (a * (a - 1)) / 2;
}

/** u as in estimateUDetailed, the level shares only. */
export function estimateU(left: Table, right: Table | null, settings: LinkSettings, options: EstimateUOptions = {}): Float64Array[] {
  return estimateUDetailed(left, right, settings, options).u;
}

/** Splink's way: every pair among a Bernoulli sample of the records (i < j for dedupe), compared in chunks. */
function allPairsAmongSample(left: Table, right: Table | null, settings: LinkSettings, proportion: number, options: EstimateUOptions): UEstimate {
  const sample = uSampleRecords(left.rows, right ? right.rows : null, proportion, options.seed ?? 0);
  const a = sample.left;
  const b = sample.right ?? sample.left;
  const total = pairsAmongSample(sample);
  const counter = new LevelCounter(left, right, settings, total, options.onProgress);
  const li = new Int32Array(Math.min(U_CHUNK, Math.max(1, total)));
  const ri = new Int32Array(li.length);
  let n = 0;
  for (let x = 0; x < a.length; x++) {
    for (let y = sample.right ? 0 : x + 1; y < b.length; y++) {
      li[n] = a[x]!;
      ri[n++] = b[y]!;
      if (n === li.length) {
        counter.add(li, ri, n);
        n = 0;
      }
    }
  }
  counter.add(li, ri, n);
  return { u: counter.counts.map(shares), levelCounts: counter.counts, method: 'records', pairs: total, sample };
}

/**
 * Pairs from..from+count of reident's u sample: drawn uniformly with replacement from left x right, or
 * from i != j for dedupe (rightRows null), seeded; the same pairs whichever engine compares them.
 */
export function uSamplePairs(leftRows: number, rightRows: number | null, from: number, count: number, seed: number | string = 0): { left: Int32Array; right: Int32Array } {
  const key = streamKey(seed, 'link/estimate-u');
  const dedupe = rightRows === null;
  const n = rightRows ?? leftRows;
  const left = new Int32Array(count);
  const right = new Int32Array(count);
  for (let k = 0; k < count; k++) {
    const p = from + k;
    left[k] = below(key, p, 0, leftRows);
    let j = below(key, p, 1, n);
    for (let t = 2; dedupe && j === left[k] && t < 64; t++) j = below(key, p, t, n);
    right[k] = j;
  }
  return { left, right };
}

/** reident's way: `n` pairs drawn uniformly with replacement (uSamplePairs), compared in chunks. */
function independentPairs(left: Table, right: Table | null, settings: LinkSettings, n: number, options: EstimateUOptions): UEstimate {
  const counter = new LevelCounter(left, right, settings, n, options.onProgress);
  for (let from = 0; from < n; from += U_CHUNK) {
    const m = Math.min(U_CHUNK, n - from);
    const chunk = uSamplePairs(left.rows, right ? right.rows : null, from, m, options.seed ?? 0);
    counter.add(chunk.left, chunk.right, m);
  }
  return { u: counter.counts.map(shares), levelCounts: counter.counts, method: 'pairs', pairs: n, sample: null };
}

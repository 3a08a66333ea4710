// linkTables: block -> compare -> (train) -> score -> (one-to-one); clusterPairs for dedupe.

import { blockPairs } from './blocking.ts';
import type { Table } from '../../src/table/table.ts';
import { parametersFromSettings, scorePairs, termFrequencies, type FSParameters } from './fellegi-sunter.ts';
import { comparisonVectors } from './gamma.ts';
import type { LinkProgress } from './progress.ts';
import { validateSettings, type LinkSettings } from './settings.ts';
import { trainParameters, type TrainResult } from './train.ts';
import type { USampling } from './em.ts';

export interface LinkOptions {
  /** Estimate u by random sampling and m (and lambda unless settings.lambda is given) by EM (see train.ts). Default: false (use settings m/u/lambda). */
  train?: boolean;
  /** Blocking rules for the EM sessions when training (default: each rule of settings.blocking). */
  trainingRules?: string[][];
  /** Keep only pairs with probability >= threshold (default 0: keep all candidate pairs). */
  threshold?: number;
  seed?: number | string;
  /** The pair budget for u (Splink's max_pairs; default 1e6). */
  maxPairsForU?: number;
  /** How u is sampled when training (see USampling in em.ts; default 'pairs'). */
  uSampling?: USampling;
  /** Deterministic rules and their assumed recall for lambda when training (see TrainOptions). */
  lambdaRules?: string[][];
  lambdaRecall?: number;
  /** Greedy one-to-one assignment by descending probability (each record used at most once). */
  oneToOne?: boolean;
  /** Progress by step: blocking, comparing, (sampling u, training,) scoring. */
  onProgress?: LinkProgress;
}

export interface ScoredPairs {
  left: Int32Array;
  right: Int32Array;
  /** Gamma per comparison (Splink convention: null -1, 'else' 0, most similar highest). */
  gamma: Int8Array[];
  weight: Float64Array;
  probability: Float64Array;
  count: number;
}

export interface LinkResult extends ScoredPairs {
  /** Parameters used; lambda is the prior over all pairs (Splink's probability_two_random_records_match). */
  parameters: FSParameters;
  candidatePairs: number;
  training: TrainResult | null;
}

/**
 * Links `left` to `right` (link_only) or deduplicates `left` (dedupe_only, `right` = null): candidate
 * pairs from settings.blocking, comparison vectors, parameters (given in the settings, or trained),
 * Fellegi-Sunter scores with term-frequency adjustments, then the threshold and one-to-one options.
 */
export function linkTables(left: Table, right: Table | null, rawSettings: LinkSettings, options: LinkOptions = {}): LinkResult {
  const settings = validateSettings(rawSettings);
  const dedupe = settings.link_type === 'dedupe_only';
  if (!dedupe && !right) throw new Error('link_only needs a right table');
  if (left.rows === 0 || (!dedupe && right!.rows === 0)) throw new Error('linkTables needs non-empty tables');
  const r = dedupe ? null : right;
  const pairs = blockPairs(left, r, settings.blocking, settings.link_type, options.onProgress);
  const gamma = comparisonVectors(left, r, pairs, settings, options.onProgress);
  let parameters: FSParameters;
  let training: TrainResult | null = null;
  if (options.train) {
    const { trainingRules, maxPairsForU, uSampling, lambdaRules, lambdaRecall, seed, onProgress } = options;
    training = trainParameters(left, r, settings, { trainingRules, maxPairsForU, uSampling, lambdaRules, lambdaRecall, seed, onProgress });
    parameters = training.parameters;
  } else {
    parameters = parametersFromSettings(settings);
  }
  const tf = termFrequencies(left, r, settings);
  const { weight, probability } = scorePairs(pairs, gamma, parameters, tf, options.onProgress);
  let keep = selectAbove(probability, options.threshold ?? 0);
  if (options.oneToOne) keep = oneToOne(pairs.left, pairs.right, probability, keep);
  return {
    left: pick(pairs.left, keep),
    right: pick(pairs.right, keep),
    gamma: gamma.map((g) => pick(g, keep)),
    weight: pick(weight, keep),
    probability: pick(probability, keep),
    count: keep.length,
    parameters,
    candidatePairs: pairs.count,
    training,
  };
}

function selectAbove(probability: Float64Array, threshold: number): Int32Array {
  let n = 0;
  for (let p = 0; p < probability.length; p++) if (probability[p]! >= threshold) n++;
  const out = new Int32Array(n);
  n = 0;
  for (let p = 0; p < probability.length; p++) if (probability[p]! >= threshold) out[n++] = p;
  return out;
}

function pick<T extends Int32Array | Int8Array | Float64Array>(a: T, idx: Int32Array): T {
  const out = new (a.constructor as new (n: number) => T)(idx.length);
  for (let k = 0; k < idx.length; k++) out[k] = a[idx[k]!]!;
  return out;
}

/**
 * Greedy one-to-one assignment: pairs in descending probability (ties: lower left, then lower right
 * index), each accepted only if neither record is used yet. Returns the kept pair indices in input order.
 */
export function oneToOne(left: Int32Array, right: Int32Array, probability: Float64Array, candidates: Int32Array): Int32Array {
  const order = Array.from(candidates).sort(
    (a, b) => probability[b]! - probability[a]! || left[a]! - left[b]! || right[a]! - right[b]!,
  );
  const usedL = new Set<number>();
  const usedR = new Set<number>();
  const kept: number[] = [];
  for (const p of order) {
    if (usedL.has(left[p]!) || usedR.has(right[p]!)) continue;
    usedL.add(left[p]!);
    usedR.add(right[p]!);
    kept.push(p);
  }
  return Int32Array.from(kept.sort((a, b) => a - b));
}

/**
 * Connected components (union-find) over pairs with probability >= threshold, for dedupe: returns a
 * cluster id per record, the smallest record index in its cluster.
 */
export function clusterPairs(records: number, left: Int32Array, right: Int32Array, probability: Float64Array, threshold: number): Int32Array {
  const parent = new Int32Array(records);
  for (let i = 0; i < records; i++) parent[i] = i;
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]!]!;
      x = parent[x]!;
    }
    return x;
  };
  for (let p = 0; p < left.length; p++) {
    if (!(probability[p]! >= threshold)) continue;
    const a = find(left[p]!);
    const b = find(right[p]!);
    if (a === b) continue;
    if (a < b) parent[b] = a;
    else parent[a] = b;
  }
  const out = new Int32Array(records);
  for (let i = 0; i < records; i++) out[i] = find(i);
  return out;
}

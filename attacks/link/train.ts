// Training as Splink does it: u by random sampling, then one EM session (u fixed) per training blocking
// rule with the comparisons that rule uses left out, m averaged over the sessions that estimated it.

import { allPairsCount, blockPairs, linkColumn } from './blocking.ts';
import type { Table } from '../../src/table/table.ts';
import { countPatterns, defaultParameters, estimateU, expectationMaximisation, type EMResult } from './em.ts';
import type { FSParameters } from './fellegi-sunter.ts';
import { comparisonVectors, levelGammas } from './gamma.ts';
import type { LinkProgress } from './progress.ts';
import { SettingsError, type LinkSettings } from './settings.ts';

export interface TrainOptions {
  /** One EM session per rule (default: each of settings.blocking on its own). */
  trainingRules?: string[][];
  /** Random pairs for u (default 1e6). */
  maxPairsForU?: number;
  seed?: number | string;
  /** Steps 'sampling u' (pair comparisons) then 'training' (EM sessions done). */
  onProgress?: LinkProgress;
}

export interface TrainingSession {
  rule: string[];
  excluded: number[];
  candidatePairs: number;
  em: EMResult;
}

export interface TrainResult {
  parameters: FSParameters;
  sessions: TrainingSession[];
}

function clampStart(lambda: number, all: number, pairs: number): number {
  return Math.min(0.5, Math.max(1e-6, (lambda * all) / Math.max(1, pairs)));
}

/**
 * Trains m and u, and lambda unless settings.lambda is given (see estimateLambda).
 */
export function trainParameters(left: Table, right: Table | null, settings: LinkSettings, options: TrainOptions = {}): TrainResult {
  const r = settings.link_type === 'dedupe_only' ? null : right;
  const all = allPairsCount(left, r, settings.link_type);
  const u = estimateU(left, r, settings, { maxPairs: options.maxPairsForU, seed: options.seed, onProgress: options.onProgress });
  const defaults = defaultParameters(settings);
  const sums = defaults.m.map((mc) => new Float64Array(mc.length));
  const trained = new Int32Array(settings.comparisons.length);
  const sessions: TrainingSession[] = [];
  const rules = options.trainingRules ?? settings.blocking;
  for (const [i, rule] of rules.entries()) {
    options.onProgress?.('training', sessions.length, rules.length);
    const pairs = blockPairs(left, r, [rule], settings.link_type);
    if (pairs.count === 0) {
      const message = `training rule [${rule.join(', ')}] gives no pairs (no two records agree on it), so EM has nothing to learn from; loosen the rule or give lambda, m and u`;
      throw options.trainingRules ? new Error(message) : new SettingsError(`.blocking[${i}]`, message);
    }
    const excluded = settings.comparisons.flatMap((c, k) => (rule.includes(c.column) ? [k] : []));
    const gamma = comparisonVectors(left, r, pairs, settings);
    const start = { ...defaultParameters(settings), u };
    start.lambda = clampStart(settings.lambda ?? 1e-4, all, pairs.count);
    const em = expectationMaximisation(countPatterns(gamma), start, { fixU: true, excludeComparisons: excluded });
    settings.comparisons.forEach((_, c) => {
      if (excluded.includes(c)) return;
      trained[c]!++;
      em.parameters.m[c]!.forEach((x, g) => (sums[c]![g]! += x));
    });
    sessions.push({ rule, excluded, candidatePairs: pairs.count, em });
  }
  options.onProgress?.('training', rules.length, rules.length);
  const m = sums.map((s, c) => (trained[c]! > 0 ? s.map((x) => x / trained[c]!) : defaults.m[c]!));
  const lambda = settings.lambda ?? estimateLambda(left, r, settings, sessions, m, all);
  return { parameters: { lambda, m, u }, sessions };
}

/**
 * Lambda from the training sessions, in the spirit of Splink's
 * estimate_probability_two_random_records_match(rules, recall) but with the recall estimated: session k
 * expects lambda_k * pairs_k matches among its pairs; a true match survives its rule with probability
 * recall_k = prod over the rule's comparisons of m(exact) * P(both values present). Matches are
 * estimated as the mean over sessions of (expected matches / recall_k), then divided by all pairs.
 * Sessions whose rule uses a column that no session trained are skipped.
 */
function estimateLambda(left: Table, right: Table | null, settings: LinkSettings, sessions: TrainingSession[], m: Float64Array[], all: number): number {
  const present = (t: Table, name: string, side: string) => {
    const { codes } = linkColumn(t, name, side);
    let n = 0;
    for (let i = 0; i < codes.length; i++) if (codes[i]! >= 0) n++;
    return n / Math.max(1, codes.length);
  };
  const estimates: number[] = [];
  for (const s of sessions) {
    let recall = 1;
    let ok = s.excluded.length > 0;
    for (const c of s.excluded) {
      const comp = settings.comparisons[c]!;
      if (!sessions.some((o) => !o.excluded.includes(c))) ok = false;
      const k = comp.levels.findIndex((l) => l.type === 'exact');
      const gamma = k >= 0 ? levelGammas(comp)[k]! : m[c]!.length - 1;
      const a = present(left, comp.column, right ? 'left' : 'input');
      const b = right ? present(right, comp.column, 'right') : a;
      recall *= m[c]![gamma]! * a * b;
    }
    // Rule columns without a comparison: their recall is unknown; treat it as 1.
    if (ok && recall > 0) estimates.push((s.em.parameters.lambda * s.candidatePairs) / recall);
  }
  if (estimates.length === 0) {
    throw new Error('cannot estimate lambda: no training rule uses only trained comparisons; give settings.lambda');
  }
  const matches = estimates.reduce((x, y) => x + y, 0) / estimates.length;
  return Math.min(1 - 1e-12, Math.max(1e-12, matches / all));
}

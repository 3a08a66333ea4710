// Training as Splink does it: lambda from deterministic rules, u by random sampling, then one EM session
// (u fixed) per training blocking rule with the comparisons that rule uses held fixed, m the median over
// the sessions that estimated it.

import { allPairsCount, blockPairs, linkColumn } from './blocking.ts';
import type { Table } from '../../src/table/table.ts';
import { countPatterns, defaultParameters, estimateUDetailed, expectationMaximisation, shares, type EMResult, type USampling } from './em.ts';
import { sortPatterns, type PatternCounts } from './patterns.ts';
import type { FSParameters } from './fellegi-sunter.ts';
import { comparisonVectors, levelGammas } from './gamma.ts';
import type { LinkProgress } from './progress.ts';
import { blockingColumns, comparisonColumns, SettingsError, type LinkSettings } from './settings.ts';

export interface TrainOptions {
  /** One EM session per rule (default: each of settings.blocking on its own). */
  trainingRules?: string[][];
  /** The pair budget for u (Splink's max_pairs; default 1e6). */
  maxPairsForU?: number;
  /** How u is sampled (default 'pairs'; see USampling in em.ts). */
  uSampling?: USampling;
  /**
   * Deterministic rules for lambda (Splink's estimate_probability_two_random_records_match): lambda =
   * (pairs the rules make / lambdaRecall) / all pairs. Takes precedence over settings.lambda.
   */
  lambdaRules?: string[][];
  /** The share of true matches the lambda rules are assumed to find, in (0, 1]; required with lambdaRules. */
  lambdaRecall?: number;
  seed?: number | string;
  /** Steps 'sampling u' (pair comparisons) then 'training' (EM sessions done). */
  onProgress?: LinkProgress;
}

export interface TrainingSession {
  rule: string[];
  /** Comparisons held fixed in this session (their column is in the rule): their m is the start m. */
  excluded: number[];
  candidatePairs: number;
  /** Lambda this session started from: the prior adjusted for blocking on the rule (Splink's). */
  startLambda: number;
  /** m when the session started (defaults, or the medians of the sessions before it). */
  startM: Float64Array[];
  em: EMResult;
}

export interface LambdaFromRules {
  lambda: number;
  /** Pairs the rules make (each counted once). */
  pairs: number;
  /** All pairs of records. */
  all: number;
  recall: number;
}

export interface TrainResult {
  parameters: FSParameters;
  sessions: TrainingSession[];
  /** Where lambda came from: settings.lambda, the deterministic rules, or the EM sessions. */
  lambdaSource: 'settings' | 'rules' | 'sessions';
  lambdaFromRules: LambdaFromRules | null;
  /** How u was sampled and how many pairs were compared. */
  uSampling: { method: 'records' | 'pairs'; pairs: number };
}

/** A training option the data cannot satisfy (recall out of range, rules making no pairs); `option` names it. */
export class TrainingOptionError extends Error {
  override readonly name = 'TrainingOptionError';
  constructor(
    readonly option: 'lambda' | 'lambdaRules' | 'lambdaRecall' | 'trainingRules',
    message: string,
  ) {
    super(message);
  }
}

/** Splink's default prior (probability_two_random_records_match) before anything is estimated. */
const DEFAULT_PRIOR = 1e-4;

/** The lambda options' own checks (before any data is read): recall given with the rules, in (0, 1], at least one rule. */
export function checkLambdaOptions(rules: string[][] | undefined, recall: number | undefined): void {
  if (!rules) return;
  if (recall === undefined) throw new TrainingOptionError('lambdaRecall', 'lambda rules need an assumed recall (lambdaRecall)');
  if (!(recall > 0 && recall <= 1)) throw new TrainingOptionError('lambdaRecall', `the recall of the lambda rules must be in (0, 1], got ${recall}`);
  if (rules.length === 0) throw new TrainingOptionError('lambdaRules', 'give at least one lambda rule');
}

/**
 * Splink's estimate_probability_two_random_records_match(deterministic_matching_rules, recall) from
 * counts: the pairs the rules make (their union, each pair once), divided by the recall, over all
 * pairs. Throws when the rules make no pair (lambda would be 0) or more pairs than the recall allows.
 */
export function lambdaFromCounts(pairs: number, all: number, rules: string[][], recall: number): LambdaFromRules {
  checkLambdaOptions(rules, recall);
  const text = rules.map((x) => `[${x.join(', ')}]`).join(', ');
  if (pairs === 0) throw new TrainingOptionError('lambdaRules', `lambda rules ${text} make no pairs, so lambda would be 0; use rules some records agree on`);
  if (pairs > all * recall) {
    throw new TrainingOptionError('lambdaRules', `lambda rules ${text} make ${pairs} pairs, more than recall ${recall} of all ${all} pairs allows; with these rules recall must be at least ${(pairs / all).toPrecision(3)}`);
  }
  return { lambda: pairs / recall / all, pairs, all, recall };
}

/** lambdaFromCounts over the pairs the rules make in these tables. */
export function lambdaFromRules(left: Table, right: Table | null, linkType: LinkSettings['link_type'], rules: string[][], recall: number): LambdaFromRules {
  checkLambdaOptions(rules, recall);
  const r = linkType === 'dedupe_only' ? null : right;
  return lambdaFromCounts(blockPairs(left, r, rules, linkType).count, allPairsCount(left, r, linkType), rules, recall);
}

/**
 * What training reads of the data, all of it counts, so an engine can compute them where the data is
 * (trainingCounts in memory; the DuckDB engine in SQL) and trainFromCounts does the rest.
 */
export interface TrainingCounts {
  /** All pairs of records. */
  all: number;
  /** Pairs the lambda rules make, each once (null without lambda rules). */
  lambdaRulePairs: number | null;
  /** Each comparison's level counts over the u sample (null gammas not counted). */
  uLevelCounts: Float64Array[];
  uSampling: { method: 'records' | 'pairs'; pairs: number };
  /** Each training rule, in order, with its candidate pairs and their comparison patterns. */
  rules: { rule: string[]; pairs: number; patterns: PatternCounts }[];
  /** Per comparison, the share of records with its column present (left, right; dedupe: the same); null unless lambdaFromSessionsNeeded. */
  present: { left: number; right: number }[] | null;
}

/** The training rules: the options' or each blocking rule on its own. */
export function trainingRulesOf(settings: LinkSettings, options: TrainOptions): string[][] {
  return options.trainingRules ?? settings.blocking;
}

/** Lambda is estimated from the EM sessions (neither lambda rules nor settings.lambda given), which needs TrainingCounts.present. */
export function lambdaFromSessionsNeeded(settings: LinkSettings, options: TrainOptions): boolean {
  return !options.lambdaRules && settings.lambda === undefined;
}

/** Throws when training rule i makes no pairs: EM would have nothing to learn from. */
export function checkRulePairs(i: number, rule: string[], pairs: number, options: TrainOptions): void {
  if (pairs > 0) return;
  const message = `training rule [${rule.join(', ')}] gives no pairs (no two records agree on it), so EM has nothing to learn from; loosen the rule or give lambda, m and u`;
  throw options.trainingRules ? new TrainingOptionError('trainingRules', message) : new SettingsError(`.blocking[${i}]`, message);
}

/** The share of a column's records that are present (not missing). */
function presentShare(t: Table, name: string, side: string): number {
  const { codes } = linkColumn(t, name, side);
  let n = 0;
  for (let i = 0; i < codes.length; i++) if (codes[i]! >= 0) n++;
  return n / Math.max(1, codes.length);
}

/** TrainingCounts of tables in memory: lambda-rule pairs, u sampled, then each rule's patterns, one rule's pairs held at a time. */
export function trainingCounts(left: Table, right: Table | null, settings: LinkSettings, options: TrainOptions = {}): TrainingCounts {
  const r = settings.link_type === 'dedupe_only' ? null : right;
  const all = allPairsCount(left, r, settings.link_type);
  checkLambdaOptions(options.lambdaRules, options.lambdaRecall);
  let lambdaRulePairs = null;
  if (options.lambdaRules) {
    lambdaRulePairs = blockPairs(left, r, options.lambdaRules, settings.link_type).count;
    lambdaFromCounts(lambdaRulePairs, all, options.lambdaRules, options.lambdaRecall!); // its errors before the long steps
  }
  const sampled = estimateUDetailed(left, r, settings, { maxPairs: options.maxPairsForU, method: options.uSampling, seed: options.seed, onProgress: options.onProgress });
  const ruleList = trainingRulesOf(settings, options);
  const rules: TrainingCounts['rules'] = [];
  for (const [i, rule] of ruleList.entries()) {
    options.onProgress?.('training', i, ruleList.length);
    const pairs = blockPairs(left, r, [rule], settings.link_type);
    checkRulePairs(i, rule, pairs.count, options);
    rules.push({ rule, pairs: pairs.count, patterns: countPatterns(comparisonVectors(left, r, pairs, settings)) });
  }
  options.onProgress?.('training', ruleList.length, ruleList.length);
  const present = lambdaFromSessionsNeeded(settings, options)
    ? settings.comparisons.map((c) => {
        const a = presentShare(left, c.column, r ? 'left' : 'input');
        return { left: a, right: r ? presentShare(r, c.column, 'right') : a };
      })
    : null;
  return { all, lambdaRulePairs, uLevelCounts: sampled.levelCounts, uSampling: { method: sampled.method, pairs: sampled.pairs }, rules, present };
}

/** Median of each level over the sessions that estimated it (Splink's _trained_m_median); not renormalised. */
function medians(values: Float64Array[]): Float64Array {
  return values[0]!.map((_, g) => {
    const v = values.map((x) => x[g]!).sort((a, b) => a - b);
    const h = v.length >> 1;
    return v.length % 2 ? v[h]! : (v[h - 1]! + v[h]!) / 2;
  });
}

/**
 * Splink's blocking-adjusted start for a session's lambda: the prior's odds times the Bayes factor
 * m/u of the exact level of each comparison whose column the rule uses (every pair the rule makes
 * agrees exactly there), as a probability.
 */
function blockingAdjustedLambda(prior: number, settings: LinkSettings, excluded: number[], m: Float64Array[], u: Float64Array[]): number {
  let odds = prior / (1 - prior);
  for (const c of excluded) {
    const comp = settings.comparisons[c]!;
    const k = comp.levels.findIndex((l) => l.type === 'exact');
    if (k < 0) continue;
    const g = levelGammas(comp)[k]!;
    odds *= m[c]![g]! / u[c]![g]!;
  }
  return Math.min(1 - 1e-12, Math.max(1e-12, odds / (1 + odds)));
}

/**
 * Trains as Splink's training does, in its order: lambda from deterministic rules (when given), u by
 * random sampling, then one EM session per training rule with u fixed, the comparisons on the rule's
 * columns held fixed, starting from the m trained so far; each level's m is the median over the
 * sessions that estimated it. Lambda: from the rules, else settings.lambda, else estimated from the
 * sessions (see estimateLambda).
 */
export function trainParameters(left: Table, right: Table | null, settings: LinkSettings, options: TrainOptions = {}): TrainResult {
  return trainFromCounts(trainingCounts(left, right, settings, options), settings, options);
}

/** trainParameters' mathematics on the counts an engine gathered: the same counts give the same parameters, bit for bit. */
export function trainFromCounts(counts: TrainingCounts, settings: LinkSettings, options: TrainOptions = {}): TrainResult {
  const fromRules = options.lambdaRules ? lambdaFromCounts(counts.lambdaRulePairs ?? 0, counts.all, options.lambdaRules, options.lambdaRecall!) : null;
  const knownLambda = fromRules?.lambda ?? settings.lambda;
  const u = counts.uLevelCounts.map(shares);
  const defaults = defaultParameters(settings);
  let m: Float64Array[] = defaults.m.map((x) => x.slice());
  const estimates: Float64Array[][] = settings.comparisons.map(() => []);
  const sessions: TrainingSession[] = [];
  for (const [i, { rule, pairs, patterns }] of counts.rules.entries()) {
    checkRulePairs(i, rule, pairs, options);
    // As Splink: a comparison reading any column the rule reads is held fixed in this session.
    const ruleColumns = new Set(blockingColumns(rule));
    const excluded = settings.comparisons.flatMap((c, k) => (comparisonColumns(c).some((x) => ruleColumns.has(x)) ? [k] : []));
    const startLambda = blockingAdjustedLambda(knownLambda ?? DEFAULT_PRIOR, settings, excluded, m, u);
    const startM = m.map((x) => x.slice());
    const em = expectationMaximisation(sortPatterns(patterns), { lambda: startLambda, m: startM, u }, { fixU: true, excludeComparisons: excluded });
    settings.comparisons.forEach((_, c) => {
      if (!excluded.includes(c)) estimates[c]!.push(em.parameters.m[c]!);
    });
    m = estimates.map((e, c) => (e.length > 0 ? medians(e) : defaults.m[c]!.slice()));
    sessions.push({ rule, excluded, candidatePairs: pairs, startLambda, startM, em });
  }
  const lambdaSource = fromRules ? 'rules' : settings.lambda !== undefined ? 'settings' : 'sessions';
  const lambda = knownLambda ?? estimateLambda(counts, settings, sessions, m);
  return { parameters: { lambda, m, u }, sessions, lambdaSource, lambdaFromRules: fromRules, uSampling: counts.uSampling };
}

/**
 * Lambda from the training sessions, in the spirit of Splink's
 * estimate_probability_two_random_records_match(rules, recall) but with the recall estimated: session k
 * expects lambda_k * pairs_k matches among its pairs; a true match survives its rule with probability
 * recall_k = prod over the rule's comparisons of m(exact) * P(both values present). Matches are
 * estimated as the mean over sessions of (expected matches / recall_k), then divided by all pairs.
 * Sessions whose rule uses a column that no session trained are skipped.
 */
function estimateLambda(counts: TrainingCounts, settings: LinkSettings, sessions: TrainingSession[], m: Float64Array[]): number {
  if (!counts.present) throw new Error('estimating lambda from the sessions needs TrainingCounts.present');
  const estimates: number[] = [];
  for (const s of sessions) {
    let recall = 1;
    let ok = s.excluded.length > 0;
    for (const c of s.excluded) {
      const comp = settings.comparisons[c]!;
      if (!sessions.some((o) => !o.excluded.includes(c))) ok = false;
      const k = comp.levels.findIndex((l) => l.type === 'exact');
      const gamma = k >= 0 ? levelGammas(comp)[k]! : m[c]!.length - 1;
      recall *= m[c]![gamma]! * counts.present[c]!.left * counts.present[c]!.right;
    }
    // Rule columns without a comparison: their recall is unknown; treat it as 1.
    if (ok && recall > 0) estimates.push((s.em.parameters.lambda * s.candidatePairs) / recall);
  }
  if (estimates.length === 0) {
    throw new TrainingOptionError('lambda', 'cannot estimate lambda: no training rule uses only trained comparisons; give settings.lambda, or lambda rules and their recall');
  }
  const matches = estimates.reduce((x, y) => x + y, 0) / estimates.length;
  return Math.min(1 - 1e-12, Math.max(1e-12, matches / counts.all));
}

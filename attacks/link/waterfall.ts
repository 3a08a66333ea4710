// Why two records linked: the waterfall of one pair, as Splink's waterfall chart shows it. The prior,
// then per comparison its level's log2 Bayes factor and (for a comparison with term-frequency
// adjustment) the TF term as its own step, each with the running match weight, then the final weight
// and probability. The steps are the scorer's own terms (levelWeight, termFrequencyWeight), added in the
// scorer's order, so the final weight is the pair's weight in the scored pairs, bit for bit. Browser-safe.

import { blockPairs } from './blocking.ts';
import { bayesFactorTable, levelWeight, logit2, probabilityOfWeight, termFrequencies, termFrequencyWeight, type FSParameters, type TermFrequencies } from './fellegi-sunter.ts';
import { comparisonVectors, levelGammas } from './gamma.ts';
import type { Comparison, ComparisonLevel, LinkSettings } from './settings.ts';
import { takeRows, textAt, type Table } from '../../src/table/table.ts';

export type WaterfallStepKind = 'prior' | 'comparison' | 'term_frequency' | 'final';

/** One bar of the waterfall (Splink's waterfall record: column_name, label_for_charts, bayes_factor, ...). */
export interface WaterfallStep {
  kind: WaterfallStepKind;
  /** 'Prior', the comparison's column, 'tf_<column>', or 'Final score' (Splink's column_name). */
  name: string;
  /** The level in words (Splink's label_for_charts). */
  label: string;
  /** Comparison index (comparison and TF steps), else null. */
  comparison: number | null;
  /** Gamma of the pair's level (comparison and TF steps), else null. */
  gamma: number | null;
  /** The two records' values of the comparison's column (comparison and TF steps). */
  valueLeft: string | null;
  valueRight: string | null;
  /** m and u of the level (comparison steps at a non-null level), else null. */
  m: number | null;
  u: number | null;
  /** Relative frequencies of the two values (TF steps), else null. */
  tfLeft: number | null;
  tfRight: number | null;
  /** This step's log2 Bayes factor (the final step: the match weight). */
  weight: number;
  /** 2^weight. */
  bayesFactor: number;
  /** Match weight after this step. */
  cumulative: number;
}

export interface Waterfall {
  leftRow: number;
  rightRow: number;
  /** The blocking rule (index and columns) that makes this pair a candidate, or null if none does. */
  blockedBy: { rule: number; columns: string[] } | null;
  steps: WaterfallStep[];
  matchWeight: number;
  matchProbability: number;
}

/** What a waterfall needs besides the pair: the tables, settings, parameters, and TF lookups (computed once for many pairs). */
export interface WaterfallModel {
  left: Table;
  /** null for dedupe_only. */
  right: Table | null;
  settings: LinkSettings;
  parameters: FSParameters;
  tf: TermFrequencies;
}

/** The model for waterfalls of pairs of these tables; term frequencies are counted once here. */
export function waterfallModel(left: Table, right: Table | null, settings: LinkSettings, parameters: FSParameters): WaterfallModel {
  const r = settings.link_type === 'dedupe_only' ? null : right;
  return { left, right: r, settings, parameters, tf: termFrequencies(left, r, settings) };
}

/** A level in words, in the manner of Splink's label_for_charts. */
export function levelLabel(comparison: Comparison, level: ComparisonLevel): string {
  const col = comparison.column;
  if (level.label) return level.label;
  switch (level.type) {
    case 'null':
      return `${col} is missing`;
    case 'exact':
      return `exact match on ${col}`;
    case 'jaro_winkler':
      return `Jaro-Winkler of ${col} >= ${level.threshold}`;
    case 'levenshtein':
      return `Levenshtein of ${col} <= ${level.threshold}`;
    case 'date_diff':
      return `${col} within ${level.threshold} ${level.unit}${level.threshold === 1 ? '' : 's'}`;
    case 'else':
      return 'all other comparisons';
    default:
      return level.type === 'sql' ? level.sql : (level as { type: string }).type;
  }
}

/** Labels of a comparison's levels by gamma (index g is gamma g; the null level is not included). */
export function labelsByGamma(comparison: Comparison): string[] {
  const gammas = levelGammas(comparison);
  const out: string[] = [];
  comparison.levels.forEach((l, k) => {
    if (gammas[k]! >= 0) out[gammas[k]!] = levelLabel(comparison, l);
  });
  return out;
}

/** Row counts of the two sides: for dedupe both rows are of the one table. */
export function sideRows(model: Pick<WaterfallModel, 'left' | 'right'>): { left: number; right: number } {
  return { left: model.left.rows, right: (model.right ?? model.left).rows };
}

/**
 * The blocking rule that makes (leftRow, rightRow) a candidate, found by blocking the two records alone
 * with the same blockPairs the linkage uses (rules compare a pair's two records only, so this is the
 * rule that made the pair in the full run); null if no rule makes it.
 */
function blockingRuleOf(model: WaterfallModel, leftRow: number, rightRow: number): { rule: number; columns: string[] } | null {
  const { settings } = model;
  const pairs = model.right
    ? blockPairs(takeRows(model.left, [leftRow]), takeRows(model.right, [rightRow]), settings.blocking, settings.link_type)
    : blockPairs(takeRows(model.left, [leftRow, rightRow]), null, settings.blocking, settings.link_type);
  if (pairs.count === 0) return null;
  const rule = pairs.rule[0]!;
  return { rule, columns: [...settings.blocking[rule]!] };
}

/**
 * The waterfall of one pair. Rows are 0-based data rows; for dedupe_only both are rows of the one table
 * and are put in ascending order, as the scored pairs list them. Throws RangeError for a row out of range
 * or (dedupe) a record paired with itself.
 */
export function pairWaterfall(model: WaterfallModel, leftRow: number, rightRow: number): Waterfall {
  const { settings, parameters } = model;
  const rows = sideRows(model);
  for (const [side, row, n] of [['left', leftRow, rows.left], ['right', rightRow, rows.right]] as const) {
    if (!Number.isInteger(row) || row < 0 || row >= n) throw new RangeError(`${side} row ${row} is out of range (0 to ${n - 1})`);
  }
  if (!model.right) {
    if (leftRow === rightRow) throw new RangeError(`row ${leftRow} paired with itself: a record is not compared with itself`);
    if (leftRow > rightRow) [leftRow, rightRow] = [rightRow, leftRow];
  }
  const pair = { left: Int32Array.of(leftRow), right: Int32Array.of(rightRow), count: 1 };
  const gamma = comparisonVectors(model.left, model.right, pair, settings);
  const bayesFactors = bayesFactorTable(parameters);
  const rightTable = model.right ?? model.left;
  const steps: WaterfallStep[] = [];
  const blank = { comparison: null, gamma: null, valueLeft: null, valueRight: null, m: null, u: null, tfLeft: null, tfRight: null };
  let cumulative = logit2(parameters.lambda);
  steps.push({ kind: 'prior', name: 'Prior', label: 'starting match weight (prior)', ...blank, weight: cumulative, bayesFactor: 2 ** cumulative, cumulative });
  settings.comparisons.forEach((comp, c) => {
    const g = gamma[c]![0]!;
    const level = comp.levels[levelGammas(comp).indexOf(g)]!;
    const values = { valueLeft: valueOf(model.left, comp.column, leftRow), valueRight: valueOf(rightTable, comp.column, rightRow) };
    const w = levelWeight(bayesFactors, c, g);
    cumulative += w;
    const mu = g < 0 ? { m: null, u: null } : { m: parameters.m[c]![g]!, u: parameters.u[c]![g]! };
    steps.push({ ...blank, kind: 'comparison', name: comp.column, label: levelLabel(comp, level), comparison: c, gamma: g, ...values, ...mu, weight: w, bayesFactor: 2 ** w, cumulative });
    // One TF step per comparison that has TF levels: the one the pair is at, else (weight 0) the first.
    const tfLevels = model.tf.levels[c] ?? [];
    const t = tfLevels.find((x) => x.gamma === g) ?? tfLevels[0];
    if (!t) return;
    const tw = termFrequencyWeight(t, parameters.u[c]!, g, leftRow, rightRow);
    cumulative += tw;
    const applies = g === t.gamma;
    steps.push({
      ...blank,
      kind: 'term_frequency',
      name: `tf_${comp.column}`,
      label: applies ? `term frequency adjustment on ${comp.column}` : `no adjustment (not ${labelsByGamma(comp)[t.gamma]})`,
      comparison: c,
      gamma: g,
      ...values,
      tfLeft: nullIfNaN(t.left[leftRow]!),
      tfRight: nullIfNaN(t.right[rightRow]!),
      weight: tw,
      bayesFactor: 2 ** tw,
      cumulative,
    });
  });
  const matchProbability = probabilityOfWeight(cumulative);
  steps.push({ ...blank, kind: 'final', name: 'Final score', label: 'match weight', weight: cumulative, bayesFactor: 2 ** cumulative, cumulative });
  return { leftRow, rightRow, blockedBy: blockingRuleOf(model, leftRow, rightRow), steps, matchWeight: cumulative, matchProbability };
}

function valueOf(t: Table, column: string, row: number): string | null {
  const c = t.columns[column];
  return c ? textAt(c, row) : null;
}

function nullIfNaN(x: number): number | null {
  return Number.isNaN(x) ? null : x;
}

// Fellegi-Sunter scoring: match weight W = log2(lambda/(1-lambda)) + sum_c log2(m_c/u_c) + TF terms,
// probability P = 2^W / (1 + 2^W). A null comparison (gamma -1) contributes 0.

import { linkColumn } from './blocking.ts';
import type { Table } from '../../src/table/table.ts';
import { sharedCodes } from '../../src/table/text.ts';
import { levelCount, levelGammas } from './gamma.ts';
import { PROGRESS_EVERY, type LinkProgress } from './progress.ts';
import { exactLevelForTf, SettingsError, type LinkSettings } from './settings.ts';

/** Model parameters; m[c][g] and u[c][g] are indexed by comparison and gamma value (0 = 'else'). */
export interface FSParameters {
  lambda: number;
  m: Float64Array[];
  u: Float64Array[];
}

/** Parameters given in the settings (every non-null level needs m and u, and lambda must be set); a SettingsError names what is missing. */
export function parametersFromSettings(settings: LinkSettings): FSParameters {
  if (settings.lambda === undefined) throw new SettingsError('.lambda', 'is required when the model is not trained');
  const m: Float64Array[] = [];
  const u: Float64Array[] = [];
  settings.comparisons.forEach((comp, c) => {
    const g = levelGammas(comp);
    const mc = new Float64Array(levelCount(comp));
    const uc = new Float64Array(levelCount(comp));
    comp.levels.forEach((l, k) => {
      if (l.type === 'null') return;
      if (l.m === undefined || l.u === undefined) {
        throw new SettingsError(`.comparisons[${c}].levels[${k}].${l.m === undefined ? 'm' : 'u'}`, 'is required when the model is not trained');
      }
      mc[g[k]!] = l.m;
      uc[g[k]!] = l.u;
    });
    m.push(mc);
    u.push(uc);
  });
  return { lambda: settings.lambda, m, u };
}

export function logit2(p: number): number {
  return Math.log2(p / (1 - p));
}

/** P = 2^W / (1 + 2^W), computed without overflow. */
export function probabilityOfWeight(w: number): number {
  return w >= 0 ? 1 / (1 + 2 ** -w) : 2 ** w / (1 + 2 ** w);
}

/** Splink floors m and u at this before taking log2(m/u) (M_U_CLAMP_MIN), so that 0 gives a finite weight. */
export const M_U_FLOOR = 1e-300;

/** log2(m/u) per comparison and gamma. */
export function bayesFactorTable(params: FSParameters): Float64Array[] {
  return params.m.map((mc, c) => mc.map((m, g) => Math.log2(Math.max(m, M_U_FLOOR) / Math.max(params.u[c]![g]!, M_U_FLOOR))));
}

/**
 * Term-frequency lookups. A level adjusted by term frequencies (an 'exact' level with tf_adjustment
 * w > 0, or a SQL level with a tf_column) reads the relative frequency of each record's value of its
 * tf column: count of the value / count of non-missing values. Following Splink, frequencies come
 * from the input records stacked together: the one table for dedupe_only, left and right
 * concatenated for link_only.
 */
export interface TermFrequencyLevel {
  /** Gamma of the adjusted level, and of the exact-match level whose u the adjustment starts from. */
  gamma: number;
  uGamma: number;
  /** tf_adjustment_weight, and tf_minimum_u_value (0 when not given). */
  weight: number;
  minimumU: number;
  /** tf of each left / right record's value; NaN when missing. */
  left: Float64Array;
  right: Float64Array;
}

export interface TermFrequencies {
  /** Per comparison: its first term-frequency level, or null. */
  columns: (TermFrequencyLevel | null)[];
  /** Per comparison: every term-frequency level. */
  levels: TermFrequencyLevel[][];
}

function columnFrequencies(left: Table, right: Table | null, column: string): { left: Float64Array; right: Float64Array } {
  // values coded in one space for both sides: counts by code, no string per record
  const l = linkColumn(left, column, right ? 'left' : 'input');
  const shared = right ? sharedCodes(l, linkColumn(right, column, 'right')) : { left: l.codes, right: null, distinct: l.dictionary.length };
  const sides = shared.right ? [shared.left, shared.right] : [shared.left];
  const counts = new Float64Array(shared.distinct);
  let total = 0;
  for (const codes of sides) {
    for (let i = 0; i < codes.length; i++) {
      if (codes[i]! < 0) continue;
      counts[codes[i]!]!++;
      total++;
    }
  }
  const tf = sides.map((codes) => Float64Array.from(codes, (k) => (k < 0 ? NaN : counts[k]! / total)));
  return { left: tf[0]!, right: tf[right ? 1 : 0]! };
}

export function termFrequencies(left: Table, right: Table | null, settings: LinkSettings): TermFrequencies {
  const byColumn = new Map<string, { left: Float64Array; right: Float64Array }>();
  const levels = settings.comparisons.map((comp) => {
    const gammas = levelGammas(comp);
    const out: TermFrequencyLevel[] = [];
    comp.levels.forEach((level, k) => {
      if (level.type !== 'exact' && level.type !== 'sql') return;
      const column = level.type === 'exact' ? comp.column : level.tf_column;
      const weight = level.type === 'exact' ? (level.tf_adjustment ?? 0) : (level.tf_adjustment ?? 1);
      if (column === undefined || !(weight > 0)) return;
      let tf = byColumn.get(column);
      if (!tf) byColumn.set(column, (tf = columnFrequencies(left, right, column)));
      out.push({ gamma: gammas[k]!, uGamma: gammas[exactLevelForTf(comp, k)]!, weight, minimumU: level.tf_minimum_u ?? 0, left: tf.left, right: tf.right });
    });
    return out;
  });
  return { columns: levels.map((l) => l[0] ?? null), levels };
}

/** Term-frequency lookup of one comparison (see TermFrequencies). */
export type TermFrequencyColumn = NonNullable<TermFrequencies['columns'][number]>;

/**
 * The log2 Bayes factor of comparison c at gamma g, log2(m/u); 0 at the null level (gamma -1).
 * `bayesFactors` is bayesFactorTable(params). The scorer and the waterfall (waterfall.ts) both add this.
 */
export function levelWeight(bayesFactors: Float64Array[], c: number, g: number): number {
  return g < 0 ? 0 : bayesFactors[c]![g]!;
}

/**
 * The term-frequency term one TF level of a comparison adds to the pair (leftRow, rightRow) at gamma g,
 * as in Splink 4's predict SQL: 0 unless g is that level, else w * (log2 u_exact - log2
 * greatest(coalesce(tf_l, tf_r), coalesce(tf_r, tf_l), tf_minimum_u)), and 0 when both values are
 * missing. `u` is the comparison's u. The scorer and the waterfall both add this.
 */
export function termFrequencyWeight(t: TermFrequencyLevel, u: Float64Array, g: number, leftRow: number, rightRow: number): number {
  if (g !== t.gamma) return 0;
  const a = t.left[leftRow]!;
  const b = t.right[rightRow]!;
  if (Number.isNaN(a) && Number.isNaN(b)) return 0;
  const f = Math.max(Number.isNaN(a) ? b : a, Number.isNaN(b) ? a : b, t.minimumU);
  return t.weight * (Math.log2(u[t.uGamma]!) - Math.log2(f));
}

/**
 * Match weights and probabilities for pairs: the prior, then per comparison its level weight and its TF
 * terms (levelWeight, termFrequencyWeight), added in that order.
 */
export function scorePairs(
  pairs: { left: Int32Array; right: Int32Array; count: number },
  gamma: Int8Array[],
  params: FSParameters,
  tf: TermFrequencies | null,
  onProgress?: LinkProgress,
): { weight: Float64Array; probability: Float64Array } {
  const n = pairs.count;
  const weight = new Float64Array(n).fill(logit2(params.lambda));
  const bf = bayesFactorTable(params);
  for (let c = 0; c < gamma.length; c++) {
    const g = gamma[c]!;
    for (let p = 0; p < n; p++) weight[p]! += levelWeight(bf, c, g[p]!);
    for (const t of tf?.levels[c] ?? []) {
      const u = params.u[c]!;
      for (let p = 0; p < n; p++) weight[p]! += termFrequencyWeight(t, u, g[p]!, pairs.left[p]!, pairs.right[p]!);
    }
  }
  const probability = new Float64Array(n);
  for (let p = 0; p < n; p++) {
    if (onProgress && p % PROGRESS_EVERY === 0) onProgress('scoring', p, n);
    probability[p] = probabilityOfWeight(weight[p]!);
  }
  onProgress?.('scoring', n, n);
  return { weight, probability };
}

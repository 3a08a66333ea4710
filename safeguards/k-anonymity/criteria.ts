// The privacy criteria a class must meet: k-anonymity, and optionally l-diversity (distinct, entropy or
// recursive (c,l)) and t-closeness of a sensitive column. A class that fails one is suppressed. Browser-safe.
import { groupTuples } from '../../attacks/risk/group-tuples.ts';
import type { NodeClasses, Prepared } from './prepared.ts';

export type LDiversity =
  | { readonly variant: 'distinct'; readonly l: number }
  | { readonly variant: 'entropy'; readonly l: number }
  | { readonly variant: 'recursive'; readonly l: number; readonly c: number };

export interface Criteria {
  readonly k: number;
  readonly lDiversity?: LDiversity;
  /**
   * t-closeness: earth mover's distance to the table's distribution at most t; ordered distance when
   * `ordered` (numbers by value, text in code-unit order; the default for number columns), else equal distance.
   */
  readonly tCloseness?: { readonly t: number; readonly ordered?: boolean };
}

/**
 * Whether suppressing failing classes keeps the criteria monotone under generalisation (a node that passes
 * within the suppression limit makes every node above it pass): true for k-anonymity and distinct
 * l-diversity (a merged class passes when any part did); for entropy and recursive l-diversity and
 * t-closeness only without suppression (a merged class of passing classes passes, but a failing part can
 * make it fail).
 */
export function monotone(c: Criteria, maxSuppressed: number): boolean {
  if (maxSuppressed === 0) return true;
  return c.tCloseness === undefined && (c.lDiversity === undefined || c.lDiversity.variant === 'distinct');
}

/** For each class, 1 when it fails a criterion. */
export function failingClasses(p: Prepared, nc: NodeClasses, c: Criteria): Uint8Array {
  const fails = new Uint8Array(nc.classes);
  for (let g = 0; g < nc.classes; g++) if (nc.size[g]! < c.k) fails[g] = 1;
  if (!c.lDiversity && !c.tCloseness) return fails;
  const s = p.sensitive!;
  // The (class, sensitive value) pairs and their counts.
  const pairs = groupTuples([nc.classOf, s.codes], [nc.classes, s.dictionary.length], p.tuples);
  const pairCount = new Float64Array(pairs.distinct);
  for (let t = 0; t < p.tuples; t++) pairCount[pairs.ids[t]!]! += p.count[t]!;
  const counts: number[][] = Array.from({ length: nc.classes }, () => []);
  const values: number[][] = Array.from({ length: nc.classes }, () => []);
  for (let q = 0; q < pairs.distinct; q++) {
    const t = pairs.first[q]!;
    counts[nc.classOf[t]!]!.push(pairCount[q]!);
    values[nc.classOf[t]!]!.push(s.codes[t]!);
  }
  const overall = c.tCloseness ? distribution(p) : null;
  const order = c.tCloseness ? valueOrder(p, overall!, c.tCloseness.ordered ?? s.numeric !== null) : null;
  for (let g = 0; g < nc.classes; g++) {
    if (c.lDiversity && !isDiverse(counts[g]!, c.lDiversity)) fails[g] = 1;
    if (overall && distance(overall, values[g]!, counts[g]!, nc.size[g]!, order) > c.tCloseness!.t + 1e-12) fails[g] = 1;
  }
  return fails;
}

/** l-diversity of one class from the counts of its sensitive values. */
export function isDiverse(counts: readonly number[], d: LDiversity): boolean {
  if (d.variant === 'distinct') return counts.length >= d.l;
  if (d.variant === 'entropy') {
    const n = counts.reduce((a, b) => a + b, 0);
    const entropy = -counts.reduce((a, x) => a + (x / n) * Math.log(x / n), 0);
    return entropy >= Math.log(d.l) - 1e-12;
  }
  // Recursive (c,l): r1 < c (r_l + ... + r_m), r sorted in decreasing order.
  if (counts.length < d.l) return false;
  const r = [...counts].sort((a, b) => b - a);
  const tail = r.slice(d.l - 1).reduce((a, b) => a + b, 0);
  return r[0]! < d.c * tail;
}

/** The table's share of each sensitive value. */
function distribution(p: Prepared): Float64Array {
  const s = p.sensitive!;
  const share = new Float64Array(s.dictionary.length);
  for (let t = 0; t < p.tuples; t++) share[s.codes[t]!]! += p.count[t]! / p.rows;
  return share;
}

/** The sensitive codes the table holds, in ascending order of value, or null for equal ground distance. */
function valueOrder(p: Prepared, overall: Float64Array, ordered: boolean): Int32Array | null {
  if (!ordered) return null;
  const s = p.sensitive!;
  const codes = Int32Array.from(s.dictionary.keys()).filter((c) => overall[c]! > 0);
  const num = s.numeric;
  return codes.sort(num ? (a, b) => num[a]! - num[b]! : (a, b) => (s.dictionary[a]! < s.dictionary[b]! ? -1 : s.dictionary[a]! > s.dictionary[b]! ? 1 : 0));
}

/**
 * Earth mover's distance between a class's sensitive distribution p and the table's q: without an order,
 * equal ground distance (half the L1 distance); with one, ordered distance (1/(m-1)) sum_i |sum_{j<=i}
 * (p_j - q_j)| over the table's m distinct values in that order (Li, Li & Venkatasubramanian 2007).
 */
export function distance(overall: Float64Array, values: readonly number[], counts: readonly number[], size: number, order: Int32Array | null): number {
  const diff = Float64Array.from(overall, (q) => -q);
  values.forEach((v, i) => (diff[v]! += counts[i]! / size));
  if (!order) return diff.reduce((a, x) => a + Math.abs(x), 0) / 2;
  if (order.length < 2) return 0;
  let running = 0;
  let total = 0;
  for (const v of order) total += Math.abs((running += diff[v]!));
  return total / (order.length - 1);
}

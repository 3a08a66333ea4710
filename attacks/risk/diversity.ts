// l-diversity and t-closeness of a sensitive attribute over the equivalence classes: what an
// adversary learns about a person's sensitive value once they know the person's class. The classes
// are the summary's classes (distinct combinations, missing as a value, in both missing modes).
// Browser-safe.

import { MISSING, type ClassSummary } from './types.ts';

/** l-diversity of a sensitive attribute (missing sensitive values count as one value of their own). */
export interface LDiversity {
  /** Distinct l-diversity: min over classes of the number of distinct sensitive values. */
  readonly distinct: number;
  /** Entropy l-diversity: min over classes of exp(H), H = -sum_v p_v ln p_v (the l with H >= ln l). */
  readonly entropy: number;
  /** Per class: distinct sensitive values, and exp(entropy). */
  readonly classDistinct: Int32Array;
  readonly classEntropy: Float64Array;
  /** Per record: the distinct l of the record's class. */
  readonly perRecord: Int32Array;
  /**
   * Recursive (c, l)-diversity: true when every class, with value counts r_1 >= r_2 >= ... >= r_d,
   * has d >= l and r_1 < c (r_l + r_(l+1) + ... + r_d).
   */
  recursive(c: number, l: number): boolean;
}

/** Records ordered by class (counting sort): rows[offset[k] .. offset[k+1]) are class k's records. */
function rowsByClass(summary: ClassSummary): { rows: Int32Array; offset: Int32Array } {
  const offset = new Int32Array(summary.classes + 1);
  for (let k = 0; k < summary.classes; k++) offset[k + 1] = offset[k]! + summary.classSize[k]!;
  const fill = offset.slice(0, summary.classes);
  const rows = new Int32Array(summary.records);
  for (let i = 0; i < summary.records; i++) rows[fill[summary.classOf[i]!]!++] = i;
  return { rows, offset };
}

/** Check the sensitive column and return (max code + 2), the size of a scratch array indexed by code + 1. */
function sensitiveRadix(summary: ClassSummary, sensitive: Int32Array, what: string): number {
  if (summary.records === 0) throw new Error(`${what}: the table is empty`);
  if (sensitive.length !== summary.records) {
    throw new Error(`${what}: ${sensitive.length} sensitive values for ${summary.records} records`);
  }
  let max = MISSING;
  for (let i = 0; i < sensitive.length; i++) {
    const s = sensitive[i]!;
    if (s < MISSING) throw new Error(`${what}: sensitive code ${s} of record ${i} is not a dictionary code`);
    if (s > max) max = s;
  }
  return max + 2;
}

/** Distinct, entropy and recursive (c, l) l-diversity of `sensitive` (codes, MISSING allowed). */
export function lDiversity(summary: ClassSummary, sensitive: Int32Array): LDiversity {
  const radix = sensitiveRadix(summary, sensitive, 'lDiversity');
  const { rows, offset } = rowsByClass(summary);
  const count = new Int32Array(radix);
  const classDistinct = new Int32Array(summary.classes);
  const classEntropy = new Float64Array(summary.classes);
  // sorted (ascending) value counts of each class, flattened; class k's run starts at runStart[k]
  const runs = new Int32Array(summary.records);
  const runStart = new Int32Array(summary.classes + 1);
  let used = 0;
  let minDistinct = Infinity;
  let minEntropy = Infinity;
  for (let k = 0; k < summary.classes; k++) {
    const from = offset[k]!;
    const to = offset[k + 1]!;
    const size = to - from;
    runStart[k] = used;
    for (let a = from; a < to; a++) {
      const v = sensitive[rows[a]!]! + 1;
      if (count[v]++ === 0) runs[used++] = v; // first: remember the value
    }
    let h = 0;
    for (let t = runStart[k]!; t < used; t++) {
      const v = runs[t]!;
      const p = count[v]! / size;
      h -= p * Math.log(p);
      runs[t] = count[v]!;
      count[v] = 0;
    }
    runs.subarray(runStart[k]!, used).sort();
    const d = used - runStart[k]!;
    classDistinct[k] = d;
    classEntropy[k] = Math.exp(h);
    if (d < minDistinct) minDistinct = d;
    if (classEntropy[k]! < minEntropy) minEntropy = classEntropy[k]!;
  }
  runStart[summary.classes] = used;
  const perRecord = new Int32Array(summary.records);
  for (let i = 0; i < summary.records; i++) perRecord[i] = classDistinct[summary.classOf[i]!]!;
  return {
    distinct: minDistinct,
    entropy: minEntropy,
    classDistinct,
    classEntropy,
    perRecord,
    recursive(c: number, l: number): boolean {
      if (!(c > 0) || !Number.isInteger(l) || l < 1) throw new Error(`recursive (c, l)-diversity needs c > 0 and an integer l >= 1, got (${c}, ${l})`);
      for (let k = 0; k < summary.classes; k++) {
        const start = runStart[k]!;
        const d = runStart[k + 1]! - start;
        if (d < l) return false;
        // ascending run: r_1 = runs[start + d - 1], r_l .. r_d = runs[start .. start + d - l]
        let tail = 0;
        for (let t = start; t <= start + d - l; t++) tail += runs[t]!;
        if (!(runs[start + d - 1]! < c * tail)) return false;
      }
      return true;
    },
  };
}

/** t-closeness of a sensitive attribute. */
export interface TCloseness {
  /** max over classes of the earth mover's distance to the whole table's distribution. */
  readonly t: number;
  readonly perClass: Float64Array;
}

export interface TClosenessOptions {
  /** Ordered (numeric) ground distance of Li et al. instead of the equal distance. */
  readonly ordered?: boolean;
  /** The sensitive column's dictionary: when ordered, values are ranked numerically if all are numbers, else as text; without it, by code. */
  readonly dictionary?: readonly string[];
}

/**
 * t-closeness: for each class, the earth mover's distance between the class's distribution P of the
 * sensitive value and the table's Q.
 * - categorical (equal ground distance): EMD = 1/2 sum_v |p_v - q_v| (missing is a value);
 * - ordered (Li et al.), m = distinct values in the table ranked 1..m:
 *   EMD = sum_{i=1}^{m} |sum_{j<=i} (p_j - q_j)| / (m - 1) (0 when m = 1); missing values are an error.
 * Cost O(n log m): between consecutive values of a class the cumulative P is constant and the
 * table's cumulative Q is monotone, so each stretch is summed by binary search on prefix sums.
 */
export function tCloseness(summary: ClassSummary, sensitive: Int32Array, opts: TClosenessOptions = {}): TCloseness {
  const radix = sensitiveRadix(summary, sensitive, 'tCloseness');
  const n = summary.records;
  const total = new Float64Array(radix);
  for (let i = 0; i < n; i++) total[sensitive[i]! + 1]!++;
  const rank = new Int32Array(radix).fill(-1); // code + 1 -> rank among the values present (ordered)
  let m = 0;
  if (opts.ordered) {
    if (total[0]! > 0) throw new Error('tCloseness: ordered t-closeness needs a sensitive value for every record (found missing values)');
    const present: number[] = [];
    for (let v = 1; v < radix; v++) if (total[v]! > 0) present.push(v - 1);
    const dict = opts.dictionary;
    if (dict && present.some((c) => c >= dict.length)) throw new Error('tCloseness: a sensitive code is outside the dictionary');
    if (dict) {
      const numeric = present.every((c) => dict[c]!.trim() !== '' && Number.isFinite(Number(dict[c])));
      present.sort(numeric ? (a, b) => Number(dict[a]) - Number(dict[b]) || a - b : (a, b) => (dict[a]! < dict[b]! ? -1 : dict[a]! > dict[b]! ? 1 : a - b));
    }
    present.forEach((c, r) => (rank[c + 1] = r));
    m = present.length;
  }
  // table cumulative Q by rank and its prefix sums S[i] = sum_{j<i} Qcum[j]
  const Qcum = new Float64Array(m);
  const S = new Float64Array(m + 1);
  if (opts.ordered) {
    const byRank = new Float64Array(m);
    for (let v = 1; v < radix; v++) if (rank[v]! >= 0) byRank[rank[v]!] = total[v]!;
    let cum = 0;
    for (let r = 0; r < m; r++) {
      cum += byRank[r]!;
      Qcum[r] = cum / n;
      S[r + 1] = S[r]! + Qcum[r]!;
    }
  }
  // sum_{i in [a, b)} |c - Qcum[i]|, Qcum nondecreasing
  const stretch = (a: number, b: number, c: number): number => {
    let lo = a;
    let hi = b;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (Qcum[mid]! < c) lo = mid + 1;
      else hi = mid;
    }
    return c * (lo - a) - (S[lo]! - S[a]!) + (S[b]! - S[lo]!) - c * (b - lo);
  };
  const { rows, offset } = rowsByClass(summary);
  const count = new Float64Array(radix);
  const values: number[] = [];
  const perClass = new Float64Array(summary.classes);
  let worst = 0;
  for (let k = 0; k < summary.classes; k++) {
    const size = offset[k + 1]! - offset[k]!;
    values.length = 0;
    for (let a = offset[k]!; a < offset[k + 1]!; a++) {
      const v = sensitive[rows[a]!]! + 1;
      if (count[v]++ === 0) values.push(v);
    }
    let emd: number;
    if (!opts.ordered) {
      let diff = 0;
      let presentTotal = 0;
      for (const v of values) {
        diff += Math.abs(count[v]! / size - total[v]! / n);
        presentTotal += total[v]!;
      }
      emd = 0.5 * (diff + (n - presentTotal) / n);
    } else if (m <= 1) emd = 0;
    else {
      values.sort((a, b) => rank[a]! - rank[b]!);
      let sum = stretch(0, rank[values[0]!]!, 0);
      let cum = 0;
      for (let t = 0; t < values.length; t++) {
        cum += count[values[t]!]!;
        const end = t + 1 < values.length ? rank[values[t + 1]!]! : m;
        sum += stretch(rank[values[t]!]!, end, cum / size);
      }
      emd = sum / (m - 1);
    }
    for (const v of values) count[v] = 0;
    perClass[k] = emd;
    if (emd > worst) worst = emd;
  }
  return { t: worst, perClass };
}

// Distinct comparison patterns (gamma vectors) and their frequencies, for EM. Any number of comparisons
// and levels: gammas are packed into exact integer keys (mixed radix, < 2^53); when a pattern would not
// fit, the comparisons are taken in chunks, each chunk's key starting from the dense pattern ids of the
// chunks before it, so no key can overflow. Grouping is the shared kernel in attacks/risk/group-tuples.ts.

import { groupKeys, SAFE, type TupleGroups } from '../risk/group-tuples.ts';

/** Distinct comparison patterns: `gamma` is row-major (pattern x comparison), `count` their frequencies. */
export interface PatternCounts {
  comparisons: number;
  gamma: Int8Array;
  count: Float64Array;
}

/** Radix of each comparison's (gamma + 1) digit: its largest gamma + 2 (gamma -1, the null level, is digit 0). */
function radices(gamma: Int8Array[]): number[] {
  return gamma.map((g, c) => {
    let max = -1;
    for (let p = 0; p < g.length; p++) {
      const x = g[p]!;
      if (x > max) max = x;
      else if (x < -1) throw new Error(`comparison ${c}: gamma ${x} is below -1 (the null level)`);
    }
    return max + 2;
  });
}

/**
 * Counts distinct comparison vectors (one Int8Array of gammas per comparison, all of the same length).
 * Patterns come in order of first appearance.
 */
export function countPatterns(gamma: Int8Array[]): PatternCounts {
  const nc = gamma.length;
  const n = nc ? gamma[0]!.length : 0;
  gamma.forEach((g, c) => {
    if (g.length !== n) throw new Error(`comparison ${c} has ${g.length} gammas, comparison 0 has ${n}`);
  });
  if (nc === 0 || n === 0) return { comparisons: nc, gamma: new Int8Array(0), count: new Float64Array(0) };
  const radix = radices(gamma);
  const keys = new Float64Array(n);
  let groups: TupleGroups | null = null;
  for (let c = 0; c < nc; ) {
    // Take as many comparisons as keep (ids so far) x (their radices) within 2^53; radix <= 129 and
    // ids <= n, so every chunk takes at least one comparison.
    let space = groups ? groups.distinct : 1;
    let end = c;
    while (end < nc && space * radix[end]! <= SAFE) space *= radix[end++]!;
    if (groups) keys.set(groups.ids);
    for (let k = c; k < end; k++) {
      const r = radix[k]!;
      const g = gamma[k]!;
      for (let p = 0; p < n; p++) keys[p] = keys[p]! * r + g[p]! + 1;
    }
    groups = groupKeys(keys, space);
    c = end;
  }
  const { ids, distinct, first } = groups!;
  const count = new Float64Array(distinct);
  for (let p = 0; p < n; p++) count[ids[p]!]!++;
  const out = new Int8Array(distinct * nc);
  for (let k = 0; k < distinct; k++) {
    const p = first[k]!;
    for (let c = 0; c < nc; c++) out[k * nc + c] = gamma[c]![p]!;
  }
  return { comparisons: nc, gamma: out, count };
}

/**
 * The same patterns in ascending order of their gamma vectors (-1 first), as SQL's ORDER BY gives them:
 * EM's sums then add in one order whichever engine counted the patterns, so both train the same bits.
 */
export function sortPatterns(p: PatternCounts): PatternCounts {
  const nc = p.comparisons;
  const n = p.count.length;
  const order = Array.from({ length: n }, (_, k) => k).sort((a, b) => {
    for (let c = 0; c < nc; c++) {
      const d = p.gamma[a * nc + c]! - p.gamma[b * nc + c]!;
      if (d !== 0) return d;
    }
    return 0;
  });
  const gamma = new Int8Array(n * nc);
  order.forEach((k, i) => gamma.set(p.gamma.subarray(k * nc, (k + 1) * nc), i * nc));
  return { comparisons: nc, gamma, count: Float64Array.from(order, (k) => p.count[k]!) };
}

// The minimal-sample-unique search: bottom-up over subsets of quasi-identifiers, one typed-array
// group-by per subset, restricted to the rows that can still matter.

import { PairGroups } from './pair-groups.ts';

/** Distinct rows of the table: codes[j][row] in [0, cardinality[j]) (missing already a code), weight = records. */
export interface DistinctRows {
  readonly count: number;
  readonly codes: readonly Int32Array[];
  readonly weight: Int32Array;
}

export interface MsuSearch {
  /** Per row: SUDA score, number of MSUs. Rows of weight > 1 have none. */
  readonly score: Float64Array;
  readonly msuCount: Int32Array;
  /** Per QI: sum of the scores of the MSUs that contain it. */
  readonly attributeScore: Float64Array;
  /** msuCountBySize[k]: MSUs of k quasi-identifiers. */
  readonly msuCountBySize: Float64Array;
  /** (row, bit mask of QIs) of every MSU, when asked for. */
  readonly msus: { row: number; mask: number }[] | null;
  /** Subsets whose group-by ran (the rest were pruned). */
  readonly subsetsSearched: number;
}

/**
 * Finds every minimal sample unique of at most `maxSize` QIs. A record r has an MSU S when r is the only
 * record with its values on S and not the only one on any S minus one QI (hence on no proper subset,
 * uniqueness being inherited by supersets); S of size k among M QIs scores (M - k)!.
 *
 * Pruning: for subset S, the rows that can matter are those in "live" groups of every S minus one QI,
 * a live group being a non-unique group that holds at least one single record (weight 1). A row unique
 * on a subset is unique on every superset, so it cannot share a group there and is dropped; so are rows
 * of groups with no single record, since groups only split as QIs are added. A subset with no live row
 * prunes all its supersets. Each group-by keys a row by (its group on S minus S's highest QI, its code
 * on that QI), so a subset costs O(live rows) whatever its size.
 */
export function findMsus(rows: DistinctRows, maxSize: number, collect: boolean): MsuSearch {
  const M = rows.codes.length;
  const n = rows.count;
  const words = (n + 31) >>> 5;
  const factorial = [1];
  for (let i = 1; i <= M; i++) factorial.push(factorial[i - 1] * i);

  const score = new Float64Array(n);
  const msuCount = new Int32Array(n);
  const attributeScore = new Float64Array(M);
  const msuCountBySize = new Float64Array(M + 1);
  const msus: { row: number; mask: number }[] | null = collect ? [] : null;
  let subsetsSearched = 0;

  const groups = new PairGroups(n);
  const groupWeight = new Float64Array(n);
  const groupSingles = new Int32Array(n);
  const candidates = new Int32Array(n);
  const common = new Uint32Array(words);
  const gidPool: Int32Array[] = [];
  // Live rows and group ids of the subsets of the previous level, by mask.
  let liveOf = new Map<number, Uint32Array>();
  let gidOf = new Map<number, Int32Array>();

  for (let k = 1; k <= maxSize; k++) {
    const nextLive = new Map<number, Uint32Array>();
    const nextGid = new Map<number, Int32Array>();
    const keepForNext = k < maxSize;
    const msuScore = factorial[M - k];
    // Every mask with k bits, in increasing order (Gosper's hack).
    for (let mask = (1 << k) - 1; mask < 1 << M; mask = nextWithSameBits(mask)) {
      const top = 31 - Math.clz32(mask);
      // 1. Candidates: live on every immediate subset (all rows on level 1).
      let count = 0;
      if (k === 1) {
        for (let r = 0; r < n; r++) candidates[r] = r;
        count = n;
      } else {
        common.fill(0xffffffff);
        let pruned = false;
        for (let rest = mask; rest !== 0; rest &= rest - 1) {
          const live = liveOf.get(mask ^ (rest & -rest));
          if (!live) {
            pruned = true;
            break;
          }
          for (let w = 0; w < words; w++) common[w] &= live[w];
        }
        if (pruned) continue;
        for (let w = 0; w < words; w++) {
          for (let bits = common[w]; bits !== 0; bits &= bits - 1) candidates[count++] = (w << 5) | (31 - Math.clz32(bits & -bits));
        }
        if (count === 0) continue;
      }
      subsetsSearched++;
      // 2. Group the candidates on S: (group on S minus top, code on top).
      const parentGid = k === 1 ? null : gidOf.get(mask ^ (1 << top))!;
      const topCodes = rows.codes[top];
      const gid = gidPool.pop() ?? new Int32Array(n);
      groups.reset();
      for (let i = 0; i < count; i++) {
        const r = candidates[i];
        const before = groups.size;
        const g = groups.idOf(parentGid ? parentGid[r] : 0, topCodes[r]);
        if (g === before) {
          groupWeight[g] = 0;
          groupSingles[g] = 0;
        }
        gid[r] = g;
        groupWeight[g] += rows.weight[r];
        if (rows.weight[r] === 1) groupSingles[g]++;
      }
      // 3. Singletons are MSUs (candidates are non-unique on every proper subset); live rows go on.
      let live: Uint32Array | null = null;
      for (let i = 0; i < count; i++) {
        const r = candidates[i];
        const g = gid[r];
        if (groupWeight[g] === 1) {
          score[r] += msuScore;
          msuCount[r]++;
          msuCountBySize[k]++;
          for (let rest = mask; rest !== 0; rest &= rest - 1) attributeScore[31 - Math.clz32(rest & -rest)] += msuScore;
          if (msus) msus.push({ row: r, mask });
        } else if (keepForNext && groupSingles[g] > 0) {
          live ??= new Uint32Array(words);
          live[r >>> 5] |= 1 << (r & 31);
        }
      }
      if (live) {
        nextLive.set(mask, live);
        nextGid.set(mask, gid);
      } else gidPool.push(gid);
    }
    for (const g of gidOf.values()) gidPool.push(g);
    liveOf = nextLive;
    gidOf = nextGid;
    if (liveOf.size === 0) break;
  }
  return { score, msuCount, attributeScore, msuCountBySize, msus, subsetsSearched };
}

/** The next larger integer with the same number of set bits. */
function nextWithSameBits(x: number): number {
  const low = x & -x;
  const ripple = x + low;
  return ripple | (((x ^ ripple) >>> 2) / low);
}

// Distinction and separation of quasi-identifier combinations (ARX "attribute risks").
// Missing values count as a category of their own here. Browser-safe.

import { groupTuples } from './classes.ts';
import { qiIndex } from './qi-table.ts';
import type { QiTable } from './types.ts';

/** Class sizes of the table restricted to some quasi-identifiers. */
function classSizesOn(table: QiTable, qiIndices: readonly number[], what: string): Int32Array {
  if (table.records === 0) throw new Error(`${what}: the table is empty`);
  if (qiIndices.length === 0) throw new Error(`${what}: no quasi-identifiers given`);
  const cols = qiIndices.map((j) => qiIndex(table, j));
  const g = groupTuples(
    cols.map((j) => table.codes[j]!),
    cols.map((j) => table.dictionaries[j]!.length),
    table.records,
  );
  const size = new Int32Array(g.distinct);
  for (let i = 0; i < table.records; i++) size[g.ids[i]!]!++;
  return size;
}

/** Distinction: (number of distinct combinations of the QIs) / n. 1 means every record is unique. */
export function distinction(table: QiTable, qiIndices: readonly number[]): number {
  return classSizesOn(table, qiIndices, 'distinction').length / table.records;
}

function separationOf(size: Int32Array, n: number, what: string): number {
  if (n < 2) throw new Error(`${what}: separation needs at least 2 records, got ${n}`);
  let samePairs = 0;
  for (let c = 0; c < size.length; c++) samePairs += size[c]! * (size[c]! - 1);
  return 1 - samePairs / (n * (n - 1));
}

/**
 * Separation: share of record pairs that differ on at least one of the QIs,
 * 1 - sum_k f_k (f_k - 1) / (n (n - 1)). Needs n >= 2.
 */
export function separation(table: QiTable, qiIndices: readonly number[]): number {
  return separationOf(classSizesOn(table, qiIndices, 'separation'), table.records, 'separation');
}

/** One row of {@link combinationReport}. */
export interface CombinationRisk {
  readonly indices: readonly number[];
  readonly names: readonly string[];
  /** distinct combinations / n */
  readonly distinction: number;
  /** 1 - sum f(f-1) / (n(n-1)) */
  readonly separation: number;
  /** share of records unique on these QIs (c_1 / n) */
  readonly sampleUniqueness: number;
}

/**
 * Every combination of 1..maxSize quasi-identifiers (by size, then lexicographic) with its distinction,
 * separation and sample uniqueness. The number of rows is sum_{k<=maxSize} C(m, k); each costs O(n k).
 */
export function combinationReport(table: QiTable, maxSize: number): CombinationRisk[] {
  const m = table.codes.length;
  if (!Number.isInteger(maxSize) || maxSize < 1) throw new Error(`combinationReport: maxSize ${maxSize} must be an integer >= 1`);
  const top = Math.min(maxSize, m);
  const n = table.records;
  const rows: CombinationRisk[] = [];
  for (let k = 1; k <= top; k++) {
    for (const indices of subsets(m, k)) {
      const size = classSizesOn(table, indices, 'combinationReport');
      let uniques = 0;
      for (let c = 0; c < size.length; c++) if (size[c] === 1) uniques++;
      rows.push({
        indices,
        names: indices.map((j) => table.names[j]!),
        distinction: size.length / n,
        separation: separationOf(size, n, 'combinationReport'),
        sampleUniqueness: uniques / n,
      });
    }
  }
  return rows;
}

/** All k-subsets of 0..m-1 in lexicographic order. */
function* subsets(m: number, k: number): Generator<number[]> {
  const idx = Array.from({ length: k }, (_, i) => i);
  for (;;) {
    yield idx.slice();
    let i = k - 1;
    while (i >= 0 && idx[i] === m - k + i) i--;
    if (i < 0) return;
    idx[i]!++;
    for (let t = i + 1; t < k; t++) idx[t] = idx[t - 1]! + 1;
  }
}

// Equivalence classes of a quasi-identifier table: the one summary every class-based measure reads.
// Browser-safe: no node:* imports. Hot loops run on typed arrays; no object or string per record.

import { histogramOfClassSizes } from './class-histogram.ts';
import { groupKeys, groupTuples, indexKeys, SAFE } from './group-tuples.ts';
import { MISSING, type ClassSummary, type MissingMode, type QiTable } from './types.ts';

export { groupTuples, type TupleGroups } from './group-tuples.ts';

const MAX_WILDCARD_QIS = 30;

function dictionarySizes(table: QiTable): number[] {
  return table.dictionaries.map((d) => d.length);
}

function checkTable(table: QiTable, what: string): void {
  if (table.codes.length === 0) throw new Error(`${what}: the table has no quasi-identifiers`);
  if (table.records === 0) throw new Error(`${what}: the table is empty`);
}

/**
 * Summarise a table into equivalence classes (records equal on every quasi-identifier, missing as a
 * value of its own) and the frequency f_i of each record's combination:
 * - 'category': f_i = size of i's class.
 * - 'wildcard' (ARX wildcards, sdcMicro NA): f_i = number of records r that agree with i on every
 *   quasi-identifier where both i and r are present. Computed on distinct combinations grouped by
 *   missing pattern (see {@link matchSums}): cost O(patterns x combinations), never records^2;
 *   at most 30 quasi-identifiers.
 * `sizes`/`sizeCounts` always describe the classes (classSize), in both modes.
 */
export function classSummary(table: QiTable, missing: MissingMode = 'category'): ClassSummary {
  checkTable(table, 'classSummary');
  const n = table.records;
  const groups = groupTuples(table.codes, dictionarySizes(table), n);
  const classes = groups.distinct;
  const classOf = groups.ids;
  const classSize = new Int32Array(classes);
  for (let i = 0; i < n; i++) classSize[classOf[i]!]!++;
  let perClass: ArrayLike<number> = classSize;
  if (missing === 'wildcard' && table.codes.some((col) => col.includes(MISSING))) {
    const combos = gatherRows(table.codes, groups.first);
    perClass = matchSums(combos, combos, Float64Array.from(classSize), dictionarySizes(table), 'wildcard');
  } else if (missing !== 'category' && missing !== 'wildcard') {
    throw new Error(`classSummary: missing must be 'category' or 'wildcard', got "${String(missing)}"`);
  }
  const frequency = new Float64Array(n);
  for (let i = 0; i < n; i++) frequency[i] = perClass[classOf[i]!]!;
  const { sizes, sizeCounts } = histogramOfClassSizes(classSize);
  return { records: n, missing, classes, classOf, classSize, frequency, sizes, sizeCounts };
}

/** The first record of each class of a summary (its representative combination). */
export function classRepresentatives(summary: ClassSummary): Int32Array {
  const first = new Int32Array(summary.classes).fill(-1);
  for (let i = 0; i < summary.records; i++) {
    const c = summary.classOf[i]!;
    if (first[c] === -1) first[c] = i;
  }
  return first;
}

/** Code columns restricted to the given rows (one small Int32Array per column). */
export function gatherRows(codes: readonly Int32Array[], rows: Int32Array): Int32Array[] {
  return codes.map((col) => {
    const out = new Int32Array(rows.length);
    for (let r = 0; r < rows.length; r++) out[r] = col[rows[r]!]!;
    return out;
  });
}

/**
 * F_i: the sum of the weights of the records counted in f_i, under the summary's missing-value rule
 * (sdcMicro freqCalc's Fk; fk is summary.frequency). Weights must be finite and >= 0.
 */
export function weightedFrequency(table: QiTable, summary: ClassSummary, weights: Float64Array): Float64Array {
  const n = summary.records;
  if (table.records !== n) throw new Error(`weightedFrequency: table has ${table.records} records, summary ${n}`);
  if (weights.length !== n) throw new Error(`weightedFrequency: ${weights.length} weights for ${n} records`);
  const classWeight = new Float64Array(summary.classes);
  for (let i = 0; i < n; i++) {
    const w = weights[i]!;
    if (!(w >= 0) || !Number.isFinite(w)) throw new Error(`weightedFrequency: weight ${w} of record ${i} is not a finite number >= 0`);
    classWeight[summary.classOf[i]!]! += w;
  }
  let perClass: Float64Array = classWeight;
  if (summary.missing === 'wildcard') {
    const combos = gatherRows(table.codes, classRepresentatives(summary));
    perClass = matchSums(combos, combos, classWeight, dictionarySizes(table), 'wildcard');
  }
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = perClass[summary.classOf[i]!]!;
  return out;
}

/**
 * For every query combination q, the sum of `mass` over the target combinations that match it:
 * equal on every column ('category', missing a value of its own), or equal on every column where
 * both are present ('wildcard'). Both sides use the same code space (cols[j] in [-1, sizes[j])).
 * Wildcard: combinations are bucketed by missing pattern; for each pair of patterns (P, R) the
 * columns present on both sides are packed into keys, the smaller bucket is indexed and the larger
 * one probes it. Cost O(patterns x combinations) (the number of patterns is at most
 * min(2^columns, combinations)); when query === target the matching is symmetric and each pair of
 * patterns is visited once.
 */
export function matchSums(
  query: readonly Int32Array[],
  target: readonly Int32Array[],
  mass: Float64Array,
  sizes: readonly number[],
  missing: MissingMode,
): Float64Array {
  const m = sizes.length;
  const nq = query[0]?.length ?? 0;
  const nt = mass.length;
  const out = new Float64Array(nq);
  if (missing === 'category') {
    const every = [...Array(m).keys()];
    addMatches(pairGroups(query, allRows(nq), target, allRows(nt), every, sizes), allRows(nq), allRows(nt), mass, out);
    return out;
  }
  if (m > MAX_WILDCARD_QIS) throw new Error(`wildcard matching supports at most ${MAX_WILDCARD_QIS} quasi-identifiers, got ${m}`);
  const on = (p: number, r: number): number[] => [...Array(m).keys()].filter((j) => ((p | r) & (1 << j)) === 0);
  const qb = [...bucketByPattern(query, nq)];
  if (query === target) {
    for (let x = 0; x < qb.length; x++) {
      const [p, rowsP] = qb[x]!;
      for (let y = x; y < qb.length; y++) {
        const [r, rowsR] = qb[y]!;
        const pair = pairGroups(query, rowsP, query, rowsR, on(p, r), sizes);
        addMatches(pair, rowsP, rowsR, mass, out);
        if (y !== x) addMatches({ a: pair.b, b: pair.a, distinct: pair.distinct }, rowsR, rowsP, mass, out);
      }
    }
    return out;
  }
  const tb = [...bucketByPattern(target, nt)];
  for (const [p, rowsP] of qb) {
    for (const [r, rowsR] of tb) addMatches(pairGroups(query, rowsP, target, rowsR, on(p, r), sizes), rowsP, rowsR, mass, out);
  }
  return out;
}

/** Group ids shared by two sets of rows on columns `on`; -1 where a row matches nothing on the other side. */
interface PairGroups {
  readonly a: Int32Array;
  readonly b: Int32Array;
  readonly distinct: number;
}

/**
 * Common group ids of rows `rowsA` of colsA and `rowsB` of colsB on columns `on`: the columns are
 * packed into exact keys, the smaller side is indexed and the larger side looks its keys up. When the
 * key would pass 2^53 both sides are grouped together instead (chunked, see groupTuples).
 */
function pairGroups(
  colsA: readonly Int32Array[],
  rowsA: Int32Array,
  colsB: readonly Int32Array[],
  rowsB: Int32Array,
  on: readonly number[],
  sizes: readonly number[],
): PairGroups {
  let space = 1;
  for (const j of on) space *= sizes[j]! + 1;
  if (space > SAFE) {
    const na = rowsA.length;
    const cols = on.map((j) => {
      const col = new Int32Array(na + rowsB.length);
      const ca = colsA[j]!;
      const cb = colsB[j]!;
      for (let x = 0; x < na; x++) col[x] = ca[rowsA[x]!]!;
      for (let y = 0; y < rowsB.length; y++) col[na + y] = cb[rowsB[y]!]!;
      return col;
    });
    const g = groupTuples(cols, on.map((j) => sizes[j]!), na + rowsB.length);
    return { a: g.ids.subarray(0, na), b: g.ids.subarray(na), distinct: g.distinct };
  }
  const keysA = packKeys(colsA, rowsA, on, sizes);
  if (colsA === colsB && rowsA === rowsB) {
    const g = groupKeys(keysA, space); // a bucket against itself: no lookups needed
    return { a: g.ids, b: g.ids, distinct: g.distinct };
  }
  const keysB = packKeys(colsB, rowsB, on, sizes);
  const swap = rowsB.length < rowsA.length;
  const index = indexKeys(swap ? keysB : keysA, space);
  const probe = swap ? keysA : keysB;
  const hits = new Int32Array(probe.length);
  for (let x = 0; x < probe.length; x++) hits[x] = index.lookup(probe[x]!);
  return swap ? { a: hits, b: index.ids, distinct: index.distinct } : { a: index.ids, b: hits, distinct: index.distinct };
}

/** out[rowsA[x]] += sum of mass[rowsB[y]] over the rows y of B in x's group. */
function addMatches(pair: PairGroups, rowsA: Int32Array, rowsB: Int32Array, mass: Float64Array, out: Float64Array): void {
  const sums = new Float64Array(pair.distinct);
  for (let y = 0; y < rowsB.length; y++) {
    const g = pair.b[y]!;
    if (g >= 0) sums[g]! += mass[rowsB[y]!]!;
  }
  for (let x = 0; x < rowsA.length; x++) {
    const g = pair.a[x]!;
    if (g >= 0) out[rowsA[x]!]! += sums[g]!;
  }
}

function allRows(n: number): Int32Array {
  const rows = new Int32Array(n);
  for (let i = 0; i < n; i++) rows[i] = i;
  return rows;
}

/** Mixed-radix keys of the given rows on columns `on` (digit = code + 1). */
function packKeys(cols: readonly Int32Array[], rows: Int32Array, on: readonly number[], sizes: readonly number[]): Float64Array {
  const keys = new Float64Array(rows.length);
  for (const j of on) {
    const radix = sizes[j]! + 1;
    const col = cols[j]!;
    for (let x = 0; x < rows.length; x++) keys[x] = keys[x]! * radix + col[rows[x]!]! + 1;
  }
  return keys;
}

/** Rows bucketed by their missing pattern (bit j set when column j is missing). */
function bucketByPattern(cols: readonly Int32Array[], n: number): Map<number, Int32Array> {
  const pattern = new Int32Array(n);
  cols.forEach((col, j) => {
    for (let i = 0; i < n; i++) if (col[i] === MISSING) pattern[i]! |= 1 << j;
  });
  const counts = new Map<number, number>();
  for (let i = 0; i < n; i++) counts.set(pattern[i]!, (counts.get(pattern[i]!) ?? 0) + 1);
  const buckets = new Map<number, Int32Array>();
  const fill = new Map<number, number>();
  for (const [p, c] of counts) {
    buckets.set(p, new Int32Array(c));
    fill.set(p, 0);
  }
  for (let i = 0; i < n; i++) {
    const p = pattern[i]!;
    const at = fill.get(p)!;
    buckets.get(p)![at] = i;
    fill.set(p, at + 1);
  }
  return buckets;
}

// Local (cell) suppression to k-anonymity, in the spirit of sdcMicro's localSuppression: single
// quasi-identifier values of records in classes smaller than k become '*', chosen greedily, until every
// record shares its quasi-identifiers with at least k - 1 others; or record suppression, the rows of
// small classes dropped. '*' is a value of its own here (a record with '*' matches only records with '*'
// in the same column), which is stricter than sdcMicro's "missing matches anything": a release meeting it
// meets sdcMicro's too. Browser-safe.
import { groupTuples } from '../../attacks/risk/group-tuples.ts';
import { asText, columnOf, TableError, takeRows, withColumn, type Table, type TextColumn } from '../../src/table/table.ts';
import { columnsOf, kOption, oneOf, OptionError, rejectUnknown } from '../options.ts';
import { released, type Dataset, type Release } from '../types.ts';

export const SUPPRESSED = '*';

export interface LocalSuppressionOptions {
  readonly quasiIdentifiers: readonly string[];
  /** Default 5. */
  readonly k?: number;
  /** The quasi-identifiers, most important first: among equally good cells, the least important is suppressed first. Default: the order of quasiIdentifiers. */
  readonly importance?: readonly string[];
  /** 'cells' (default): single values become '*'; 'records': the rows of classes smaller than k are dropped. */
  readonly method?: 'cells' | 'records';
}

/** The quasi-identifiers as codes, '*' one code of each (added to the dictionary when absent). */
interface Coded {
  readonly codes: Int32Array[];
  readonly dictionaries: string[][];
  readonly star: number[];
}

function coded(table: Table, names: readonly string[]): Coded {
  const codes: Int32Array[] = [];
  const dictionaries: string[][] = [];
  const star: number[] = [];
  for (const name of names) {
    const text = asText(columnOf(table, name));
    const dictionary = [...text.dictionary];
    let s = dictionary.indexOf(SUPPRESSED);
    if (s < 0) s = dictionary.push(SUPPRESSED) - 1;
    codes.push(Int32Array.from(text.codes));
    dictionaries.push(dictionary);
    star.push(s);
  }
  return { codes, dictionaries, star };
}

/** Each row's class id and each class's size (missing is a value of its own, and so is '*'). */
function classesOf(codes: readonly Int32Array[], sizes: readonly number[], rows: number): { id: Int32Array; size: Int32Array } {
  const groups = groupTuples(codes, sizes, rows);
  const size = new Int32Array(groups.distinct);
  for (let i = 0; i < rows; i++) size[groups.ids[i]!]!++;
  return { id: groups.ids, size };
}

/** Rows of classes smaller than k. */
function smallRows(c: { id: Int32Array; size: Int32Array }, k: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < c.id.length; i++) if (c.size[c.id[i]!]! < k) out.push(i);
  return out;
}

/**
 * Greedy cell suppression, in place on `codes`. Each round tries, for every quasi-identifier j, '*' in j
 * for all rows of small classes, and keeps it for the rows it brings into classes of k or more; the j
 * rescuing most rows wins (ties: the less important). When no j rescues a row, each small class stars
 * the j that moves it into the largest class. Every round stars at least one cell, so it ends; a last
 * class of all '*' still short of k is filled from the rows other classes can spare (or the smallest
 * class joins it whole).
 */
function suppressCells(x: Coded, k: number, rank: readonly number[], rows: number): { fullyStarred: number } {
  const sizes = x.dictionaries.map((d) => d.length);
  const q = x.codes.length;
  let fullyStarred = 0;
  for (;;) {
    const now = classesOf(x.codes, sizes, rows);
    const small = smallRows(now, k);
    if (small.length === 0) return { fullyStarred };
    const open = small.filter((i) => x.codes.some((c, j) => c[i] !== x.star[j]));
    if (open.length === 0) {
      fullyStarred += fillAllStarClass(x, now, small, k, rows);
      continue;
    }
    // newSize[j][t]: the class size of small row small[t] if every small row had '*' in j.
    const newSize: Int32Array[] = [];
    let best = -1;
    let bestRescued = 0;
    for (let j = 0; j < q; j++) {
      const col = x.codes[j]!;
      const saved = small.map((i) => col[i]!);
      for (const i of small) col[i] = x.star[j]!;
      const tried = classesOf(x.codes, sizes, rows);
      small.forEach((i, t) => (col[i] = saved[t]!));
      const s = Int32Array.from(small, (i) => tried.size[tried.id[i]!]!);
      newSize.push(s);
      const rescued = s.reduce((a, v) => a + (v >= k ? 1 : 0), 0);
      if (rescued > bestRescued || (rescued === bestRescued && rescued > 0 && rank[j]! > rank[best]!)) [best, bestRescued] = [j, rescued];
    }
    if (best >= 0) {
      small.forEach((i, t) => {
        if (newSize[best]![t]! >= k) x.codes[best]![i] = x.star[best]!;
      });
      continue;
    }
    // No single column rescues anyone: each small class moves towards the largest class one '*' reaches.
    const choice = new Map<number, number>();
    small.forEach((i, t) => {
      const g = now.id[i]!;
      if (choice.has(g)) return;
      let pick = -1;
      for (let j = 0; j < q; j++) {
        if (x.codes[j]![i] === x.star[j]) continue;
        if (pick < 0 || newSize[j]![t]! > newSize[pick]![t]! || (newSize[j]![t] === newSize[pick]![t] && rank[j]! > rank[pick]!)) pick = j;
      }
      choice.set(g, pick);
    });
    for (const i of small) {
      const j = choice.get(now.id[i]!)!;
      if (j >= 0) x.codes[j]![i] = x.star[j]!;
    }
  }
}

/** The one small class left is all '*': rows other classes can spare join it, else the smallest class does. Returns rows starred. */
function fillAllStarClass(x: Coded, now: { id: Int32Array; size: Int32Array }, small: readonly number[], k: number, rows: number): number {
  const starClass = now.id[small[0]!]!;
  let need = k - now.size[starClass]!;
  const members = new Map<number, number[]>();
  for (let i = 0; i < rows; i++) {
    const g = now.id[i]!;
    if (g !== starClass) members.set(g, [...(members.get(g) ?? []), i]);
  }
  const others = [...members.entries()].sort((a, b) => b[1].length - a[1].length || a[0] - b[0]);
  const spare = others.reduce((a, [, m]) => a + m.length - k, 0);
  const starred: number[] = [];
  if (spare >= need) {
    for (const [, m] of others) {
      // The last rows of the class, as many as it can spare.
      for (let t = m.length - 1; t >= k && need > 0; t--, need--) starred.push(m[t]!);
    }
  } else if (others.length) {
    starred.push(...others.at(-1)![1]);
  } else {
    throw new TableError(`local suppression: the table has ${rows} rows, fewer than k = ${k}`);
  }
  for (const i of starred) x.codes.forEach((c, j) => (c[i] = x.star[j]!));
  return starred.length;
}

export function localSuppression(input: Dataset | Release, options: LocalSuppressionOptions): Release {
  rejectUnknown(options, ['quasiIdentifiers', 'k', 'importance', 'method']);
  const table = input.table;
  const qis = columnsOf('quasiIdentifiers', table, options.quasiIdentifiers);
  const k = kOption(options.k ?? 5);
  const method = oneOf('method', options.method, ['cells', 'records'] as const, 'cells');
  const importance = [...(options.importance ?? qis)];
  if (importance.length !== qis.length || qis.some((q) => !importance.includes(q))) {
    throw new OptionError('importance', `must list each quasi-identifier once (${qis.join(', ')}), got ${importance.join(', ')}`);
  }
  const rows = table.rows;
  if (rows > 0 && rows < k && method === 'cells') throw new TableError(`local suppression: the table has ${rows} rows, fewer than k = ${k}`);
  const x = coded(table, qis);
  const parameters = { quasiIdentifiers: qis, k, importance, method, suppressedValue: SUPPRESSED, starMatches: 'only-star' };

  if (method === 'records') {
    const now = classesOf(x.codes, x.dictionaries.map((d) => d.length), rows);
    const keep = Int32Array.from({ length: rows }, (_, i) => i).filter((i) => now.size[now.id[i]!]! >= k);
    return released(input, takeRows(table, keep), Int32Array.from(keep, (i) => input.truth[i]!), {
      safeguard: 'local-suppression',
      parameters,
      summary: { recordsSuppressed: rows - keep.length, cellsSuppressed: {}, totalCellsSuppressed: 0, ...classSummary(now, keep) },
    });
  }

  const before = x.codes.map((c) => Int32Array.from(c));
  // Rank: 0 for the most important; the greedy prefers a higher rank (less important) on ties.
  const rank = qis.map((q) => importance.indexOf(q));
  const { fullyStarred } = suppressCells(x, k, rank, rows);
  let out = table;
  const cellsSuppressed: Record<string, number> = {};
  const touched = new Uint8Array(rows);
  qis.forEach((name, j) => {
    let changed = 0;
    for (let i = 0; i < rows; i++) {
      if (x.codes[j]![i] !== before[j]![i]) {
        changed++;
        touched[i] = 1;
      }
    }
    cellsSuppressed[name] = changed;
    if (changed) out = withColumn(out, name, { kind: 'text', codes: x.codes[j]!, dictionary: x.dictionaries[j]! } satisfies TextColumn);
  });
  const after = classesOf(x.codes, x.dictionaries.map((d) => d.length), rows);
  return released(input, out, input.truth, {
    safeguard: 'local-suppression',
    parameters,
    summary: {
      cellsSuppressed,
      totalCellsSuppressed: Object.values(cellsSuppressed).reduce((a, b) => a + b, 0),
      recordsTouched: touched.reduce((a, b) => a + b, 0),
      recordsFullyStarredToFillUp: fullyStarred,
      recordsSuppressed: 0,
      ...classSummary(after),
    },
  });
}

/** Classes and the smallest class among the given rows (default: all). */
function classSummary(c: { id: Int32Array; size: Int32Array }, rows?: ArrayLike<number>): { classes: number; smallestClass: number } {
  const seen = new Set<number>();
  const list = rows ?? Int32Array.from({ length: c.id.length }, (_, i) => i);
  for (let t = 0; t < list.length; t++) seen.add(c.id[list[t]!]!);
  let smallest = 0;
  for (const g of seen) smallest = smallest === 0 ? c.size[g]! : Math.min(smallest, c.size[g]!);
  return { classes: seen.size, smallestClass: smallest };
}

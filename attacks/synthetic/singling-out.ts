// Anonymeter's univariate singling-out attack: predicates on one column, learned from the synthetic
// table, that match exactly one record of the original (REFERENCE 6 for the scoring).
import { select, takeRows, type Table, type TextColumn } from '../../src/table/table.ts';
import { below, mix32, streamKey } from '../../src/random/prng.ts';
import { isNumericColumn } from './distance.ts';
import { sampleWithoutReplacement } from './sample.ts';
import { numbersOf, textOf } from './text.ts';
import { assembleResult, type SyntheticAttackResult } from './result.ts';

export type PredicateOp = '==' | '!=' | '<' | '<=' | '>' | '>=' | 'is null' | 'is not null';

/** A one-column predicate. Comparisons never match a null (SQL/polars semantics). */
export interface Predicate {
  column: string;
  op: PredicateOp;
  /** Text for categorical columns, the parsed number for numeric ones, null for the null tests. */
  value: string | number | null;
}

export function describePredicate(p: Predicate): string {
  return p.op === 'is null' || p.op === 'is not null' ? `${p.column} ${p.op}` : `${p.column} ${p.op} ${JSON.stringify(p.value)}`;
}

/** Per-column counting index: O(log n) counts for any predicate. */
class ColumnIndex {
  readonly nulls: number;
  readonly counts = new Map<string, number>();
  readonly sorted: Float64Array;
  constructor(col: TextColumn, readonly numeric: boolean) {
    const { nulls, per } = codeCounts(col);
    const nums: number[] = [];
    col.dictionary.forEach((v, k) => {
      const c = per[k]!;
      const key = numeric ? String(Number(v)) : v;
      this.counts.set(key, (this.counts.get(key) ?? 0) + c);
      if (numeric) for (let j = 0; j < c; j++) nums.push(Number(v));
    });
    this.nulls = nulls;
    this.sorted = Float64Array.from(nums).sort();
  }
  /** Number of values < x (strict) or <= x. */
  private rank(x: number, inclusive: boolean): number {
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const v = this.sorted[mid]!;
      if (v < x || (inclusive && v === x)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
  count(p: Predicate, nRows: number): number {
    const nonNull = nRows - this.nulls;
    if (p.op === 'is null') return this.nulls;
    if (p.op === 'is not null') return nonNull;
    if (p.value === null) return 0;
    const key = typeof p.value === 'number' ? String(p.value) : this.numeric ? String(Number(p.value)) : p.value;
    const eq = this.counts.get(key) ?? 0;
    if (p.op === '==') return eq;
    if (p.op === '!=') return nonNull - eq;
    if (!this.numeric) return 0; // order comparisons only on numeric columns
    const x = Number(p.value);
    switch (p.op) {
      case '<': return this.rank(x, false);
      case '<=': return this.rank(x, true);
      case '>': return nonNull - this.rank(x, true);
      case '>=': return nonNull - this.rank(x, false);
    }
  }
}

/** Rows of each dictionary entry, and the missing rows. */
function codeCounts(col: TextColumn): { nulls: number; per: Int32Array } {
  const per = new Int32Array(col.dictionary.length);
  let nulls = 0;
  for (let i = 0; i < col.codes.length; i++) {
    const k = col.codes[i]!;
    if (k < 0) nulls++;
    else per[k]!++;
  }
  return { nulls, per };
}

/** Counts how many rows of a table each predicate matches. */
export function countMatches(table: Table, predicates: readonly Predicate[], numeric: ReadonlyMap<string, boolean>): number[] {
  const n = table.rows;
  const index = new Map<string, ColumnIndex>();
  return predicates.map((p) => {
    let ix = index.get(p.column);
    if (!ix) {
      const col = textOf(table, p.column);
      if (!col) throw new Error(`singling out: the table has no column "${p.column}"`);
      ix = new ColumnIndex(col, numeric.get(p.column) ?? false);
      index.set(p.column, ix);
    }
    return ix.count(p, n);
  });
}

/**
 * Univariate singling-out predicates generated from a table, as Anonymeter does: `col is null` when
 * exactly one value is null; for numeric columns `col <= min` and `col >= max`; `col == v` for every
 * value seen once. They are shuffled (seeded), those that match exactly one row of the table itself are
 * kept, without duplicates, up to `max`.
 */
export function univariatePredicates(
  table: Table, numeric: ReadonlyMap<string, boolean>, max: number, key: number,
): Predicate[] {
  const all: Predicate[] = [];
  for (const column of table.names) {
    const isNum = numeric.get(column) ?? false;
    const col = textOf(table, column)!;
    const { nulls, per } = codeCounts(col);
    // Keys in order of first appearance (the dictionary's order), with their row counts.
    const seen = new Map<string, number>();
    let min = Infinity;
    let maxV = -Infinity;
    for (let d = 0; d < col.dictionary.length; d++) {
      const v = col.dictionary[d]!;
      const k = isNum ? String(Number(v)) : v;
      seen.set(k, (seen.get(k) ?? 0) + per[d]!);
      if (isNum) {
        const x = Number(v);
        if (x < min) min = x;
        if (x > maxV) maxV = x;
      }
    }
    if (nulls === 1) all.push({ column, op: 'is null', value: null });
    if (isNum && min <= maxV) all.push({ column, op: '<=', value: min }, { column, op: '>=', value: maxV });
    for (const [v, c] of seen) if (c === 1) all.push({ column, op: '==', value: isNum ? Number(v) : v });
  }
  const order = sampleWithoutReplacement(key, all.length, all.length);
  const shuffled = Array.from(order, (i) => all[i]!);
  const counts = countMatches(table, shuffled, numeric);
  const out: Predicate[] = [];
  const dedupe = new Set<string>();
  for (let i = 0; i < shuffled.length && out.length < max; i++) {
    if (counts[i] !== 1) continue;
    const text = describePredicate(shuffled[i]!);
    if (dedupe.has(text)) continue;
    dedupe.add(text);
    out.push(shuffled[i]!);
  }
  return out;
}

/**
 * Random queries (Anonymeter's baseline): `nCols` distinct random columns, each with a random value
 * among that column's distinct values in `table` (null included) and a random operator (==, != for
 * categorical columns; ==, !=, <, >, <=, >= for numeric ones; is null / is not null for a null value).
 */
export function randomQueries(
  table: Table, numeric: ReadonlyMap<string, boolean>, n: number, nCols: number, key: number,
): Query[] {
  const columns = table.names;
  if (columns.length === 0) return [];
  const width = Math.min(nCols, columns.length);
  const distinct = new Map<string, (string | null)[]>();
  for (const c of columns) distinct.set(c, distinctValues(textOf(table, c)!));
  const out: Query[] = [];
  for (let i = 0; i < n; i++) {
    const chosen = pickColumns(columns, width, columnKey(key), i);
    out.push(chosen.map((column, j) => {
      const k = 2 * j;
      const values = distinct.get(column)!;
      if (values.length === 0) return { column, op: 'is null', value: null };
      const v = values[below(key, i, k, values.length)]!;
      if (v === null) return { column, op: below(key, i, k + 1, 2) === 0 ? 'is null' : 'is not null', value: null };
      const isNum = numeric.get(column) ?? false;
      const ops: PredicateOp[] = isNum ? ['==', '!=', '>', '<', '>=', '<='] : ['==', '!='];
      return { column, op: ops[below(key, i, k + 1, ops.length)]!, value: isNum ? Number(v) : v };
    }));
  }
  return out;
}

/** The column's distinct values, null included, in order of first appearance. */
function distinctValues(col: TextColumn): (string | null)[] {
  // The dictionary is in order of first appearance; only where null first appears is to be found.
  const seen = new Uint8Array(col.dictionary.length);
  let distinct = 0;
  for (let i = 0; i < col.codes.length; i++) {
    const k = col.codes[i]!;
    if (k < 0) return [...col.dictionary.slice(0, distinct), null, ...col.dictionary.slice(distinct)];
    if (!seen[k]) { seen[k] = 1; distinct++; }
  }
  return [...col.dictionary];
}

/** A stream for column choices derived from a query stream, so its draws never collide with value draws. */
const columnKey = (key: number): number => mix32(key ^ 0x2545f491);

/** `width` distinct columns for draw `i` (partial Fisher-Yates on draws k = 0..width-1 of `key`), sorted by name. */
function pickColumns(columns: readonly string[], width: number, key: number, i: number): string[] {
  const pool = [...columns];
  for (let j = 0; j < width; j++) {
    const r = j + below(key, i, j, pool.length - j);
    [pool[j], pool[r]] = [pool[r]!, pool[j]!];
  }
  return pool.slice(0, width).sort();
}

/** A conjunction of predicates (one per column). */
export type Query = Predicate[];

export function describeQuery(q: Query): string {
  return q.map(describePredicate).join(' AND ');
}

/** Columns parsed once for row scans: numbers (NaN = null) for numeric columns, coded text otherwise. */
interface Parsed {
  n: number;
  num: Map<string, Float64Array>;
  cat: Map<string, TextColumn>;
  /** Per categorical column, its dictionary's codes by value (made when a predicate first needs it). */
  codeOf: Map<string, Map<string, number>>;
}

function parse(table: Table, numeric: ReadonlyMap<string, boolean>): Parsed {
  const num = new Map<string, Float64Array>();
  const cat = new Map<string, TextColumn>();
  for (const c of table.names) {
    const col = textOf(table, c)!;
    if (numeric.get(c)) {
      const values = numbersOf(col);
      num.set(c, Float64Array.from(col.codes, (k) => (k < 0 ? NaN : values[k]!)));
    } else cat.set(c, col);
  }
  return { n: table.rows, num, cat, codeOf: new Map() };
}

/** The predicate as a test of row r of the parsed table (comparisons never match a null). */
function matcher(p: Predicate, t: Parsed): (r: number) => boolean {
  const nums = t.num.get(p.column);
  if (nums) {
    if (p.op === 'is null') return (r) => Number.isNaN(nums[r]!);
    if (p.op === 'is not null') return (r) => !Number.isNaN(nums[r]!);
    if (p.value === null) return () => false;
    const v = Number(p.value);
    // A null (NaN) fails every comparison, as it should.
    switch (p.op) {
      case '==': return (r) => nums[r]! === v;
      case '!=': return (r) => !Number.isNaN(nums[r]!) && nums[r]! !== v;
      case '<': return (r) => nums[r]! < v;
      case '<=': return (r) => nums[r]! <= v;
      case '>': return (r) => nums[r]! > v;
      case '>=': return (r) => nums[r]! >= v;
    }
  }
  const col = t.cat.get(p.column);
  if (!col) throw new Error(`singling out: the table has no column "${p.column}"`);
  const codes = col.codes;
  if (p.op === 'is null') return (r) => codes[r]! < 0;
  if (p.op === 'is not null') return (r) => codes[r]! >= 0;
  if (p.value === null) return () => false;
  let index = t.codeOf.get(p.column);
  if (!index) t.codeOf.set(p.column, (index = new Map(col.dictionary.map((v, k) => [v, k]))));
  const code = index.get(String(p.value)) ?? -1;
  if (p.op === '==') return code < 0 ? () => false : (r) => codes[r] === code;
  if (p.op === '!=') return (r) => codes[r]! >= 0 && codes[r] !== code;
  return () => false; // order comparisons only on numeric columns
}

/** Rows of the parsed table the conjunction matches, counting no further than `stop`. */
function scan(q: Query, t: Parsed, stop = Infinity): number {
  if (t.n === 0) return 0;
  const tests = q.map((p) => matcher(p, t));
  let count = 0;
  for (let r = 0; r < t.n && count < stop; r++) {
    let all = true;
    for (let j = 0; j < tests.length && all; j++) all = tests[j]!(r);
    if (all) count++;
  }
  return count;
}

/**
 * Rows of a table each query matches. One-predicate queries use per-column indexes (O(log n) each);
 * conjunctions scan the rows (O(rows x predicates) each).
 */
export function countQueries(table: Table, queries: readonly Query[], numeric: ReadonlyMap<string, boolean>): number[] {
  const singles = queries.map((q) => (q.length === 1 ? q[0]! : null));
  const fast = countMatches(table, singles.filter((p): p is Predicate => p !== null), numeric);
  let parsed: Parsed | null = null;
  let f = 0;
  return queries.map((q, i) => {
    if (singles[i]) return fast[f++]!;
    parsed ??= parse(table, numeric);
    return scan(q, parsed);
  });
}

/** Median of the non-null values of a numeric column (NaN when none). */
function median(values: Float64Array): number {
  const v = values.filter((x) => !Number.isNaN(x)).sort();
  if (v.length === 0) return NaN;
  const m = v.length >> 1;
  return v.length % 2 ? v[m]! : (v[m - 1]! + v[m]!) / 2;
}

/**
 * Multivariate singling-out queries, as Anonymeter builds them: pick a random row of `table` and
 * `nCols` random columns; each column gives `col is null` (null value), `col >= v` (numeric value above
 * the column median), `col <= v` (numeric, at or below the median) or `col == v`. Keep the queries that
 * match exactly one row of `table`, without duplicates, until `max` are found or `maxAttempts` rows were
 * tried. Each attempt scans the table: cost O(attempts x rows x nCols).
 */
export function multivariateQueries(
  table: Table, numeric: ReadonlyMap<string, boolean>, nCols: number, max: number, maxAttempts: number, key: number,
): Query[] {
  const n = table.rows;
  const columns = table.names;
  if (n === 0 || columns.length === 0) return [];
  const width = Math.min(nCols, columns.length);
  const parsed = parse(table, numeric);
  const medians = new Map<string, number>();
  for (const [c, v] of parsed.num) medians.set(c, median(v));
  const out: Query[] = [];
  const seen = new Set<string>();
  for (let a = 0; a < maxAttempts && out.length < max; a++) {
    const row = below(key, a, 0, n);
    const q: Query = pickColumns(columns, width, columnKey(key), a).map((column) => {
      const nums = parsed.num.get(column);
      if (nums) {
        const x = nums[row]!;
        if (Number.isNaN(x)) return { column, op: 'is null', value: null };
        return { column, op: x > medians.get(column)! ? '>=' : '<=', value: x };
      }
      const col = parsed.cat.get(column)!;
      const k = col.codes[row]!;
      return k < 0 ? { column, op: 'is null', value: null } : { column, op: '==', value: col.dictionary[k]! };
    });
    if (scan(q, parsed, 2) !== 1) continue;
    const text = describeQuery(q);
    if (seen.has(text)) continue;
    seen.add(text);
    out.push(q);
  }
  return out;
}

export interface SinglingOutOptions {
  original: Table;
  synthetic: Table;
  control?: Table;
  /** Number of queries to generate (fewer when the synthetic data do not offer as many). */
  nAttacks: number;
  seed: number | string;
  /** 'univariate' (default): one-column predicates; 'multivariate': conjunctions over nCols columns. */
  mode?: 'univariate' | 'multivariate';
  /** Columns per multivariate query (default 3, as Anonymeter). */
  nCols?: number;
  /** Rows tried when generating multivariate queries (default max(10000, 100 x nAttacks)). */
  maxAttempts?: number;
  /** Columns to attack (default: every column of the synthetic table). */
  columns?: string[];
  confidence?: number;
}

export interface SinglingOutResult extends SyntheticAttackResult {
  mode: 'univariate' | 'multivariate';
  /** The queries that singled out exactly one original record. */
  successful: Query[];
  /** Rows of original and control compared (the larger is subsampled when they differ; see evaluateSinglingOut). */
  comparedRows: number;
}

/**
 * Runs the singling-out attack. Success: a query generated from the synthetic data matches exactly one
 * original record. Baseline: as many random queries (same width). Control: the same queries on
 * held-out records. Anonymeter fits a model to correct the control count when the control and
 * original differ in size; here instead the larger of the two is subsampled (seeded) to the size of
 * the smaller, so both are judged on equally many records.
 */
export function evaluateSinglingOut(o: SinglingOutOptions): SinglingOutResult {
  const mode = o.mode ?? 'univariate';
  const columns = o.columns ?? o.synthetic.names;
  const pickCols = (t: Table): Table => {
    for (const c of columns) if (!t.columns[c]) throw new Error(`singling out: a table lacks the column "${c}"`);
    return select(t, columns);
  };
  const syn = pickCols(o.synthetic);
  let ori = pickCols(o.original);
  let ctl = o.control ? pickCols(o.control) : null;
  const tables = ctl ? [ori, syn, ctl] : [ori, syn];
  const numeric = new Map(columns.map((c) => [c, isNumericColumn(tables, c)] as const));

  if (ctl && ctl.rows !== ori.rows) {
    const m = Math.min(ctl.rows, ori.rows);
    if (ori.rows > m) ori = takeRows(ori, sampleWithoutReplacement(streamKey(o.seed, 'singling-out:subsample-original'), ori.rows, m));
    else ctl = takeRows(ctl, sampleWithoutReplacement(streamKey(o.seed, 'singling-out:subsample-control'), ctl.rows, m));
  }

  const nCols = mode === 'univariate' ? 1 : (o.nCols ?? 3);
  const queries: Query[] = mode === 'univariate'
    ? univariatePredicates(syn, numeric, o.nAttacks, streamKey(o.seed, 'singling-out:shuffle')).map((p) => [p])
    : multivariateQueries(syn, numeric, nCols, o.nAttacks, o.maxAttempts ?? Math.max(10_000, 100 * o.nAttacks), streamKey(o.seed, 'singling-out:multivariate'));
  const n = queries.length;
  const onOri = countQueries(ori, queries, numeric);
  const successful = queries.filter((_, i) => onOri[i] === 1);
  const baselineQueries = randomQueries(syn, numeric, n, nCols, streamKey(o.seed, 'singling-out:baseline'));
  const kb = countQueries(ori, baselineQueries, numeric).filter((c) => c === 1).length;
  const kc = ctl ? countQueries(ctl, queries, numeric).filter((c) => c === 1).length : null;

  const result = assembleResult('singling-out', { k: successful.length, n, kb, nb: n, kc, nc: ctl ? n : null },
    `An attacker reading ${n} queries on ${nCols === 1 ? 'a single column' : `${nCols} columns`} off the synthetic data and claiming each picks out exactly one real person`,
    o.confidence);
  return { ...result, mode, successful, comparedRows: ori.rows };
}

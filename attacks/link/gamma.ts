// Comparison vectors: for each candidate pair and comparison, the gamma value of the first level that applies.
//
// Gamma convention (Splink's `comparison_vector_value`): the null level is -1; the other levels are
// numbered from the most similar down, so with K non-null levels the first non-null level is K-1 and
// the final 'else' level is 0. m and u arrays (see fellegi-sunter.ts) are indexed by gamma.

import { jaroWinkler, levenshtein } from './compare-strings.ts';
import { linkColumn, type CandidatePairs } from './blocking.ts';
import type { Table, TextColumn } from '../../src/table/table.ts';
import { PROGRESS_EVERY, type LinkProgress } from './progress.ts';
import { comparisonColumns, levelCondition, type Comparison, type ComparisonLevel, type DateUnit, type LinkSettings } from './settings.ts';
import { compileSql, holds, type SqlRow } from './splink/sql-eval.ts';

/** Gamma value of each level of a comparison, in settings order (null -> -1). */
export function levelGammas(comparison: Comparison): Int8Array {
  const k = comparison.levels.filter((l) => l.type !== 'null').length;
  const out = new Int8Array(comparison.levels.length);
  let next = k - 1;
  comparison.levels.forEach((l, i) => {
    out[i] = l.type === 'null' ? -1 : next--;
  });
  return out;
}

/** Number of non-null levels (the length of the m and u arrays). */
export function levelCount(comparison: Comparison): number {
  return comparison.levels.filter((l) => l.type !== 'null').length;
}

/** Settings level of a gamma value (inverse of levelGammas). */
export function levelOfGamma(comparison: Comparison, gamma: number): ComparisonLevel {
  const g = levelGammas(comparison);
  const i = g.indexOf(gamma);
  if (i < 0) throw new Error(`column '${comparison.column}' has no level with gamma ${gamma}`);
  return comparison.levels[i]!;
}

const DATE = /^(\d{4})-?(\d{2})-?(\d{2})$/;

/** Parses YYYY-MM-DD or YYYYMMDD to [days since epoch, year, month]; null if not a date. */
function parseDate(s: string): [number, number, number] | null {
  const m = DATE.exec(s);
  if (!m) return null;
  const y = +m[1]!;
  const mo = +m[2]!;
  const d = +m[3]!;
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return null;
  return [Date.UTC(y, mo - 1, d) / 86_400_000, y, mo];
}

/**
 * Calendar difference as DuckDB's date_diff(unit, l, r) counts it: days between the dates, month
 * boundaries crossed (12 * years + months), or year boundaries crossed.
 */
export function dateDiff(a: string, b: string, unit: DateUnit): number | null {
  const x = parseDate(a);
  const y = parseDate(b);
  if (!x || !y) return null;
  if (unit === 'day') return Math.abs(x[0] - y[0]);
  if (unit === 'month') return Math.abs(x[1] * 12 + x[2] - (y[1] * 12 + y[2]));
  return Math.abs(x[1] - y[1]);
}

/** Does `level` apply to the values (a, b)? Levels other than 'null'/'else' never apply to a missing value. SQL conditions: see compileComparison. */
export function levelApplies(level: ComparisonLevel, a: string | null, b: string | null): boolean {
  if (level.type === 'null') return a === null || b === null;
  if (level.type === 'sql') throw new Error('a SQL level is evaluated through compileComparison');
  if (level.type === 'else') return true;
  if (a === null || b === null) return false;
  switch (level.type) {
    case 'exact':
      return a === b;
    case 'jaro_winkler':
      return jaroWinkler(a, b) >= level.threshold;
    case 'levenshtein':
      return levenshtein(a, b) <= level.threshold;
    case 'date_diff': {
      const d = dateDiff(a, b, level.unit);
      return d !== null && d <= level.threshold;
    }
  }
}

/** Does the comparison need the general path: a SQL level, or a null level with its own SQL condition? */
export function usesSql(comparison: Comparison): boolean {
  return comparison.levels.some((l) => l.type === 'sql' || (l.type === 'null' && l.sql !== undefined));
}

/**
 * A comparison ready to evaluate on any columns: the columns it reads, and per level a test on a row
 * holding each column's left value at slot 2c and right value at 2c + 1. A SQL condition applies
 * only when it is TRUE (NULL does not), as in Splink's CASE WHEN.
 */
export interface CompiledComparison {
  columns: string[];
  tests: ((row: SqlRow) => boolean)[];
}

const compiled = new WeakMap<Comparison, CompiledComparison>();

export function compileComparison(comparison: Comparison): CompiledComparison {
  const cached = compiled.get(comparison);
  if (cached) return cached;
  const columns = comparisonColumns(comparison);
  const slot = (name: string, side: 'l' | 'r') => 2 * columns.indexOf(name) + (side === 'r' ? 1 : 0);
  const own = 2 * columns.indexOf(comparison.column);
  const tests = comparison.levels.map((level, k): ((row: SqlRow) => boolean) => {
    if (level.type === 'sql' || (level.type === 'null' && level.sql !== undefined)) {
      const f = compileSql(levelCondition(level.sql!, `.levels[${k}].sql`), slot);
      return (row) => holds(f(row));
    }
    if (level.type === 'else') return () => true;
    return (row) => levelApplies(level, row[own]!, row[own + 1]!);
  });
  const out = { columns, tests };
  compiled.set(comparison, out);
  return out;
}

/** Gamma of one pair of values of the comparison's column. A comparison with SQL levels must read that column only. */
export function gammaOf(comparison: Comparison, gammas: Int8Array, a: string | null, b: string | null): number {
  const levels = comparison.levels;
  if (usesSql(comparison)) {
    const { columns, tests } = compileComparison(comparison);
    if (columns.length !== 1 || columns[0] !== comparison.column) {
      throw new Error(`comparison '${comparison.column}' reads the columns ${columns.join(', ')}; it can only be evaluated on whole records (comparisonVectors)`);
    }
    const row = [a, b];
    for (let k = 0; k < tests.length; k++) if (tests[k]!(row)) return gammas[k]!;
    return 0;
  }
  for (let k = 0; k < levels.length; k++) if (levelApplies(levels[k]!, a, b)) return gammas[k]!;
  return 0; // unreachable: the validator requires a final 'else'
}

/** Gammas of the pairs for a comparison with SQL levels: each pair's values of every column it reads, then the first level that holds. */
function sqlComparisonVector(
  left: Table,
  right: Table | null,
  pairs: Pick<CandidatePairs, 'left' | 'right' | 'count'>,
  comp: Comparison,
  progress: (p: number) => void,
): Int8Array {
  const { columns, tests } = compileComparison(comp);
  const gammas = levelGammas(comp);
  const a: TextColumn[] = columns.map((c) => linkColumn(left, c, right ? 'left' : 'input'));
  const b: TextColumn[] = columns.map((c) => linkColumn(right ?? left, c, right ? 'right' : 'input'));
  const row: (string | null)[] = new Array(2 * columns.length).fill(null);
  const out = new Int8Array(pairs.count);
  for (let p = 0; p < pairs.count; p++) {
    progress(p);
    const i = pairs.left[p]!;
    const j = pairs.right[p]!;
    for (let c = 0; c < columns.length; c++) {
      const ka = a[c]!.codes[i]!;
      const kb = b[c]!.codes[j]!;
      row[2 * c] = ka < 0 ? null : a[c]!.dictionary[ka]!;
      row[2 * c + 1] = kb < 0 ? null : b[c]!.dictionary[kb]!;
    }
    let g = 0;
    for (let k = 0; k < tests.length; k++) {
      if (tests[k]!(row)) {
        g = gammas[k]!;
        break;
      }
    }
    out[p] = g;
  }
  return out;
}

/** Comparison vectors for all pairs: one Int8Array of gammas per comparison. Progress counts pair comparisons. */
export function comparisonVectors(
  left: Table,
  right: Table | null,
  pairs: Pick<CandidatePairs, 'left' | 'right' | 'count'>,
  settings: LinkSettings,
  onProgress?: LinkProgress,
): Int8Array[] {
  const r = right ?? left;
  const total = settings.comparisons.length * pairs.count;
  const vectors = settings.comparisons.map((comp, c) => {
    if (usesSql(comp)) {
      return sqlComparisonVector(left, right, pairs, comp, (p) => {
        if (onProgress && p % PROGRESS_EVERY === 0) onProgress('comparing', c * pairs.count + p, total);
      });
    }
    const a = linkColumn(left, comp.column, right ? 'left' : 'input');
    const b = linkColumn(r, comp.column, right ? 'right' : 'input');
    const gammas = levelGammas(comp);
    const out = new Int8Array(pairs.count);
    for (let p = 0; p < pairs.count; p++) {
      if (onProgress && p % PROGRESS_EVERY === 0) onProgress('comparing', c * pairs.count + p, total);
      const ka = a.codes[pairs.left[p]!]!;
      const kb = b.codes[pairs.right[p]!]!;
      out[p] = gammaOf(comp, gammas, ka < 0 ? null : a.dictionary[ka]!, kb < 0 ? null : b.dictionary[kb]!);
    }
    return out;
  });
  onProgress?.('comparing', total, total);
  return vectors;
}

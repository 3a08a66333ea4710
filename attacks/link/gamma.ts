// Comparison vectors: for each candidate pair and comparison, the gamma value of the first level that applies.
//
// Gamma convention (Splink's `comparison_vector_value`): the null level is -1; the other levels are
// numbered from the most similar down, so with K non-null levels the first non-null level is K-1 and
// the final 'else' level is 0. m and u arrays (see fellegi-sunter.ts) are indexed by gamma.

import { jaroWinkler, levenshtein } from './compare-strings.ts';
import { linkColumn, type CandidatePairs } from './blocking.ts';
import type { Table } from '../../src/table/table.ts';
import { PROGRESS_EVERY, type LinkProgress } from './progress.ts';
import type { Comparison, ComparisonLevel, DateUnit, LinkSettings } from './settings.ts';

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

/** Does `level` apply to the values (a, b)? Levels other than 'null'/'else' never apply to a missing value. */
export function levelApplies(level: ComparisonLevel, a: string | null, b: string | null): boolean {
  if (level.type === 'null') return a === null || b === null;
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

/** Gamma of one pair of values for one comparison. */
export function gammaOf(comparison: Comparison, gammas: Int8Array, a: string | null, b: string | null): number {
  const levels = comparison.levels;
  for (let k = 0; k < levels.length; k++) if (levelApplies(levels[k]!, a, b)) return gammas[k]!;
  return 0; // unreachable: the validator requires a final 'else'
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

// Task utility: a workload of count queries (rows per combination of some columns) answered on the
// original and on the release, and how far the answers are apart. A count-table release (cell
// suppression, DP counts) answers from its `count` column; a suppressed cell answers nothing. Browser-safe.
import { columnOf, isMissing, textAt, type Table } from '../../src/table/table.ts';

export interface WorkloadError {
  /** The columns the counts are grouped by. */
  readonly columns: readonly string[];
  /** Combinations in the original. */
  readonly groups: number;
  /** Combinations the release cannot answer (a column gone or generalised, a cell suppressed or missing). */
  readonly unanswered: number;
  /** Mean |released - original| / original over the answered combinations (null when none is). */
  readonly meanRelativeError: number | null;
}

/** Rows (or the sum of a count column) per combination of the columns' values. */
export function countsBy(table: Table, columns: readonly string[], countColumn?: string): Map<string, number> {
  const cols = columns.map((c) => columnOf(table, c));
  const weight = countColumn ? columnOf(table, countColumn) : null;
  const out = new Map<string, number>();
  for (let i = 0; i < table.rows; i++) {
    if (weight && isMissing(weight, i)) continue;
    const key = JSON.stringify(cols.map((c) => textAt(c, i)));
    out.set(key, (out.get(key) ?? 0) + (weight ? Number(textAt(weight, i)) : 1));
  }
  return out;
}

/** The workload's error: each original combination's count against the release's answer for it. */
export function workloadError(original: Table, release: Table, columns: readonly string[]): WorkloadError {
  const truth = countsBy(original, columns);
  const answerable = columns.every((c) => release.names.includes(c));
  // A count table answers from its count column; margin rows ('All') match no original combination.
  const counted = release.names.includes('count') && !original.names.includes('count');
  const answers = answerable ? countsBy(release, columns, counted ? 'count' : undefined) : new Map<string, number>();
  let answered = 0;
  let error = 0;
  for (const [key, n] of truth) {
    const a = answers.get(key);
    if (a === undefined) continue;
    answered++;
    error += Math.abs(a - n) / n;
  }
  return { columns, groups: truth.size, unanswered: truth.size - answered, meanRelativeError: answered ? error / answered : null };
}

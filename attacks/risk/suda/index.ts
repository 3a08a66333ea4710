// SUDA (Elliot et al.): special uniques by their minimal sample uniques (MSUs), scored per record,
// with sdcMicro's attribute contributions and, optionally, its DIS-SUDA scores.

import { MISSING, type QiTable } from '../types.ts';
import { disSudaScores } from './dis.ts';
import { PairGroups } from './pair-groups.ts';
import { findMsus, type DistinctRows } from './search.ts';
import { shareOf, significant } from '../../../src/report/numbers.ts';

export interface SudaOptions {
  /**
   * Most quasi-identifiers accepted (default 10). The search may visit all 2^M - 1 subsets, each a
   * group-by over the rows still in play; 10 QIs on 50,000 records take well under a second, and the
   * cost doubles with each QI. Raise it knowingly (at most 30).
   */
  readonly maxQi?: number;
  /** Largest MSU searched for (default: all M QIs). Found MSUs keep their (M - k)! score. */
  readonly maxMsuSize?: number;
  /** Sampling fraction for DIS-SUDA scores (sdcMicro's DisFraction, whose default is 0.01); omit to skip them. */
  readonly disFraction?: number;
  /** Also list every MSU (record and QI indices); memory grows with their number. */
  readonly collectMsus?: boolean;
}

/** A minimal sample unique: `record` is the only one with its values on `qis`, and on no smaller set. */
export interface Msu {
  readonly record: number;
  /** QI indices (into QiTable.names), ascending. */
  readonly qis: readonly number[];
}

export interface SudaResult {
  readonly records: number;
  readonly qis: readonly string[];
  /** Per record: the sum over its MSUs of (M - k)!, k the MSU's size, M the number of QIs. */
  readonly score: Float64Array;
  /** Per record: how many MSUs it has. */
  readonly msuCount: Int32Array;
  /** Per record DIS-SUDA score (sdcMicro's formula), or null when no disFraction was given. */
  readonly disScore: Float64Array | null;
  /**
   * Per QI, the percentage of the total SUDA score that comes from MSUs containing that QI (sdcMicro's
   * attribute_contributions: an MSU's score counts once for each of its QIs, so these sum to >= 100).
   * All 0 when no record has an MSU.
   */
  readonly attributeContributions: Float64Array;
  /** msuCountBySize[k]: number of MSUs of size k (index 0 unused). */
  readonly msuCountBySize: Float64Array;
  readonly totalScore: number;
  /** Records unique on some combination (a positive SUDA score), and the highest score. */
  readonly specialUniques: number;
  readonly highestScore: number;
  readonly maxMsuSize: number;
  /** Subsets whose group-by ran; the others were pruned. */
  readonly subsetsSearched: number;
  /** Every MSU, when collectMsus was set. */
  readonly msus: readonly Msu[] | null;
  /** One sentence on what the scores mean for the people in the table. */
  readonly explanation: string;
}

const HARD_MAX_QI = 30;

/**
 * SUDA on a QI table. A minimal sample unique (MSU) of record r is a set of QIs on which r is unique
 * while on no proper subset; an MSU of k of the M QIs scores (M - k)!, and r's SUDA score is the sum
 * over its MSUs. Missing values (MISSING) count as a category of their own: two records both missing
 * a QI agree on it. (sdcMicro's suda2 instead never lets a missing value make a record unique.)
 */
export function suda(table: QiTable, options: SudaOptions = {}): SudaResult {
  const M = table.codes.length;
  const maxQi = options.maxQi ?? 10;
  if (!Number.isInteger(maxQi) || maxQi < 1 || maxQi > HARD_MAX_QI) {
    throw new Error(`suda: maxQi must be an integer in [1, ${HARD_MAX_QI}], got ${maxQi}`);
  }
  if (M === 0) throw new Error('suda: the table has no quasi-identifiers');
  if (M > maxQi) {
    throw new Error(
      `suda: ${M} quasi-identifiers exceed maxQi = ${maxQi}; the search may visit all 2^${M} - 1 subsets, so raise maxQi to allow it`,
    );
  }
  if (table.names.length !== M || table.dictionaries.length !== M) {
    throw new Error(`suda: ${M} code columns but ${table.names.length} names and ${table.dictionaries.length} dictionaries`);
  }
  const n = table.records;
  if (!Number.isInteger(n) || n <= 0) throw new Error(`suda: the table is empty (records = ${n})`);
  const maxMsuSize = options.maxMsuSize ?? M;
  if (!Number.isInteger(maxMsuSize) || maxMsuSize < 1 || maxMsuSize > M) {
    throw new Error(`suda: maxMsuSize must be an integer in [1, ${M}], got ${maxMsuSize}`);
  }
  const { disFraction } = options;
  if (disFraction !== undefined && !(disFraction > 0 && disFraction <= 1)) {
    throw new Error(`suda: disFraction (a sampling fraction) must be in (0, 1], got ${disFraction}`);
  }

  const { rows, rowOf } = distinctRows(table);
  const search = findMsus(rows, maxMsuSize, options.collectMsus ?? false);

  const score = new Float64Array(n);
  const msuCount = new Int32Array(n);
  let totalScore = 0;
  let scored = 0;
  let highest = 0;
  for (let i = 0; i < n; i++) {
    const r = rowOf[i];
    score[i] = search.score[r];
    msuCount[i] = search.msuCount[r];
    totalScore += score[i];
    if (score[i] > 0) scored++;
    if (score[i] > highest) highest = score[i];
  }
  const attributeContributions = new Float64Array(M);
  if (totalScore > 0) for (let j = 0; j < M; j++) attributeContributions[j] = (100 * search.attributeScore[j]) / totalScore;

  // Rows of weight 1 are single records: map each MSU's row back to its record.
  let msus: Msu[] | null = null;
  if (search.msus) {
    const recordOfRow = new Int32Array(rows.count);
    for (let i = 0; i < n; i++) recordOfRow[rowOf[i]] = i;
    msus = search.msus.map(({ row, mask }) => ({ record: recordOfRow[row], qis: bitsOf(mask) }));
    msus.sort((a, b) => a.record - b.record || a.qis.length - b.qis.length || compareLists(a.qis, b.qis));
  }

  const disScore = disFraction === undefined ? null : disSudaScores(score, rows.weight, M, disFraction);
  const explanation =
    scored === 0
      ? 'No record is unique on any combination of these quasi-identifiers, so none is a special unique.'
      : `${shareOf(scored, n)} records are the only one in the table on some combination of these ` +
        `quasi-identifiers; the highest SUDA score, ${significant(highest)}, marks the records identifiable from the fewest facts, in the most ways.`;

  return {
    records: n,
    qis: table.names,
    score,
    msuCount,
    disScore,
    attributeContributions,
    msuCountBySize: search.msuCountBySize,
    totalScore,
    specialUniques: scored,
    highestScore: highest,
    maxMsuSize,
    subsetsSearched: search.subsetsSearched,
    msus,
    explanation,
  };
}

/** Collapses identical records into weighted rows (missing coded as its own value, dictionary size). */
function distinctRows(table: QiTable): { rows: DistinctRows; rowOf: Int32Array } {
  const n = table.records;
  const M = table.codes.length;
  const columns: Int32Array[] = [];
  for (let j = 0; j < M; j++) {
    const codes = table.codes[j];
    const size = table.dictionaries[j].length;
    if (codes.length !== n) throw new Error(`suda: column ${table.names[j]} has ${codes.length} codes for ${n} records`);
    const column = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const c = codes[i];
      if (c === MISSING) column[i] = size;
      else if (c >= 0 && c < size) column[i] = c;
      else throw new Error(`suda: column ${table.names[j]}, record ${i}: code ${c} is outside its dictionary of ${size} values`);
    }
    columns.push(column);
  }
  const groups = new PairGroups(n);
  let rowOf = new Int32Array(n);
  for (let j = 0; j < M; j++) {
    groups.reset();
    const next = new Int32Array(n);
    for (let i = 0; i < n; i++) next[i] = groups.idOf(rowOf[i], columns[j][i]);
    rowOf = next;
  }
  const count = groups.size;
  const weight = new Int32Array(count);
  const codes = columns.map(() => new Int32Array(count));
  for (let i = 0; i < n; i++) {
    const r = rowOf[i];
    if (weight[r]++ === 0) for (let j = 0; j < M; j++) codes[j][r] = columns[j][i];
  }
  return { rows: { count, codes, weight }, rowOf };
}

function bitsOf(mask: number): number[] {
  const out: number[] = [];
  for (let j = 0; mask !== 0; j++, mask >>>= 1) if (mask & 1) out.push(j);
  return out;
}

function compareLists(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}

// The standard query workload a release is judged by: beneficiary counts by state x 5-year birth cohort
// x condition, and mean inpatient payment by DRG, answered on the original and on the release. Each
// query reads its dimensions from whichever column the table has (mailing_state or state; a birth date
// in any granularity reident writes), so a generalised release answers where its values still fall
// inside one cell and loses the rest. Browser-safe.
import { columnOf, isMissing, textAt, valueAt, type Table } from '../../src/table/table.ts';

interface Dimension {
  readonly name: string;
  /** Candidate columns, the first present is read. */
  readonly columns: readonly string[];
  /** The cell a value falls in, or null when it spans several (generalised too far) or is missing. */
  readonly cell: (value: string) => string | null;
}

export interface WorkloadQuery {
  readonly name: string;
  readonly dimensions: readonly Dimension[];
  /** Mean of this number column per cell, instead of a count. */
  readonly mean?: readonly string[];
}

const MARGIN = 'All';

const state: Dimension = { name: 'state', columns: ['mailing_state', 'state', 'sp_state_code'], cell: (v) => (v === '*' || v === MARGIN ? null : v.toUpperCase()) };

/** 5-year birth cohort of a date, month, year or year range ('1948-07-21', '19480721', '1948', '1945-1949', '[1945, 1950)'). */
export function birthCohort(v: string): string | null {
  const exact = /^(\d{4})(?:-?(?:0[1-9]|1[0-2])(?:-?\d{2})?)?$/.exec(v);
  let lo: number;
  let hi: number;
  if (exact) lo = hi = Number(exact[1]);
  else {
    const range = /^\[?\s*(\d{4})\s*[-,]\s*(\d{4})\s*([\])])?$/.exec(v);
    if (!range) return null;
    lo = Number(range[1]);
    hi = Number(range[2]) - (range[3] === ')' ? 1 : 0);
  }
  const band = (y: number) => y - (y % 5);
  return band(lo) === band(hi) ? `${band(lo)}-${band(lo) + 4}` : null;
}

const cohort: Dimension = { name: 'birth cohort', columns: ['bene_birth_dt', 'birth_date', 'birth_cohort'], cell: birthCohort };
const condition = (column: string, label: string): Dimension => ({ name: label, columns: [column], cell: (v) => (v === '*' || v === MARGIN ? null : v) });
const drg: Dimension = { name: 'DRG', columns: ['clm_drg_cd'], cell: (v) => (v === '*' || v === MARGIN ? null : v) };

export const STANDARD_WORKLOAD: readonly WorkloadQuery[] = [
  { name: 'beneficiaries by state x birth cohort x diabetes', dimensions: [state, cohort, condition('sp_diabetes', 'diabetes')] },
  { name: 'beneficiaries by state x birth cohort x heart failure', dimensions: [state, cohort, condition('sp_chf', 'heart failure')] },
  { name: 'mean inpatient payment by DRG', dimensions: [drg], mean: ['clm_pmt_amt'] },
];

export interface QueryLoss {
  readonly query: string;
  /** Original cells. */
  readonly cells: number;
  /** Answers lost in [0, 1]: each original cell's min(1, relative error), a cell the release cannot answer counting 1, weighted by the cell's records. */
  readonly lost: number;
  /** Mean relative error over the cells the release answers (null when none). */
  readonly meanRelativeError: number | null;
}

/** The queries of the workload whose columns the original has. */
export function applicableQueries(original: Table, workload: readonly WorkloadQuery[] = STANDARD_WORKLOAD): WorkloadQuery[] {
  return workload.filter((q) => q.dimensions.every((d) => pick(original, d) !== null) && (!q.mean || q.mean.some((m) => original.names.includes(m))));
}

/** Each applicable query answered on the original and on the release. */
export function workloadLoss(original: Table, release: Table, workload: readonly WorkloadQuery[] = STANDARD_WORKLOAD): QueryLoss[] {
  return applicableQueries(original, workload).map((q) => queryLoss(q, original, release));
}

function queryLoss(q: WorkloadQuery, original: Table, release: Table): QueryLoss {
  const truth = answers(q, original) ?? new Map();
  const given = answers(q, release);
  let weight = 0;
  let lost = 0;
  let answered = 0;
  let error = 0;
  for (const [key, t] of truth) {
    weight += t.records;
    const a = given?.get(key);
    const relative = a === undefined ? 1 : Math.abs(a.value - t.value) / Math.max(Math.abs(t.value), 1e-9);
    if (a !== undefined) {
      answered++;
      error += relative;
    }
    lost += t.records * Math.min(1, relative);
  }
  return { query: q.name, cells: truth.size, lost: weight ? lost / weight : 0, meanRelativeError: answered ? error / answered : null };
}

/** Per cell: the answer (a count or a mean) and the records behind it; null when the table cannot answer at all. */
function answers(q: WorkloadQuery, table: Table): Map<string, { value: number; records: number }> | null {
  const dims = q.dimensions.map((d) => pick(table, d));
  if (dims.some((d) => d === null)) return null;
  const countTable = table.names.includes('count') && !q.dimensions.some((d) => d.columns.includes('count'));
  const weight = countTable ? columnOf(table, 'count') : null;
  const mean = q.mean ? table.names.find((m) => q.mean!.includes(m)) : undefined;
  if (q.mean && (!mean || countTable)) return null;
  const meanColumn = mean ? columnOf(table, mean) : null;
  // A count table's margin rows ('All' in some column) would count their cells twice.
  const marginColumns = countTable ? table.names.filter((n) => n !== 'count' && table.columns[n]!.kind === 'text').map((n) => columnOf(table, n)) : [];
  const cells = new Map<string, { sum: number; records: number }>();
  rows: for (let i = 0; i < table.rows; i++) {
    const key: string[] = [];
    for (let j = 0; j < dims.length; j++) {
      const text = textAt(columnOf(table, dims[j]!.column), i);
      const cell = text === null ? null : dims[j]!.dimension.cell(text);
      if (cell === null) continue rows;
      key.push(cell);
    }
    if (weight && isMissing(weight, i)) continue;
    if (marginColumns.some((c) => textAt(c, i) === MARGIN)) continue;
    const records = weight ? Number(valueAt(weight, i)) : 1;
    const amount = meanColumn ? Number(valueAt(meanColumn, i) ?? NaN) : records;
    if (meanColumn && !Number.isFinite(amount)) continue;
    const k = key.join('\u0000');
    const c = cells.get(k) ?? { sum: 0, records: 0 };
    c.sum += amount;
    c.records += records;
    cells.set(k, c);
  }
  return new Map([...cells].map(([k, c]) => [k, { value: meanColumn ? c.sum / Math.max(1, c.records) : c.sum, records: c.records }]));
}

function pick(table: Table, d: Dimension): { column: string; dimension: Dimension } | null {
  const column = d.columns.find((c) => table.names.includes(c));
  return column ? { column, dimension: d } : null;
}

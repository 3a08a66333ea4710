// Top and bottom coding: numbers above a top threshold (below a bottom one) become that threshold, or
// a label such as '100000+' (the column then becomes text). Missing stays missing. Browser-safe.
import { columnOf, textColumn, withColumn, type Column, type Table } from '../../src/table/table.ts';
import { released, type Dataset, type Release } from '../types.ts';
import { OptionError } from '../options.ts';

export interface CodingLimits {
  /** Values above this become it (or topLabel). */
  readonly top?: number;
  /** Values below this become it (or bottomLabel). */
  readonly bottom?: number;
  readonly topLabel?: string;
  readonly bottomLabel?: string;
}

export interface TopBottomOptions {
  /** Column name -> its limits; each a number column. */
  readonly columns: Readonly<Record<string, CodingLimits>>;
}

function checkLimits(table: Table, name: string, raw: CodingLimits): CodingLimits {
  const where = `columns.${name}`;
  const c = table.columns[name];
  if (!c) throw new OptionError('columns', `the table has no column "${name}" (columns: ${table.names.join(', ')})`);
  if (c.kind !== 'number') throw new OptionError(where, `"${name}" is a ${c.kind} column; top and bottom coding needs numbers`);
  for (const key of Object.keys(raw)) {
    if (!['top', 'bottom', 'topLabel', 'bottomLabel'].includes(key)) throw new OptionError(`${where}.${key}`, 'unknown limit (limits are top, bottom, topLabel, bottomLabel)');
  }
  const { top, bottom, topLabel, bottomLabel } = raw;
  for (const [key, v] of [['top', top], ['bottom', bottom]] as const) {
    if (v !== undefined && (typeof v !== 'number' || !Number.isFinite(v))) throw new OptionError(`${where}.${key}`, `must be a finite number, got ${JSON.stringify(v)}`);
  }
  if (top === undefined && bottom === undefined) throw new OptionError(where, 'needs a top or a bottom threshold');
  if (top !== undefined && bottom !== undefined && bottom > top) throw new OptionError(where, `bottom ${bottom} is above top ${top}`);
  for (const [key, label, limit] of [['topLabel', topLabel, top], ['bottomLabel', bottomLabel, bottom]] as const) {
    if (label === undefined) continue;
    if (typeof label !== 'string' || label.trim() === '') throw new OptionError(`${where}.${key}`, 'must be a non-empty text');
    if (limit === undefined) throw new OptionError(`${where}.${key}`, `labels a threshold that is not set (${key === 'topLabel' ? 'top' : 'bottom'})`);
  }
  return raw;
}

/** The coded column and how many values were coded at each end. */
function codeColumn(values: Float64Array, limits: CodingLimits): { column: Column; topCoded: number; bottomCoded: number } {
  const top = limits.top ?? Infinity;
  const bottom = limits.bottom ?? -Infinity;
  const out = new Float64Array(values.length);
  const end = new Int8Array(values.length); // +1 coded at the top, -1 at the bottom
  let topCoded = 0;
  let bottomCoded = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v > top) {
      out[i] = top;
      end[i] = 1;
      topCoded++;
    } else if (v < bottom) {
      out[i] = bottom;
      end[i] = -1;
      bottomCoded++;
    } else out[i] = v; // NaN (missing) falls through
  }
  if (limits.topLabel === undefined && limits.bottomLabel === undefined) return { column: { kind: 'number', values: out }, topCoded, bottomCoded };
  const text = Array.from(out, (v, i) =>
    Number.isNaN(v) ? null : end[i] === 1 && limits.topLabel !== undefined ? limits.topLabel : end[i] === -1 && limits.bottomLabel !== undefined ? limits.bottomLabel : String(v),
  );
  return { column: textColumn(text), topCoded, bottomCoded };
}

/** Codes each named number column at its thresholds; rows keep their order; the counts are recorded. */
export function topBottomCode(input: Dataset | Release, options: TopBottomOptions): Release {
  const raw = options?.columns;
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw) || Object.keys(raw).length === 0) {
    throw new OptionError('columns', 'must map at least one column name to its limits, e.g. { "clm_pmt_amt": { "top": 50000 } }');
  }
  let table = input.table;
  const coded: Record<string, { topCoded: number; bottomCoded: number }> = {};
  const parameters: Record<string, CodingLimits> = {};
  for (const [name, limits] of Object.entries(raw)) {
    parameters[name] = checkLimits(table, name, limits ?? {});
    const r = codeColumn((columnOf(table, name) as { values: Float64Array }).values, limits);
    table = withColumn(table, name, r.column);
    coded[name] = { topCoded: r.topCoded, bottomCoded: r.bottomCoded };
  }
  return released(input, table, input.truth, { safeguard: 'top-bottom-coding', parameters: { columns: parameters }, summary: { coded } });
}

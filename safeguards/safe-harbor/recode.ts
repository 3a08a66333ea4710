// The column recodings of Safe Harbor: ZIP -> ZIP3 (or 000), date -> year, age -> 90+, birth date ->
// year with one category for everyone 90 or older. Kernels run on codes, days and values. Browser-safe.
import { NO_DAY, ageOn, yearOf } from '../../src/dates.ts';
import { TableError, type Column, type NumberColumn, type TextColumn } from '../../src/table/table.ts';
import { RESTRICTED_ZIP3, safeHarborZip3, zip3Of } from './zip3.ts';

/** A text column built from a per-row key, each distinct text coded once (cached text, no string per row). */
function codedRows(n: number, textOf: (i: number) => string | null): TextColumn {
  const codes = new Int32Array(n);
  const dictionary: string[] = [];
  const index = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const t = textOf(i);
    if (t === null) {
      codes[i] = -1;
      continue;
    }
    let k = index.get(t);
    if (k === undefined) index.set(t, (k = dictionary.push(t) - 1));
    codes[i] = k;
  }
  return { kind: 'text', codes, dictionary };
}

/** ZIP text of a number column (leading zeros restored: 5 digits, or 9 for ZIP+4). */
const zipText = (v: number): string => String(v).padStart(v > 99_999 ? 9 : 5, '0');

export interface Zip3Recoding {
  readonly column: TextColumn;
  /** Records whose ZIP became 000 (a restricted area, or text that is no ZIP). */
  readonly recodedRecords: number;
  /** The ZIP3 areas recoded to 000, sorted ('invalid' stands for text that is no ZIP). */
  readonly recodedAreas: string[];
}

/** ZIP -> its ZIP3 where the area has more than 20,000 people, else 000; missing stays missing. */
export function recodeZip3(c: Column, name: string): Zip3Recoding {
  if (c.kind === 'date') throw new TableError(`column "${name}" is a ZIP column but holds dates`);
  const zips = c.kind === 'text' ? c.dictionary : null;
  const zip3ByCode = zips ? zips.map(safeHarborZip3) : [];
  const zipAt = (i: number): string | null => {
    if (c.kind === 'text') return c.codes[i]! < 0 ? null : zips![c.codes[i]!]!;
    const v = c.values[i]!;
    return Number.isNaN(v) ? null : zipText(v);
  };
  let recodedRecords = 0;
  const recodedAreas = new Set<string>();
  const column = codedRows(c.kind === 'text' ? c.codes.length : c.values.length, (i) => {
    const zip = zipAt(i);
    if (zip === null) return null;
    const out = c.kind === 'text' ? zip3ByCode[c.codes[i]!]! : safeHarborZip3(zip);
    if (out === RESTRICTED_ZIP3) {
      recodedRecords++;
      recodedAreas.add(zip3Of(zip) ?? 'invalid');
    }
    return out;
  });
  return { column, recodedRecords, recodedAreas: [...recodedAreas].sort() };
}

/** Day numbers -> calendar years (a number column; missing stays missing). */
export function yearsOf(days: Int32Array): NumberColumn {
  const values = new Float64Array(days.length);
  for (let i = 0; i < days.length; i++) values[i] = days[i] === NO_DAY ? NaN : yearOf(days[i]!);
  return { kind: 'number', values };
}

/** Ages in whole years from a number column or a text column of digits (a label such as '90+' reads as its number). */
export function agesOf(c: Column, name: string): Float64Array {
  if (c.kind === 'number') return c.values;
  if (c.kind === 'date') throw new TableError(`column "${name}" is an age column but holds dates`);
  const byCode = c.dictionary.map((v) => {
    const m = /^\s*(\d+)\s*\+?\s*$/.exec(v);
    if (!m) throw new TableError(`column "${name}" holds "${v}", which is not an age in years`);
    return Number(m[1]);
  });
  return Float64Array.from(c.codes, (k) => (k < 0 ? NaN : byCode[k]!));
}

/** Ages with everyone over 89 in one category (text: '67', ..., '89', label); returns how many were grouped. */
export function groupAgesOver89(ages: Float64Array, label: string): { column: TextColumn; grouped: number } {
  let grouped = 0;
  const column = codedRows(ages.length, (i) => {
    const a = ages[i]!;
    if (Number.isNaN(a)) return null;
    if (a >= 90) {
      grouped++;
      return label;
    }
    return String(a);
  });
  return { column, grouped };
}

/** Birth dates -> birth years (text), the label instead for rows marked 90 or older. */
export function birthYearsGrouped(days: Int32Array, over89: Uint8Array, label: string): { column: TextColumn; grouped: number } {
  let grouped = 0;
  const column = codedRows(days.length, (i) => {
    if (days[i] === NO_DAY) return null;
    if (over89[i]) {
      grouped++;
      return label;
    }
    return String(yearOf(days[i]!));
  });
  return { column, grouped };
}

/** Marks the rows whose age on asOfDay (from a birth date) or in an age column is 90 or more. */
export function markOver89(birthDays: readonly Int32Array[], ages: readonly Float64Array[], asOfDay: number | null, rows: number): Uint8Array {
  const over = new Uint8Array(rows);
  for (const a of ages) for (let i = 0; i < rows; i++) if (a[i]! >= 90) over[i] = 1;
  if (asOfDay !== null) {
    for (const b of birthDays) for (let i = 0; i < rows; i++) if (b[i] !== NO_DAY && ageOn(b[i]!, asOfDay) >= 90) over[i] = 1;
  }
  return over;
}

// A column of dates as day numbers, whichever form it came in: a date column, text 'YYYY-MM-DD' or
// CMS 'YYYYMMDD', or numbers written YYYYMMDD. Browser-safe.
import { dayOf, NO_DAY, ymdOf } from '../../src/dates.ts';
import { TableError, type Column } from '../../src/table/table.ts';

const DATE_TEXT = /^(\d{4})-?(\d{2})-?(\d{2})$/;

/** Day number of 'YYYY-MM-DD' or 'YYYYMMDD' (a real calendar day), or null. */
export function dayOfText(text: string): number | null {
  const m = DATE_TEXT.exec(text.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const day = dayOf(y, mo, d);
  const back = ymdOf(day);
  return back.year === y && back.month === mo && back.day === d ? day : null;
}

/** The column's dates as day numbers (NO_DAY where missing); a value that is no date is an error naming the column. */
export function daysOf(c: Column, name: string): Int32Array {
  if (c.kind === 'date') return c.days;
  const out = new Int32Array(c.kind === 'text' ? c.codes.length : c.values.length);
  if (c.kind === 'text') {
    const byCode = c.dictionary.map((v) => dayOfText(v));
    for (let i = 0; i < out.length; i++) {
      const k = c.codes[i]!;
      if (k < 0) out[i] = NO_DAY;
      else if (byCode[k] === null) throw new TableError(`column "${name}" holds "${c.dictionary[k]}", which is not a date (YYYY-MM-DD or YYYYMMDD)`);
      else out[i] = byCode[k]!;
    }
    return out;
  }
  for (let i = 0; i < out.length; i++) {
    const v = c.values[i]!;
    const day = Number.isNaN(v) ? NO_DAY : Number.isInteger(v) ? dayOfText(String(v)) : null;
    if (day === null) throw new TableError(`column "${name}" holds ${v}, which is not a date (YYYYMMDD)`);
    out[i] = day;
  }
  return out;
}

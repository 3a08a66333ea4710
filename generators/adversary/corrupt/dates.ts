// Date errors in adversary data: day and month transposed (only when the result is a real, different
// date), a day off by one (calendar-aware), a year off by one (Feb 29 -> Feb 28), or the date missing.
// Dates are text, ISO YYYY-MM-DD or compact YYYYMMDD; an edited date keeps its input's format.
import { dayOf, ymdOf, type Ymd } from '../../../src/dates.ts';

export type DateEdit = 'transpose_day_month' | 'day_off_by_one' | 'year_off_by_one';

interface ParsedDate extends Ymd {
  compact: boolean;
}

function daysInMonth(year: number, month: number): number {
  return dayOf(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1) - dayOf(year, month, 1);
}

/** True when (year, month, day) is a real calendar date. */
export function isValidDate(year: number, month: number, day: number): boolean {
  return Number.isInteger(year) && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Parses YYYY-MM-DD or YYYYMMDD; null when the text is not a valid date. */
export function parseDate(s: string): ParsedDate | null {
  const m = /^(\d{4})-?(\d{2})-?(\d{2})$/.exec(s);
  if (!m) return null;
  const compact = !s.includes('-');
  if (compact !== (s.length === 8)) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  return isValidDate(year, month, day) ? { year, month, day, compact } : null;
}

export function formatDate(d: Ymd, compact = false): string {
  const mm = String(d.month).padStart(2, '0');
  const dd = String(d.day).padStart(2, '0');
  return compact ? `${d.year}${mm}${dd}` : `${d.year}-${mm}-${dd}`;
}

/** Day and month swapped, or null when that is not a different valid date (day > 12 or day = month). */
export function transposeDayMonth(s: string): string | null {
  const d = parseDate(s);
  if (!d || d.day > 12 || d.day === d.month) return null;
  return formatDate({ year: d.year, month: d.day, day: d.month }, d.compact);
}

/** The day before (up = false) or after (up = true), crossing month and year ends. */
export function shiftDay(s: string, up: boolean): string | null {
  const d = parseDate(s);
  if (!d) return null;
  return formatDate(ymdOf(dayOf(d.year, d.month, d.day) + (up ? 1 : -1)), d.compact);
}

/** The same day a year earlier or later; Feb 29 becomes Feb 28 when the target year is not leap. */
export function shiftYear(s: string, up: boolean): string | null {
  const d = parseDate(s);
  if (!d) return null;
  const year = d.year + (up ? 1 : -1);
  const day = Math.min(d.day, daysInMonth(year, d.month));
  return formatDate({ year, month: d.month, day }, d.compact);
}

/** Applies one date edit; null when the edit is impossible for this date (or the text is not a date). */
export function editDate(s: string, edit: DateEdit, up: boolean): string | null {
  switch (edit) {
    case 'transpose_day_month':
      return transposeDayMonth(s);
    case 'day_off_by_one':
      return shiftDay(s, up);
    case 'year_off_by_one':
      return shiftYear(s, up);
  }
}

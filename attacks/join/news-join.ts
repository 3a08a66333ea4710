// Linking news reports to inpatient claims (Sweeney 2015): a report gives the hospital, the admission
// date, the patient's age and town; a stay links when exactly one claim agrees on all of them.
import { indexBy, keyOf, linksOf, type Links } from './links.ts';
import type { Columns } from '../../generators/adversary/types.ts';

/** Inpatient stays with what a reporter's facts are compared against (one row per claim). */
export interface StaysForNews {
  readonly hospital: readonly (string | null)[];
  readonly admissionDate: readonly (string | null)[]; // YYYY-MM-DD
  readonly age: readonly (string | null)[]; // whole years at admission
  readonly town: readonly (string | null)[];
}

export interface NewsJoin {
  readonly links: Links;
  readonly reports: number;
  /** Reports that agreed with at least one stay, and with exactly one (the links). */
  readonly matchedAny: number;
  readonly matchedUniquely: number;
}

const norm = (s: string) => s.trim().toUpperCase();

export function newsJoin(news: Columns, stays: StaysForNews): NewsJoin {
  for (const c of ['hospital_ccn', 'admission_date', 'age', 'town']) if (!news[c]) throw new Error(`news join: the reports have no column "${c}"`);
  const stayCols = [stays.hospital, stays.admissionDate, stays.age, stays.town];
  const index = indexBy(stayCols, stays.hospital.length, norm);
  const reportCols = [news.hospital_ccn!, news.admission_date!, news.age!, news.town!];
  const a: number[] = [];
  const b: number[] = [];
  let matchedAny = 0;
  for (let i = 0; i < reportCols[0]!.length; i++) {
    const k = keyOf(reportCols, i, norm);
    const rows = k === null ? undefined : index.get(k);
    if (!rows) continue;
    matchedAny++;
    if (rows.length === 1) {
      a.push(i);
      b.push(rows[0]!);
    }
  }
  return { links: linksOf(a, b), reports: reportCols[0]!.length, matchedAny, matchedUniquely: a.length };
}

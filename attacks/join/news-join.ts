// Linking news reports to inpatient claims (Sweeney 2015): a report gives the hospital, the admission
// date, the patient's age and town; a stay links when exactly one claim agrees on the facts given.
import { linksOf, type Links } from './links.ts';
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

/**
 * Links each report to the stays that agree on every fact the report gives (a report may leave out
 * the age, town or hospital, or give only the admission month 'YYYY-MM'); a link is made when exactly
 * one stay agrees. Reports are few, so each is compared with every stay.
 */
export function newsJoin(news: Columns, stays: StaysForNews): NewsJoin {
  for (const c of ['hospital_ccn', 'admission_date', 'age', 'town']) if (!news[c]) throw new Error(`news join: the reports have no column "${c}"`);
  const n = stays.hospital.length;
  const hospital = stays.hospital.map((v) => (v === null ? null : norm(v)));
  const town = stays.town.map((v) => (v === null ? null : norm(v)));
  const a: number[] = [];
  const b: number[] = [];
  let matchedAny = 0;
  const reports = news.hospital_ccn!.length;
  for (let i = 0; i < reports; i++) {
    const h = news.hospital_ccn![i];
    const d = news.admission_date![i];
    const age = news.age![i];
    const t = news.town![i];
    if (!d) continue; // a report without a date cannot be placed
    const nh = h ? norm(h) : null;
    const nt = t ? norm(t) : null;
    let hits = 0;
    let hit = -1;
    for (let k = 0; k < n; k++) {
      const sd = stays.admissionDate[k];
      if (!sd || !sd.startsWith(d)) continue;
      if (nh !== null && hospital[k] !== nh) continue;
      if (age && stays.age[k] !== age) continue;
      if (nt !== null && town[k] !== nt) continue;
      hits++;
      hit = k;
      if (hits > 1) break;
    }
    if (hits === 0) continue;
    matchedAny++;
    if (hits === 1) {
      a.push(i);
      b.push(hit);
    }
  }
  return { links: linksOf(a, b), reports, matchedAny, matchedUniquely: a.length };
}

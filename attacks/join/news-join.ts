// Linking news reports to inpatient claims (Sweeney 2015): a report gives the hospital, the admission
// date, the patient's age and town; a stay links when exactly one claim agrees on the facts given.
import { linksOf, type Links } from './links.ts';
import type { Table, TextColumn } from '../../src/table/table.ts';
import { sharedCodes, textColumnOf } from '../../src/table/text.ts';

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
 * one stay agrees. `stays` has one row per claim: hospital, admission_date (YYYY-MM-DD), age (whole
 * years at admission) and town. Hospitals, towns and ages are compared by code; reports are few, so
 * each is compared with every stay.
 */
export function newsJoin(news: Table, stays: Table): NewsJoin {
  const fact = (name: string) => textColumnOf(news, name, 'news join: the reports');
  const stay = (name: string) => textColumnOf(stays, name, 'news join: the stays');
  const [hospital, date, age, town] = ['hospital_ccn', 'admission_date', 'age', 'town'].map(fact);
  const hospitals = sharedCodes(hospital!, stay('hospital'), norm);
  const ages = sharedCodes(age!, stay('age'));
  const towns = sharedCodes(town!, stay('town'), norm);
  const stayDate = stay('admission_date');
  const n = stays.rows;
  const given = (c: TextColumn, i: number) => c.codes[i]! >= 0 && c.dictionary[c.codes[i]!] !== '';
  const a: number[] = [];
  const b: number[] = [];
  let matchedAny = 0;
  const reports = news.rows;
  for (let i = 0; i < reports; i++) {
    if (!given(date!, i)) continue; // a report without a date cannot be placed
    const d = date!.dictionary[date!.codes[i]!]!;
    // which of the stays' admission dates fall in the report's day or month
    const inReport = Uint8Array.from(stayDate.dictionary, (sd) => (sd && sd.startsWith(d) ? 1 : 0));
    const nh = given(hospital!, i) ? hospitals.left[i]! : -1;
    const na = given(age!, i) ? ages.left[i]! : -1;
    const nt = given(town!, i) ? towns.left[i]! : -1;
    let hits = 0;
    let hit = -1;
    for (let k = 0; k < n; k++) {
      const sd = stayDate.codes[k]!;
      if (sd < 0 || !inReport[sd]) continue;
      if (nh >= 0 && hospitals.right[k] !== nh) continue;
      if (na >= 0 && ages.right[k] !== na) continue;
      if (nt >= 0 && towns.right[k] !== nt) continue;
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

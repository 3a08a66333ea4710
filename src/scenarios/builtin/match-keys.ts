// The keys an SSN match compares, written the same way on the agency's list and on CMS's records:
// the SSN's nine digits, a pseudonym as released, or name and birth date (upper case, ISO date).
// A row missing any part has no key (null) and matches nothing. Browser-safe.
import { ssnDigits } from '../../../attacks/join/identifier-join.ts';
import type { Table } from '../../table/table.ts';
import { textReader, textTable } from '../../table/text.ts';

/** What a match compares: the SSN, the released pseudonym of the SSN, name + birth date, or all of SSN, name and birth date. */
export type MatchOn = 'ssn' | 'pseudonym' | 'name-dob' | 'ssn-name-dob';

const upper = (s: string | null | undefined) => (s ? s.trim().replace(/\s+/g, ' ').toUpperCase() : '');

/** Each row's key as a one-column table `key` (missing: no key). Columns: ssn, first_name, last_name, birth_date (YYYY-MM-DD). */
export function matchKeys(t: Table, on: MatchOn): Table {
  const n = t.rows;
  const column = (name: string) => (t.columns[name] ? textReader(t, name) : () => null);
  const [ssnOf, first, last, birth] = ['ssn', 'first_name', 'last_name', 'birth_date'].map(column);
  const out: (string | null)[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const ssn = on === 'pseudonym' ? (ssnOf!(i) ?? '') : ssnDigits(ssnOf!(i) ?? '');
    const nameDob = [upper(first!(i)), upper(last!(i)), birth!(i) ?? ''];
    const parts = on === 'ssn' || on === 'pseudonym' ? [ssn] : on === 'name-dob' ? nameDob : [ssn, ...nameDob];
    out[i] = parts.some((p) => p === '') ? null : parts.join('|');
  }
  return textTable({ key: out });
}

// Small people-like tables for linkage tests (seeded), and settings with given lambda, m and u.
import { below, chance, streamKey } from '../../src/random/prng.ts';
import type { Table } from '../../src/table/table.ts';
import { textTable } from '../../src/table/text.ts';
import type { LinkSettings } from '../../attacks/link/settings.ts';

const FIRST = ['JAMES', 'MARY', 'JOHN', 'PATRICIA', 'ROBERT', 'JENNIFER', 'MICHAEL', 'LINDA', 'WILLIAM', 'ELIZABETH', 'DAVID', 'BARBARA'];
const LAST = ['SMITH', 'JOHNSON', 'WILLIAMS', 'BROWN', 'JONES', 'GARCIA', 'MILLER', 'DAVIS', 'RODRIGUEZ', 'MARTINEZ', 'LOPEZ', 'WILSON', 'ANDERSON', 'THOMAS'];

/** People-like records from the seeded PRNG. */
export function people(n: number, seed: number, zips = 40, years = 30): Table {
  const key = streamKey(seed, 'test/link-people');
  const cols = { first_name: [] as (string | null)[], last_name: [] as (string | null)[], birth_date: [] as (string | null)[], zip: [] as (string | null)[] };
  for (let i = 0; i < n; i++) {
    cols.first_name.push(chance(key, i, 0, 0.02) ? null : FIRST[below(key, i, 1, FIRST.length)]!);
    cols.last_name.push(LAST[below(key, i, 2, LAST.length)]!);
    const y = 1930 + below(key, i, 3, years);
    const m = 1 + below(key, i, 4, 12);
    const d = 1 + below(key, i, 5, 28);
    cols.birth_date.push(`${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
    cols.zip.push(String(10000 + below(key, i, 6, zips)));
  }
  return textTable(cols);
}

export const given: LinkSettings = {
  link_type: 'link_only',
  lambda: 0.001,
  blocking: [['last_name', 'zip'], ['birth_date']],
  comparisons: [
    {
      column: 'first_name',
      levels: [{ type: 'null' }, { type: 'exact', tf_adjustment: 1, m: 0.9, u: 0.1 }, { type: 'jaro_winkler', threshold: 0.88, m: 0.06, u: 0.05 }, { type: 'else', m: 0.04, u: 0.85 }],
    },
    { column: 'last_name', levels: [{ type: 'exact', m: 0.95, u: 0.08 }, { type: 'else', m: 0.05, u: 0.92 }] },
    {
      column: 'birth_date',
      levels: [{ type: 'exact', m: 0.9, u: 0.001 }, { type: 'date_diff', unit: 'year', threshold: 1, m: 0.07, u: 0.07 }, { type: 'else', m: 0.03, u: 0.929 }],
    },
    { column: 'zip', levels: [{ type: 'null' }, { type: 'exact', tf_adjustment: 0.5, m: 0.85, u: 0.03 }, { type: 'else', m: 0.15, u: 0.97 }] },
  ],
};

// A data broker's file: name, address history, phone and age. Coverage is skewed the way commercial
// files are: thinner for the young, for recent immigrants and for undocumented people.
import { chance, streamKey } from '../../src/random/prng.ts';
import { shuffledRows } from './row-order.ts';
import type { AdversaryDataset, Columns, WorldPeople } from './types.ts';
import { PERSON_ERRORS, withErrors, type ErrorSpec } from './with-errors.ts';

export interface BrokerFileOptions {
  seed: number | string;
  /** How records are corrupted (default: the shared model's default rates); false for clean records. */
  errors?: ErrorSpec;
  /** Base coverage of adults, and its multipliers for people under 25, recent immigrants and undocumented people. */
  coverage?: { base: number; young: number; recentImmigrant: number; undocumented: number };
  /** Year of the snapshot, for "recent" immigration (admitted within 5 years); default 2019. */
  asOfYear?: number;
}

export const BROKER_DEFAULTS = { coverage: { base: 0.9, young: 0.55, recentImmigrant: 0.5, undocumented: 0.35 } };

export function brokerFile(people: WorldPeople, o: BrokerFileOptions): AdversaryDataset {
  const cov = o.coverage ?? BROKER_DEFAULTS.coverage;
  const year = o.asOfYear ?? 2019;
  const key = streamKey(o.seed, 'broker-file');
  const c = (n: string) => people.column(n);
  const names = ['person_id', 'age', 'immigration_status', 'admission_year', 'death_date', 'first_name', 'last_name', 'street', 'city', 'state', 'zip', 'prev_street', 'prev_city', 'prev_state', 'prev_zip'] as const;
  const col = Object.fromEntries(names.map((n) => [n, c(n)])) as Record<(typeof names)[number], readonly (string | null)[]>;
  const covered: number[] = [];
  for (let i = 0; i < people.records; i++) {
    const age = Number(col.age[i]);
    if (age < 18 || col.death_date[i] !== null) continue;
    let p = cov.base;
    if (age < 25) p *= cov.young;
    const status = col.immigration_status[i];
    if (status === 'undocumented') p *= cov.undocumented;
    else if (status !== 'citizen_by_birth' && col.admission_year[i] !== null && Number(col.admission_year[i]) > year - 5) p *= cov.recentImmigrant;
    if (chance(key, Number(col.person_id[i]), 0, p)) covered.push(i);
  }
  const rows = shuffledRows(covered, o.seed, 'broker-file');
  const table: Columns = { broker_id: [], first_name: [], last_name: [], age: [], phone: [], street: [], city: [], state: [], zip: [], prev_street: [], prev_city: [], prev_state: [], prev_zip: [] };
  rows.forEach((i, n) => {
    table.broker_id!.push(`B${String(n + 1).padStart(8, '0')}`);
    for (const k of ['first_name', 'last_name', 'age', 'street', 'city', 'state', 'zip', 'prev_street', 'prev_city', 'prev_state', 'prev_zip'] as const) table[k]!.push(col[k][i] ?? null);
    // 555-0100..0199 numbers are reserved for fiction: none can be a real person's phone.
    table.phone!.push(`(${String(200 + (Number(col.person_id[i]) % 800)).padStart(3, '0')}) 555-01${String(Number(col.person_id[i]) % 100).padStart(2, '0')}`);
  });
  const clean: AdversaryDataset = {
    name: 'broker_file',
    description: 'A commercial file of adults: name, current and previous address, a (fictional) phone and age; thinner coverage of the young, recent immigrants and undocumented people.',
    table,
    truth: Int32Array.from(rows, (i) => Number(col.person_id[i])),
  };
  return withErrors(clean, o.errors ?? { ...PERSON_ERRORS.names, ...PERSON_ERRORS.street }, o.seed);
}

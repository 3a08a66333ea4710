// A data broker's file: name, address history, phone and age. Coverage is skewed the way commercial
// files are: thinner for the young, for recent immigrants and for undocumented people.
import { chance, streamKey } from '../../src/random/prng.ts';
import { shuffledRows } from './row-order.ts';
import type { Table } from '../../src/table/table.ts';
import { integersOf, numberReader, textReader } from '../../src/table/text.ts';
import type { AdversaryDataset, DraftDataset } from './types.ts';
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

export function brokerFile(people: Table, o: BrokerFileOptions): AdversaryDataset {
  const cov = o.coverage ?? BROKER_DEFAULTS.coverage;
  const year = o.asOfYear ?? 2019;
  const key = streamKey(o.seed, 'broker-file');
  const names = ['immigration_status', 'death_date', 'first_name', 'last_name', 'age', 'street', 'city', 'state', 'zip', 'prev_street', 'prev_city', 'prev_state', 'prev_zip'] as const;
  const col = Object.fromEntries(names.map((n) => [n, textReader(people, n, 'the people table')])) as Record<(typeof names)[number], (i: number) => string | null>;
  const pid = integersOf(people, 'person_id', 'the people table');
  const ageOf = numberReader(people, 'age', 'the people table');
  const admitted = numberReader(people, 'admission_year', 'the people table');
  const covered: number[] = [];
  for (let i = 0; i < people.rows; i++) {
    const age = ageOf(i);
    if (age < 18 || col.death_date(i) !== null) continue;
    let p = cov.base;
    if (age < 25) p *= cov.young;
    const status = col.immigration_status(i);
    if (status === 'undocumented') p *= cov.undocumented;
    else if (status !== 'citizen_by_birth' && admitted(i) > year - 5) p *= cov.recentImmigrant;
    if (chance(key, pid[i]!, 0, p)) covered.push(i);
  }
  const rows = shuffledRows(covered, o.seed, 'broker-file');
  const table: DraftDataset['table'] = { broker_id: [], first_name: [], last_name: [], age: [], phone: [], street: [], city: [], state: [], zip: [], prev_street: [], prev_city: [], prev_state: [], prev_zip: [] };
  rows.forEach((i, n) => {
    table.broker_id!.push(`B${String(n + 1).padStart(8, '0')}`);
    for (const k of ['first_name', 'last_name', 'age', 'street', 'city', 'state', 'zip', 'prev_street', 'prev_city', 'prev_state', 'prev_zip'] as const) table[k]!.push(col[k](i));
    // 555-0100..0199 numbers are reserved for fiction: none can be a real person's phone.
    table.phone!.push(`(${String(200 + (pid[i]! % 800)).padStart(3, '0')}) 555-01${String(pid[i]! % 100).padStart(2, '0')}`);
  });
  const clean: DraftDataset = {
    name: 'broker_file',
    description: 'A commercial file of adults: name, current and previous address, a (fictional) phone and age; thinner coverage of the young, recent immigrants and undocumented people.',
    table,
    truth: Int32Array.from(rows, (i) => pid[i]!),
  };
  return withErrors(clean, o.errors ?? { ...PERSON_ERRORS.names, ...PERSON_ERRORS.street }, o.seed);
}

// A state voter roll: adult citizens who registered, with name, residential address (stale for some
// movers), sex and birth date, or only the birth year where a state publishes no more.
import { chance, streamKey, uniform } from '../../src/random/prng.ts';
import { permutation } from '../../src/random/permutation.ts';
import { shuffledRows } from './row-order.ts';
import type { Table } from '../../src/table/table.ts';
import { integersOf, numberReader, textReader } from '../../src/table/text.ts';
import type { AdversaryDataset, DraftDataset } from './types.ts';
import { PERSON_ERRORS, withErrors, type ErrorSpec } from './with-errors.ts';

export interface VoterRollOptions {
  seed: number | string;
  /** How records are corrupted (default: the shared model's default rates); false for clean records. */
  errors?: ErrorSpec;
  /** Registration probability by age band [18-24, 25-44, 45-64, 65+] (CPS voting supplement, approx.). */
  registration?: readonly [number, number, number, number];
  /** States whose file carries only the birth year (voter files differ by state). */
  birthYearOnly?: readonly string[];
  /** A mover's voter record still shows the old address with this probability. */
  staleAddress?: number;
  /** The year of the snapshot (registration years end there); default 2019. */
  asOfYear?: number;
}

export const VOTER_DEFAULTS = { registration: [0.55, 0.65, 0.75, 0.8] as const, birthYearOnly: [] as string[], staleAddress: 0.45 };

const CITIZENS = new Set(['citizen_by_birth', 'naturalized']);

export function voterRoll(people: Table, o: VoterRollOptions): AdversaryDataset {
  const registration = o.registration ?? VOTER_DEFAULTS.registration;
  const yearOnly = new Set(o.birthYearOnly ?? VOTER_DEFAULTS.birthYearOnly);
  const stale = o.staleAddress ?? VOTER_DEFAULTS.staleAddress;
  const key = streamKey(o.seed, 'voter-roll');
  const c = (n: string) => textReader(people, n, 'the people table');
  const pid = integersOf(people, 'person_id', 'the people table');
  const age = numberReader(people, 'age', 'the people table');
  const [status, death, state] = ['immigration_status', 'death_date', 'state'].map(c);
  const registered: number[] = [];
  for (let i = 0; i < people.rows; i++) {
    const a = age(i);
    if (a < 18 || !CITIZENS.has(status!(i) ?? '') || death!(i) !== null) continue;
    const band = a < 25 ? 0 : a < 45 ? 1 : a < 65 ? 2 : 3;
    if (chance(key, pid[i]!, 0, registration[band])) registered.push(i);
  }
  const rows = shuffledRows(registered, o.seed, 'voter-roll');
  // Voter ids have 10 digits: a 9-digit id would read as an SSN outside the synthetic space.
  const ids = permutation(10 ** 10, streamKey(o.seed, 'voter-id'));
  const table: DraftDataset['table'] = { voter_id: [], first_name: [], middle_initial: [], last_name: [], sex: [], birth_date: [], birth_year: [], street: [], city: [], state: [], zip: [], registration_year: [] };
  const notes: (string | null)[] = [];
  const [first, middle, last, sex, birth, street, city, zip, prevStreet, prevCity, prevState, prevZip] = ['first_name', 'middle_initial', 'last_name', 'sex', 'birth_date', 'street', 'city', 'zip', 'prev_street', 'prev_city', 'prev_state', 'prev_zip'].map(c);
  for (const i of rows) {
    const p = pid[i]!;
    const old = prevZip!(i) !== null && chance(key, p, 1, stale);
    const onlyYear = yearOnly.has(state!(i) ?? '');
    const born = birth!(i)!;
    table.voter_id!.push(String(ids.apply(p)).padStart(10, '0'));
    table.first_name!.push(first!(i)!);
    table.middle_initial!.push(middle!(i) ?? null);
    table.last_name!.push(last!(i)!);
    table.sex!.push(sex!(i)!);
    table.birth_date!.push(onlyYear ? null : born);
    table.birth_year!.push(born.slice(0, 4));
    table.street!.push(old ? prevStreet!(i)! : street!(i)!);
    table.city!.push(old ? prevCity!(i)! : city!(i)!);
    table.state!.push(old ? prevState!(i)! : state!(i)!);
    table.zip!.push(old ? prevZip!(i)! : zip!(i)!);
    const since = Math.max(Number(born.slice(0, 4)) + 18, 1972);
    table.registration_year!.push(String(since + Math.floor(uniform(key, p, 2) * Math.max(1, (o.asOfYear ?? 2019) - since))));
    notes.push(old ? 'stale_address' : null);
  }
  const clean: DraftDataset = {
    name: 'voter_roll',
    description: 'Registered adult citizens: name, residential address (the old one for some movers), sex, birth date (or only the year in some states).',
    table,
    truth: Int32Array.from(rows, (i) => pid[i]!),
    notes,
  };
  return withErrors(clean, o.errors ?? { ...PERSON_ERRORS.names, ...PERSON_ERRORS.birthDate, ...PERSON_ERRORS.street }, o.seed);
}

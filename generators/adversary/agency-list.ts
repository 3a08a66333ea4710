// An agency's list of people it seeks, mostly non-citizens, with name, birth date and the SSN as the
// agency has it: often missing, sometimes an ITIN typed into the SSN field, sometimes mistyped, and for
// many undocumented people someone else's SSN (family, borrowed) or a made-up one. Matching such a
// list against Medicare finds wrong people through exactly these SSNs.
import { chance, streamKey, u32, uniform } from '../../src/random/prng.ts';
import { mistypeSsnText } from './corrupt/ssn-typo.ts';
import type { Table } from '../../src/table/table.ts';
import { integersOf, numberReader, textReader } from '../../src/table/text.ts';
import type { AdversaryDataset, DraftDataset } from './types.ts';
import { PERSON_ERRORS, withErrors, type ErrorSpec } from './with-errors.ts';

export interface AgencyListOptions {
  seed: number | string;
  /** How records are corrupted (default: the shared model's default rates); false for clean records. */
  errors?: ErrorSpec;
  /** How many people the list holds (fewer if the world has too few in a group). */
  size: number;
  /** Composition: undocumented, other non-citizens (LPR, other lawfully present), citizens listed in error. */
  shares?: readonly [number, number, number];
  /** The agency holds the SSN on the person's records (own or someone else's) with this probability. */
  ssnKnown?: number;
  /** For someone without any SSN on record, the agency writes their ITIN in the SSN field with this probability. */
  itinAsSsn?: number;
  /** A known SSN is mistyped by the agency (a digit replaced or two swapped, inside the SSN space) with this probability. */
  mistyped?: number;
}

export const AGENCY_DEFAULTS = { shares: [0.65, 0.25, 0.1] as const, ssnKnown: 0.75, itinAsSsn: 0.3, mistyped: 0.02 };

const GROUP_OF: Record<string, number> = { undocumented: 0, lawful_permanent_resident: 1, other_lawfully_present: 1, citizen_by_birth: 2, naturalized: 2 };

/** Adults of each group of the list's composition (undocumented, other non-citizens, citizens). */
function adultGroups(people: Table): number[][] {
  const status = textReader(people, 'immigration_status', 'the people table');
  const age = numberReader(people, 'age', 'the people table');
  const groups: number[][] = [[], [], []];
  for (let i = 0; i < people.rows; i++) {
    const g = GROUP_OF[status(i) ?? ''];
    if (g !== undefined && age(i) >= 18) groups[g]!.push(i);
  }
  return groups;
}

/** The longest list this world supplies with the given composition: every group fills its share. */
export function agencyListCapacity(people: Table, shares: readonly [number, number, number] = AGENCY_DEFAULTS.shares): number {
  const groups = adultGroups(people);
  let size = Math.min(...groups.map((g, k) => (shares[k]! > 0 ? Math.floor((g.length + 0.5) / shares[k]!) : Infinity)));
  const wanted = (s: number) => shares.map((share) => Math.round(s * share));
  // the largest size whose rounded group shares fit the groups and add up to the size itself
  while (size > 0 && (wanted(size).some((w, k) => w > groups[k]!.length) || wanted(size).reduce((a, b) => a + b, 0) !== size)) size--;
  return size;
}

export function agencyList(people: Table, o: AgencyListOptions): AdversaryDataset {
  if (!Number.isSafeInteger(o.size) || o.size <= 0) throw new Error(`agency list: size must be a positive whole number, got ${o.size}`);
  const shares = o.shares ?? AGENCY_DEFAULTS.shares;
  const key = streamKey(o.seed, 'agency-list');
  const c = (n: string) => textReader(people, n, 'the people table');
  const pid = integersOf(people, 'person_id', 'the people table');
  const [first, last, birth, ssn, recorded, error, itin] = ['first_name', 'last_name', 'birth_date', 'ssn', 'ssn_recorded', 'ssn_error', 'itin'].map(c);

  // Adults of each group, in a seeded random order; the list takes the first of each.
  const rows: number[] = [];
  adultGroups(people).forEach((members, g) => {
    const want = Math.round(o.size * shares[g]!);
    const order = members.map((i) => ({ i, r: u32(key, pid[i]!, 0) })).sort((a, b) => a.r - b.r || a.i - b.i);
    rows.push(...order.slice(0, want).map((x) => x.i));
  });
  rows.sort((a, b) => u32(key, a, 1) - u32(key, b, 1) || a - b);

  const table: DraftDataset['table'] = { case_id: [], first_name: [], last_name: [], birth_date: [], ssn: [] };
  const notes: (string | null)[] = [];
  rows.forEach((i, n) => {
    const p = pid[i]!;
    let value: string | null = null;
    let note = 'missing';
    const onRecord = recorded!(i);
    if (onRecord !== null && chance(key, p, 2, o.ssnKnown ?? AGENCY_DEFAULTS.ssnKnown)) {
      value = onRecord;
      const why = error!(i);
      note = why === 'none' || why === 'mistyped' ? (ssn!(i) === onRecord ? 'own' : 'mistyped_on_record') : why === 'fabricated' ? 'made_up' : 'someone_elses';
      // The agency's typo keeps the number in its space (corrupt/ssn-typo.ts): never a real-looking SSN.
      const typo = chance(key, p, 3, o.mistyped ?? AGENCY_DEFAULTS.mistyped) ? mistypeSsnText(value, uniform(key, p, 4), uniform(key, p, 5), uniform(key, p, 7)) : null;
      if (typo !== null) {
        value = typo.value;
        note = `${note}+agency_typo`;
      }
    } else if (onRecord === null && itin!(i) !== null && chance(key, p, 6, o.itinAsSsn ?? AGENCY_DEFAULTS.itinAsSsn)) {
      value = itin!(i)!;
      note = 'itin';
    }
    table.case_id!.push(`A${String(n + 1).padStart(7, '0')}`);
    table.first_name!.push(first!(i)!);
    table.last_name!.push(last!(i)!);
    table.birth_date!.push(birth!(i)!);
    table.ssn!.push(value);
    notes.push(note);
  });
  const clean: DraftDataset = {
    name: 'agency_list',
    description: 'People an agency seeks (mostly non-citizens) with name, birth date and the SSN as the agency holds it (missing, an ITIN, mistyped, someone else\'s or made up for many).',
    table,
    truth: Int32Array.from(rows, (i) => pid[i]!),
    notes,
  };
  return withErrors(clean, o.errors ?? { ...PERSON_ERRORS.names, ...PERSON_ERRORS.birthDate }, o.seed);
}


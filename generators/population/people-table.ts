// The people table: schema and the one place where coded people columns become text.
import { geography } from '../calibration/tables.ts';
import { chunkOf, col, coded, dayColumn, type Cell, type TableChunk, type TableSchema } from '../../src/table/schema.ts';
import { streetText } from './address.ts';
import { firstNameModelOf, surnameDictionary } from './names.ts';
import type { PeopleBatch } from './people.ts';
import { IMMIGRATION_STATUSES, RACES, SSN_ERRORS } from './rates.ts';
import { formatSsn } from './ssn.ts';

export const PEOPLE_SCHEMA: TableSchema = {
  name: 'people',
  description: 'Every person in the synthetic world, as of the reference date: the ground truth every other table is scored against.',
  columns: [
    col('person_id', 'int', 'Ground-truth person id (row index in the unsharded world).', true),
    col('household_id', 'int', 'person_id of the household head; members share the address.', true),
    col('first_name', 'string', 'Given name, drawn by sex and birth cohort (SSA 1930-1960, Census 1990).'),
    col('middle_initial', 'string', 'Middle initial, empty for about 12%.'),
    col('last_name', 'string', 'Surname, by Census frequency; rare synthetic surnames fill the uncovered tail.'),
    col('sex', 'string', "'M' or 'F'."),
    col('birth_date', 'date', 'Date of birth, YYYY-MM-DD; uniform within the year of age.'),
    col('age', 'int', 'Age in whole years on the reference date.'),
    col('ssn', 'string', 'Own Social Security number (AAA-GG-SSSS), empty when the person has none.'),
    col('itin', 'string', 'Individual taxpayer identification number (9XX-[ITIN group]-XXXX), for some people without an SSN.'),
    col('ssn_recorded', 'string', 'The SSN administrative records carry for the person: own, mistyped, a family member\'s, borrowed or made up.'),
    col('ssn_error', 'string', `How ssn_recorded differs from the truth: ${SSN_ERRORS.join(', ')}.`),
    col('ssn_source_person_id', 'int', 'For family_shared and borrowed SSNs, the person_id of the SSN holder.', true),
    col('street', 'string', 'Street address (house number, street, apartment) of the current residence.'),
    col('city', 'string', 'USPS post-office name of the ZIP.'),
    col('state', 'string', 'State abbreviation.'),
    col('zip', 'string', '5-digit ZIP code (the 2010 ZCTA code).'),
    col('county', 'string', '5-digit county FIPS code.'),
    col('prev_street', 'string', 'Previous street address, for households that moved in the year before the reference date.'),
    col('prev_city', 'string', 'Previous city, for movers.'),
    col('prev_state', 'string', 'Previous state, for movers.'),
    col('prev_zip', 'string', 'Previous ZIP, for movers.'),
    col('move_date', 'date', 'Date of the move (YYYY-MM-DD), for movers.'),
    col('race_ethnicity', 'string', `Self-identified race/ethnicity: ${RACES.join(', ')} (from surname race shares).`),
    col('immigration_status', 'string', `One of ${IMMIGRATION_STATUSES.join(', ')}.`),
    col('admission_year', 'int', 'Year of LPR admission (lawful permanent residents, naturalized) or of entry (others); empty for the US-born.'),
    col('work_quarters', 'int', 'Quarters of Social Security-covered work (40 give premium-free Medicare Part A).'),
    col('disabled', 'int', '1 when the person has an SSDI-level disability.'),
    col('disability_onset', 'date', 'Disability onset date (YYYY-MM-DD).'),
    col('esrd', 'int', '1 for end-stage renal disease.'),
    col('esrd_onset', 'date', 'ESRD onset (start of dialysis), YYYY-MM-DD.'),
    col('death_date', 'date', 'Date of death within the claims period (YYYY-MM-DD), empty if alive.'),
    col('spouse_person_id', 'int', 'person_id of the spouse, when the household has a married couple.', true),
  ],
};

const LETTERS = Array.from('ABCDEFGHIJKLMNOPQRSTUVWXYZ');
const SEXES = ['M', 'F'];
const STATE_ABBRS = geography.states.map((s) => s.abbr);

export function zipText(z: number): string {
  return geography.zctas.zcta[z];
}

export function cityText(z: number): string {
  return geography.cities[geography.zctas.city[z]];
}

export function stateAbbr(state: number): string {
  return geography.states[state].abbr;
}

const countyTexts = new Map<number, string>();
export function countyText(geoid: number): string {
  let s = countyTexts.get(geoid);
  if (s === undefined) countyTexts.set(geoid, (s = String(geoid).padStart(5, '0')));
  return s;
}

/** Every county's 5-digit FIPS text (a dictionary), and the code of each FIPS number in it (-1: none). */
let counties: { texts: string[]; codeOf: Int32Array } | null = null;
function countyDictionary(): { texts: string[]; codeOf: Int32Array } {
  if (counties) return counties;
  const geoids = [...new Set(geography.countyParts.geoid)].sort((a, b) => a - b);
  const codeOf = new Int32Array(geoids[geoids.length - 1]! + 1).fill(-1);
  geoids.forEach((g, k) => (codeOf[g] = k));
  return (counties = { texts: geoids.map(countyText), codeOf });
}

const idOrNull = (x: number): Cell => (x < 0 ? null : x);

/** Codes of a derived dictionary column, -1 where the row has no value. */
function codes(n: number, f: (i: number) => number): Int32Array {
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[i] = f(i);
  return out;
}

export function peopleChunk(b: PeopleBatch): TableChunk {
  const n = b.n;
  const zState = geography.zctas.state;
  const zCity = geography.zctas.city;
  const column = <T extends Cell>(f: (i: number) => T): T[] => {
    const out = new Array<T>(n);
    for (let i = 0; i < n; i++) out[i] = f(i);
    return out;
  };
  const moved = (i: number) => b.prevZcta[i] >= 0;
  const county = countyDictionary();
  // Members of a household share its address (people.ts copies it row to row): they share its text too.
  const sameHome = (i: number) => i > 0 && b.head[i - 1] === b.head[i];
  const street = new Array<string>(n);
  const prevStreet = new Array<string | null>(n);
  for (let i = 0; i < n; i++) {
    if (sameHome(i)) {
      street[i] = street[i - 1]!;
      prevStreet[i] = prevStreet[i - 1]!;
    } else {
      street[i] = streetText(b.streetCode[i], b.streetNumber[i], b.unit[i]);
      prevStreet[i] = moved(i) ? streetText(b.prevStreetCode[i], b.prevStreetNumber[i], b.prevUnit[i]) : null;
    }
  }
  // Most recorded SSNs are the person's own: the same text.
  const ssn = column((i) => (b.ssn[i] ? formatSsn(b.ssn[i]) : null));
  const ssnRecorded = column((i) => (b.ssnRecorded[i] === 0 ? null : b.ssnRecorded[i] === b.ssn[i] ? ssn[i] : formatSsn(b.ssnRecorded[i])));
  const personId = new Float64Array(n);
  for (let i = 0; i < n; i++) personId[i] = b.start + i;
  return chunkOf(PEOPLE_SCHEMA, n, {
    person_id: personId,
    household_id: b.head,
    first_name: coded(b.firstName, firstNameModelOf().dictionary),
    middle_initial: coded(codes(n, (i) => b.middleInitial[i] - 1), LETTERS),
    last_name: coded(b.surname, surnameDictionary()),
    sex: coded(codes(n, (i) => b.sex[i] - 1), SEXES),
    birth_date: dayColumn(b.birthDay, 'iso'),
    age: b.age,
    ssn,
    itin: column((i) => (b.itin[i] ? formatSsn(b.itin[i]) : null)),
    ssn_recorded: ssnRecorded,
    ssn_error: coded(b.ssnError, SSN_ERRORS),
    ssn_source_person_id: column((i) => idOrNull(b.ssnSource[i])),
    street,
    city: coded(codes(n, (i) => zCity[b.zcta[i]]), geography.cities),
    state: coded(b.state, STATE_ABBRS),
    zip: coded(b.zcta, geography.zctas.zcta),
    county: coded(codes(n, (i) => county.codeOf[b.county[i]]), county.texts),
    prev_street: prevStreet,
    prev_city: coded(codes(n, (i) => (moved(i) ? zCity[b.prevZcta[i]] : -1)), geography.cities),
    prev_state: coded(codes(n, (i) => (moved(i) ? zState[b.prevZcta[i]] : -1)), STATE_ABBRS),
    prev_zip: coded(b.prevZcta, geography.zctas.zcta),
    move_date: dayColumn(b.moveDay, 'iso'),
    race_ethnicity: coded(b.race, RACES),
    immigration_status: coded(b.immigration, IMMIGRATION_STATUSES),
    admission_year: column((i) => (b.admissionYear[i] ? b.admissionYear[i] : null)),
    work_quarters: b.workQuarters,
    disabled: b.disabled,
    disability_onset: dayColumn(b.disabilityOnset, 'iso'),
    esrd: b.esrd,
    esrd_onset: dayColumn(b.esrdOnset, 'iso'),
    death_date: dayColumn(b.deathDay, 'iso'),
    spouse_person_id: column((i) => idOrNull(b.spouse[i])),
  });
}

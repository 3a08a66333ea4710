// The beneficiary table (CCW / DE-SynPUF-like): one row per beneficiary per claim year with coverage.
import { geography } from '../calibration/tables.ts';
import { chance, streamKey } from '../../src/random/prng.ts';
import { cmsDate } from '../../src/dates.ts';
import { chunkOf, col, type Cell, type TableChunk, type TableSchema } from '../../src/table/schema.ts';
import { streetText } from '../population/address.ts';
import { firstNameModelOf, surnameText } from '../population/names.ts';
import type { PeopleBatch } from '../population/people.ts';
import { cityText, countyText, stateAbbr, zipText } from '../population/people-table.ts';
import * as P from '../population/rates.ts';
import { BASIS_BUY_IN, BASIS_DISABLED, BASIS_ESRD, BASIS_NONE, ENROLMENT_BASES, type Entitlement } from './eligibility.ts';
import { hicnOf, type BeneficiaryIds } from './ids.ts';
import { STALE_MAILING_ADDRESS } from './rates.ts';
import { CONDITIONS, NO_DAY, type BeneficiaryBatch } from './types.ts';

/** DE-SynPUF / CCW flag column for each condition, in CONDITIONS order. */
const FLAG_COLUMNS = ['sp_hyprtnsn', 'sp_hyperl', 'sp_ra_oa', 'sp_ischmcht', 'sp_diabetes', 'sp_chrnkidn', 'sp_depressn', 'sp_chf', 'sp_alzhdmta', 'sp_copd', 'sp_cncr', 'sp_strketia', 'sp_osteoprs'];

export const BENEFICIARY_SCHEMA: TableSchema = {
  name: 'beneficiaries',
  description: 'Medicare beneficiary summary (CCW / DE-SynPUF layout plus the name and mailing address the CCW file carries): one row per beneficiary per claim year with any coverage.',
  columns: [
    col('person_id', 'int', 'Ground-truth person id.', true),
    col('bene_id', 'string', 'Beneficiary id (16 hex characters, like DESYNPUF_ID).'),
    col('year', 'int', 'Calendar year the row summarises.'),
    col('mbi', 'string', "Medicare Beneficiary Identifier (11 characters; 'S' in position 2 marks it synthetic)."),
    col('hicn', 'string', "Legacy HICN: the wage earner's SSN as recorded plus a code (A own record, B spouse's, M buy-in, T ESRD)."),
    col('first_name', 'string', 'Beneficiary first name (upper case, as CMS files write it).'),
    col('middle_initial', 'string', 'Middle initial.'),
    col('last_name', 'string', 'Surname (upper case).'),
    col('mailing_street', 'string', 'Mailing address line; for some movers still the old address.'),
    col('mailing_city', 'string', 'Mailing city.'),
    col('mailing_state', 'string', 'Mailing state abbreviation.'),
    col('mailing_zip', 'string', 'Mailing ZIP code.'),
    col('bene_birth_dt', 'date', 'Birth date, YYYYMMDD.'),
    col('bene_death_dt', 'date', 'Death date, YYYYMMDD, empty if alive.'),
    col('bene_sex_ident_cd', 'int', 'Sex: 1 male, 2 female.'),
    col('bene_race_cd', 'int', 'Race as the SSA-derived administrative code records it: 0 unknown, 1 White, 2 Black, 3 Other, 5 Hispanic (under-counts Hispanic and Asian people).'),
    col('sp_state_code', 'string', 'SSA state code of residence (not FIPS).'),
    col('bene_county_cd', 'string', '3-digit county code (FIPS county part; DE-SynPUF uses SSA county codes, for which no public crosswalk is bundled).'),
    col('bene_esrd_ind', 'string', "End-stage renal disease: 'Y' or '0'."),
    col('entlmt_rsn_curr', 'int', 'Current reason for entitlement: 0 old age, 1 disability, 2 ESRD.'),
    col('bene_hi_cvrage_tot_mons', 'int', 'Months of Part A coverage in the year.'),
    col('bene_smi_cvrage_tot_mons', 'int', 'Months of Part B coverage in the year.'),
    col('bene_hmo_cvrage_tot_mons', 'int', 'Months in Medicare Advantage in the year.'),
    col('plan_cvrg_mos_num', 'int', 'Months of Part D coverage in the year.'),
    col('mdcr_entlmt_buyin_ind', 'string', "Twelve monthly codes, Jan-Dec: 0 none, 1 Part A only, 2 Part B only, 3 A and B (C, A, B: the same with state buy-in for duals)."),
    col('hmo_ind', 'string', "Twelve monthly codes: 0 fee-for-service, C Medicare Advantage."),
    col('ptd_ind', 'string', 'Twelve monthly codes: 1 enrolled in Part D (a stand-alone plan or Medicare Advantage drug coverage), 0 not.'),
    col('dual_stus_cd', 'string', "Medicare-Medicaid dual status: NA none, 02 full benefit, 03 partial."),
    ...CONDITIONS.map((c, k) => col(FLAG_COLUMNS[k], 'int', `Chronic condition ${c}: 1 yes, 2 no, derived from this year's claims (>=1 inpatient or >=2 outpatient/carrier claims with a qualifying diagnosis).`)),
    col('truth_enrolment_basis', 'string', `Ground truth: why the person is enrolled (${ENROLMENT_BASES.slice(1).join(', ')}); ssn_error means enrolled under someone else's SSN.`, true),
  ],
};

export interface Enrolled {
  /** Positions in the people batch of the beneficiaries. */
  readonly rows: Int32Array;
  readonly batch: BeneficiaryBatch;
  readonly mbi: readonly string[];
}

/** Picks the people with any coverage and gathers what the claims generator needs about them. */
export function enrolledOf(people: PeopleBatch, ent: Entitlement, ids: BeneficiaryIds, years: number): Enrolled {
  const rows: number[] = [];
  for (let i = 0; i < people.n; i++) if (ent.basis[i] !== BASIS_NONE) rows.push(i);
  const m = rows.length;
  const gather = <T extends Uint8Array | Int32Array>(src: T, make: new (n: number) => T): T => {
    const out = new make(m);
    rows.forEach((r, k) => (out[k] = src[r]));
    return out;
  };
  const perYear = (src: Uint16Array) => {
    const out = new Uint16Array(m * years);
    rows.forEach((r, k) => out.set(src.subarray(r * years, r * years + years), k * years));
    return out;
  };
  const personIndex = Int32Array.from(rows, (r) => people.start + r);
  const zcta = gather(people.zcta, Int32Array);
  return {
    rows: Int32Array.from(rows),
    mbi: Array.from(personIndex, (p) => ids.mbi(p)),
    batch: {
      n: m,
      personIndex,
      beneId: Array.from(personIndex, (p) => ids.beneId(p)),
      beneOrdinal: Float64Array.from(personIndex, (p) => ids.ordinal(p)),
      sex: gather(people.sex, Uint8Array),
      birthDay: gather(people.birthDay, Int32Array),
      deathDay: gather(people.deathDay, Int32Array),
      zcta,
      zip3: Int32Array.from(zcta, (z) => Number(geography.zctas.zcta[z].slice(0, 3))),
      esrd: gather(people.esrd, Uint8Array),
      disabled: gather(people.disabled, Uint8Array),
      dual: gather(ent.dual, Uint8Array),
      partA: perYear(ent.partA),
      partB: perYear(ent.partB),
      medicareAdvantage: perYear(ent.medicareAdvantage),
      partD: perYear(ent.partD),
    },
  };
}

/** bene_race_cd as the administrative record codes race (REFERENCE 3: Hispanic mostly recorded as White). */
function raceCode(key: number, p: number, race: number): number {
  if (chance(key, p, 0, 0.003)) return 0;
  switch (race) {
    case P.RACE_WHITE: return 1;
    case P.RACE_BLACK: return 2;
    case P.RACE_HISPANIC: return chance(key, p, 1, 0.3) ? 5 : chance(key, p, 2, 0.8) ? 1 : 3;
    case P.RACE_ASIAN: return chance(key, p, 1, 0.65) ? 3 : 1;
    default: return chance(key, p, 1, 0.6) ? 3 : 1;
  }
}

/** The 12 monthly flags of a mask as text: `on` for a set month, '0' otherwise (built once per mask and letter). */
const MONTH_FLAGS = new Map<string, string[]>();
function monthFlags(mask: number, on: string): string {
  let texts = MONTH_FLAGS.get(on);
  if (!texts) MONTH_FLAGS.set(on, (texts = []));
  let t = texts[mask];
  if (t === undefined) {
    t = '';
    for (let m = 0; m < 12; m++) t += (mask >> m) & 1 ? on : '0';
    texts[mask] = t;
  }
  return t;
}

/** The columns of a beneficiary row written by name (the condition flags are added by FLAG_COLUMNS). */
type BeneficiaryColumn =
  | 'person_id' | 'bene_id' | 'year' | 'mbi' | 'hicn' | 'first_name' | 'middle_initial' | 'last_name' | 'mailing_street'
  | 'mailing_city' | 'mailing_state' | 'mailing_zip' | 'bene_birth_dt' | 'bene_death_dt' | 'bene_sex_ident_cd' | 'bene_race_cd'
  | 'sp_state_code' | 'bene_county_cd' | 'bene_esrd_ind' | 'entlmt_rsn_curr' | 'bene_hi_cvrage_tot_mons' | 'bene_smi_cvrage_tot_mons'
  | 'bene_hmo_cvrage_tot_mons' | 'plan_cvrg_mos_num' | 'mdcr_entlmt_buyin_ind' | 'hmo_ind' | 'ptd_ind' | 'dual_stus_cd' | 'truth_enrolment_basis';

function popcount12(x: number): number {
  let c = 0;
  for (let m = 0; m < 12; m++) c += (x >> m) & 1;
  return c;
}

export function beneficiaryChunk(
  seed: number | string,
  people: PeopleBatch,
  ent: Entitlement,
  enrolled: Enrolled,
  conditionFlags: Uint16Array,
  firstYear: number,
  years: number,
): TableChunk {
  const key = streamKey(seed, 'beneficiary-record');
  const first = firstNameModelOf().dictionary;
  const out: Record<string, Cell[]> = Object.fromEntries(BENEFICIARY_SCHEMA.columns.map((c) => [c.name, []]));
  const col = out as Record<BeneficiaryColumn, Cell[]>;
  const flagColumns = CONDITIONS.map((_, c) => out[FLAG_COLUMNS[c]]);
  const b = enrolled.batch;
  for (let k = 0; k < b.n; k++) {
    const i = enrolled.rows[k];
    const p = b.personIndex[k];
    const basis = ent.basis[i];
    const stale = people.prevZcta[i] >= 0 && chance(key, p, 3, STALE_MAILING_ADDRESS);
    const z = stale ? people.prevZcta[i] : people.zcta[i];
    const street = stale ? streetText(people.prevStreetCode[i], people.prevStreetNumber[i], people.prevUnit[i]) : streetText(people.streetCode[i], people.streetNumber[i], people.unit[i]);
    const bic = basis === BASIS_ESRD ? 'T' : basis === BASIS_BUY_IN ? 'M' : ent.spousal[i] ? 'B' : 'A';
    const hicn = hicnOf(ent.spousal[i] ? people.spouseSsn[i] : people.ssnRecorded[i], bic);
    const state = geography.zctas.state[people.zcta[i]];
    // The person's own columns, built once for all their years (the same values in every year's row).
    const firstName = first[people.firstName[i]].toUpperCase();
    const middle = people.middleInitial[i] ? String.fromCharCode(64 + people.middleInitial[i]) : null;
    const lastName = surnameText(people.surname[i]).toUpperCase();
    const mailingStreet = street.toUpperCase();
    const mailingCity = cityText(z).toUpperCase();
    const mailingState = stateAbbr(geography.zctas.state[z]);
    const mailingZip = zipText(z);
    const birth = cmsDate(people.birthDay[i]);
    const death = people.deathDay[i] === NO_DAY ? null : cmsDate(people.deathDay[i]);
    const race = raceCode(key, p, people.race[i]);
    const ssa = geography.states[state].ssa;
    const countyCode = countyText(people.county[i]).slice(2);
    const esrd = people.esrd[i] ? 'Y' : '0';
    const reason = basis === BASIS_DISABLED ? 1 : basis === BASIS_ESRD ? 2 : 0;
    const dualCode = b.dual[k] === 2 ? '02' : b.dual[k] === 1 ? '03' : 'NA';
    const dualCovered = b.dual[k] > 0;
    for (let y = 0; y < years; y++) {
      const j = k * years + y;
      const a = b.partA[j];
      const bb = b.partB[j];
      if ((a | bb) === 0) continue;
      let buyin = '';
      for (let m = 0; m < 12; m++) {
        const code = (((a >> m) & 1) | (((bb >> m) & 1) << 1));
        buyin += code === 0 ? '0' : dualCovered ? 'ABC'[code - 1] : String(code);
      }
      col.person_id.push(p);
      col.bene_id.push(b.beneId[k]);
      col.year.push(firstYear + y);
      col.mbi.push(enrolled.mbi[k]);
      col.hicn.push(hicn);
      col.first_name.push(firstName);
      col.middle_initial.push(middle);
      col.last_name.push(lastName);
      col.mailing_street.push(mailingStreet);
      col.mailing_city.push(mailingCity);
      col.mailing_state.push(mailingState);
      col.mailing_zip.push(mailingZip);
      col.bene_birth_dt.push(birth);
      col.bene_death_dt.push(death);
      col.bene_sex_ident_cd.push(people.sex[i]);
      col.bene_race_cd.push(race);
      col.sp_state_code.push(ssa);
      col.bene_county_cd.push(countyCode);
      col.bene_esrd_ind.push(esrd);
      col.entlmt_rsn_curr.push(reason);
      col.bene_hi_cvrage_tot_mons.push(popcount12(a));
      col.bene_smi_cvrage_tot_mons.push(popcount12(bb));
      col.bene_hmo_cvrage_tot_mons.push(popcount12(b.medicareAdvantage[j]));
      col.plan_cvrg_mos_num.push(popcount12(b.partD[j]));
      col.mdcr_entlmt_buyin_ind.push(buyin);
      col.hmo_ind.push(monthFlags(b.medicareAdvantage[j], 'C'));
      col.ptd_ind.push(monthFlags(b.partD[j], '1'));
      col.dual_stus_cd.push(dualCode);
      col.truth_enrolment_basis.push(ENROLMENT_BASES[basis]);
      const flags = conditionFlags[j];
      for (let c = 0; c < flagColumns.length; c++) flagColumns[c].push((flags >> c) & 1 ? 1 : 2);
    }
  }
  return chunkOf(BENEFICIARY_SCHEMA, out.bene_id.length, out);
}

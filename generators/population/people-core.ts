// The core of each person: household, place, age, sex, surname, race, immigration status and own SSN.
// Everything is a pure function of (seed, person index), computed for a range at a time.
import { geography } from '../calibration/tables.ts';
import { aliasPick, aliasTable } from '../../src/random/alias.ts';
import { below, chance, normal, uniform } from '../../src/random/prng.ts';
import { yearOf } from '../../src/dates.ts';
import { AGES } from './frame.ts';
import type { PopulationContext } from './context.ts';
import { householdsOf } from './households.ts';
import { surnameModelOf } from './names.ts';
import {
  ADULT_SHARES_HEAD_STATUS,
  CHILD_US_BORN,
  CITIZEN_BY_BIRTH,
  FOREIGN_STATUS_BY_RACE,
  IMMIGRANT_HOUSEHOLD_BY_RACE,
  LPR,
  NATURALIZED,
  NO_SSN_HAS_ITIN,
  OTHER_LAWFUL,
  OTHER_LAWFUL_HAS_SSN,
  UNDOCUMENTED,
} from './rates.ts';

const FOREIGN_ALIAS = FOREIGN_STATUS_BY_RACE.map((w) => aliasTable(w));

export interface PeopleCore {
  readonly start: number;
  readonly n: number;
  readonly head: Float64Array;
  readonly position: Uint8Array;
  readonly size: Uint8Array;
  readonly zcta: Int32Array;
  readonly state: Uint8Array;
  readonly sex: Uint8Array; // 1 male, 2 female
  readonly age: Uint8Array; // at the reference date
  readonly birthDay: Int32Array;
  readonly surname: Int32Array;
  readonly race: Uint8Array;
  readonly immigration: Uint8Array;
  /** Year of entry (other lawful, undocumented) or of LPR admission (LPR, naturalized); 0 for US-born. */
  readonly admissionYear: Int16Array;
  /** Own SSN as a 9-digit integer, 0 when the person has none. */
  readonly ssn: Int32Array;
  readonly itin: Int32Array;
}

export function peopleCore(ctx: PopulationContext, start: number, end: number): PeopleCore {
  const { frame, key } = ctx;
  const n = end - start;
  const hh = householdsOf(ctx.seed, frame.segments, start, end);
  const zcta = new Int32Array(n);
  const state = new Uint8Array(n);
  const sex = new Uint8Array(n);
  const age = new Uint8Array(n);
  const birthDay = new Int32Array(n);
  const surname = new Int32Array(n);
  const race = new Uint8Array(n);
  const immigration = new Uint8Array(n);
  const admissionYear = new Int16Array(n);
  const ssn = new Int32Array(n);
  const itin = new Int32Array(n);
  const names = surnameModelOf();
  const zState = geography.zctas.state;

  for (let i = 0; i < n; i++) {
    const p = start + i;
    const h = hh.head[i];
    // Place: the segment's ZCTA, or one drawn for the household.
    const z = hh.segmentZcta[i] >= 0 ? hh.segmentZcta[i] : frame.zctas[aliasPick(frame.zctaAlias, uniform(key.zcta, h, 0), uniform(key.zcta, h, 1))];
    zcta[i] = z;
    const s = zState[z];
    state[i] = s;
    const sf = frame.stateFrameOf[s];

    // Age and sex: an exact quota position (complete mode) or a weighted draw (sample mode).
    let cls: number;
    if (sf.quotaPerm) cls = upperBound(sf.quotaCum, sf.quotaPerm.apply(p - sf.start)) - 1;
    else cls = aliasPick(sf.ageSexAlias, uniform(key['age-sex'], p, 0), uniform(key['age-sex'], p, 1));
    const a = cls % AGES;
    sex[i] = cls < AGES ? 1 : 2;
    age[i] = a;
    birthDay[i] = frame.birthLo[a] + below(key['birth-day'], p, 0, frame.birthSpan[a]);

    // Surname and race: the household shares the head's surname (mostly) and race group.
    const headName = aliasPick(names.alias, uniform(key.surname, h, 0), uniform(key.surname, h, 1));
    surname[i] =
      h === p || chance(key.surname, p, 2, 0.85)
        ? headName
        : aliasPick(names.alias, uniform(key.surname, p, 0), uniform(key.surname, p, 1));
    const raceTable = headName < names.raceAlias.length ? names.raceAlias[headName] : names.nationalRace;
    const r = aliasPick(raceTable, uniform(key.race, h, 0), uniform(key.race, h, 1));
    race[i] = r;

    const status = immigrationStatus(ctx, p, h, hh.position[i], r, a);
    immigration[i] = status;
    if (status !== CITIZEN_BY_BIRTH) admissionYear[i] = admission(ctx, p, status, yearOf(birthDay[i]), a);

    const hasSsn = status <= LPR || (status === OTHER_LAWFUL && chance(key['ssn-kind'], p, 0, OTHER_LAWFUL_HAS_SSN));
    if (hasSsn) ssn[i] = ctx.ssn.ssnOf(p);
    else if (chance(key['ssn-kind'], p, 1, NO_SSN_HAS_ITIN)) itin[i] = ctx.ssn.itinOf(p);
  }
  return { start, n, head: hh.head, position: hh.position, size: hh.size, zcta, state, sex, age, birthDay, surname, race, immigration, admissionYear, ssn, itin };
}

function immigrationStatus(ctx: PopulationContext, p: number, h: number, position: number, race: number, age: number): number {
  const k = ctx.key;
  if (!chance(k['immigrant-household'], h, 0, IMMIGRANT_HOUSEHOLD_BY_RACE[race])) return CITIZEN_BY_BIRTH;
  const headStatus = 1 + aliasPick(FOREIGN_ALIAS[race], uniform(k.immigration, h, 0), uniform(k.immigration, h, 1));
  let status: number;
  if (position === 0) status = headStatus;
  else if (age < 18) status = chance(k.immigration, p, 2, CHILD_US_BORN) ? CITIZEN_BY_BIRTH : headStatus;
  else if (chance(k.immigration, p, 3, ADULT_SHARES_HEAD_STATUS)) status = headStatus;
  else status = 1 + aliasPick(FOREIGN_ALIAS[race], uniform(k.immigration, p, 4), uniform(k.immigration, p, 5));
  // Few older immigrants are undocumented: most have adjusted status and naturalised over decades.
  if (status === UNDOCUMENTED && age >= 55 && chance(k.immigration, p, 6, 0.6)) status = NATURALIZED;
  return status;
}

/** Year of LPR admission (LPR, naturalised) or of entry (others); naturalised people were admitted 5+ years ago. */
function admission(ctx: PopulationContext, p: number, status: number, birthYear: number, age: number): number {
  const k = ctx.key.arrival;
  const refYear = ctx.frame.refYear;
  const arrivalAge = age < 18 ? below(k, p, 0, age + 1) : Math.min(age, Math.max(0, Math.round(27 + 11 * normal(k, p, 1))));
  let year = Math.min(refYear, birthYear + arrivalAge);
  if (status === LPR || status === NATURALIZED) year = Math.min(refYear, year + below(k, p, 3, 7));
  if (status === NATURALIZED) year = Math.max(birthYear, Math.min(year, refYear - 5 - below(k, p, 4, 3)));
  return year;
}

/** First index whose value is > x in a sorted array. */
function upperBound(a: Float64Array, x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (a[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

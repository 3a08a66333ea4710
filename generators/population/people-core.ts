// The core of each person: household, place, age, sex, surname, race, immigration status and own SSN.
// Everything is a pure function of (seed, person index), computed for a range at a time.
import { geography } from '../calibration/tables.ts';
import { aliasPick, aliasTable } from '../../src/random/alias.ts';
import { below, chance, indexHash, normal, uniform, uniformAt } from '../../src/random/prng.ts';
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
  const { zcta: kZcta, surname: kSurname, race: kRace, 'age-sex': kAgeSex, 'birth-day': kBirthDay, 'ssn-kind': kSsnKind } = key;
  const kImmigrantHousehold = key['immigrant-household'];
  const kImmigration = key.immigration;

  // What a household shares (place, the head's surname, race group, whether it is an immigrant household and
  // the head's status) is drawn from the head's index alone: drawn once per household, not once per member.
  let lastHead = -1;
  let z = 0;
  let headName = 0;
  let r = 0;
  let headStatus = CITIZEN_BY_BIRTH; // CITIZEN_BY_BIRTH when the household is not an immigrant household
  for (let i = 0; i < n; i++) {
    const p = start + i;
    const h = hh.head[i];
    if (h !== lastHead) {
      lastHead = h;
      // Place: the segment's ZCTA, or one drawn for the household.
      if (hh.segmentZcta[i] >= 0) z = hh.segmentZcta[i];
      else {
        const bz = indexHash(kZcta, h);
        z = frame.zctas[aliasPick(frame.zctaAlias, uniformAt(kZcta, bz, 0), uniformAt(kZcta, bz, 1))];
      }
      // Surname and race: the household shares the head's surname (mostly) and race group.
      const bs = indexHash(kSurname, h);
      headName = aliasPick(names.alias, uniformAt(kSurname, bs, 0), uniformAt(kSurname, bs, 1));
      const raceTable = headName < names.raceAlias.length ? names.raceAlias[headName] : names.nationalRace;
      const br = indexHash(kRace, h);
      r = aliasPick(raceTable, uniformAt(kRace, br, 0), uniformAt(kRace, br, 1));
      if (!chance(kImmigrantHousehold, h, 0, IMMIGRANT_HOUSEHOLD_BY_RACE[r])) headStatus = CITIZEN_BY_BIRTH;
      else {
        const bi = indexHash(kImmigration, h);
        headStatus = 1 + aliasPick(FOREIGN_ALIAS[r], uniformAt(kImmigration, bi, 0), uniformAt(kImmigration, bi, 1));
      }
    }
    zcta[i] = z;
    const s = zState[z];
    state[i] = s;
    const sf = frame.stateFrameOf[s];

    // Age and sex: an exact quota position (complete mode) or a weighted draw (sample mode).
    let cls: number;
    if (sf.quotaPerm) cls = upperBound(sf.quotaCum, sf.quotaPerm.apply(p - sf.start)) - 1;
    else {
      const ba = indexHash(kAgeSex, p);
      cls = aliasPick(sf.ageSexAlias, uniformAt(kAgeSex, ba, 0), uniformAt(kAgeSex, ba, 1));
    }
    const a = cls % AGES;
    sex[i] = cls < AGES ? 1 : 2;
    age[i] = a;
    birthDay[i] = frame.birthLo[a] + below(kBirthDay, p, 0, frame.birthSpan[a]);

    // Members after the head keep the head's surname (mostly): draws 0, 1 and 2 of the member's own index.
    if (h === p) surname[i] = headName;
    else {
      const bp = indexHash(kSurname, p);
      surname[i] = uniformAt(kSurname, bp, 2) < 0.85 ? headName : aliasPick(names.alias, uniformAt(kSurname, bp, 0), uniformAt(kSurname, bp, 1));
    }
    race[i] = r;

    const status = headStatus === CITIZEN_BY_BIRTH ? CITIZEN_BY_BIRTH : memberStatus(kImmigration, p, hh.position[i], r, a, headStatus);
    immigration[i] = status;
    if (status !== CITIZEN_BY_BIRTH) admissionYear[i] = admission(ctx, p, status, yearOf(birthDay[i]), a);

    if (status <= LPR) ssn[i] = ctx.ssn.ssnOf(p);
    else {
      const bk = indexHash(kSsnKind, p);
      if (status === OTHER_LAWFUL && uniformAt(kSsnKind, bk, 0) < OTHER_LAWFUL_HAS_SSN) ssn[i] = ctx.ssn.ssnOf(p);
      else if (uniformAt(kSsnKind, bk, 1) < NO_SSN_HAS_ITIN) itin[i] = ctx.ssn.itinOf(p);
    }
  }
  return { start, n, head: hh.head, position: hh.position, size: hh.size, zcta, state, sex, age, birthDay, surname, race, immigration, admissionYear, ssn, itin };
}

/** A member's status in an immigrant household whose head has headStatus (draws 2..6 of the member's index). */
function memberStatus(k: number, p: number, position: number, race: number, age: number, headStatus: number): number {
  let status: number;
  if (position === 0) status = headStatus;
  else if (age < 18) status = chance(k, p, 2, CHILD_US_BORN) ? CITIZEN_BY_BIRTH : headStatus;
  else if (chance(k, p, 3, ADULT_SHARES_HEAD_STATUS)) status = headStatus;
  else status = 1 + aliasPick(FOREIGN_ALIAS[race], uniform(k, p, 4), uniform(k, p, 5));
  // Few older immigrants are undocumented: most have adjusted status and naturalised over decades.
  if (status === UNDOCUMENTED && age >= 55 && chance(k, p, 6, 0.6)) status = NATURALIZED;
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

// Medicare entitlement, month by month, from the rules in REFERENCE 3: age 65 with 40 quarters (own or a
// spouse's) for premium-free Part A; buy-in for citizens and for permanent residents after 5 years;
// SSDI after 24 months of benefits; ESRD. Undocumented people are never entitled, except through an
// SSN error (someone else's SSN on their records), which is recorded in the truth column.
import { chance, streamKey } from '../../src/random/prng.ts';
import { dayOf, ymdOf } from '../../src/dates.ts';
import type { PeopleBatch } from '../population/people.ts';
import * as P from '../population/rates.ts';
import * as R from './rates.ts';
import { NO_DAY } from './types.ts';

export const ENROLMENT_BASES = ['none', 'aged', 'aged_buy_in', 'disabled', 'esrd', 'ssn_error'] as const;
export const BASIS_NONE = 0;
export const BASIS_AGED = 1;
export const BASIS_BUY_IN = 2;
export const BASIS_DISABLED = 3;
export const BASIS_ESRD = 4;
export const BASIS_SSN_ERROR = 5;

export interface Entitlement {
  /** Per person: the basis of the first covered month (BASIS_*), 0 when never covered. */
  readonly basis: Uint8Array;
  /** True when the wage earner's record is the spouse's (HICN suffix B). */
  readonly spousal: Uint8Array;
  readonly dual: Uint8Array; // 0 none, 1 partial, 2 full
  /** Monthly masks per person-year [i * years + y]. */
  readonly partA: Uint16Array;
  readonly partB: Uint16Array;
  readonly medicareAdvantage: Uint16Array;
  readonly partD: Uint16Array;
}

/** First day of the month containing `day`. */
function monthStart(day: number): number {
  const d = ymdOf(day);
  return dayOf(d.year, d.month, 1);
}

function addMonths(day: number, months: number): number {
  const d = ymdOf(day);
  return dayOf(d.year, d.month + months, 1);
}

export function entitlementOf(seed: number | string, people: PeopleBatch, firstYear: number, years: number): Entitlement {
  const n = people.n;
  const key = streamKey(seed, 'medicare-enrolment');
  const out = {
    basis: new Uint8Array(n),
    spousal: new Uint8Array(n),
    dual: new Uint8Array(n),
    partA: new Uint16Array(n * years),
    partB: new Uint16Array(n * years),
    medicareAdvantage: new Uint16Array(n * years),
    partD: new Uint16Array(n * years),
  };
  const months: number[] = [];
  for (let y = 0; y < years; y++) for (let m = 1; m <= 12; m++) months.push(dayOf(firstYear + y, m, 1));
  const lastDay = dayOf(firstYear + years, 1, 1) - 1;

  for (let i = 0; i < n; i++) {
    const p = people.start + i;
    const status = people.immigration[i];
    const own = people.workQuarters[i];
    const spouseQ = people.spouseQuarters[i];
    const insured = own >= 40 || spouseQ >= 40;
    const lawful = status !== P.UNDOCUMENTED && !(status === P.OTHER_LAWFUL && people.ssn[i] === 0);
    const citizen = status === P.CITIZEN_BY_BIRTH || status === P.NATURALIZED;
    const born = ymdOf(people.birthDay[i]);
    const age65 = monthStart(dayOf(born.year + 65, born.month, born.day));
    if (age65 > lastDay && people.disabled[i] === 0 && people.esrd[i] === 0) continue; // too young, no other route

    // Which routes are open, and from which month.
    let agedFrom = NO_DAY;
    let agedBasis = BASIS_NONE;
    if (lawful && (insured || citizen || status === P.LPR)) {
      const buyIn = !insured;
      const fiveYears = status !== P.LPR || people.admissionYear[i] <= ymdOf(age65).year - 5 || insured;
      const takesUp = buyIn ? chance(key, p, 0, R.BUY_IN_TAKE_UP) : chance(key, p, 1, R.TAKE_UP_PART_A);
      if (takesUp) {
        agedBasis = buyIn ? BASIS_BUY_IN : BASIS_AGED;
        agedFrom = fiveYears ? age65 : Math.max(age65, dayOf(people.admissionYear[i] + 5, 1, 1));
      }
    } else if (!lawful && (people.ssnError[i] === P.SSN_FAMILY || people.ssnError[i] === P.SSN_BORROWED) && chance(key, p, 2, R.SSN_ERROR_ENROLMENT)) {
      agedBasis = BASIS_SSN_ERROR;
      agedFrom = age65;
    }
    let disabledFrom = NO_DAY;
    if (lawful && people.disabled[i] === 1) {
      // SSDI insured status: 20 quarters, fewer for people disabled young (simplified from SSA's rules).
      const onsetAge = ymdOf(people.disabilityOnset[i]).year - born.year;
      if (own >= Math.min(20, Math.max(6, 2 * (onsetAge - 21)))) disabledFrom = addMonths(people.disabilityOnset[i], R.DISABILITY_WAIT_MONTHS);
    }
    const esrdFrom = lawful && people.esrd[i] === 1 && (own >= 6 || spouseQ >= 6) ? addMonths(people.esrdOnset[i], R.ESRD_WAIT_MONTHS) : NO_DAY;

    const takesB = chance(key, p, 3, R.TAKE_UP_PART_B);
    const death = people.deathDay[i];
    let basis = BASIS_NONE;
    for (let k = 0; k < months.length; k++) {
      const d = months[k];
      if (death !== NO_DAY && death < d) break;
      let b = BASIS_NONE;
      if (agedFrom !== NO_DAY && d >= agedFrom) b = agedBasis;
      else if (disabledFrom !== NO_DAY && d >= disabledFrom && d < age65) b = BASIS_DISABLED;
      else if (esrdFrom !== NO_DAY && d >= esrdFrom) b = BASIS_ESRD;
      if (b === BASIS_NONE) continue;
      if (basis === BASIS_NONE) basis = b;
      const y = Math.floor(k / 12);
      const bit = 1 << k % 12;
      out.partA[i * years + y] |= bit;
      if (takesB || b === BASIS_BUY_IN) out.partB[i * years + y] |= bit;
    }
    out.basis[i] = basis;
    if (basis === BASIS_NONE) continue;
    out.spousal[i] = own < 40 && spouseQ >= 40 && basis === BASIS_AGED ? 1 : 0;

    const under65 = basis === BASIS_DISABLED || basis === BASIS_ESRD;
    if (chance(key, p, 4, under65 ? R.DUAL_UNDER_65 : R.DUAL_AGED)) out.dual[i] = chance(key, p, 5, R.DUAL_FULL) ? 2 : 1;
    for (let y = 0; y < years; y++) {
      const j = i * years + y;
      const ab = out.partA[j] & out.partB[j];
      // Medicare Advantage needs both A and B; a member stays in it for the whole year once enrolled.
      if (ab && chance(key, p, 10 + 3 * y, under65 ? R.MA_SHARE_UNDER_65 : R.MA_SHARE_AGED)) out.medicareAdvantage[j] = ab;
      const pD = out.dual[i] ? R.PART_D_DUAL : out.medicareAdvantage[j] ? R.PART_D_MA : R.PART_D_FFS;
      if (chance(key, p, 11 + 3 * y, pD)) out.partD[j] = out.partA[j] | out.partB[j];
    }
  }
  return out;
}

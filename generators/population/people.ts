// A full batch of people as coded columns: the core plus names, address, moves, SSN use, work,
// disability, ESRD, death and spouses. Strings are made only when the table is written (people-table.ts).
import { aliasPick } from '../../src/random/alias.ts';
import { below, chance, indexHash, uniform, uniformAt, uniformOpen } from '../../src/random/prng.ts';
import { yearOf } from '../../src/dates.ts';
import { NO_DAY } from '../medicare/types.ts';
import { drawAddress } from './address.ts';
import type { PopulationContext } from './context.ts';
import { cohortOf, firstNameModelOf } from './names.ts';
import { peopleCore, type PeopleCore } from './people-core.ts';
import * as R from './rates.ts';
import { AGES } from './frame.ts';

export interface PeopleBatch extends PeopleCore {
  readonly firstName: Int32Array;
  readonly middleInitial: Uint8Array; // 0 none, 1..26 = A..Z
  readonly streetCode: Int32Array;
  readonly streetNumber: Int32Array;
  readonly unit: Int32Array;
  readonly county: Int32Array;
  readonly moveDay: Int32Array; // NO_DAY for non-movers
  readonly prevZcta: Int32Array; // -1 for non-movers
  readonly prevStreetCode: Int32Array;
  readonly prevStreetNumber: Int32Array;
  readonly prevUnit: Int32Array;
  readonly ssnRecorded: Int32Array; // the SSN administrative records carry, 0 none
  readonly ssnError: Uint8Array;
  readonly ssnSource: Float64Array; // person whose SSN is used (family/borrowed), -1 otherwise
  readonly workQuarters: Uint8Array;
  readonly disabled: Uint8Array;
  readonly disabilityOnset: Int32Array;
  readonly esrd: Uint8Array;
  readonly esrdOnset: Int32Array;
  readonly deathDay: Int32Array;
  readonly spouse: Float64Array; // -1 when none
  /** The spouse's work quarters and own SSN (0 without a spouse): spousal Medicare entitlement uses them. */
  readonly spouseQuarters: Uint8Array;
  readonly spouseSsn: Int32Array;
}

/** People [start, end). Households cut by the range are computed whole so spouses and family are at hand. */
export function peopleBatch(ctx: PopulationContext, start: number, end: number): PeopleBatch {
  // Extend the range to whole households: the first person's head, the last person's household end.
  const first = peopleCore(ctx, start, start + 1);
  const from = first.head[0];
  const last = peopleCore(ctx, end - 1, end);
  const to = last.head[0] + last.size[0];
  const full = peopleCore(ctx, from, to);
  const off = start - from;
  const n = end - start;
  const core = sliceCore(full, off, n);
  const { key, frame } = ctx;
  const firstNames = firstNameModelOf();

  const cols = {
    firstName: new Int32Array(n),
    middleInitial: new Uint8Array(n),
    streetCode: new Int32Array(n),
    streetNumber: new Int32Array(n),
    unit: new Int32Array(n),
    county: new Int32Array(n),
    moveDay: new Int32Array(n).fill(NO_DAY),
    prevZcta: new Int32Array(n).fill(-1),
    prevStreetCode: new Int32Array(n),
    prevStreetNumber: new Int32Array(n),
    prevUnit: new Int32Array(n),
    ssnRecorded: new Int32Array(n),
    ssnError: new Uint8Array(n),
    ssnSource: new Float64Array(n).fill(-1),
    workQuarters: new Uint8Array(n),
    disabled: new Uint8Array(n),
    disabilityOnset: new Int32Array(n).fill(NO_DAY),
    esrd: new Uint8Array(n),
    esrdOnset: new Int32Array(n).fill(NO_DAY),
    deathDay: new Int32Array(n).fill(NO_DAY),
    spouse: new Float64Array(n).fill(-1),
    spouseQuarters: new Uint8Array(n),
    spouseSsn: new Int32Array(n),
  };

  const kFirst = key['first-name'];
  const kMiddle = key['middle-initial'];
  const kMove = key.move;
  for (let i = 0; i < n; i++) {
    const p = start + i;
    const h = core.head[i];
    const a = core.age[i];
    const birthYear = yearOf(core.birthDay[i]);

    const cohort = cohortOf(firstNames, birthYear) * 2 + core.sex[i] - 1;
    const bf = indexHash(kFirst, p);
    const pick = aliasPick(firstNames.alias[cohort], uniformAt(kFirst, bf, 0), uniformAt(kFirst, bf, 1));
    cols.firstName[i] = firstNames.codes[cohort][pick];
    const bm = indexHash(kMiddle, p);
    cols.middleInitial[i] = uniformAt(kMiddle, bm, 0) < 0.88 ? 1 + Math.floor(uniformAt(kMiddle, bm, 1) * 26) : 0;

    // The household shares one address; movers moved together in the year before the reference date.
    // Both are drawn from the head's index: the next member of a household copies the row above.
    if (i > 0 && core.head[i - 1] === h) copyAddress(cols, i - 1, i);
    else {
      drawAddress(key.address, h, 0, core.zcta[i], i, cols.streetCode, cols.streetNumber, cols.unit, cols.county);
      const bv = indexHash(kMove, h);
      if (uniformAt(kMove, bv, 0) < R.ANNUAL_MOVE_RATE) {
        const sf = frame.stateFrameOf[core.state[i]];
        const within = frame.states.length === 1 || uniformAt(kMove, bv, 1) < R.MOVE_WITHIN_STATE;
        const u2 = uniformAt(kMove, bv, 2);
        const u3 = uniformAt(kMove, bv, 3);
        const prev = within ? sf.zctas[aliasPick(sf.zctaAlias, u2, u3)] : frame.zctas[aliasPick(frame.zctaAlias, u2, u3)];
        drawAddress(kMove, h, 4, prev, i, cols.prevStreetCode, cols.prevStreetNumber, cols.prevUnit, null);
        cols.moveDay[i] = frame.refDay - Math.floor(uniformAt(kMove, bv, 10) * 365);
        cols.prevZcta[i] = prev;
      }
    }

    cols.workQuarters[i] = workQuarters(ctx, p, a, core.sex[i], core.immigration[i], core.admissionYear[i], birthYear, core.ssn[i] !== 0);
    disabilityAndEsrd(ctx, p, a, cols, i);
    cols.deathDay[i] = deathDay(ctx, p, a, cols.disabled[i] === 1, cols.esrd[i] === 1);

    // Spouses: the first two adults of a household, for some households.
    const pos = core.position[i];
    if (core.size[i] >= 2 && pos <= 1 && chance(key.spouse, h, 0, R.SPOUSE_PAIR)) {
      const other = pos === 0 ? p + 1 : p - 1;
      const o = other - from;
      if (a >= 18 && full.age[o] >= 18) {
        cols.spouse[i] = other;
        cols.spouseSsn[i] = full.ssn[o];
        cols.spouseQuarters[i] = workQuarters(ctx, other, full.age[o], full.sex[o], full.immigration[o], full.admissionYear[o], yearOf(full.birthDay[o]), full.ssn[o] !== 0);
      }
    }

    recordedSsn(ctx, full, p - from, cols, i);
  }
  return { ...core, ...cols };
}

/** Row `to` gets the address, and the move, of row `from` (the same household). */
function copyAddress(
  c: { streetCode: Int32Array; streetNumber: Int32Array; unit: Int32Array; county: Int32Array; moveDay: Int32Array; prevZcta: Int32Array; prevStreetCode: Int32Array; prevStreetNumber: Int32Array; prevUnit: Int32Array },
  from: number,
  to: number,
): void {
  c.streetCode[to] = c.streetCode[from];
  c.streetNumber[to] = c.streetNumber[from];
  c.unit[to] = c.unit[from];
  c.county[to] = c.county[from];
  c.moveDay[to] = c.moveDay[from];
  c.prevZcta[to] = c.prevZcta[from];
  c.prevStreetCode[to] = c.prevStreetCode[from];
  c.prevStreetNumber[to] = c.prevStreetNumber[from];
  c.prevUnit[to] = c.prevUnit[from];
}

function sliceCore(c: PeopleCore, off: number, n: number): PeopleCore {
  const out: Record<string, unknown> = { start: c.start + off, n };
  for (const [k, v] of Object.entries(c)) {
    if (ArrayBuffer.isView(v)) out[k] = (v as unknown as Int32Array).subarray(off, off + n);
  }
  return out as unknown as PeopleCore;
}

function workQuarters(ctx: PopulationContext, p: number, age: number, sex: number, status: number, admissionYear: number, birthYear: number, hasSsn: boolean): number {
  if (age < 16 || !hasSsn) return 0; // work without an SSN of one's own is credited to nobody (or to a borrowed SSN)
  const k = ctx.key.work;
  const startYear = Math.max(birthYear + 18, status === R.CITIZEN_BY_BIRTH ? 0 : admissionYear);
  const years = Math.min(45, Math.max(0, ctx.frame.refYear - startYear));
  // Older women's cohorts worked outside the home less often (Medicare spousal benefits exist for that reason).
  const steady = R.STEADY_WORKER - (sex === 2 && birthYear < 1950 ? 0.12 : 0);
  const b = indexHash(k, p);
  const participation = uniformAt(k, b, 0) < steady ? 0.75 + 0.25 * uniformAt(k, b, 1) : 0.35 * uniformAt(k, b, 1);
  return Math.min(160, Math.floor(years * 4 * participation));
}

function disabilityAndEsrd(ctx: PopulationContext, p: number, age: number, cols: { disabled: Uint8Array; disabilityOnset: Int32Array; esrd: Uint8Array; esrdOnset: Int32Array }, i: number): void {
  const { key, frame } = ctx;
  if (age >= 18 && age < 65) {
    const pDis = DISABILITY_BY_AGE[age];
    const b = indexHash(key.disability, p);
    if (uniformAt(key.disability, b, 0) < pDis) {
      cols.disabled[i] = 1;
      cols.disabilityOnset[i] = frame.refDay - Math.floor(uniformAt(key.disability, b, 1) * Math.min(3650, (age - 17) * 365));
    }
  }
  if (age >= 20 && chance(key.esrd, p, 0, age < 65 ? R.ESRD_UNDER_65 : R.ESRD_65_PLUS)) {
    cols.esrd[i] = 1;
    cols.esrdOnset[i] = frame.refDay - below(key.esrd, p, 1, 2000);
  }
}

/** SSDI-level disability probability by age (18-64; 0 elsewhere, unused). */
const DISABILITY_BY_AGE = Float64Array.from({ length: AGES }, (_, age) => (age >= 18 && age < 65 ? R.DISABILITY_BASE + R.DISABILITY_SLOPE * Math.pow((age - 18) / 47, 2.2) : 0));

/** The daily death hazard by (age, disabled, ESRD) at index age * 4 + disabled * 2 + esrd: a Gompertz annual probability, capped. */
const DEATH_HAZARD_PER_DAY = Float64Array.from({ length: AGES * 4 }, (_, j) => {
  const age = j >> 2;
  const disabled = (j & 2) !== 0;
  const esrd = (j & 1) !== 0;
  const q = Math.min(0.6, Math.exp(R.MORTALITY_A + R.MORTALITY_B * age) * (disabled ? R.MORTALITY_DISABLED_FACTOR : 1) * (esrd ? 4 : 1));
  return -Math.log(1 - Math.min(q, 0.95)) / 365.25;
});

/** Death after the reference date and within the claims horizon, by a Gompertz hazard. */
function deathDay(ctx: PopulationContext, p: number, age: number, disabled: boolean, esrd: boolean): number {
  const perDay = DEATH_HAZARD_PER_DAY[age * 4 + (disabled ? 2 : 0) + (esrd ? 1 : 0)];
  const t = -Math.log(uniformOpen(ctx.key.death, p, 0)) / perDay;
  return t < ctx.horizonDays ? ctx.frame.refDay + 1 + Math.floor(t) : NO_DAY;
}

/** The SSN on administrative records, with the documented error rates (REFERENCE 2). */
function recordedSsn(ctx: PopulationContext, full: PeopleCore, j: number, cols: { ssnRecorded: Int32Array; ssnError: Uint8Array; ssnSource: Float64Array }, i: number): void {
  const k = ctx.key['ssn-error'];
  const p = full.start + j;
  const own = full.ssn[j];
  if (own !== 0) {
    if (chance(k, p, 0, R.SSN_MISTYPED)) {
      cols.ssnRecorded[i] = ctx.ssn.mistype(own, uniform(k, p, 1), uniform(k, p, 2), uniform(k, p, 3));
      cols.ssnError[i] = R.SSN_MISTYPE;
    } else cols.ssnRecorded[i] = own;
    return;
  }
  if (full.immigration[j] !== R.UNDOCUMENTED || full.age[j] < 16) return;
  const u = uniform(k, p, 4);
  if (u < R.UNDOC_FAMILY_SSN) {
    // A family member's SSN: the first member of the household who has one.
    const h = full.head[j];
    for (let m = h - full.start; m < h - full.start + full.size[j]; m++) {
      if (full.ssn[m] !== 0) {
        cols.ssnRecorded[i] = full.ssn[m];
        cols.ssnError[i] = R.SSN_FAMILY;
        cols.ssnSource[i] = full.start + m;
        return;
      }
    }
  }
  if (u < R.UNDOC_FAMILY_SSN + R.UNDOC_BORROWED_SSN) {
    // Someone else's SSN, bought or borrowed: a person anywhere in the world who has one.
    const lender = below(k, p, 5, ctx.frame.totalPeople);
    const lenderSsn = lender === p ? 0 : peopleCore(ctx, lender, lender + 1).ssn[0];
    if (lenderSsn !== 0) {
      cols.ssnRecorded[i] = lenderSsn;
      cols.ssnError[i] = R.SSN_BORROWED;
      cols.ssnSource[i] = lender;
      return;
    }
  }
  if (u < R.UNDOC_FAMILY_SSN + R.UNDOC_BORROWED_SSN + R.UNDOC_FABRICATED_SSN) {
    cols.ssnRecorded[i] = ctx.ssn.fabricated(p);
    cols.ssnError[i] = R.SSN_FABRICATED;
  }
}

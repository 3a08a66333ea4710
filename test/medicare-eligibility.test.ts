import { describe, expect, test } from 'vitest';
import { dayOf, ymdOf } from '../src/dates.ts';
import { peopleBatch } from '../generators/population/people.ts';
import * as P from '../generators/population/rates.ts';
import { BASIS_DISABLED, BASIS_ESRD, BASIS_SSN_ERROR, entitlementOf } from '../generators/medicare/eligibility.ts';
import { NO_DAY } from '../generators/medicare/types.ts';
import { sampleContext } from './helpers/world.ts';

const N = 120_000;
const YEARS = 2;
const ctx = sampleContext(N, 5, { years: YEARS });
const people = peopleBatch(ctx, 0, N);
const FIRST = ctx.frame.refYear;
const ent = entitlementOf(5, people, FIRST, YEARS);

/** An independent statement of the rules of REFERENCE 3 for one person and month. */
function eligibleIn(i: number, monthStart: number): boolean {
  const born = ymdOf(people.birthDay[i]);
  const m = ymdOf(monthStart);
  const months = (m.year - born.year) * 12 + (m.month - born.month);
  const aged = months >= 65 * 12;
  const status = people.immigration[i];
  const insured = people.workQuarters[i] >= 40 || people.spouseQuarters[i] >= 40;
  const lprFiveYears = status === P.LPR && people.admissionYear[i] <= m.year - 5;
  const lawfulAged =
    status === P.CITIZEN_BY_BIRTH || status === P.NATURALIZED || (status === P.LPR && (insured || lprFiveYears)) || (status === P.OTHER_LAWFUL && people.ssn[i] !== 0 && insured);
  if (aged && lawfulAged) return true;
  const lawful = status !== P.UNDOCUMENTED && !(status === P.OTHER_LAWFUL && people.ssn[i] === 0);
  const afterMonths = (onset: number, k: number) => {
    const o = ymdOf(onset);
    return (m.year - o.year) * 12 + (m.month - o.month) >= k;
  };
  if (lawful && !aged && people.disabled[i] && afterMonths(people.disabilityOnset[i], 29)) return true;
  if (lawful && people.esrd[i] && afterMonths(people.esrdOnset[i], 3)) return true;
  return false;
}

describe('Medicare entitlement (REFERENCE 3)', () => {
  test('every covered month is an eligible month, or the person carries a recorded SSN error', () => {
    let checked = 0;
    const bad: number[] = [];
    for (let i = 0; i < N; i++) {
      if (!ent.basis[i]) continue;
      if (ent.basis[i] === BASIS_SSN_ERROR) {
        expect([P.SSN_FAMILY, P.SSN_BORROWED]).toContain(people.ssnError[i]);
        continue;
      }
      for (let y = 0; y < YEARS; y++) {
        const mask = ent.partA[i * YEARS + y] | ent.partB[i * YEARS + y];
        for (let m = 0; m < 12; m++) {
          if (!((mask >> m) & 1)) continue;
          checked++;
          const start = dayOf(FIRST + y, m + 1, 1);
          const alive = people.deathDay[i] === NO_DAY || people.deathDay[i] >= start;
          if (!eligibleIn(i, start) || !alive) bad.push(i);
        }
      }
    }
    expect(bad).toEqual([]);
    expect(checked).toBeGreaterThan(100_000);
  });

  test('undocumented people are never enrolled except through an SSN error', () => {
    for (let i = 0; i < N; i++) {
      if (people.immigration[i] === P.UNDOCUMENTED && ent.basis[i]) expect(ent.basis[i]).toBe(BASIS_SSN_ERROR);
    }
  });

  test('Medicare Advantage only with Parts A and B; Part D only in covered months', () => {
    let bad = 0;
    for (let j = 0; j < N * YEARS; j++) {
      if (ent.medicareAdvantage[j] & ~(ent.partA[j] & ent.partB[j])) bad++;
      if (ent.partD[j] & ~(ent.partA[j] | ent.partB[j])) bad++;
    }
    expect(bad).toBe(0);
  });

  test('enrolment shares are near the published figures', () => {
    let benes = 0;
    let under65 = 0;
    let ma = 0;
    let dual = 0;
    for (let i = 0; i < N; i++) {
      const j = i * YEARS; // first claim year
      if (!(ent.partA[j] | ent.partB[j])) continue;
      benes++;
      if (ent.basis[i] === BASIS_DISABLED || ent.basis[i] === BASIS_ESRD) under65++;
      if (ent.medicareAdvantage[j]) ma++;
      if (ent.dual[i]) dual++;
    }
    // 2019: 61.2M beneficiaries of 328M people (18.7%); REFERENCE: 11.9% under 65, 45.9% in MA, ~19% dual.
    expect(Math.abs(benes / N - 0.187)).toBeLessThan(0.015);
    expect(Math.abs(under65 / benes - 0.119)).toBeLessThan(0.025);
    expect(Math.abs(ma / benes - 0.459)).toBeLessThan(0.03);
    expect(Math.abs(dual / benes - 0.17)).toBeLessThan(0.04);
  });

  test('about 4% of beneficiaries die each year (annualised over the claims period)', () => {
    let benes = 0;
    let deaths = 0;
    for (let i = 0; i < N; i++) {
      if (!ent.basis[i]) continue;
      benes++;
      if (people.deathDay[i] !== NO_DAY) deaths++;
    }
    const years = ctx.horizonDays / 365.25;
    expect(Math.abs(deaths / benes / years - 0.04)).toBeLessThan(0.012);
  });
});

describe('Medicare identifiers', () => {
  test('MBIs are 11 characters in the CMS pattern with S in position 2, unique; bene_ids are 16 hex characters, unique', async () => {
    const { beneficiaryIds, hicnOf } = await import('../generators/medicare/ids.ts');
    const ids = beneficiaryIds(5, 1_000_000);
    const mbis = new Set<string>();
    const benes = new Set<string>();
    for (let p = 0; p < 20_000; p++) {
      const m = ids.mbi(p);
      expect(m).toMatch(/^[1-9]S[0-9AC-HJKMNP-RT-Y][0-9][AC-HJKMNP-RT-Y][0-9AC-HJKMNP-RT-Y][0-9][AC-HJKMNP-RT-Y]{2}[0-9]{2}$/);
      mbis.add(m);
      const b = ids.beneId(p);
      expect(b).toMatch(/^[0-9A-F]{16}$/);
      benes.add(b);
    }
    expect(mbis.size).toBe(20_000);
    expect(benes.size).toBe(20_000);
    expect(hicnOf(912345678, 'A')).toBe('912345678A');
    expect(hicnOf(12345, 'B')).toBe('000012345B');
  });
});

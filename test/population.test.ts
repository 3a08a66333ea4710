import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { geography, ageSex } from '../generators/calibration/tables.ts';
import { peopleBatch } from '../generators/population/people.ts';
import { peopleCore } from '../generators/population/people-core.ts';
import { isIssuable, isItinGroup, ISSUABLE_SPACE, SYNTHETIC_SPACE } from '../generators/population/ssn.ts';
import * as R from '../generators/population/rates.ts';
import { AGES } from '../generators/population/frame.ts';
import { completeContext, sampleContext, share } from './helpers/world.ts';

const N = 100_000;
const ctx = sampleContext(N, 11);
const people = peopleBatch(ctx, 0, N);

describe('population distributions (100k people, est2019)', () => {
  test('65+ share is near the 2019 estimate (16.5%) and the female share near 50.8%', () => {
    expect(share(N, (i) => people.age[i] >= 65)).toBeCloseTo(0.165, 1);
    expect(Math.abs(share(N, (i) => people.age[i] >= 65) - 0.165)).toBeLessThan(0.01);
    expect(Math.abs(share(N, (i) => people.sex[i] === 2) - 0.508)).toBeLessThan(0.01);
  });

  test('immigration shares match REFERENCE 1 (foreign-born 13.9%, undocumented ~3.3%)', () => {
    const s = (code: number) => share(N, (i) => people.immigration[i] === code);
    const foreign = 1 - s(R.CITIZEN_BY_BIRTH);
    expect(Math.abs(foreign - 0.139)).toBeLessThan(0.012);
    expect(Math.abs(s(R.NATURALIZED) - 0.072)).toBeLessThan(0.01);
    expect(Math.abs(s(R.LPR) - 0.039)).toBeLessThan(0.01);
    expect(Math.abs(s(R.UNDOCUMENTED) - 0.033)).toBeLessThan(0.008);
    expect(s(R.OTHER_LAWFUL)).toBeGreaterThan(0.003);
  });

  test('mixed-status households exist: undocumented parents with US-born children', () => {
    let mixed = 0;
    for (let i = 0; i < N; i++) {
      if (people.immigration[i] !== R.CITIZEN_BY_BIRTH || people.age[i] >= 18 || people.position[i] === 0) continue;
      const headRow = people.head[i] - people.start;
      if (headRow >= 0 && people.immigration[headRow] === R.UNDOCUMENTED) mixed++;
    }
    expect(mixed).toBeGreaterThan(200);
  });

  test('about 8.5% moved in the past year, with a previous address and a move date before the reference date', () => {
    expect(Math.abs(share(N, (i) => people.prevZcta[i] >= 0) - R.ANNUAL_MOVE_RATE)).toBeLessThan(0.01);
    for (let i = 0; i < N; i++) {
      if (people.prevZcta[i] < 0) continue;
      expect(people.moveDay[i]).toBeLessThanOrEqual(ctx.frame.refDay);
      expect(people.moveDay[i]).toBeGreaterThan(ctx.frame.refDay - 366);
    }
  });

  test('household members share the address and mostly the surname', () => {
    let same = 0;
    let members = 0;
    let moved = 0;
    for (let i = 1; i < N; i++) {
      if (people.head[i] !== people.head[i - 1]) continue;
      members++;
      if (people.zcta[i] !== people.zcta[i - 1] || people.streetCode[i] !== people.streetCode[i - 1] || people.streetNumber[i] !== people.streetNumber[i - 1]) moved++;
      if (people.surname[i] === people.surname[i - 1]) same++;
    }
    expect(moved).toBe(0);
    expect(same / members).toBeGreaterThan(0.7);
  });

  test('ZIP draws follow ZCTA populations (the 20 largest ZCTAs hold their share)', () => {
    const pops = geography.zctas.pop;
    const total = pops.reduce((a, b) => a + b, 0);
    const order = pops.map((p, i) => i).sort((a, b) => pops[b] - pops[a]).slice(0, 20);
    const expected = order.reduce((s, z) => s + pops[z], 0) / total;
    const big = new Set(order);
    const observed = share(N, (i) => big.has(people.zcta[i]));
    expect(Math.abs(observed - expected) / expected).toBeLessThan(0.12);
  });

  test('birth dates agree with ages on the reference date', () => {
    const refDay = ctx.frame.refDay;
    for (let i = 0; i < N; i += 7) {
      const a = people.age[i];
      expect(people.birthDay[i]).toBeGreaterThanOrEqual(ctx.frame.birthLo[a]);
      expect(people.birthDay[i]).toBeLessThanOrEqual(refDay);
    }
  });
});

describe('SSNs (REFERENCE 2)', () => {
  test('no synthetic SSN is issuable; none is an ITIN; own SSNs are unique', () => {
    const seen = new Set<number>();
    for (let i = 0; i < N; i++) {
      for (const v of [people.ssn[i], people.ssnRecorded[i]]) {
        if (v === 0) continue;
        expect(isIssuable(v)).toBe(false);
        expect(Math.floor(v / 1_000_000)).toBeGreaterThanOrEqual(900);
        expect(isItinGroup(Math.floor(v / 10_000) % 100)).toBe(false);
      }
      if (people.itin[i]) expect(isItinGroup(Math.floor(people.itin[i] / 10_000) % 100)).toBe(true);
      if (people.ssn[i]) {
        expect(seen.has(people.ssn[i])).toBe(false);
        seen.add(people.ssn[i]);
      }
    }
  });

  test('the issuable space has 888,931,098 numbers, the synthetic one 54,994,500', () => {
    expect(ISSUABLE_SPACE.size).toBe(888_931_098);
    expect(SYNTHETIC_SPACE.size).toBe(100 * 55 * 9999);
  });

  test('realistic issuance gives issuable SSNs only when asked', () => {
    const real = sampleContext(2000, 3, { ssn: 'realistic' });
    const b = peopleCore(real, 0, 2000);
    for (let i = 0; i < 2000; i++) if (b.ssn[i]) expect(isIssuable(b.ssn[i])).toBe(true);
  });

  test('undocumented people have no SSN of their own; some use one that belongs to someone else', () => {
    let borrowed = 0;
    for (let i = 0; i < N; i++) {
      if (people.immigration[i] === R.UNDOCUMENTED) expect(people.ssn[i]).toBe(0);
      if (people.ssnError[i] === R.SSN_BORROWED || people.ssnError[i] === R.SSN_FAMILY) {
        borrowed++;
        const src = people.ssnSource[i];
        const lender = peopleCore(ctx, src, src + 1);
        expect(lender.ssn[0]).toBe(people.ssnRecorded[i]);
      }
      if (people.ssnError[i] === R.SSN_MISTYPE) expect(people.ssnRecorded[i]).not.toBe(people.ssn[i]);
    }
    expect(borrowed).toBeGreaterThan(100);
  });

  test('documented error rates: about 0.4% mistyped among SSN holders', () => {
    const holders = share(N, (i) => people.ssn[i] !== 0) * N;
    const mistyped = share(N, (i) => people.ssnError[i] === R.SSN_MISTYPE) * N;
    expect(Math.abs(mistyped / holders - R.SSN_MISTYPED)).toBeLessThan(0.0015);
  });
});

describe('determinism and shards', () => {
  test('same seed, same people; another seed, another world', () => {
    const again = peopleBatch(sampleContext(N, 11), 0, 1000);
    expect(Array.from(again.ssn)).toEqual(Array.from(people.ssn.subarray(0, 1000)));
    expect(Array.from(again.firstName)).toEqual(Array.from(people.firstName.subarray(0, 1000)));
    const other = peopleBatch(sampleContext(N, 12), 0, 1000);
    expect(Array.from(other.birthDay)).not.toEqual(Array.from(people.birthDay.subarray(0, 1000)));
  });

  test('any split of a range gives exactly the rows of the whole (fast-check)', () => {
    const whole = peopleBatch(ctx, 0, 3000);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2999 }), (cut) => {
        const a = peopleBatch(ctx, 0, cut);
        const b = peopleBatch(ctx, cut, 3000);
        for (const col of ['head', 'zcta', 'birthDay', 'surname', 'firstName', 'ssnRecorded', 'spouseSsn', 'deathDay', 'prevZcta'] as const) {
          const joined = [...Array.from(a[col]), ...Array.from(b[col])];
          expect(joined).toEqual(Array.from(whole[col]));
        }
      }),
      { numRuns: 25 },
    );
  });
});

describe('complete states (census2010, scale 1)', () => {
  const de = completeContext(['DE'], 1);
  const s = geography.states.findIndex((x) => x.abbr === 'DE');
  test('every Delaware ZCTA gets exactly its 2010 census population', () => {
    let expected = 0;
    for (let z = 0; z < geography.zctas.zcta.length; z++) if (geography.zctas.state[z] === s) expected += geography.zctas.pop[z];
    expect(de.frame.totalPeople).toBe(expected);
    const core = peopleCore(de, 0, de.frame.totalPeople);
    const counts = new Map<number, number>();
    for (let i = 0; i < core.n; i++) counts.set(core.zcta[i], (counts.get(core.zcta[i]) ?? 0) + 1);
    for (const [z, c] of counts) expect(c).toBe(geography.zctas.pop[z]);
  });

  test("the sex x single-year-of-age distribution is the state's, to rounding", () => {
    const core = peopleCore(de, 0, de.frame.totalPeople);
    const table = ageSex.census2010;
    const census = [...table.male[s], ...table.female[s]];
    const censusTotal = census.reduce((a, b) => a + b, 0);
    const got = new Array(2 * AGES).fill(0);
    for (let i = 0; i < core.n; i++) got[(core.sex[i] - 1) * AGES + core.age[i]]++;
    got.forEach((c, k) => expect(Math.abs(c - (census[k] * core.n) / censusTotal)).toBeLessThanOrEqual(1));
  });
});

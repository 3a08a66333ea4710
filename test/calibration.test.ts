// Checks the committed calibration tables (generators/calibration/data), not the raw data,
// plus, when the raw folder is present, that re-deriving reproduces them byte for byte.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import {
  ageSex,
  firstNameCohortForYear,
  firstNames,
  geography,
  stateIndexByAbbr,
  stateIndexByFips,
  surnames,
} from '../generators/calibration/tables.ts';
import { deriveCalibration, largestRemainder } from '../scripts/derive-calibration.ts';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const RAW = resolve(REPO, '../shared/data');
const sum = (a: readonly number[]) => a.reduce((s, x) => s + x, 0);

describe('geography', () => {
  const z = geography.zctas;

  test('51 states (50 + DC, no PR) sorted by FIPS, with SSA codes', () => {
    expect(geography.states).toHaveLength(51);
    const fips = geography.states.map((s) => s.fips);
    expect([...fips].sort()).toEqual(fips);
    expect(fips).not.toContain('72');
    expect(geography.states.find((s) => s.abbr === 'DC')?.ssa).toBe('09');
    expect(geography.states.find((s) => s.abbr === 'RI')?.ssa).toBe('41');
    expect(geography.states.find((s) => s.abbr === 'VA')?.ssa).toBe('49');
    expect(geography.states.at(-1)).toEqual({ fips: '56', abbr: 'WY', name: 'Wyoming', ssa: '53' });
  });

  test('ZCTA columns aligned, sorted by state then code, indices in range', () => {
    const n = z.zcta.length;
    expect(n).toBe(32845);
    for (const col of [z.state, z.pop, z.housingUnits, z.city]) expect(col).toHaveLength(n);
    expect(z.countyStart).toHaveLength(n + 1);
    for (let i = 0; i < n; i++) {
      expect(z.zcta[i]).toMatch(/^\d{5}$/);
      if (i > 0) expect(z.state[i] > z.state[i - 1] || (z.state[i] === z.state[i - 1] && z.zcta[i] > z.zcta[i - 1])).toBe(true);
      expect(z.pop[i]).toBeGreaterThan(0);
      expect(z.city[i]).toBeLessThan(geography.cities.length);
    }
    expect(new Set(z.state).size).toBe(51);
  });

  test('county parts: countyStart monotone, ends at parts length, parts sum to ZCTA pop', () => {
    const { geoid, pop } = geography.countyParts;
    expect(geoid).toHaveLength(pop.length);
    expect(z.countyStart[0]).toBe(0);
    expect(z.countyStart.at(-1)).toBe(geoid.length);
    for (let i = 0; i < z.zcta.length; i++) {
      const [a, b] = [z.countyStart[i], z.countyStart[i + 1]];
      expect(b).toBeGreaterThan(a);
      expect(sum(pop.slice(a, b))).toBe(z.pop[i]);
    }
    expect(geography.counties).toBeUndefined();
  });

  test('population: 308,739,931 in ZCTAs (census 308,745,538 minus 5,607 in blocks with no ZCTA)', () => {
    // The 2010 census counted 308,745,538 in the 50 states + DC; 5,607 of them (mostly CA, NM,
    // TX, AK) live in census blocks assigned to no 2010 ZCTA. State sums by ZCTA main state
    // also differ from the census by state because some ZCTAs cross state lines.
    expect(sum(z.pop)).toBe(308_739_931);
    expect(sum(geography.countyParts.pop)).toBe(308_739_931);
  });

  test('cities: sorted, distinct, Title Case', () => {
    const c = geography.cities;
    expect(new Set(c).size).toBe(c.length);
    for (let i = 1; i < c.length; i++) expect(c[i - 1] < c[i]).toBe(true);
    expect(c[z.city[z.zcta.indexOf('07102')]]).toBe('Newark');
    expect(c.filter((x) => !/[a-z]/.test(x))).toEqual(['JBPHH']);
  });

  test('state lookups', () => {
    expect(stateIndexByAbbr('al')).toBe(0);
    expect(stateIndexByAbbr('WY')).toBe(50);
    expect(stateIndexByAbbr('PR')).toBe(-1);
    expect(stateIndexByFips('6')).toBe(stateIndexByAbbr('CA'));
  });
});

describe('ageSex', () => {
  test('shape: 51 states x 101 ages, integers', () => {
    expect(ageSex.ages).toBe(101);
    expect(ageSex.states).toEqual(geography.states.map((s) => s.abbr));
    for (const snap of [ageSex.census2010, ageSex.est2019])
      for (const side of [snap.male, snap.female]) {
        expect(side).toHaveLength(51);
        for (const row of side) {
          expect(row).toHaveLength(101);
          for (const x of row) expect(Number.isInteger(x) && x >= 0).toBe(true);
        }
      }
  });

  test('national totals: census 2010 = 308,745,538; 2019 civilian = 327,052,602', () => {
    const total = (s: typeof ageSex.census2010) => sum([...s.male, ...s.female].flat());
    expect(total(ageSex.census2010)).toBe(308_745_538);
    expect(total(ageSex.est2019)).toBe(327_052_602);
  });

  test('largest remainder sums exactly and breaks ties by lower index', () => {
    expect(largestRemainder(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(sum(largestRemainder(123_457, [9, 7, 5, 3, 1]))).toBe(123_457);
  });
});

describe('surnames', () => {
  test('aligned arrays; 2010 block first, per100k descending; race shares sum to ~100', () => {
    const k = surnames.race.count;
    expect(k).toBe(1022);
    expect(surnames.per100k).toHaveLength(surnames.name.length);
    expect(surnames.name[0]).toBe('SMITH');
    expect(new Set(surnames.name).size).toBe(surnames.name.length);
    for (let i = 1; i < k; i++) expect(surnames.per100k[i]).toBeLessThanOrEqual(surnames.per100k[i - 1]);
    const r = surnames.race;
    for (let i = 0; i < k; i++) {
      const s = r.white[i] + r.black[i] + r.api[i] + r.aian[i] + r.multi[i] + r.hispanic[i];
      expect(Math.abs(s - 100)).toBeLessThanOrEqual(0.11);
    }
    for (const x of surnames.per100k.slice(k)) expect(x).toBeGreaterThan(0); // 1990 tail: 0.001% steps, or the shared 0.000% mass
  });
});

describe('firstNames', () => {
  test('cohorts cover years 0..9999 contiguously; names Title Case, weights positive', () => {
    const c = firstNames.cohorts;
    expect(c[0].fromYear).toBe(0);
    expect(c.at(-1)!.toYear).toBe(9999);
    for (let i = 1; i < c.length; i++) expect(c[i].fromYear).toBe(c[i - 1].toYear + 1);
    for (const cohort of c)
      for (const side of [cohort.male, cohort.female]) {
        expect(side.weight).toHaveLength(side.name.length);
        expect(side.name.length).toBeGreaterThan(1000);
        expect(side.name.length).toBeLessThanOrEqual(cohort.label === 'census1990' ? 5000 : 2500);
        for (const n of side.name) expect(n).toMatch(/^[A-Z][a-z]*$/);
        for (const w of side.weight) expect(w).toBeGreaterThan(0);
      }
    expect(firstNameCohortForYear(1935)?.label).toBe('ssa1940');
    expect(firstNameCohortForYear(1990)?.label).toBe('census1990');
  });
});

test.skipIf(!existsSync(RAW))('re-deriving from the raw data reproduces the committed files', () => {
  const out = mkdtempSync(join(tmpdir(), 'reident-calibration-'));
  try {
    const written = deriveCalibration({ dataDir: RAW, outDir: out });
    expect(written).toHaveLength(4);
    for (const path of written) {
      const name = path.slice(out.length + 1);
      const committed = readFileSync(join(REPO, 'generators/calibration/data', name));
      expect(readFileSync(path).equals(committed), name).toBe(true);
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

// Properties of the claims generator that must hold for any batch composition, seed and calendar.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { Window, yearCalendar } from '../generators/medicare/claims/calendar.ts';
import { CLAIM_SCHEMAS, generateClaims, type ClaimsResult, type ClaimTablesWanted } from '../generators/medicare/claims/index.ts';
import { sliceBatch, syntheticBatch } from '../generators/medicare/claims/synthetic-batch.ts';
import { isValidNpi, npiCheckDigit, providerPool } from '../generators/medicare/providers.ts';
import { NO_DAY } from '../generators/medicare/types.ts';
import { cellAt, plainColumn, type Cell } from '../src/table/schema.ts';

type Table = keyof ClaimTablesWanted;
const TABLES: Table[] = ['claims_carrier', 'claims_outpatient', 'claims_inpatient', 'claims_pde'];
const ALL: ClaimTablesWanted = { claims_carrier: true, claims_outpatient: true, claims_inpatient: true, claims_pde: true };

const col = (r: ClaimsResult, t: Table, name: string): ArrayLike<Cell> => plainColumn(r.chunks[t]!.columns[CLAIM_SCHEMAS[t].columns.findIndex((c) => c.name === name)]);

/** Each person's rows of each table, as arrays of row tuples. */
function rowsByPerson(r: ClaimsResult): Map<number, Cell[][][]> {
  const out = new Map<number, Cell[][][]>();
  TABLES.forEach((t, ti) => {
    const chunk = r.chunks[t]!;
    const person = col(r, t, 'person_id');
    for (let row = 0; row < chunk.rows; row++) {
      const p = person[row] as number;
      if (!out.has(p)) out.set(p, TABLES.map(() => []));
      out.get(p)![ti].push(chunk.columns.map((c) => cellAt(c, row)));
    }
  });
  return out;
}

describe('claims generator properties', () => {
  const years = 2;
  const ctx = { seed: 99, firstYear: 2020, years };
  const base = syntheticBatch(400, 99, 2020, years);
  const full = generateClaims(base, ctx, ALL);
  const fullRows = rowsByPerson(full);

  test('any subset of beneficiaries, in any order, gets exactly the rows and flags it gets in the full batch', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: base.n - 1 }), { minLength: 1, maxLength: 25 }), (rows) => {
        const sub = generateClaims(sliceBatch(base, years, rows), ctx, ALL);
        const subRows = rowsByPerson(sub);
        rows.forEach((i, j) => {
          const p = base.personIndex[i];
          expect(subRows.get(p) ?? TABLES.map(() => [])).toEqual(fullRows.get(p) ?? TABLES.map(() => []));
          expect(sub.latentConditions[j]).toBe(full.latentConditions[i]);
          expect(Array.from(sub.conditionFlags.subarray(j * years, (j + 1) * years))).toEqual(Array.from(full.conditionFlags.subarray(i * years, (i + 1) * years)));
        });
      }),
      { numRuns: 30 },
    );
  });

  test('for any seed and calendar, payments add up and every claim lies in an eligible month before death', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 }), fc.integer({ min: 2008, max: 2024 }), fc.integer({ min: 1, max: 3 }), (seed, firstYear, ys) => {
        const b = syntheticBatch(40, seed, firstYear, ys);
        const r = generateClaims(b, { seed, firstYear, years: ys }, ALL);
        const pos = new Map(Array.from(b.personIndex, (p, i) => [p, i]));
        const check = (t: Table, dateCol: string, mask: (k: number) => number) => {
          const person = col(r, t, 'person_id');
          const date = col(r, t, dateCol);
          for (let row = 0; row < person.length; row++) {
            const i = pos.get(person[row] as number)!;
            const s = String(date[row]);
            const y = Number(s.slice(0, 4)) - firstYear;
            const m = Number(s.slice(4, 6)) - 1;
            expect(y >= 0 && y < ys).toBe(true);
            expect((mask(i * ys + y) >> m) & 1).toBe(1);
            const day = Date.UTC(y + firstYear, m, Number(s.slice(6, 8))) / 86_400_000;
            expect(b.deathDay[i] === NO_DAY || day < b.deathDay[i]).toBe(true);
          }
        };
        const ma = b.medicareAdvantage;
        check('claims_carrier', 'clm_thru_dt', (k) => b.partB[k] & ~ma[k]);
        check('claims_outpatient', 'clm_thru_dt', (k) => (b.partA[k] | b.partB[k]) & ~ma[k]);
        check('claims_inpatient', 'clm_thru_dt', (k) => b.partA[k] & ~ma[k]);
        check('claims_pde', 'srvc_dt', (k) => b.partD[k]);
        const tot = col(r, 'claims_pde', 'tot_rx_cst_amt');
        const parts = ['ptnt_pay_amt', 'lics_amt', 'cvrd_d_plan_pd_amt', 'ncvrd_plan_pd_amt'].map((c) => col(r, 'claims_pde', c));
        for (let row = 0; row < tot.length; row++) expect(parts.reduce((s, c) => s + (c[row] as number), 0)).toBe(tot[row]);
        const ip = ['clm_pmt_amt', 'nch_prmry_pyr_clm_pd_amt', 'nch_bene_ip_ddctbl_amt', 'nch_bene_pta_coinsrnc_lblty_am', 'nch_bene_blood_ddctbl_lblty_am'].map((c) => col(r, 'claims_inpatient', c));
        const ipAllowed = col(r, 'claims_inpatient', 'clm_alowd_amt');
        for (let row = 0; row < ipAllowed.length; row++) expect(ip.reduce((s, c) => s + (c[row] as number), 0)).toBe(ipAllowed[row]);
      }),
      { numRuns: 12 },
    );
  });

  test('NPI check digits: every 9-digit base gives a valid NPI and any single-digit change breaks it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 100_000_000, max: 299_999_999 }), fc.integer({ min: 0, max: 9 }), fc.integer({ min: 1, max: 9 }), (n, pos, delta) => {
        const base9 = String(n);
        const npi = base9 + String(npiCheckDigit(base9));
        expect(isValidNpi(npi)).toBe(true);
        const d = (Number(npi[pos]) + delta) % 10;
        expect(isValidNpi(npi.slice(0, pos) + d + npi.slice(pos + 1))).toBe(false);
      }),
    );
  });

  test('provider pools are a pure function of (seed, zip3) with unique NPIs and 6-digit CCNs', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999 }), (zip3) => {
        const a = providerPool('pool-seed', zip3);
        const all = [...a.physicianNpi, ...a.hospitalNpi, ...a.labNpi, ...a.ambulanceNpi];
        expect(new Set(all).size).toBe(all.length);
        for (const npi of all) expect(isValidNpi(npi)).toBe(true);
        for (const ccn of a.hospitalCcn) expect(ccn).toMatch(/^\d{6}$/);
        expect(a.physicianNpi.length).toBeGreaterThanOrEqual(40);
        expect(a.bySpecialty.every((s) => s.length > 0)).toBe(true);
        const other = providerPool('pool-seed', (zip3 + 1) % 1000);
        expect(other.physicianNpi.some((n) => a.physicianNpi.includes(n))).toBe(false);
      }),
      { numRuns: 40 },
    );
  });

  test('eligibility windows: pick lands on eligible days and the day count is exact', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2000, max: 2030 }), fc.integer({ min: 0, max: 0xfff }), fc.integer({ min: 0, max: 400 }), fc.double({ min: 0, max: 0.999999, noNaN: true }), (year, mask, cut, u) => {
        const cal = yearCalendar(year);
        const w = new Window().set(cal, mask, cal.first + cut);
        let days = 0;
        for (let d = cal.first; d < cal.end; d++) if (w.has(d)) days++;
        expect(w.days).toBe(days);
        if (days > 0) expect(w.has(w.pick(u))).toBe(true);
      }),
    );
  });
});

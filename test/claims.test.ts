// The Medicare claims generator: determinism, batch independence, payment identities, eligibility,
// derived condition flags, claim mix and volume, NPIs and claim ids.
import { describe, expect, test } from 'vitest';
import { CLAIM_SCHEMAS, generateClaims, type ClaimsResult, type ClaimTablesWanted } from '../generators/medicare/claims/index.ts';
import { sliceBatch, syntheticBatch } from '../generators/medicare/claims/synthetic-batch.ts';
import { DX, DX_CONDITION } from '../generators/medicare/codes.ts';
import { isValidNpi, npiCheckDigit } from '../generators/medicare/providers.ts';
import { CONDITIONS, NO_DAY, type BeneficiaryBatch } from '../generators/medicare/types.ts';
import { cellAt, plainColumn, type Cell } from '../src/table/schema.ts';

type Table = keyof ClaimTablesWanted;
const TABLES: Table[] = ['claims_carrier', 'claims_outpatient', 'claims_inpatient', 'claims_pde'];
const ALL: ClaimTablesWanted = { claims_carrier: true, claims_outpatient: true, claims_inpatient: true, claims_pde: true };
const NONE: ClaimTablesWanted = { claims_carrier: false, claims_outpatient: false, claims_inpatient: false, claims_pde: false };
const FIRST_YEAR = 2019;
const YEARS = 2;
const CTX = { seed: 'claims-test', firstYear: FIRST_YEAR, years: YEARS };
const N = 3000;

const batch = syntheticBatch(N, 'claims-test', FIRST_YEAR, YEARS);
const result = generateClaims(batch, CTX, ALL);

function column(r: ClaimsResult, t: Table, name: string): ArrayLike<Cell> {
  const j = CLAIM_SCHEMAS[t].columns.findIndex((c) => c.name === name);
  if (j < 0) throw new Error(`no column ${name} in ${t}`);
  return plainColumn(r.chunks[t]!.columns[j]);
}
const numbered = (r: ClaimsResult, t: Table, prefix: string) =>
  CLAIM_SCHEMAS[t].columns.filter((c) => c.name.startsWith(prefix) && /\d+$/.test(c.name.slice(prefix.length))).map((c) => column(r, t, c.name));
const money = (v: Cell) => v as number;

/** Days since 1970 of a 'YYYYMMDD' string. */
function dayOf(s: Cell): number {
  const t = String(s);
  return Date.UTC(Number(t.slice(0, 4)), Number(t.slice(4, 6)) - 1, Number(t.slice(6, 8))) / 86_400_000;
}
/** (year index, month) of a 'YYYYMMDD' string. */
const yearMonth = (s: Cell) => [Number(String(s).slice(0, 4)) - FIRST_YEAR, Number(String(s).slice(4, 6)) - 1];

const batchPos = new Map<number, number>(Array.from(batch.personIndex, (p, i) => [p, i]));
const covered = (mask: Uint16Array, i: number, s: Cell) => {
  const [y, m] = yearMonth(s);
  return y >= 0 && y < YEARS && ((mask[i * YEARS + y] >> m) & 1) === 1;
};
const beforeDeath = (i: number, s: Cell) => batch.deathDay[i] === NO_DAY || dayOf(s) < batch.deathDay[i];

describe('claims generator', () => {
  test('the synthetic batch covers the cases the generator must handle', () => {
    let ma = 0, dead = 0, pdOnly = 0, under65 = 0, esrd = 0;
    for (let i = 0; i < N; i++) {
      if (batch.medicareAdvantage[i * YEARS]) ma++;
      if (batch.deathDay[i] !== NO_DAY) dead++;
      if (!batch.partA[i * YEARS] && !batch.partB[i * YEARS] && batch.partD[i * YEARS]) pdOnly++;
      if (batch.disabled[i]) under65++;
      if (batch.esrd[i]) esrd++;
    }
    for (const count of [ma, dead, pdOnly, under65, esrd]) expect(count).toBeGreaterThan(5);
  });

  test('is deterministic: the same input gives identical chunks, flags and counts', () => {
    const small = sliceBatch(batch, YEARS, Array.from({ length: 300 }, (_, j) => j * 7));
    const { release: _a, ...a } = generateClaims(small, CTX, ALL);
    const { release: releaseB, ...b } = generateClaims(small, CTX, ALL);
    expect(b).toEqual(a);
    // and after stores are released and reused by the next call
    const c = generateClaims(small, CTX, ALL);
    releaseB();
    const { release: _d, ...d } = generateClaims(small, CTX, ALL);
    expect(d).toEqual(a);
    expect(() => b.chunks.claims_pde!.columns).toThrow(/released/);
    c.release();
  });

  test('a beneficiary generated alone gets the rows, flags and latent conditions it gets in the batch', () => {
    for (const i of [0, 1, 17, 250, 1234, N - 1]) {
      const alone = generateClaims(sliceBatch(batch, YEARS, [i]), CTX, ALL);
      expect(alone.latentConditions[0]).toBe(result.latentConditions[i]);
      expect(Array.from(alone.conditionFlags)).toEqual(Array.from(result.conditionFlags.subarray(i * YEARS, (i + 1) * YEARS)));
      for (const t of TABLES) {
        const person = column(result, t, 'person_id');
        const rows: number[] = [];
        for (let r = 0; r < person.length; r++) if (person[r] === batch.personIndex[i]) rows.push(r);
        const mine = result.chunks[t]!.columns.map((c) => rows.map((r) => cellAt(c, r)));
        expect(alone.chunks[t]!.columns.map((c) => Array.from(plainColumn(c)))).toEqual(mine);
      }
    }
  });

  test('flags do not depend on which tables are wanted, nor do the tables on each other', () => {
    const small = sliceBatch(batch, YEARS, Array.from({ length: 200 }, (_, j) => j * 11));
    const full = generateClaims(small, CTX, ALL);
    const none = generateClaims(small, CTX, NONE);
    expect(none.chunks).toEqual({});
    expect(none.conditionFlags).toEqual(full.conditionFlags);
    const noPde = generateClaims(small, CTX, { ...ALL, claims_pde: false });
    expect(noPde.chunks.claims_carrier).toEqual(full.chunks.claims_carrier);
    expect(noPde.chunks.claims_pde).toBeUndefined();
  });

  test('carrier payments add up on every line and claim', () => {
    const t = 'claims_carrier';
    const [al, pm, dd, co] = ['line_alowd_chrg_amt_', 'line_nch_pmt_amt_', 'line_bene_ptb_ddctbl_amt_', 'line_coinsrnc_amt_'].map((p) => numbered(result, t, p));
    const [pmt, prv, ben, alw] = ['clm_pmt_amt', 'nch_clm_prvdr_pmt_amt', 'nch_clm_bene_pmt_amt', 'clm_alowd_amt'].map((c) => column(result, t, c));
    let bad = 0;
    for (let r = 0; r < pmt.length; r++) {
      let sp = 0;
      let sa = 0;
      for (let j = 0; j < al.length; j++) {
        if (al[j][r] === null) continue;
        if (money(pm[j][r]) + money(dd[j][r]) + money(co[j][r]) !== al[j][r] || money(pm[j][r]) < 0 || money(dd[j][r]) < 0 || money(co[j][r]) < 0) bad++;
        sp += money(pm[j][r]);
        sa += money(al[j][r]);
      }
      if (pmt[r] !== sp || money(prv[r]) + money(ben[r]) !== pmt[r] || alw[r] !== sa) bad++;
      for (const v of [pmt[r], prv[r], ben[r], alw[r]]) if (!Number.isInteger(v)) bad++;
    }
    expect(bad).toBe(0);
  });

  test('institutional and Part D payments add up on every row', () => {
    const sum = (t: Table, names: string[], r: number) => names.reduce((s, c) => s + money(column(result, t, c)[r]), 0);
    let bad = 0;
    const parts = {
      claims_outpatient: ['clm_pmt_amt', 'nch_prmry_pyr_clm_pd_amt', 'nch_bene_ptb_ddctbl_amt', 'nch_bene_ptb_coinsrnc_amt', 'nch_bene_blood_ddctbl_lblty_am'],
      claims_inpatient: ['clm_pmt_amt', 'nch_prmry_pyr_clm_pd_amt', 'nch_bene_ip_ddctbl_amt', 'nch_bene_pta_coinsrnc_lblty_am', 'nch_bene_blood_ddctbl_lblty_am'],
    } as const;
    for (const t of ['claims_outpatient', 'claims_inpatient'] as const) {
      const alw = column(result, t, 'clm_alowd_amt');
      for (let r = 0; r < alw.length; r++) {
        if (sum(t, [...parts[t]], r) !== alw[r]) bad++;
        for (const c of parts[t]) if (!(money(column(result, t, c)[r]) >= 0)) bad++;
      }
    }
    const tot = column(result, 'claims_pde', 'tot_rx_cst_amt');
    for (let r = 0; r < tot.length; r++) {
      if (sum('claims_pde', ['ptnt_pay_amt', 'lics_amt', 'cvrd_d_plan_pd_amt', 'ncvrd_plan_pd_amt'], r) !== tot[r]) bad++;
    }
    expect(bad).toBe(0);
  });

  test('the Part B deductible is met once a year at most and duals get most of their Part D share subsidised', () => {
    const t = 'claims_carrier';
    const dd = numbered(result, t, 'line_bene_ptb_ddctbl_amt_');
    const person = column(result, t, 'person_id');
    const from = column(result, t, 'clm_from_dt');
    const ded = new Map<string, number>();
    for (let r = 0; r < person.length; r++) {
      const k = `${person[r]}:${String(from[r]).slice(0, 4)}`;
      for (const c of dd) if (c[r] !== null) ded.set(k, (ded.get(k) ?? 0) + money(c[r]));
    }
    const deductible: Record<string, number> = { '2019': 18500, '2020': 19800 }; // Part B deductible, cents
    for (const [k, v] of ded) expect(v).toBeLessThanOrEqual(deductible[k.slice(-4)]);
    expect(Math.max(...ded.values())).toBe(19800);
    const pp = column(result, 'claims_pde', 'person_id');
    const [pt, li] = [column(result, 'claims_pde', 'ptnt_pay_amt'), column(result, 'claims_pde', 'lics_amt')];
    let dualPaid = 0, dualLics = 0;
    for (let r = 0; r < pp.length; r++) {
      if (!batch.dual[batchPos.get(pp[r] as number)!]) continue;
      dualPaid += money(pt[r]);
      dualLics += money(li[r]);
    }
    expect(dualLics).toBeGreaterThan(dualPaid);
  });

  test('claims fall only in covered months, FFS claims never in Medicare Advantage months, none after death or outside the years', () => {
    const ffs = (a: Uint16Array, b?: Uint16Array) => {
      const m = new Uint16Array(a.length);
      for (let k = 0; k < m.length; k++) m[k] = (a[k] | (b ? b[k] : 0)) & ~batch.medicareAdvantage[k];
      return m;
    };
    const masks: Record<Table, Uint16Array> = {
      claims_carrier: ffs(batch.partB),
      claims_outpatient: ffs(batch.partA, batch.partB),
      claims_inpatient: ffs(batch.partA),
      claims_pde: batch.partD,
    };
    let bad = 0;
    let rows = 0;
    for (const t of TABLES) {
      const person = column(result, t, 'person_id');
      const dates = t === 'claims_pde' ? [column(result, t, 'srvc_dt')] : [column(result, t, 'clm_from_dt'), column(result, t, 'clm_thru_dt')];
      for (let r = 0; r < person.length; r++, rows++) {
        const i = batchPos.get(person[r] as number)!;
        for (const d of dates) {
          if (!covered(masks[t], i, d[r]) || !beforeDeath(i, d[r])) bad++;
          // every day of a multi-day claim is covered too
        }
        if (dates.length === 2) {
          for (let day = dayOf(dates[0][r]); day <= dayOf(dates[1][r]); day++) {
            const s = new Date(day * 86_400_000).toISOString().slice(0, 10).replaceAll('-', '');
            if (!covered(masks[t], i, s)) bad++;
          }
        }
      }
    }
    expect(rows).toBeGreaterThan(100_000);
    expect(bad).toBe(0);
  });

  test('rows are ordered by beneficiary, then service date, then claim id; claim ids are unique', () => {
    const ids = new Set<string>();
    for (const t of TABLES) {
      const person = column(result, t, 'person_id');
      const date = column(result, t, t === 'claims_pde' ? 'srvc_dt' : 'clm_from_dt');
      const id = column(result, t, t === 'claims_pde' ? 'pde_id' : 'clm_id');
      let bad = 0;
      for (let r = 0; r < person.length; r++) {
        if (!/^\d+$/.test(String(id[r])) || ids.has(id[r] as string)) bad++;
        ids.add(id[r] as string);
        if (r === 0) continue;
        const pa = batchPos.get(person[r - 1] as number)!;
        const pb = batchPos.get(person[r] as number)!;
        if (pb < pa) bad++;
        else if (pb === pa) {
          if (String(date[r]) < String(date[r - 1])) bad++;
          else if (date[r] === date[r - 1] && BigInt(id[r] as string) <= BigInt(id[r - 1] as string)) bad++;
        }
      }
      expect(bad, t).toBe(0);
    }
  });

  test('condition flags equal an independent re-derivation from the claim rows', () => {
    const conditionOf = new Map(DX.map((c, k) => [c, DX_CONDITION[k]]));
    const maskOf = (cols: ArrayLike<Cell>[], r: number) => {
      let m = 0;
      for (const c of cols) {
        const code = c[r];
        if (code === null) continue;
        const b = conditionOf.get(code as string);
        if (b === undefined) throw new Error(`unknown diagnosis ${code}`);
        if (b >= 0) m |= 1 << b;
      }
      return m;
    };
    const flags = new Uint16Array(N * YEARS);
    const seen = new Map<string, Set<string>>(); // person-year-condition -> distinct dates
    for (const t of ['claims_inpatient', 'claims_outpatient', 'claims_carrier'] as const) {
      const dxCols = [...numbered(result, t, 'icd_dgns_cd_'), ...numbered(result, t, 'line_icd_dgns_cd_')];
      if (t !== 'claims_carrier') dxCols.push(column(result, t, 'admtng_icd_dgns_cd'));
      const person = column(result, t, 'person_id');
      const from = column(result, t, 'clm_from_dt');
      for (let r = 0; r < person.length; r++) {
        const iy = batchPos.get(person[r] as number)! * YEARS + yearMonth(from[r])[0];
        const m = maskOf(dxCols, r);
        for (let c = 0; c < CONDITIONS.length; c++) {
          if (!((m >> c) & 1)) continue;
          if (t === 'claims_inpatient') flags[iy] |= 1 << c;
          else {
            const k = `${iy}:${c}`;
            const dates = seen.get(k) ?? new Set<string>();
            dates.add(from[r] as string);
            seen.set(k, dates);
            if (dates.size >= 2) flags[iy] |= 1 << c;
          }
        }
      }
    }
    expect(Array.from(result.conditionFlags)).toEqual(Array.from(flags));
  });

  test('claim mix, volume and lines per claim are near the CMS figures', () => {
    const c = result.claimCounts;
    const total = c.claims_carrier + c.claims_outpatient + c.claims_inpatient + c.claims_pde;
    const share = (t: Table) => (100 * c[t]) / total;
    expect(Math.abs(share('claims_pde') - 61)).toBeLessThan(5);
    expect(Math.abs(share('claims_carrier') - 32)).toBeLessThan(5);
    expect(Math.abs(share('claims_outpatient') - 6.3)).toBeLessThan(2);
    expect(Math.abs(share('claims_inpatient') - 0.4)).toBeLessThan(0.2);
    const lines = (t: Table, prefix: string) => {
      const cols = numbered(result, t, prefix);
      let n = 0;
      for (const col of cols) for (let r = 0; r < col.length; r++) if (col[r] !== null) n++;
      return n / c[t];
    };
    expect(Math.abs(lines('claims_carrier', 'hcpcs_cd_') - 2.0)).toBeLessThan(0.3);
    expect(Math.abs(lines('claims_outpatient', 'rev_cntr_') - 7.2)).toBeLessThan(1.2);
    expect(Math.abs(lines('claims_inpatient', 'rev_cntr_') - 17)).toBeLessThan(2.5);
    // Volume per eligible year: inpatient stays and outpatient visits per FFS year, events per Part D year.
    let ffsA = 0, ffsO = 0, pd = 0;
    for (let i = 0; i < N; i++) {
      for (let y = 0; y < YEARS; y++) {
        const k = i * YEARS + y;
        const start = Date.UTC(FIRST_YEAR + y, 0, 1) / 86_400_000;
        const alive = batch.deathDay[i] === NO_DAY ? 1 : Math.max(0, Math.min(1, (batch.deathDay[i] - start) / 365));
        const months = (m: number) => (alive * m.toString(2).split('1').length - alive) / 12;
        ffsA += months(batch.partA[k] & ~batch.medicareAdvantage[k]);
        ffsO += months((batch.partA[k] | batch.partB[k]) & ~batch.medicareAdvantage[k]);
        pd += months(batch.partD[k]);
      }
    }
    expect(c.claims_inpatient / ffsA).toBeGreaterThan(0.22);
    expect(c.claims_inpatient / ffsA).toBeLessThan(0.36);
    expect(Math.abs(c.claims_outpatient / ffsO - 5.3)).toBeLessThan(0.8);
    expect(Math.abs(c.claims_pde / pd - 38)).toBeLessThan(5);
  });

  test('flagged prevalence among full-year FFS beneficiaries aged 65+ is near the CCW figures', () => {
    const target: Record<string, number> = {
      hypertension: 59, hyperlipidemia: 50, ra_oa: 35, ischemic_heart: 28, diabetes: 27.5, ckd: 26, depression: 19,
      heart_failure: 15, alzheimers: 12, copd: 12, cancer: 8, stroke_tia: 4, osteoporosis: 6,
    };
    const mid = Date.UTC(FIRST_YEAR, 6, 1) / 86_400_000;
    const count = new Float64Array(CONDITIONS.length);
    let n = 0;
    for (let i = 0; i < N; i++) {
      if ((mid - batch.birthDay[i]) / 365.25 < 65) continue;
      for (let y = 0; y < YEARS; y++) {
        const k = i * YEARS + y;
        const yearEnd = Date.UTC(FIRST_YEAR + y + 1, 0, 1) / 86_400_000;
        if (batch.partA[k] !== 0xfff || batch.partB[k] !== 0xfff || batch.medicareAdvantage[k] !== 0) continue;
        if (batch.deathDay[i] !== NO_DAY && batch.deathDay[i] < yearEnd) continue;
        n++;
        for (let c = 0; c < CONDITIONS.length; c++) if ((result.conditionFlags[k] >> c) & 1) count[c]++;
      }
    }
    expect(n).toBeGreaterThan(1500);
    CONDITIONS.forEach((name, c) => {
      const pct = (100 * count[c]) / n;
      expect(Math.abs(pct - target[name]), `${name}: ${pct.toFixed(1)}%`).toBeLessThan(target[name] >= 10 ? 4 : 2.5);
    });
    // Flags are derived from claims, so a flag needs the latent condition (no false positives by construction).
    for (let i = 0; i < N; i++) for (let y = 0; y < YEARS; y++) expect(result.conditionFlags[i * YEARS + y] & ~result.latentConditions[i]).toBe(0);
  });

  test('NPIs are 10 digits with a valid Luhn check (80840 prefix); CCNs are 6 characters', () => {
    expect(isValidNpi('1234567893')).toBe(true); // the example of the NPI standard
    expect(npiCheckDigit('123456789')).toBe(3);
    expect(isValidNpi('1234567890')).toBe(false);
    const npiCols: [Table, string][] = [
      ...numbered(result, 'claims_carrier', 'prf_physn_npi_').map((_, j) => ['claims_carrier', `prf_physn_npi_${j + 1}`] as [Table, string]),
      ['claims_outpatient', 'at_physn_npi'], ['claims_outpatient', 'op_physn_npi'], ['claims_outpatient', 'org_npi_num'],
      ['claims_inpatient', 'at_physn_npi'], ['claims_inpatient', 'ot_physn_npi'], ['claims_pde', 'prscrbr_npi'],
    ];
    const npis = new Set<string>();
    for (const [t, name] of npiCols) {
      const col = column(result, t, name);
      for (let r = 0; r < col.length; r++) if (col[r] !== null) npis.add(col[r] as string);
    }
    expect(npis.size).toBeGreaterThan(500);
    for (const npi of npis) expect(isValidNpi(npi), npi).toBe(true);
    for (const t of ['claims_outpatient', 'claims_inpatient'] as const) {
      const ccn = column(result, t, 'prvdr_num');
      for (let r = 0; r < ccn.length; r++) expect(ccn[r]).toMatch(/^\d{6}$/);
    }
  });

  test('most visits go to the usual primary-care physician, and the top services are office visits', () => {
    const t = 'claims_carrier';
    const person = column(result, t, 'person_id');
    const hc = column(result, t, 'hcpcs_cd_1');
    const npi = column(result, t, 'prf_physn_npi_1');
    const byPerson = new Map<Cell, Map<Cell, number>>();
    const codes = new Map<Cell, number>();
    for (const col of numbered(result, t, 'hcpcs_cd_')) for (let r = 0; r < col.length; r++) if (col[r] !== null) codes.set(col[r], (codes.get(col[r]) ?? 0) + 1);
    for (let r = 0; r < person.length; r++) {
      if (hc[r] !== '99213' && hc[r] !== '99214') continue;
      const m = byPerson.get(person[r]) ?? new Map<Cell, number>();
      m.set(npi[r], (m.get(npi[r]) ?? 0) + 1);
      byPerson.set(person[r], m);
    }
    let top = 0, all = 0;
    for (const m of byPerson.values()) {
      const counts = [...m.values()];
      top += Math.max(...counts);
      all += counts.reduce((a, b) => a + b, 0);
    }
    expect(top / all).toBeGreaterThan(0.5);
    const ranked = [...codes].sort((a, b) => b[1] - a[1]).map(([c]) => c);
    expect(new Set(ranked.slice(0, 2))).toEqual(new Set(['99213', '99214']));
    const drg = column(result, 'claims_inpatient', 'clm_drg_cd');
    const drgs = new Map<Cell, number>();
    for (let r = 0; r < drg.length; r++) drgs.set(drg[r], (drgs.get(drg[r]) ?? 0) + 1);
    expect([...drgs].sort((a, b) => b[1] - a[1]).slice(0, 2).map(([d]) => d)).toEqual(['871', '291']);
  });

  test('bad input gets a clear error', () => {
    expect(() => generateClaims(batch, { ...CTX, years: 0 }, ALL)).toThrow(/years/);
    const short = { ...batch, partA: batch.partA.subarray(0, 10) } as BeneficiaryBatch;
    expect(() => generateClaims(short, CTX, ALL)).toThrow(/partA/);
  });
});

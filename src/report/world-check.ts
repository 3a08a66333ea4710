// Measures a generated world from its public tables (as a user would read them) and sets each figure
// beside its calibration target: the distribution table of docs/WORLD.md and `reident check`.
import { ageSex } from '../../generators/calibration/tables.ts';
import type { WorldBatch } from '../../generators/world-types.ts';
import { plainColumn, type Cell, type TableChunk, type TableSchema } from '../table/schema.ts';
import { decimal, percent, points } from './numbers.ts';

export interface CheckRow {
  readonly measure: string;
  readonly value: number;
  readonly target: number;
  /** Allowed absolute difference for the row to count as on target. */
  readonly tolerance: number;
  readonly source: string;
  readonly unit: 'share' | 'count';
}

const CONDITION_TARGETS: [string, string, number][] = [
  ['sp_hyprtnsn', 'hypertension', 0.59],
  ['sp_hyperl', 'hyperlipidemia', 0.5],
  ['sp_ra_oa', 'RA/OA', 0.35],
  ['sp_ischmcht', 'ischemic heart disease', 0.28],
  ['sp_diabetes', 'diabetes', 0.275],
  ['sp_chrnkidn', 'chronic kidney disease', 0.26],
  ['sp_depressn', 'depression', 0.19],
  ['sp_chf', 'heart failure', 0.15],
  ['sp_alzhdmta', "Alzheimer's/dementia", 0.12],
  ['sp_copd', 'COPD', 0.12],
];

// CMS claim mix (docs/WORLD.md [W7]) renormalised to the four generated claim types.
const MIX = { claims_pde: 59.5, claims_carrier: 31.1, claims_outpatient: 6.1, claims_inpatient: 0.39 };
const MIX_TOTAL = Object.values(MIX).reduce((a, b) => a + b, 0);

type Column = ArrayLike<Cell>;

function column(schema: TableSchema, chunk: TableChunk, name: string): Column {
  const k = schema.columns.findIndex((c) => c.name === name);
  if (k < 0) throw new Error(`world check: table ${schema.name} has no column ${name}`);
  return plainColumn(chunk.columns[k]);
}

function columnsMatching(schema: TableSchema, chunk: TableChunk, re: RegExp): Column[] {
  return schema.columns.flatMap((c, k) => (re.test(c.name) ? [plainColumn(chunk.columns[k])] : []));
}

/** Accumulates counts batch by batch; `rows()` gives the table. */
export class WorldCheck {
  private people = 0;
  private counts = new Map<string, number>();
  private keyCounts = new Map<string, number>();
  private cellCounts = new Map<string, number>();
  private bump(name: string, by = 1) {
    this.counts.set(name, (this.counts.get(name) ?? 0) + by);
  }
  private get(name: string) {
    return this.counts.get(name) ?? 0;
  }

  constructor(
    private readonly schemas: Record<string, TableSchema>,
    private readonly calibration: 'census2010' | 'est2019',
    private readonly states: readonly string[],
    private readonly firstYear: number,
    private readonly horizonYears: number,
  ) {}

  add(batch: WorldBatch): void {
    const c = batch.chunks;
    if (c.people) this.addPeople(c.people);
    if (c.beneficiaries) this.addBeneficiaries(c.beneficiaries);
    for (const t of ['claims_carrier', 'claims_outpatient', 'claims_inpatient', 'claims_pde'] as const) {
      const chunk = c[t];
      if (!chunk) continue;
      this.bump(t, chunk.rows);
      const s = this.schemas[t];
      if (t === 'claims_carrier') this.bump('carrier_lines', countPresent(columnsMatching(s, chunk, /^hcpcs_cd_\d+$/)));
      if (t === 'claims_outpatient') this.bump('outpatient_lines', countPresent(columnsMatching(s, chunk, /^rev_cntr_\d+$/)));
      if (t === 'claims_inpatient') this.bump('inpatient_lines', sum(column(s, chunk, 'rev_cntr_line_cnt')));
    }
  }

  private addPeople(chunk: TableChunk) {
    const s = this.schemas.people;
    const [age, sex, status, prevZip, ssn, zip, birth, death] = ['age', 'sex', 'immigration_status', 'prev_zip', 'ssn', 'zip', 'birth_date', 'death_date'].map((n) => column(s, chunk, n));
    for (let i = 0; i < chunk.rows; i++) {
      this.people++;
      if ((age[i] as number) >= 65) this.bump('65+');
      if (sex[i] === 'F') this.bump('female');
      this.bump(`status:${status[i]}`);
      if (prevZip[i] !== null) this.bump('movers');
      if (ssn[i] === null) this.bump('no_ssn');
      if (death[i] !== null) this.bump('deaths');
      const key = `${zip[i]}|${sex[i]}|${birth[i]}`;
      this.keyCounts.set(key, (this.keyCounts.get(key) ?? 0) + 1);
      const cell = `${zip[i]}|${sex[i]}|${age[i]}`;
      this.cellCounts.set(cell, (this.cellCounts.get(cell) ?? 0) + 1);
    }
  }

  private addBeneficiaries(chunk: TableChunk) {
    const s = this.schemas.beneficiaries;
    const get = (n: string) => column(s, chunk, n);
    const [year, reason, hmo, sex, dual, death, hi, smi, birth] = ['year', 'entlmt_rsn_curr', 'bene_hmo_cvrage_tot_mons', 'bene_sex_ident_cd', 'dual_stus_cd', 'bene_death_dt', 'bene_hi_cvrage_tot_mons', 'bene_smi_cvrage_tot_mons', 'bene_birth_dt'].map(get);
    const flags = CONDITION_TARGETS.map(([name]) => get(name));
    for (let i = 0; i < chunk.rows; i++) {
      if (year[i] !== this.firstYear) continue;
      this.bump('benes');
      if (reason[i] !== 0) this.bump('benes_under65');
      if ((hmo[i] as number) > 0) this.bump('benes_ma');
      if (sex[i] === 2) this.bump('benes_female');
      if (dual[i] !== 'NA') this.bump('benes_dual');
      if (death[i] !== null) this.bump('benes_dead');
      // Condition prevalence among full-year fee-for-service beneficiaries aged 65+.
      const aged = this.firstYear - Number(String(birth[i]).slice(0, 4)) >= 66;
      if (aged && hmo[i] === 0 && hi[i] === 12 && smi[i] === 12) {
        this.bump('ffs_full_year');
        flags.forEach((f, k) => f[i] === 1 && this.bump(`flag:${k}`));
      }
    }
  }

  rows(): CheckRow[] {
    const out: CheckRow[] = [];
    const n = this.people;
    const row = (measure: string, value: number, target: number, tolerance: number, source: string, unit: CheckRow['unit'] = 'share') =>
      out.push({ measure, value, target, tolerance, source, unit });
    if (n > 0) {
      const t = calibrationShares(this.calibration, this.states);
      row('people aged 65+', this.get('65+') / n, t.aged, 0.01, `[W1] ${this.calibration} age-sex tables`);
      row('female', this.get('female') / n, t.female, 0.01, `[W1] ${this.calibration} age-sex tables`);
      const st = (k: string) => this.get(`status:${k}`) / n;
      row('foreign-born', 1 - st('citizen_by_birth'), 0.139, 0.015, '[W2] ACS 2022: 13.9% foreign-born');
      row('naturalized citizens', st('naturalized'), 0.072, 0.012, '[W2] ~24M naturalized');
      row('lawful permanent residents', st('lawful_permanent_resident'), 0.039, 0.01, '[W2] 12.9M LPRs');
      row('undocumented', st('undocumented'), 0.033, 0.008, '[W2] 11.0M unauthorized');
      row('moved in the past year', this.get('movers') / n, 0.085, 0.01, '[W3] 8-9% move a year');
      row('unique on {ZIP, sex, birth date}', this.uniqueShare(), this.expectedUniqueShare(), 0.02, '[W8] expected n(1-1/D)^(n-1) per ZIP x sex x age cell, D = 365.25');
    }
    const b = this.get('benes');
    if (b > 0) {
      if (n > 0) row('Medicare beneficiaries / people', b / n, this.calibration === 'census2010' ? 0.154 : 0.187, 0.015, this.calibration === 'census2010' ? '[W4] CMS 2010: 47.7M of 309M' : '[W4] CMS 2019: 61.5M of 328M');
      if (this.calibration === 'census2010') row('beneficiaries under 65 (disability, ESRD)', this.get('benes_under65') / b, 0.168, 0.03, '[W4] CMS 2010: 8.0M of 47.7M');
      else row('beneficiaries under 65 (disability, ESRD)', this.get('benes_under65') / b, 0.119, 0.025, '[W4] CMS 2022');
      row('Medicare Advantage', this.get('benes_ma') / b, 0.459, 0.03, '[W4] CMS 2022');
      row('female beneficiaries', this.get('benes_female') / b, 0.55, 0.02, '[W4] CMS, ~55%');
      row('beneficiary deaths per year', this.get('benes_dead') / b / this.horizonYears, 0.04, 0.012, '[W5] ~4% die a year');
      const ffs = this.get('ffs_full_year');
      if (ffs > 0) CONDITION_TARGETS.forEach(([, label, target], k) => row(`FFS 65+ flagged ${label}`, this.get(`flag:${k}`) / ffs, target, 0.04, '[W6] CCW, FFS 2019'));
    }
    const claims = Object.keys(MIX).reduce((a, t) => a + this.get(t), 0);
    if (claims > 0) {
      for (const [t, share] of Object.entries(MIX)) row(`claim mix: ${t.replace('claims_', '')}`, this.get(t) / claims, share / MIX_TOTAL, t === 'claims_inpatient' ? 0.002 : 0.03, '[W7] CMS claim mix, renormalised');
      const per = (lines: string, t: string) => (this.get(t) ? this.get(lines) / this.get(t) : 0);
      row('carrier lines per claim', per('carrier_lines', 'claims_carrier'), 2.0, 0.3, '[W7] CMS lines per claim', 'count');
      row('outpatient lines per claim', per('outpatient_lines', 'claims_outpatient'), 7.2, 1, '[W7] CMS lines per claim', 'count');
      row('inpatient lines per claim', per('inpatient_lines', 'claims_inpatient'), 17, 2.5, '[W7] CMS lines per claim', 'count');
    }
    return out;
  }

  private uniqueShare(): number {
    let unique = 0;
    for (const c of this.keyCounts.values()) if (c === 1) unique++;
    return unique / this.people;
  }

  private expectedUniqueShare(): number {
    let e = 0;
    for (const c of this.cellCounts.values()) e += c * Math.pow(1 - 1 / 365.25, c - 1);
    return e / this.people;
  }
}

function countPresent(cols: Column[]): number {
  let c = 0;
  for (const col of cols) for (let i = 0; i < col.length; i++) if (col[i] !== null) c++;
  return c;
}

function sum(col: Column): number {
  let s = 0;
  for (let i = 0; i < col.length; i++) s += Number(col[i] ?? 0);
  return s;
}

/** 65+ and female shares of the chosen states in the calibration tables. */
export function calibrationShares(calibration: 'census2010' | 'est2019', states: readonly string[]): { aged: number; female: number } {
  const t = ageSex[calibration];
  let total = 0;
  let aged = 0;
  let female = 0;
  ageSex.states.forEach((abbr, s) => {
    if (!states.includes(abbr)) return;
    for (let a = 0; a < ageSex.ages; a++) {
      const m = t.male[s][a];
      const f = t.female[s][a];
      total += m + f;
      female += f;
      if (a >= 65) aged += m + f;
    }
  });
  return { aged: aged / total, female: female / total };
}

/** Whether a row is on target, with the tolerance behind the verdict: "ok (within ±1.0 point)". */
export function verdict(r: CheckRow): string {
  const within = r.unit === 'share' ? points(r.tolerance) : decimal(r.tolerance, 2);
  return Math.abs(r.value - r.target) <= r.tolerance ? `ok (within ±${within})` : `off (beyond ±${within})`;
}

export function formatCheck(rows: readonly CheckRow[]): string {
  const show = (r: CheckRow, x: number) => (r.unit === 'share' ? percent(x, 2) : decimal(x, 2));
  const lines = rows.map((r) => [r.measure, show(r, r.value), show(r, r.target), verdict(r), r.source]);
  const head = ['measure', 'world', 'target', 'verdict', 'source'];
  const w = head.map((h, k) => Math.max(h.length, ...lines.map((l) => l[k].length)));
  const table = [head, ...lines].map((l) => l.map((x, k) => (k === 1 || k === 2 ? x.padStart(w[k]) : x.padEnd(w[k]))).join('  ').trimEnd());
  return [...table, '', 'Sources [W1]-[W8]: docs/WORLD.md, "Sources of the targets".'].join('\n');
}

// Turns simulated claims (numbers) into table chunks (strings, cents, nulls), in output order.
// This is the only place strings are built; codes, dates and NPIs are shared, not re-created per row.
import { chunkOf, type Cell, type ChunkColumn, type TableChunk } from '../../../src/table/schema.ts';
import { DRGS, DRUGS, DX, HCPCS, PROCEDURES, REVENUE } from '../codes.ts';
import type { BeneficiaryBatch } from '../types.ts';
import type { ProviderRegistry } from './registry.ts';
import { CARRIER_SCHEMA, INPATIENT_SCHEMA, OUTPATIENT_SCHEMA, PDE_SCHEMA } from './schemas.ts';
import { CARRIER_DX, CARRIER_LINES, INST_DX, INST_LINES, INST_PRC, type CarrierStore, type InpatientStore, type IntList, type OutpatientStore, type PdeStore } from './store.ts';

export interface MaterialiseContext {
  readonly batch: BeneficiaryBatch;
  readonly registry: ProviderRegistry;
  readonly dates: readonly string[];
  readonly firstDay: number;
}

/** What a claim table's rows are made from: a fast writer (src/io/claims-csv.ts) can write them without the chunk. */
export interface ClaimRowsSource {
  readonly table: 'carrier' | 'outpatient' | 'inpatient' | 'pde';
  readonly m: MaterialiseContext;
  readonly store: CarrierStore | OutpatientStore | InpatientStore | PdeStore;
  readonly order: IntList;
}

/** A chunk whose columns are built on first read; `claimRows` (not enumerable) holds what they are built from. */
export type LazyClaimChunk = TableChunk & { readonly claimRows: ClaimRowsSource };

/** Says whether a slice's claim stores were given back for reuse (ClaimsResult.release): its chunks then refuse to be read. */
export interface ReleaseFlag {
  released: boolean;
}

/** The table chunk of a claim table, built only when its columns are read (the CSV path never reads them). */
export function lazyClaimChunk(source: ClaimRowsSource, flag: ReleaseFlag): LazyClaimChunk {
  const { m, store, order } = source;
  const make = (): TableChunk => {
    switch (source.table) {
      case 'carrier':
        return carrierChunk(m, store as CarrierStore, order);
      case 'outpatient':
        return outpatientChunk(m, store as OutpatientStore, order);
      case 'inpatient':
        return inpatientChunk(m, store as InpatientStore, order);
      case 'pde':
        return pdeChunk(m, store as PdeStore, order);
    }
  };
  const live = () => {
    if (flag.released) throw new Error(`claims: the ${source.table} chunk was read after its slice released its stores for reuse`);
  };
  let made: TableChunk | undefined;
  const chunk = { rows: order.n } as { rows: number; columns: readonly ChunkColumn[] };
  Object.defineProperty(chunk, 'columns', { enumerable: true, get: () => (live(), (made ??= make())).columns });
  Object.defineProperty(chunk, 'claimRows', { enumerable: false, get: () => (live(), source) });
  return chunk as unknown as LazyClaimChunk;
}

/** The source of a lazily built claim chunk, else undefined. */
export function claimRowsOf(chunk: TableChunk): ClaimRowsSource | undefined {
  return (chunk as Partial<LazyClaimChunk>).claimRows;
}

/** Leading digit of the claim ids of each table (keeps ids unique across tables). */
export const ID_DIGIT = { carrier: '1', outpatient: '2', inpatient: '3', pde: '4' } as const;

const PAD: string[] = [];
function pad5(seq: number): string {
  while (PAD.length <= seq) PAD.push(String(PAD.length).padStart(5, '0'));
  return PAD[seq];
}

const arr = (n: number): Cell[] => new Array<Cell>(n).fill(null);
const cols = (count: number, n: number): Cell[][] => Array.from({ length: count }, () => arr(n));
function put(by: Record<string, Cell[]>, prefix: string, list: Cell[][]): void {
  list.forEach((c, j) => (by[`${prefix}${j + 1}`] = c));
}

/** The columns every table starts with: person_id, bene_id and the claim id. */
function heads(m: MaterialiseContext, bene: Int32Array, seq: Int32Array, order: IntList, digit: string, idName: string) {
  const n = order.n;
  const person = arr(n);
  const beneId = arr(n);
  const id = arr(n);
  let lastBene = -1;
  let prefix = '';
  for (let r = 0; r < n; r++) {
    const k = order.a[r];
    const b = bene[k];
    if (b !== lastBene) {
      lastBene = b;
      // A fixed-width ordinal gives 15-digit ids as in DE-SynPUF; shorter ones could read as 9-digit SSNs.
      prefix = digit + String(m.batch.beneOrdinal[b]).padStart(9, '0');
    }
    person[r] = m.batch.personIndex[b];
    beneId[r] = m.batch.beneId[b];
    id[r] = prefix + pad5(seq[k]);
  }
  return { person_id: person, bene_id: beneId, [idName]: id } as Record<string, Cell[]>;
}

export function carrierChunk(m: MaterialiseContext, st: CarrierStore, order: IntList): TableChunk {
  const n = order.n;
  const by = heads(m, st.bene, st.seq, order, ID_DIGIT.carrier, 'clm_id');
  const from = (by.clm_from_dt = arr(n));
  const thru = (by.clm_thru_dt = arr(n));
  const dx = cols(CARRIER_DX, n);
  const [npi, hc, al, pm, dd, co, ld] = Array.from({ length: 7 }, () => cols(CARRIER_LINES, n));
  const pmt = (by.clm_pmt_amt = arr(n));
  const prv = (by.nch_clm_prvdr_pmt_amt = arr(n));
  const ben = (by.nch_clm_bene_pmt_amt = arr(n));
  const alw = (by.clm_alowd_amt = arr(n));
  const { dates, firstDay, registry } = m;
  for (let r = 0; r < n; r++) {
    const k = order.a[r];
    from[r] = dates[st.from[k] - firstDay];
    thru[r] = dates[st.thru[k] - firstDay];
    const nd = st.nDx[k];
    for (let j = 0; j < nd; j++) dx[j][r] = DX[st.dx[k * CARRIER_DX + j]];
    let sumPmt = 0;
    let sumAl = 0;
    for (let j = 0, o = k * CARRIER_LINES; j < st.nLines[k]; j++, o++) {
      npi[j][r] = registry.npi(st.npi[o]);
      hc[j][r] = HCPCS[st.hcpcs[o]];
      al[j][r] = st.alowd[o];
      pm[j][r] = st.pmt[o];
      dd[j][r] = st.ded[o];
      co[j][r] = st.coins[o];
      ld[j][r] = nd > 0 ? DX[st.dx[k * CARRIER_DX + st.lineDx[o]]] : null;
      sumPmt += st.pmt[o];
      sumAl += st.alowd[o];
    }
    pmt[r] = sumPmt;
    prv[r] = st.unassigned[k] ? 0 : sumPmt;
    ben[r] = st.unassigned[k] ? sumPmt : 0;
    alw[r] = sumAl;
  }
  put(by, 'icd_dgns_cd_', dx);
  put(by, 'prf_physn_npi_', npi);
  put(by, 'hcpcs_cd_', hc);
  put(by, 'line_alowd_chrg_amt_', al);
  put(by, 'line_nch_pmt_amt_', pm);
  put(by, 'line_bene_ptb_ddctbl_amt_', dd);
  put(by, 'line_coinsrnc_amt_', co);
  put(by, 'line_icd_dgns_cd_', ld);
  return chunkOf(CARRIER_SCHEMA, n, by);
}

/** Columns outpatient and inpatient claims share. */
function institutional(m: MaterialiseContext, st: OutpatientStore | InpatientStore, order: IntList, digit: string) {
  const n = order.n;
  const by = heads(m, st.bene, st.seq, order, digit, 'clm_id');
  const c = (name: string) => (by[name] = arr(n));
  const seg = c('segment');
  const from = c('clm_from_dt');
  const thru = c('clm_thru_dt');
  const prov = c('prvdr_num');
  const org = c('org_npi_num');
  const [pmt, prm, blood, alw] = [c('clm_pmt_amt'), c('nch_prmry_pyr_clm_pd_amt'), c('nch_bene_blood_ddctbl_lblty_am'), c('clm_alowd_amt')];
  const [at, op, ot] = [c('at_physn_npi'), c('op_physn_npi'), c('ot_physn_npi')];
  const adm = c('admtng_icd_dgns_cd');
  const dx = cols(INST_DX, n);
  const prc = cols(INST_PRC, n);
  const hc = cols(INST_LINES, n);
  const rev = cols(INST_LINES, n);
  const { dates, firstDay, registry } = m;
  for (let r = 0; r < n; r++) {
    const k = order.a[r];
    seg[r] = 1;
    from[r] = dates[st.from[k] - firstDay];
    thru[r] = dates[st.thru[k] - firstDay];
    prov[r] = registry.ccn(st.prov[k]);
    org[r] = registry.npi(st.prov[k]);
    pmt[r] = st.pmt[k];
    prm[r] = st.prm[k];
    blood[r] = st.blood[k];
    alw[r] = st.alowd[k];
    at[r] = st.at[k] >= 0 ? registry.npi(st.at[k]) : null;
    op[r] = st.op[k] >= 0 ? registry.npi(st.op[k]) : null;
    ot[r] = st.ot[k] >= 0 ? registry.npi(st.ot[k]) : null;
    adm[r] = st.admDx[k] >= 0 ? DX[st.admDx[k]] : null;
    for (let j = 0; j < st.nDx[k]; j++) dx[j][r] = DX[st.dx[k * INST_DX + j]];
    for (let j = 0; j < st.nPrc[k]; j++) prc[j][r] = PROCEDURES[st.prc[k * INST_PRC + j]];
    for (let j = 0, o = k * INST_LINES; j < st.nLines[k]; j++, o++) {
      rev[j][r] = REVENUE[st.rev[o]];
      if (st.hcpcs[o] >= 0) hc[j][r] = HCPCS[st.hcpcs[o]];
    }
  }
  put(by, 'icd_dgns_cd_', dx);
  put(by, 'icd_prcdr_cd_', prc);
  put(by, 'hcpcs_cd_', hc);
  put(by, 'rev_cntr_', rev);
  return by;
}

export function outpatientChunk(m: MaterialiseContext, st: OutpatientStore, order: IntList): TableChunk {
  const by = institutional(m, st, order, ID_DIGIT.outpatient);
  const n = order.n;
  const ded = (by.nch_bene_ptb_ddctbl_amt = arr(n));
  const coins = (by.nch_bene_ptb_coinsrnc_amt = arr(n));
  for (let r = 0; r < n; r++) {
    const k = order.a[r];
    ded[r] = st.ded[k];
    coins[r] = st.coins[k];
  }
  return chunkOf(OUTPATIENT_SCHEMA, n, by);
}

export function inpatientChunk(m: MaterialiseContext, st: InpatientStore, order: IntList): TableChunk {
  const by = institutional(m, st, order, ID_DIGIT.inpatient);
  const n = order.n;
  const c = (name: string) => (by[name] = arr(n));
  const [admDt, perDiem, ded, coins, util, dis, drg, lines] = [
    c('clm_admsn_dt'), c('clm_pass_thru_per_diem_amt'), c('nch_bene_ip_ddctbl_amt'), c('nch_bene_pta_coinsrnc_lblty_am'),
    c('clm_utlztn_day_cnt'), c('nch_bene_dschrg_dt'), c('clm_drg_cd'), c('rev_cntr_line_cnt'),
  ];
  for (let r = 0; r < n; r++) {
    const k = order.a[r];
    admDt[r] = m.dates[st.from[k] - m.firstDay];
    dis[r] = m.dates[st.thru[k] - m.firstDay];
    perDiem[r] = st.perDiem[k];
    ded[r] = st.ded[k];
    coins[r] = st.coins[k];
    util[r] = st.util[k];
    drg[r] = DRGS[st.drg[k]].code;
    lines[r] = st.nLines[k];
  }
  return chunkOf(INPATIENT_SCHEMA, n, by);
}

export function pdeChunk(m: MaterialiseContext, st: PdeStore, order: IntList): TableChunk {
  const n = order.n;
  const by = heads(m, st.bene, st.seq, order, ID_DIGIT.pde, 'pde_id');
  const c = (name: string) => (by[name] = arr(n));
  const [day, ndc, qty, days, ptnt, lics, cvrd, ncvrd, tot, npi, label] = [
    c('srvc_dt'), c('prod_srvc_id'), c('qty_dspnsd_num'), c('days_suply_num'), c('ptnt_pay_amt'), c('lics_amt'),
    c('cvrd_d_plan_pd_amt'), c('ncvrd_plan_pd_amt'), c('tot_rx_cst_amt'), c('prscrbr_npi'), c('drug_label'),
  ];
  for (let r = 0; r < n; r++) {
    const k = order.a[r];
    const d = DRUGS[st.drug[k]];
    day[r] = m.dates[st.day[k] - m.firstDay];
    ndc[r] = d.ndc;
    label[r] = d.label;
    qty[r] = st.qty[k];
    days[r] = st.days[k];
    ptnt[r] = st.ptnt[k];
    lics[r] = st.lics[k];
    cvrd[r] = st.cvrd[k];
    ncvrd[r] = st.ncvrd[k];
    tot[r] = st.tot[k];
    npi[r] = m.registry.npi(st.prescriber[k]);
  }
  return chunkOf(PDE_SCHEMA, n, by);
}

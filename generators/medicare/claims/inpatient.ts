// Inpatient stays: how many (Poisson, driven by the person's admission risk and Part A FFS days), when,
// which DRG (weighted by the person's conditions), how long, who treated them, what was coded and paid.
// Stays never overlap and lie wholly inside Part A fee-for-service days of one year, before death.
import { DRGS, procId } from '../codes.ts';
import { SPECIALTY } from '../providers.ts';
import { chance, normal, poisson, uniform } from '../../../src/random/prng.ts';
import { INPATIENT_SECONDARY_DX, DxList } from './dx.ts';
import { inpatientLines } from './inpatient-lines.ts';
import { partADeductible } from './payments.ts';
import { CONDITION_SPECIALTY, pickWeighted, type Profile } from './profile.ts';
import { HOSPITAL, providerRef } from './registry.ts';
import type { PersonYear, Sim } from './sim.ts';
import { INST_DX, INST_LINES, INST_PRC } from './store.ts';

/** Stays per full FFS year for a person of average admission risk. */
const STAYS_PER_YEAR = 0.4;
/** National average payment for a DRG of weight 1 (2019 dollars, approx.). */
const BASE_RATE_CENTS = 650_000;
/** Approximate latent prevalence of each condition (normalises condition-specific DRG weights). */
const PREVALENCE = [0.7, 0.6, 0.4, 0.3, 0.3, 0.3, 0.22, 0.17, 0.13, 0.14, 0.1, 0.06, 0.08];
const BOOST = 0.6;
const TRANSFUSION = procId('30233N1');
const PICC = procId('02HV33Z');
const DIALYSIS = procId('5A1D70Z');

const drgWeights = new Float64Array(DRGS.length);
const admissions = new Float64Array(64);
const dx = new DxList();

function surgeonSpecialty(code: string): number {
  return code === '247' ? SPECIALTY.cardiology : code === '470' || code === '481' || code === '460' ? SPECIALTY.orthopedics : SPECIALTY.surgery;
}

export function simulateInpatient(sim: Sim, py: PersonYear, p: Profile): void {
  const A = py.A;
  if (A.days === 0) return;
  const key = py.ipKey;
  const n = Math.min(20, poisson(key, 0, 0, STAYS_PER_YEAR * p.admit * A.share));
  if (n === 0) return;
  for (let d = 0; d < DRGS.length; d++) {
    const g = DRGS[d];
    let w = g.frequency;
    if (g.requires >= 0) w = p.has(g.requires) ? w / (2 * PREVALENCE[g.requires]) : 0;
    for (let c = 0, m = g.boosts & p.mask; m; c++, m >>>= 1) if (m & 1) w *= 1 + BOOST;
    drgWeights[d] = w;
  }
  // Admission days (sorted; key = day * 64 + event so ties keep event order).
  for (let e = 0; e < n; e++) admissions[e] = A.pick(uniform(key, 1 + e, 0)) * 64 + e;
  const sorted = admissions.subarray(0, n).sort();
  const st = sim.inpatient;
  const ev = sim.events;
  const dedA = partADeductible(py.cal.year);
  let lastDischarge = -1e9;
  for (let j = 0; j < n; j++) {
    const adm = Math.floor(sorted[j] / 64);
    const e = 1 + (sorted[j] % 64);
    if (adm <= lastDischarge) continue;
    const d = pickWeighted(drgWeights, uniform(key, e, 1));
    const g = DRGS[d];
    const los = Math.max(1, Math.min(90, Math.round(g.meanLos * Math.exp(0.55 * normal(key, e, 2) + 0.07))));
    const dis = A.runEnd(adm, los + 1);
    const util = Math.max(1, dis - adm);
    const k = st.next();
    st.bene[k] = py.i;
    st.from[k] = adm;
    st.thru[k] = dis;
    st.drg[k] = d;
    st.util[k] = util;
    const nh = p.pool.hospitalNpi.length;
    const hosp = uniform(key, e, 4) < 0.8 ? p.hospital : providerRef(p.slot, HOSPITAL, Math.floor(uniform(key, e, 5) * nh));
    st.prov[k] = hosp;
    st.at[k] = p.anyOf(SPECIALTY.hospitalist, uniform(key, e, 6));
    st.op[k] = g.surgical ? p.anyOf(surgeonSpecialty(g.code), uniform(key, e, 7)) : -1;
    st.ot[k] = g.requires >= 0 && chance(key, e, 8, 0.6) ? p.specialist(CONDITION_SPECIALTY[g.requires]) : -1;
    st.admDx[k] = g.admittingDx;

    dx.reset(INST_DX);
    dx.add(g.principalDx);
    dx.addOthers(p, 0.7, -1, key, e, 20);
    const extra = 1 + Math.floor(uniform(key, e, 9) * 3);
    for (let x = 0; x < extra; x++) dx.add(INPATIENT_SECONDARY_DX[Math.floor(uniform(key, e, 10 + x) * INPATIENT_SECONDARY_DX.length)]);
    st.nDx[k] = dx.write(st.dx, k * INST_DX);
    st.dxMask[k] = dx.mask;

    let np = 0;
    const po = k * INST_PRC;
    if (g.procedure >= 0) st.prc[po + np++] = g.procedure;
    if (chance(key, e, 14, 0.06) && g.procedure !== TRANSFUSION) st.prc[po + np++] = TRANSFUSION;
    if (chance(key, e, 15, 0.05) && g.procedure !== PICC) st.prc[po + np++] = PICC;
    if (p.esrd && g.procedure !== DIALYSIS) st.prc[po + np++] = DIALYSIS;
    st.nPrc[k] = np;
    st.nLines[k] = inpatientLines(d, util, p.esrd, key, e, 40, st.rev, st.hcpcs, k * INST_LINES, INST_LINES);

    // Payment: DRG payment plus pass-through per diem; Part A deductible once per benefit period.
    // A hospital's per diem is a property of the hospital (keyed by ZIP3 and its index in the pool).
    const hospitalId = p.pool.zip3 * 16 + (hosp & 1023);
    const perDiem = uniform(sim.keys.payment, hospitalId, 0) < 0.4 ? 0 : Math.round(1000 + 7000 * uniform(sim.keys.payment, hospitalId, 1));
    const alowd = Math.round(BASE_RATE_CENTS * g.weight * p.price * (0.97 + 0.06 * uniform(key, e, 16))) + perDiem * util;
    const prm = p.msp ? Math.round(alowd * 0.55) : 0;
    const ded = adm > lastDischarge + 60 ? Math.min(dedA, alowd - prm) : 0;
    const coins = Math.min(alowd - prm - ded, util > 60 ? (util - 60) * Math.round(dedA / 4) : 0);
    st.perDiem[k] = perDiem;
    st.alowd[k] = alowd;
    st.prm[k] = prm;
    st.ded[k] = ded;
    st.coins[k] = coins;
    st.blood[k] = 0;
    st.pmt[k] = alowd - prm - ded - coins;
    lastDischarge = dis;

    if (ev.stays < ev.stayAdm.length) {
      const s = ev.stays++;
      ev.stayAdm[s] = adm;
      ev.stayDis[s] = dis;
      ev.stayDrg[s] = d;
      ev.stayDx[s] = g.principalDx;
      ev.stayAt[s] = st.at[k];
      ev.stayOp[s] = st.op[k];
      ev.stayOt[s] = st.ot[k];
    }
  }
}

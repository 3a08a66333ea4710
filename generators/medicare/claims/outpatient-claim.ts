// Opening and closing one outpatient claim: facility, attending physician, lines, diagnoses, primary payer.
import { uniform, poisson } from '../../../src/random/prng.ts';
import { DxList } from './dx.ts';
import { LineWriter } from './outpatient-lines.ts';
import type { Profile } from './profile.ts';
import { HOSPITAL, providerRef } from './registry.ts';
import type { PersonYear, Sim } from './sim.ts';
import { INST_DX } from './store.ts';

export const enum OutKind { Emergency, Observation, Lab, Imaging, Clinic, Surgery, Therapy, Dialysis, Chemo, Rehab, Radiation }
/** First event index of each kind (index 0 holds the yearly counts). */
export const outBase = (kind: OutKind) => 1 + kind * 4096;

export const lines = new LineWriter();
export const dx = new DxList();

/** Opens a claim at the person's usual hospital (85%) or another in the pool; returns its store index. */
export function openClaim(sim: Sim, py: PersonYear, p: Profile, index: number, from: number, thru: number, at: number): number {
  const st = sim.outpatient;
  const k = st.next();
  st.bene[k] = py.i;
  st.from[k] = from;
  st.thru[k] = thru;
  const nh = p.pool.hospitalNpi.length;
  st.prov[k] = uniform(py.opKey, index, 3000) < 0.85 ? p.hospital : providerRef(p.slot, HOSPITAL, Math.floor(uniform(py.opKey, index, 3001) * nh));
  st.at[k] = at;
  st.op[k] = -1;
  st.ot[k] = -1;
  st.admDx[k] = -1;
  st.nPrc[k] = 0;
  lines.begin(st, k, p.price);
  dx.reset(INST_DX);
  return k;
}

/** Closes the open claim: lines, amounts, diagnoses and (Medicare secondary payer) the primary payer's part. */
export function closeClaim(sim: Sim, p: Profile, k: number): void {
  lines.end();
  const st = sim.outpatient;
  st.nDx[k] = dx.write(st.dx, k * INST_DX);
  st.dxMask[k] = dx.mask;
  st.prm[k] = p.msp ? Math.round(st.alowd[k] * 0.55) : 0;
}

/** Visits of a kind this year: Poisson with the yearly mean scaled by the eligible share of the year. */
export function visitCount(py: PersonYear, kind: OutKind, mean: number): number {
  return Math.min(4000, poisson(py.opKey, 0, kind, mean * py.O.share));
}

// Outpatient (hospital outpatient department) visits: emergency, observation, lab, imaging, clinic and
// ambulatory surgery (recurring services are in outpatient-series.ts). They occur only on fee-for-service
// days (Part A or B, not Medicare Advantage), before death. Facility services that also bring a
// professional claim (emergency physician, radiologist, surgeon, ambulance) are handed to the carrier
// simulator through sim.events.
import { dxId, hcpcsId, procId } from '../codes.ts';
import { SPECIALTY } from '../providers.ts';
import { uniform } from '../../../src/random/prng.ts';
import { ACUTE_DX, EMERGENCY_DX, MSK_DX, ROUTINE_DX, anyCondition } from './dx.ts';
import { OutKind, closeClaim, dx, lines, openClaim, outBase, visitCount } from './outpatient-claim.ts';
import {
  CLINIC, CONTRAST, EMERGENCY, IMAGING, LAB, OBSERVATION_EXTRA, REV_DRUG, REV_ED, REV_NUCLEAR, REV_PATHOLOGY, REV_SURGERY,
  SURGERY_COMMON, applies,
} from './outpatient-lines.ts';
import { simulateSeries } from './outpatient-series.ts';
import { COND, pickWeighted, type Profile } from './profile.ts';
import { AMBULANCE, providerRef } from './registry.ts';
import type { PersonYear, Sim } from './sim.ts';
import { INST_PRC } from './store.ts';

// Visits per full FFS year at care/acute multiplier 1.
const RATE = { emergency: 0.9, observation: 0.09, lab: 1.7, imaging: 1.15, clinic: 0.85, surgery: 0.21 };

const h = hcpcsId;
const ED_LEVEL = [h('99283'), h('99284'), h('99285')];
const ECG_READ = h('93010');
const AMBULANCE_CODES = [h('A0427'), h('A0429')];
const MILEAGE = h('A0425');
const PATHOLOGY = h('88305');
const RADIOPHARM = h('A9500');
const MONITORED = [COND.diabetes, COND.ckd, COND.hyperlipidemia, COND.hypertension];
// Ambulatory surgery: [hcpcs, surgeon specialty, diagnosis, weight, pathology line probability]
const SURGERIES: readonly (readonly [number, number, number, number, number])[] = [
  [h('45378'), SPECIALTY.gastroenterology, dxId('Z1211'), 0.3, 0.4], [h('66984'), SPECIALTY.ophthalmology, dxId('H2513'), 0.25, 0],
  [h('43239'), SPECIALTY.gastroenterology, dxId('K219'), 0.15, 0.5], [h('29881'), SPECIALTY.orthopedics, dxId('M25561'), 0.1, 0],
  [h('52000'), SPECIALTY.urology, dxId('R319'), 0.1, 0.1], [h('67028'), SPECIALTY.ophthalmology, dxId('H353210'), 0.1, 0],
];
const SURGERY_WEIGHTS = SURGERIES.map((s) => s[3]);
const EGD = SURGERIES[2][0];
const ARTHROSCOPY = SURGERIES[3][0];
const INTRAVITREAL = SURGERIES[5][0];
const EGD_PROC = procId('0DJ08ZZ');
const INTRAVITREAL_DRUG = h('J0178');
const E1136 = dxId('E1136');
const imagingWeights = new Float64Array(IMAGING.rev.length);

export function simulateOutpatient(sim: Sim, py: PersonYear, p: Profile): void {
  const O = py.O;
  if (O.days === 0) return;
  const key = py.opKey;
  const ev = sim.events;
  const st = sim.outpatient;

  // Emergency department visits (treat and release) and observation stays.
  for (let kind = OutKind.Emergency; kind <= OutKind.Observation; kind++) {
    const obs = kind === OutKind.Observation;
    const n = visitCount(py, kind, (obs ? RATE.observation : RATE.emergency) * p.acute);
    for (let e = 0; e < n; e++) {
      const ix = outBase(kind) + e;
      const day = O.pick(uniform(key, ix, 0));
      const edDoc = p.anyOf(SPECIALTY.emergency, uniform(key, ix, 1));
      const k = openClaim(sim, py, p, ix, day, obs ? O.runEnd(day, 2) : day, edDoc);
      const c = uniform(key, ix, 2) < 0.3 ? anyCondition(p, uniform(key, ix, 3)) : -1;
      if (c >= 0) dx.addCondition(p, c, uniform(key, ix, 4));
      else dx.add(EMERGENCY_DX[Math.floor(uniform(key, ix, 4) * EMERGENCY_DX.length)]);
      st.admDx[k] = dx.codes[0];
      dx.addOthers(p, 0.35, c, key, ix, 10);
      const level = Math.min(2, Math.floor(uniform(key, ix, 5) * 3 + (obs ? 1 : 0)));
      lines.add(REV_ED, ED_LEVEL[level]);
      lines.addTemplate(EMERGENCY, p, key, ix, 100, obs ? 1.4 : 1 + 0.2 * level);
      if (obs) lines.addTemplate(OBSERVATION_EXTRA, p, key, ix, 200, 1);
      closeClaim(sim, p, k);
      ev.addPro(day, edDoc, ED_LEVEL[level], uniform(key, ix, 6) < 0.5 ? ECG_READ : -1, dx.codes[0]);
      if (uniform(key, ix, 7) < 0.3) {
        const amb = providerRef(p.slot, AMBULANCE, Math.floor(uniform(key, ix, 8) * p.pool.ambulanceNpi.length));
        ev.addPro(day, amb, AMBULANCE_CODES[uniform(key, ix, 9) < 0.6 ? 0 : 1], MILEAGE, dx.codes[0]);
      }
    }
  }

  // Laboratory visits: panels for the conditions being monitored.
  let n = visitCount(py, OutKind.Lab, RATE.lab * p.care);
  for (let e = 0; e < n; e++) {
    const ix = outBase(OutKind.Lab) + e;
    const day = O.pick(uniform(key, ix, 0));
    const k = openClaim(sim, py, p, ix, day, day, uniform(key, ix, 1) < 0.8 ? p.pcp : p.specialist(SPECIALTY.nephrology));
    const c = MONITORED[Math.floor(uniform(key, ix, 2) * 4)];
    if (p.has(c)) dx.addCondition(p, c, uniform(key, ix, 3));
    else dx.add(ROUTINE_DX[Math.floor(uniform(key, ix, 3) * ROUTINE_DX.length)]);
    dx.addOthers(p, 0.4, c, key, ix, 10);
    lines.addTemplate(LAB, p, key, ix, 100, 1);
    closeClaim(sim, p, k);
  }

  // Imaging: one study (sometimes two), read by a radiologist who bills a carrier claim.
  n = visitCount(py, OutKind.Imaging, RATE.imaging * p.care);
  for (let j = 0; j < imagingWeights.length; j++) imagingWeights[j] = applies(IMAGING, j, p) ? IMAGING.probWhen[j] : IMAGING.prob[j];
  for (let e = 0; e < n; e++) {
    const ix = outBase(OutKind.Imaging) + e;
    const day = O.pick(uniform(key, ix, 0));
    const k = openClaim(sim, py, p, ix, day, day, p.pcp);
    const c = uniform(key, ix, 2) < 0.3 ? anyCondition(p, uniform(key, ix, 3)) : -1;
    if (c >= 0) dx.addCondition(p, c, uniform(key, ix, 4));
    else dx.add(MSK_DX[Math.floor(uniform(key, ix, 4) * MSK_DX.length)]);
    dx.addOthers(p, 0.2, c, key, ix, 10);
    const studies = uniform(key, ix, 5) < 0.25 ? 2 : 1;
    for (let s = 0; s < studies; s++) {
      const j = pickWeighted(imagingWeights, uniform(key, ix, 6 + s));
      lines.add(IMAGING.rev[j], IMAGING.hcpcs[j]);
      if (IMAGING.rev[j] === REV_NUCLEAR) lines.add(REV_DRUG, RADIOPHARM);
      if (uniform(key, ix, 8 + s) < 0.8) ev.addPro(day, p.anyOf(SPECIALTY.radiology, uniform(key, ix, 30 + s)), IMAGING.hcpcs[j], -1, dx.codes[0]);
    }
    lines.addTemplate(CONTRAST, p, key, ix, 100, 1);
    closeClaim(sim, p, k);
  }

  // Hospital clinic visits.
  n = visitCount(py, OutKind.Clinic, RATE.clinic * p.care);
  for (let e = 0; e < n; e++) {
    const ix = outBase(OutKind.Clinic) + e;
    const day = O.pick(uniform(key, ix, 0));
    const c = uniform(key, ix, 2) < 0.6 ? anyCondition(p, uniform(key, ix, 3)) : -1;
    const k = openClaim(sim, py, p, ix, day, day, p.pcp);
    if (c >= 0) dx.addCondition(p, c, uniform(key, ix, 4));
    else dx.add(ACUTE_DX[Math.floor(uniform(key, ix, 4) * ACUTE_DX.length)]);
    dx.addOthers(p, 0.35, c, key, ix, 10);
    lines.addTemplate(CLINIC, p, key, ix, 100, 1);
    closeClaim(sim, p, k);
  }

  // Ambulatory surgery.
  n = visitCount(py, OutKind.Surgery, RATE.surgery * p.care);
  for (let e = 0; e < n; e++) {
    const ix = outBase(OutKind.Surgery) + e;
    const day = O.pick(uniform(key, ix, 0));
    const s = SURGERIES[pickWeighted(SURGERY_WEIGHTS, uniform(key, ix, 1))];
    const surgeon = p.specialist(s[1]);
    const k = openClaim(sim, py, p, ix, day, day, surgeon);
    st.op[k] = surgeon;
    if (s[0] === INTRAVITREAL && p.has(COND.diabetes)) dx.add(E1136);
    else if (s[0] === ARTHROSCOPY && p.has(COND.ra_oa)) dx.addCondition(p, COND.ra_oa, uniform(key, ix, 2));
    else dx.add(s[2]);
    dx.addOthers(p, 0.3, -1, key, ix, 10);
    lines.add(REV_SURGERY, s[0]);
    if (s[0] === INTRAVITREAL) lines.add(REV_DRUG, INTRAVITREAL_DRUG);
    if (uniform(key, ix, 3) < s[4]) lines.add(REV_PATHOLOGY, PATHOLOGY);
    lines.addTemplate(SURGERY_COMMON, p, key, ix, 100, 1);
    if (s[0] === EGD && uniform(key, ix, 4) < 0.3) st.prc[k * INST_PRC + st.nPrc[k]++] = EGD_PROC;
    closeClaim(sim, p, k);
    ev.addPro(day, surgeon, s[0], -1, dx.codes[0]);
  }

  simulateSeries(sim, py, p);
}

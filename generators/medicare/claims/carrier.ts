// Carrier claims that start in a physician's office or an independent lab: visits to the usual primary-care
// physician (most visits: this concentration is what makes (date, provider) points identifying), to the
// specialist who manages each condition, routine eye / skin / foot / urology care, lab panels and office
// imaging. Claims tied to hospital services are in carrier-linked.ts. Only on Part B FFS days, before death.
import { DX, dxId, hcpcsId } from '../codes.ts';
import { SPECIALTY } from '../providers.ts';
import { poisson, uniform } from '../../../src/random/prng.ts';
import { CarrierWriter } from './carrier-writer.ts';
import { ACUTE_DX, ROUTINE_DX, anyCondition } from './dx.ts';
import { IMAGING, LAB, applies } from './outpatient-lines.ts';
import { COND, CONDITION_SPECIALTY, pickWeighted, type Profile } from './profile.ts';
import type { PersonYear, Sim } from './sim.ts';

/** Visits per full FFS year at care multiplier 1. */
const PCP_VISITS = 13.5;
const LAB_CLAIMS = 3.5;
const OFFICE_IMAGING = 1.0;
/** Specialist visits per year for a person with each condition. */
const SPECIALIST_VISITS = [0.5, 0.4, 2.3, 3.3, 2.1, 2.3, 3.8, 4.6, 2.1, 2.3, 5.0, 2.1, 1.0];
export const enum CarrierKind { Pcp, Specialist, Routine, Lab, Imaging, Pt, Pro, Stay, Monthly }
export const carrierBase = (kind: CarrierKind) => 1 + kind * 8192;

const h = hcpcsId;
const EM_CODES = [h('99212'), h('99213'), h('99214'), h('99215')];
const EM_WEIGHTS = [0.06, 0.42, 0.42, 0.1];
const SPEC_EM = [h('99213'), h('99214'), h('99215'), h('99204')];
const SPEC_EM_WEIGHTS = [0.35, 0.5, 0.1, 0.05];
const AWV = h('G0439');
const VENIPUNCTURE = h('36415');
const ECG = h('93000');
const INJECTION = h('96372');
const INJECTED = [h('J3420'), h('J1030'), h('J1100')];
const FLU = [h('90662'), h('G0008')];
const JOINT = [h('20610'), h('J3301')];
const URINE = h('81001');
const Z0000 = dxId('Z0000');
// Quality-reporting lines ($0.00) on primary-care visits: [hcpcs, probability, condition required or -1]
const QUALITY: readonly (readonly [number, number, number])[] = [
  [h('G8427'), 0.12, -1], [h('1036F'), 0.05, -1], [h('G8420'), 0.05, -1], [h('1159F'), 0.05, -1], [h('1160F'), 0.05, -1],
  [h('3074F'), 0.1, COND.hypertension], [h('3078F'), 0.1, COND.hypertension], [h('3044F'), 0.15, COND.diabetes],
];
const Z23 = dxId('Z23');
// Specialty add-on lines: [specialty, hcpcs, probability]
const SPECIALTY_LINES: readonly (readonly [number, number, number])[] = [
  [SPECIALTY.cardiology, ECG, 0.25], [SPECIALTY.cardiology, h('93306'), 0.08], [SPECIALTY.cardiology, h('93015'), 0.05],
  [SPECIALTY.pulmonology, h('94010'), 0.25], [SPECIALTY.pulmonology, h('94060'), 0.15], [SPECIALTY.orthopedics, h('73562'), 0.3],
  [SPECIALTY.orthopedics, JOINT[0], 0.25], [SPECIALTY.orthopedics, JOINT[1], 0.25], [SPECIALTY.rheumatology, h('77080'), 0.15],
  [SPECIALTY.rheumatology, JOINT[0], 0.1], [SPECIALTY.endocrinology, h('83036'), 0.3], [SPECIALTY.nephrology, VENIPUNCTURE, 0.2],
  [SPECIALTY.oncology, VENIPUNCTURE, 0.3], [SPECIALTY.oncology, h('85025'), 0.3],
];
// Routine specialties: [specialty, visits per year, visits per year with the condition, condition, procedure, its probability]
const ROUTINE: readonly (readonly [number, number, number, number, number, number])[] = [
  [SPECIALTY.ophthalmology, 0.6, 1.2, COND.diabetes, h('92134'), 0.3], [SPECIALTY.dermatology, 0.5, 0.5, -1, h('17000'), 0.5],
  [SPECIALTY.podiatry, 0.2, 1.5, COND.diabetes, h('11721'), 0.6], [SPECIALTY.urology, 0.25, 0.25, -1, URINE, 0.3],
  [SPECIALTY.gastroenterology, 0.12, 0.12, -1, -1, 0],
];
const ROUTINE_DX_BY_SPECIALTY: Record<number, readonly number[]> = {
  [SPECIALTY.ophthalmology]: [dxId('H2513'), dxId('H409'), dxId('H353210')],
  [SPECIALTY.dermatology]: [dxId('L570')],
  [SPECIALTY.podiatry]: [dxId('B351'), dxId('L97519')],
  [SPECIALTY.urology]: [dxId('N400'), dxId('R3915')],
  [SPECIALTY.gastroenterology]: [dxId('K219'), dxId('K5900')],
};

const w = new CarrierWriter();

export function simulateCarrierOffice(sim: Sim, py: PersonYear, p: Profile): void {
  const B = py.B;
  if (B.days === 0) return;
  const key = py.carKey;
  const st = sim.carrier;

  // Primary care: the usual physician 88% of the time, a colleague otherwise.
  const nPcp = Math.min(8000, poisson(key, 0, 0, PCP_VISITS * p.care * B.share));
  const awvVisit = uniform(key, 0, 2) < 0.5 ? 0 : -1;
  let flu = false;
  for (let e = 0; e < nPcp; e++) {
    const ix = carrierBase(CarrierKind.Pcp) + e;
    const day = B.pick(uniform(key, ix, 0));
    const doc = uniform(key, ix, 1) < 0.88 ? p.pcp : p.anyOf(SPECIALTY.primary_care, uniform(key, ix, 2));
    w.begin(st, py.i, day, day, p.price, uniform(key, ix, 3));
    const c = uniform(key, ix, 4) < 0.68 ? anyCondition(p, uniform(key, ix, 5)) : -1;
    if (e === awvVisit) w.dx.add(Z0000);
    if (c >= 0) w.dx.addCondition(p, c, uniform(key, ix, 6));
    else w.dx.add(ACUTE_DX[Math.floor(uniform(key, ix, 6) * ACUTE_DX.length)]);
    w.dx.addOthers(p, 0.42, c, key, ix, 40);
    if (uniform(key, ix, 7) < 0.25) w.dx.add(ROUTINE_DX[Math.floor(uniform(key, ix, 8) * ROUTINE_DX.length)]);
    if (e === awvVisit) w.line(AWV, doc, 0);
    w.line(EM_CODES[pickWeighted(EM_WEIGHTS, uniform(key, ix, 9))], doc, 0);
    if (uniform(key, ix, 10) < 0.06) w.line(VENIPUNCTURE, doc, 1);
    if (uniform(key, ix, 11) < (p.has(COND.ischemic_heart) || p.has(COND.heart_failure) ? 0.1 : 0.03)) w.line(ECG, doc, 1);
    for (let j = 0; j < QUALITY.length; j++) {
      const [code, prob, cond] = QUALITY[j];
      if ((cond < 0 || p.has(cond)) && uniform(key, ix, 20 + j) < prob) w.line(code, doc, 0);
    }
    if (uniform(key, ix, 12) < 0.05) {
      w.line(INJECTION, doc, 0);
      w.line(INJECTED[Math.floor(uniform(key, ix, 13) * INJECTED.length)], doc, 0);
    }
    if (p.has(COND.ra_oa) && uniform(key, ix, 14) < 0.06) {
      w.line(JOINT[0], doc, 1);
      w.line(JOINT[1], doc, 1);
    }
    if (uniform(key, ix, 15) < 0.05) w.line(URINE, doc, 0);
    if (!flu && B.monthOf(day) >= 8 && uniform(key, ix, 16) < 0.7) {
      flu = true;
      w.dx.add(Z23);
      w.line(FLU[0], doc, w.dx.slotOf(Z23));
      w.line(FLU[1], doc, w.dx.slotOf(Z23));
    }
    w.end();
  }

  // Specialists: the one who manages each condition.
  for (let c = 0, m = p.mask; m; c++, m >>>= 1) {
    if (!(m & 1)) continue;
    const n = Math.min(255, poisson(key, 0, 10 + c, SPECIALIST_VISITS[c] * Math.sqrt(p.care) * B.share));
    // Rheumatoid arthritis (M05, M06) is managed by a rheumatologist, osteoarthritis by an orthopedist.
    const sp = c === COND.ra_oa && DX[p.condCode[c]].startsWith('M0') ? SPECIALTY.rheumatology : CONDITION_SPECIALTY[c];
    const doc = p.specialist(sp);
    for (let e = 0; e < n; e++) {
      const ix = carrierBase(CarrierKind.Specialist) + c * 256 + e;
      const day = B.pick(uniform(key, ix, 0));
      w.begin(st, py.i, day, day, p.price, uniform(key, ix, 1));
      w.dx.addCondition(p, c, uniform(key, ix, 2));
      w.dx.addOthers(p, 0.25, c, key, ix, 40);
      w.line(SPEC_EM[pickWeighted(SPEC_EM_WEIGHTS, uniform(key, ix, 3))], doc, 0);
      for (let j = 0; j < SPECIALTY_LINES.length; j++) {
        const [s, code, prob] = SPECIALTY_LINES[j];
        if (s === sp && uniform(key, ix, 10 + j) < prob) w.line(code, doc, 0);
      }
      w.end();
    }
  }

  // Routine eye, skin, foot, urology and gastroenterology care.
  for (let r = 0; r < ROUTINE.length; r++) {
    const [sp, rate, rateWith, cond, proc, procProb] = ROUTINE[r];
    if (sp === SPECIALTY.urology && p.female) continue;
    const n = Math.min(255, poisson(key, 0, 50 + r, (cond >= 0 && p.has(cond) ? rateWith : rate) * B.share));
    const doc = p.specialist(sp);
    const codes = ROUTINE_DX_BY_SPECIALTY[sp];
    for (let e = 0; e < n; e++) {
      const ix = carrierBase(CarrierKind.Routine) + r * 256 + e;
      const day = B.pick(uniform(key, ix, 0));
      w.begin(st, py.i, day, day, p.price, uniform(key, ix, 1));
      w.dx.add(codes[Math.floor(uniform(key, ix, 2) * codes.length)]);
      if (cond >= 0 && p.has(cond) && uniform(key, ix, 3) < 0.7) w.dx.addCondition(p, cond, uniform(key, ix, 4));
      w.line(sp === SPECIALTY.ophthalmology ? h('92014') : EM_CODES[1 + (uniform(key, ix, 5) < 0.3 ? 1 : 0)], doc, 0);
      if (proc >= 0 && uniform(key, ix, 6) < procProb) w.line(proc, doc, 0);
      w.end();
    }
  }

  // Independent laboratory panels (the lab's organisation NPI performs every line).
  const nLab = Math.min(8000, poisson(key, 0, 60, LAB_CLAIMS * p.care * B.share));
  for (let e = 0; e < nLab; e++) {
    const ix = carrierBase(CarrierKind.Lab) + e;
    const day = B.pick(uniform(key, ix, 0));
    w.begin(st, py.i, day, day, p.price, uniform(key, ix, 1));
    const c = [COND.diabetes, COND.ckd, COND.hyperlipidemia, COND.hypertension][Math.floor(uniform(key, ix, 2) * 4)];
    if (p.has(c)) w.dx.addCondition(p, c, uniform(key, ix, 3));
    else w.dx.add(ROUTINE_DX[Math.floor(uniform(key, ix, 3) * ROUTINE_DX.length)]);
    w.dx.addOthers(p, 0.35, c, key, ix, 40);
    for (let j = 0; j < LAB.hcpcs.length; j++) {
      const prob = LAB.hcpcs[j] === VENIPUNCTURE ? 0.1 : (applies(LAB, j, p) ? LAB.probWhen[j] : LAB.prob[j]) * 0.65;
      if (uniform(key, ix, 10 + j) < prob) w.line(LAB.hcpcs[j], p.lab, j % 2);
    }
    if (w.n === 0) w.line(VENIPUNCTURE, p.lab, 0);
    w.end();
  }

  // Office imaging (global service), billed by a radiology group.
  const nImg = Math.min(8000, poisson(key, 0, 61, OFFICE_IMAGING * p.care * B.share));
  for (let e = 0; e < nImg; e++) {
    const ix = carrierBase(CarrierKind.Imaging) + e;
    const day = B.pick(uniform(key, ix, 0));
    w.begin(st, py.i, day, day, p.price, uniform(key, ix, 1));
    const c = uniform(key, ix, 2) < 0.35 ? anyCondition(p, uniform(key, ix, 3)) : -1;
    if (c >= 0) w.dx.addCondition(p, c, uniform(key, ix, 4));
    else w.dx.add(ACUTE_DX[Math.floor(uniform(key, ix, 4) * ACUTE_DX.length)]);
    let total = 0;
    for (let j = 0; j < IMAGING.hcpcs.length; j++) total += applies(IMAGING, j, p) ? IMAGING.probWhen[j] : IMAGING.prob[j];
    let r = uniform(key, ix, 5) * total;
    let j = 0;
    for (; j < IMAGING.hcpcs.length - 1; j++) {
      r -= applies(IMAGING, j, p) ? IMAGING.probWhen[j] : IMAGING.prob[j];
      if (r < 0) break;
    }
    w.line(IMAGING.hcpcs[j], p.anyOf(SPECIALTY.radiology, uniform(key, ix, 6)), 0);
    w.end();
  }
}

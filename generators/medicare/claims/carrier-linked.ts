// Carrier claims tied to other care: the professional side of facility services (emergency physician,
// radiologist, surgeon, ambulance), physician care during inpatient stays, private-practice physical
// therapy, the monthly dialysis physician fee and nursing-facility visits. Only on Part B FFS days.
import { DRGS, dxId, hcpcsId } from '../codes.ts';
import { SPECIALTY } from '../providers.ts';
import { uniform } from '../../../src/random/prng.ts';
import { CarrierWriter } from './carrier-writer.ts';
import { carrierBase, CarrierKind } from './carrier.ts';
import { MSK_DX } from './dx.ts';
import { PT_EVAL, THERAPY_CODES, THERAPY_PROB } from './outpatient-lines.ts';
import { COND, type Profile } from './profile.ts';
import { AMBULANCE, providerRef } from './registry.ts';
import type { PersonYear, Sim } from './sim.ts';

const h = hcpcsId;
const ADMIT = [h('99223'), h('99222')];
const DAILY = [h('99232'), h('99233'), h('99231')];
const DISCHARGE = [h('99238'), h('99239')];
const CHEST_READ = h('71045');
const AMBULANCE_CODES = [h('A0427'), h('A0429')];
const MILEAGE = h('A0425');
const SURGERY_BY_DRG: Record<string, number> = { '470': h('27447'), '247': h('92928'), '481': h('27236'), '460': h('27447') };
const DIALYSIS_MD = h('90960');
const NURSING_VISIT = [h('99309'), h('99308')];
const N186 = dxId('N186');
const R262 = dxId('R262');

const w = new CarrierWriter();

export function simulateCarrierLinked(sim: Sim, py: PersonYear, p: Profile): void {
  const B = py.B;
  if (B.days === 0) return;
  const key = py.carKey;
  const st = sim.carrier;
  const ev = sim.events;

  // Professional claims for outpatient facility services.
  for (let e = 0; e < ev.pro; e++) {
    const day = ev.proDay[e];
    if (!B.has(day)) continue;
    const ix = carrierBase(CarrierKind.Pro) + e;
    w.begin(st, py.i, day, day, p.price, uniform(key, ix, 0));
    w.dx.add(ev.proDx[e]);
    w.dx.addOthers(p, 0.2, -1, key, ix, 40);
    w.line(ev.proCode1[e], ev.proRef[e], 0);
    w.line(ev.proCode2[e], ev.proRef[e], 0);
    w.end();
  }

  // Inpatient stays: the hospitalist's daily care, a consultant, the surgeon, a chest film read, the ambulance.
  for (let s = 0; s < ev.stays; s++) {
    const adm = ev.stayAdm[s];
    const dis = ev.stayDis[s];
    if (!B.has(adm) || B.runEnd(adm, dis - adm + 1) < dis) continue; // every day of the stay must be Part B FFS
    const ix = carrierBase(CarrierKind.Stay) + s * 16;
    const drg = DRGS[ev.stayDrg[s]];
    const days = dis - adm;
    const begin = (j: number, from: number, thru: number) => {
      w.begin(st, py.i, from, thru, p.price, uniform(key, ix + j, 0));
      w.dx.add(ev.stayDx[s]);
      w.dx.addOthers(p, 0.45, -1, key, ix + j, 40);
    };
    begin(0, adm, dis);
    const at = ev.stayAt[s];
    w.line(ADMIT[uniform(key, ix, 1) < 0.7 ? 0 : 1], at, 0);
    for (let d = 1; d < days && w.n < 12; d++) {
      const u = uniform(key, ix, 10 + d);
      w.line(DAILY[u < 0.6 ? 0 : u < 0.9 ? 1 : 2], at, d % 2);
    }
    if (days > 0) w.line(DISCHARGE[uniform(key, ix, 2) < 0.6 ? 0 : 1], at, 0);
    w.end();
    if (ev.stayOt[s] >= 0) {
      begin(1, adm, Math.min(dis, adm + 2));
      w.line(ADMIT[1], ev.stayOt[s], 0);
      for (let d = 1; d <= Math.min(2, days - 1); d++) w.line(DAILY[0], ev.stayOt[s], 0);
      w.end();
    }
    if (ev.stayOp[s] >= 0) {
      begin(2, adm, adm);
      w.line(SURGERY_BY_DRG[drg.code] ?? SURGERY_BY_DRG['470'], ev.stayOp[s], 0);
      w.end();
    }
    if (uniform(key, ix, 3) < 0.5) {
      begin(3, adm, adm);
      w.line(CHEST_READ, p.anyOf(SPECIALTY.radiology, uniform(key, ix, 4)), 0);
      w.end();
    }
    if (!drg.surgical && uniform(key, ix, 5) < 0.35) {
      begin(4, adm, adm);
      const amb = providerRef(p.slot, AMBULANCE, Math.floor(uniform(key, ix, 6) * p.pool.ambulanceNpi.length));
      w.line(AMBULANCE_CODES[uniform(key, ix, 7) < 0.7 ? 0 : 1], amb, 0);
      w.line(MILEAGE, amb, 0);
      w.end();
    }
  }

  // Private-practice physical therapy: one claim per visit.
  const therapist = p.specialist(SPECIALTY.physical_therapy);
  for (let v = 0; v < ev.pt; v++) {
    const day = ev.ptDay[v];
    if (!B.has(day)) continue;
    const ix = carrierBase(CarrierKind.Pt) + v;
    w.begin(st, py.i, day, day, p.price, uniform(key, ix, 0));
    if (p.has(COND.stroke_tia) && uniform(key, ix, 1) < 0.5) w.dx.addCondition(p, COND.stroke_tia, uniform(key, ix, 2));
    else if (p.has(COND.ra_oa)) w.dx.addCondition(p, COND.ra_oa, uniform(key, ix, 2));
    w.dx.add(MSK_DX[Math.floor(uniform(key, ix, 3) * MSK_DX.length)]);
    if (v === 0) w.line(PT_EVAL, therapist, 0);
    for (let j = 0; j < THERAPY_CODES.length; j++) if (uniform(key, ix, 10 + j) < THERAPY_PROB[j]) w.line(THERAPY_CODES[j], therapist, j % 2);
    w.end();
  }

  // Monthly physician fees: dialysis management (ESRD on dialysis) and nursing-facility visits.
  if (p.dialysis || p.nursingHome) {
    const nephrologist = p.specialist(SPECIALTY.nephrology);
    for (let m = 0; m < 12; m++) {
            let a = -1;
      let b = -1;
      for (let d = py.cal.monthStart[m]; d < py.cal.monthStart[m + 1]; d++) {
        if (!B.has(d)) continue;
        if (a < 0) a = d;
        b = d;
      }
      if (a < 0) continue;
      const ix = carrierBase(CarrierKind.Monthly) + m * 4;
      if (p.dialysis) {
        w.begin(st, py.i, a, b, p.price, uniform(key, ix, 0));
        w.dx.add(N186);
        w.dx.addOthers(p, 0.4, COND.ckd, key, ix, 40);
        w.line(DIALYSIS_MD, nephrologist, 0);
        w.end();
      }
      if (p.nursingHome) {
        const day = a + Math.floor(uniform(key, ix + 1, 1) * (b - a + 1));
        if (!B.has(day)) continue;
        w.begin(st, py.i, day, day, p.price, uniform(key, ix + 1, 0));
        w.dx.addOthers(p, 0.6, -1, key, ix + 1, 40);
        if (w.dx.n === 0) w.dx.add(R262);
        w.line(NURSING_VISIT[uniform(key, ix + 1, 2) < 0.6 ? 0 : 1], p.pcp, 0);
        w.end();
      }
    }
  }
}

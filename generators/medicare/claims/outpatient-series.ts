// Recurring outpatient services: physical therapy episodes, cardiac / pulmonary rehabilitation, dialysis
// and radiation therapy (one claim per month, a line per session), and chemotherapy infusions (a claim
// per visit). Sessions fall only on fee-for-service days.
import { dxId, hcpcsId } from '../codes.ts';
import { SPECIALTY } from '../providers.ts';
import { uniform } from '../../../src/random/prng.ts';
import { MSK_DX } from './dx.ts';
import { OutKind, closeClaim, dx, lines, openClaim, outBase } from './outpatient-claim.ts';
import { CHEMO, PT_EVAL, REV_DIALYSIS, REV_DRUG, REV_HEMATOLOGY, REV_LAB, REV_PT, THERAPY_CODES, THERAPY_PROB, revOf } from './outpatient-lines.ts';
import { COND, type Profile } from './profile.ts';
import type { PersonYear, Sim } from './sim.ts';

const h = hcpcsId;
const EPO = h('J0882');
const IRON = h('J1756');
const CMP = h('80053');
const CBC = h('85025');
const DIALYSIS_DX = [dxId('N186'), dxId('Z992')];
const CHEMO_DX = dxId('Z5111');
const REHAB = { cardiac: h('93798'), pulmonary: h('G0424'), revCardiac: revOf('0943'), revPulmonary: revOf('0948') };
const RADIATION = { imrt: h('77386'), guidance: h('77014'), rev: revOf('0333'), imagingRev: revOf('0320') };

/** Days of a series: `count` sessions from `start`, `step(v)` days apart, kept when eligible. */
function* sessions(py: PersonYear, start: number, count: number, step: (v: number) => number): Generator<number> {
  for (let v = 0, day = start; v < count && day < py.cal.end; day += step(v), v++) if (py.O.has(day)) yield day;
}

/** Bills sessions one claim per calendar month; `bill(k, day, first)` adds a session's lines. */
function monthly(
  sim: Sim, py: PersonYear, p: Profile, ix: number, days: Iterable<number>, at: number,
  diagnose: () => void, bill: (day: number, firstOfClaim: boolean) => void,
): void {
  let k = -1;
  let month = -1;
  for (const day of days) {
    const m = py.O.monthOf(day);
    if (m !== month) {
      if (k >= 0) closeClaim(sim, p, k);
      month = m;
      k = openClaim(sim, py, p, ix + m, day, day, at);
      diagnose();
      bill(day, true);
    } else bill(day, false);
    sim.outpatient.thru[k] = day;
  }
  if (k >= 0) closeClaim(sim, p, k);
}

export function simulateSeries(sim: Sim, py: PersonYear, p: Profile): void {
  const O = py.O;
  const key = py.opKey;
  const ev = sim.events;

  // Physical therapy: 2 visits a week for 4 to 8 weeks, in a hospital department (one claim per month)
  // or a private practice (carrier claims, one per visit, made by carrier-linked.ts).
  const ptChance = Math.min(0.7, (0.09 + 0.12 * +p.has(COND.ra_oa) + 0.15 * +p.has(COND.stroke_tia) + 0.025 * p.nCond) * Math.sqrt(p.care));
  const ix = outBase(OutKind.Therapy);
  if (uniform(key, ix, 0) < ptChance * O.share) {
    const start = O.pick(uniform(key, ix, 1));
    const days = sessions(py, start, 8 + Math.floor(uniform(key, ix, 2) * 9), (v) => (v % 2 ? 4 : 3));
    if (uniform(key, ix, 3) < 0.6) {
      for (const day of days) if (ev.pt < ev.ptDay.length) ev.ptDay[ev.pt++] = day;
    } else {
      let v = 0;
      monthly(sim, py, p, ix + 1, days, p.specialist(SPECIALTY.physical_therapy), () => {
        const c = p.has(COND.stroke_tia) && uniform(key, ix, 4) < 0.5 ? COND.stroke_tia : p.has(COND.ra_oa) ? COND.ra_oa : -1;
        if (c >= 0) dx.addCondition(p, c, uniform(key, ix, 5));
        else dx.add(MSK_DX[Math.floor(uniform(key, ix, 5) * MSK_DX.length)]);
        dx.add(MSK_DX[Math.floor(uniform(key, ix, 6) * MSK_DX.length)]);
      }, () => {
        if (v === 0) lines.add(REV_PT, PT_EVAL);
        for (let j = 0; j < THERAPY_CODES.length; j++) if (uniform(key, ix + 100 + v, j) < THERAPY_PROB[j]) lines.add(REV_PT, THERAPY_CODES[j]);
        v++;
      });
    }
  }

  // Cardiac (heart disease, heart failure) or pulmonary (COPD) rehabilitation: 3 sessions a week for 12 weeks.
  const cardiac = p.has(COND.ischemic_heart) || p.has(COND.heart_failure);
  const rix = outBase(OutKind.Rehab);
  if ((cardiac || p.has(COND.copd)) && uniform(key, rix, 0) < 0.1 * O.share) {
    const useCardiac = cardiac && (!p.has(COND.copd) || uniform(key, rix, 1) < 0.6);
    const cond = useCardiac ? (p.has(COND.ischemic_heart) ? COND.ischemic_heart : COND.heart_failure) : COND.copd;
    const days = sessions(py, O.pick(uniform(key, rix, 2)), 36, (v) => (v % 3 === 2 ? 3 : 2));
    monthly(sim, py, p, rix + 1, days, p.specialist(useCardiac ? SPECIALTY.cardiology : SPECIALTY.pulmonology), () => {
      dx.addCondition(p, cond, uniform(key, rix, 3));
      dx.addOthers(p, 0.3, cond, key, rix, 10);
    }, () => lines.add(useCardiac ? REHAB.revCardiac : REHAB.revPulmonary, useCardiac ? REHAB.cardiac : REHAB.pulmonary));
  }

  // Dialysis (ESRD, not transplanted): Monday, Wednesday and Friday, one claim per month.
  if (p.dialysis) {
    const dix = outBase(OutKind.Dialysis);
    // 1970-01-01 was a Thursday: day % 7 is 4 on Mondays; sessions step 2, 2, 3 days.
    const monday = py.cal.first + ((((4 - py.cal.first) % 7) + 7) % 7);
    let s = 0;
    monthly(sim, py, p, dix, sessions(py, monday, 160, (v) => (v % 3 === 2 ? 3 : 2)), p.specialist(SPECIALTY.nephrology), () => {
      dx.add(DIALYSIS_DX[0]);
      dx.add(DIALYSIS_DX[1]);
      dx.addOthers(p, 0.5, COND.ckd, key, dix, 10);
      lines.add(REV_LAB, CMP);
      lines.add(REV_HEMATOLOGY, CBC);
      lines.add(REV_DRUG, IRON);
    }, () => {
      lines.add(REV_DIALYSIS, -1);
      if (uniform(key, dix + 20, s++) < 0.5) lines.add(REV_DRUG, EPO);
    });
  }

  if (!p.has(COND.cancer)) return;
  // Chemotherapy (in active treatment): infusions every 21 days over 4 to 8 cycles.
  const cix = outBase(OutKind.Chemo);
  if (p.chemo && uniform(key, cix, 0) < 0.6) {
    const cycles = 4 + Math.floor(uniform(key, cix, 2) * 5);
    let c = 0;
    for (const day of sessions(py, O.pick(uniform(key, cix, 1)), cycles, () => 21)) {
      const ix = cix + 1 + c++;
      const k = openClaim(sim, py, p, ix, day, day, p.specialist(SPECIALTY.oncology));
      dx.add(CHEMO_DX);
      dx.addCondition(p, COND.cancer, uniform(key, ix, 1));
      dx.addOthers(p, 0.3, COND.cancer, key, ix, 10);
      lines.addTemplate(CHEMO, p, key, ix, 100, 1);
      closeClaim(sim, p, k);
    }
  }
  // Radiation therapy: daily on weekdays for 5 to 8 weeks, billed monthly.
  const xix = outBase(OutKind.Radiation);
  if (uniform(key, xix, 0) < 0.12 * O.share) {
    const weeks = 5 + Math.floor(uniform(key, xix, 1) * 4);
    const pick = O.pick(uniform(key, xix, 2));
    const monday = pick + ((((4 - pick) % 7) + 7) % 7);
    const days = sessions(py, monday, weeks * 5, (v) => (v % 5 === 4 ? 3 : 1));
    let s = 0;
    monthly(sim, py, p, xix + 1, days, p.specialist(SPECIALTY.oncology), () => {
      dx.addCondition(p, COND.cancer, uniform(key, xix, 3));
      dx.addOthers(p, 0.2, COND.cancer, key, xix, 10);
    }, () => {
      lines.add(RADIATION.rev, RADIATION.imrt);
      if (uniform(key, xix + 20, s++) < 0.3) lines.add(RADIATION.imagingRev, RADIATION.guidance);
    });
  }
}

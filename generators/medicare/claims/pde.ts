// Part D prescription drug events: each maintenance drug refilled every days-supply plus a gap (adherence),
// plus short courses of acute drugs. Only on Part D days (Medicare Advantage or FFS), before death.
// Costs follow a simplified standard benefit: deductible (plans that have one), then a $7 generic copay
// or 25% coinsurance, then 5% in the catastrophic phase; full-benefit duals pay the low-income copays
// ($1.25 / $3.80) and the low-income subsidy (lics_amt) pays the rest of their share. Excluded drugs are
// paid by enhanced plans (ncvrd_plan_pd_amt).
import { ACUTE_DRUGS, DRUGS } from '../codes.ts';
import { SPECIALTY } from '../providers.ts';
import { chance, poisson, uniform } from '../../../src/random/prng.ts';
import { appendSorted } from './order.ts';
import { partDCatastrophic, partDDeductible } from './payments.ts';
import type { Profile } from './profile.ts';
import type { PersonYear, Sim } from './sim.ts';
import type { IntList } from './store.ts';

/** Acute courses per full Part D year at acute multiplier 1. */
const ACUTE_FILLS = 3.5;
/** Chance a maintenance drug is not taken at all in a given year. */
const PAUSED = 0.08;

const GENERIC_COPAY = 700;
const LIS_COPAY_GENERIC = 125;
const LIS_COPAY_BRAND = 380;
const EXCLUDED_COPAY = 1000;

function fill(sim: Sim, py: PersonYear, day: number, drug: number, days: number, prescriber: number, u: number): void {
  const st = sim.pde;
  const k = st.next();
  const d = DRUGS[drug];
  st.bene[k] = py.i;
  st.day[k] = day;
  st.drug[k] = drug;
  st.days[k] = days;
  st.qty[k] = Math.max(1, Math.round((d.quantityPer30 * days) / 30));
  st.tot[k] = Math.max(100, Math.round(((d.costPer30Cents * days) / 30) * (0.92 + 0.16 * u)) + 200);
  st.prescriber[k] = prescriber;
}

export function simulatePde(sim: Sim, py: PersonYear, p: Profile, order: IntList): void {
  const D = py.D;
  if (D.days === 0) return;
  const key = py.pdeKey;
  const start = sim.pde.n;
  const { first, end } = py.cal;
  for (let r = 0; r < p.nDrugs; r++) {
    const ix = 1 + r * 64;
    if (chance(key, ix, 63, PAUSED)) continue;
    const days = p.drugDays[r];
    const gapMean = 1 + 12 * uniform(sim.keys.pde, p.person, 1000 + r) ** 2; // the person's adherence to this drug
    let day = first + Math.floor(uniform(key, ix, 62) * (days + gapMean));
    for (let f = 0; f < 60 && day < end; f++) {
      if (D.has(day)) fill(sim, py, day, p.drug[r], days, p.drugPrescriber[r], uniform(key, ix, f));
      day += days + Math.floor(-Math.log(1 - uniform(key, ix + 1 + f, 61)) * gapMean);
    }
  }
  const nAcute = Math.min(100, poisson(key, 0, 0, ACUTE_FILLS * p.acute * D.share));
  for (let e = 0; e < nAcute; e++) {
    const ix = 1 + 40 * 64 + e;
    const drug = ACUTE_DRUGS[Math.floor(uniform(key, ix, 0) * ACUTE_DRUGS.length)];
    const doc = uniform(key, ix, 1) < 0.75 ? p.pcp : p.anyOf(SPECIALTY.emergency, uniform(key, ix, 2));
    fill(sim, py, D.pick(uniform(key, ix, 3)), drug, DRUGS[drug].daysSupply, doc, uniform(key, ix, 4));
  }
  const from = order.n;
  appendSorted(sim.pde.day, start, sim.pde.n, order);
  payPde(sim, py, p, order.a, from, order.n);
}

/** Splits each event's total cost, in date order, through the year's benefit phases. */
function payPde(sim: Sim, py: PersonYear, p: Profile, order: Int32Array, from: number, to: number): void {
  const st = sim.pde;
  let dedRem = p.pdDeductible ? partDDeductible(py.cal.year) : 0;
  const catastrophic = partDCatastrophic(py.cal.year);
  let troop = 0;
  for (let j = from; j < to; j++) {
    const k = order[j];
    const tot = st.tot[k];
    const kind = DRUGS[st.drug[k]].kind;
    let ptnt: number;
    let lics = 0;
    let ncvrd = 0;
    if (kind === 'x') {
      ptnt = Math.min(tot, EXCLUDED_COPAY);
      ncvrd = tot - ptnt;
    } else {
      const ded = Math.min(dedRem, tot);
      dedRem -= ded;
      const rest = tot - ded;
      const inCatastrophic = troop >= catastrophic;
      const share = inCatastrophic ? Math.round(rest * 0.05) : kind === 'g' ? Math.min(rest, GENERIC_COPAY) : Math.round(rest * 0.25);
      const owed = ded + share;
      if (p.dual) {
        ptnt = Math.min(owed, inCatastrophic ? 0 : kind === 'g' ? LIS_COPAY_GENERIC : LIS_COPAY_BRAND);
        lics = owed - ptnt;
      } else ptnt = owed;
      troop += ptnt + lics;
    }
    st.ptnt[k] = ptnt;
    st.lics[k] = lics;
    st.ncvrd[k] = ncvrd;
    st.cvrd[k] = tot - ptnt - lics - ncvrd;
  }
}

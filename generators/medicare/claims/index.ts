// The Medicare claims generator: carrier, outpatient, inpatient and Part D event tables for a batch of
// beneficiaries, plus the CCW-style condition flags derived from the generated claims.
//
// Every value for a beneficiary is a pure function of (seed, personIndex, calendar year, the beneficiary's
// own attributes): draws are keyed by the global personIndex, never by batch position, so a beneficiary
// generated alone or in a batch of 50,000 gets byte-identical rows. Claims are simulated as numbers first;
// strings are built only for the wanted tables. See flags.ts for the flag rule, payments.ts for the
// payment identities.
import type { TableChunk } from '../../../src/table/schema.ts';
import { NO_DAY, type BeneficiaryBatch, type ClaimsContext } from '../types.ts';
import { dateStrings, dayOf, yearCalendar } from './calendar.ts';
import { simulateCarrierLinked } from './carrier-linked.ts';
import { simulateCarrierOffice } from './carrier.ts';
import { deriveFlags } from './flags.ts';
import { simulateInpatient } from './inpatient.ts';
import { lazyClaimChunk, type MaterialiseContext } from './materialise.ts';
import { simulateOutpatient } from './outpatient.ts';
import { applyPartB, partBDeductible } from './payments.ts';
import { appendSorted } from './order.ts';
import { simulatePde } from './pde.ts';
import { Profile } from './profile.ts';
import { PersonYear, releaseStores, Sim } from './sim.ts';
import { CARRIER_LINES, IntList } from './store.ts';
import { validateInputs } from './validate.ts';

export { CLAIM_SCHEMAS } from './schemas.ts';

export interface ClaimTablesWanted {
  claims_carrier: boolean;
  claims_outpatient: boolean;
  claims_inpatient: boolean;
  claims_pde: boolean;
}

/** Annual totals per beneficiary-year [i * years + y], in cents (DE-SynPUF MEDREIMB / BENRES / PPPYMT). */
export interface ClaimPayments {
  readonly medreimbIp: Float64Array;
  readonly benresIp: Float64Array;
  readonly pppymtIp: Float64Array;
  readonly medreimbOp: Float64Array;
  readonly benresOp: Float64Array;
  readonly pppymtOp: Float64Array;
  readonly medreimbCar: Float64Array;
  readonly benresCar: Float64Array;
  readonly pppymtCar: Float64Array;
}

export interface ClaimsResult {
  /** Only the wanted tables; rows ordered by beneficiary (batch order), then service date, then claim id. */
  chunks: Partial<Record<keyof ClaimTablesWanted, TableChunk>>;
  /** [i * years + y]: CCW-style flags derived from that year's generated claims (bit c = CONDITIONS[c]). */
  conditionFlags: Uint16Array;
  /** [i]: the latent (true) condition mask. */
  latentConditions: Uint16Array;
  /** Claims generated per table (Part D events are simulated only when claims_pde is wanted, else 0). */
  claimCounts: Record<keyof ClaimTablesWanted, number>;
  /** Annual payment totals per beneficiary-year (extra: for the beneficiary summary table). */
  payments: ClaimPayments;
  /**
   * Says the chunks will not be read again (their rows are written): the simulation's stores go back to
   * be reused by the next call in this thread, and reading a chunk afterwards throws.
   */
  release(): void;
}

const MAX_SEQ = 99_999;

export function generateClaims(batch: BeneficiaryBatch, ctx: ClaimsContext, wanted: ClaimTablesWanted): ClaimsResult {
  validateInputs(batch, ctx);
  const { n } = batch;
  const years = ctx.years;
  const sim = new Sim(ctx.seed);
  const cals = Array.from({ length: years }, (_, y) => yearCalendar(ctx.firstYear + y));
  const midFirstYear = dayOf(ctx.firstYear, 6, 1);
  const profile = new Profile();
  const py = new PersonYear();
  const order = { car: new IntList(), out: new IntList(), ip: new IntList(), pde: new IntList() };
  const conditionFlags = new Uint16Array(n * years);
  const latentConditions = new Uint16Array(n);
  const f64 = () => new Float64Array(n * years);
  const payments: ClaimPayments = {
    medreimbIp: f64(), benresIp: f64(), pppymtIp: f64(), medreimbOp: f64(), benresOp: f64(), pppymtOp: f64(),
    medreimbCar: f64(), benresCar: f64(), pppymtCar: f64(),
  };
  const { carrier: car, outpatient: out, inpatient: ip, pde } = sim;

  for (let i = 0; i < n; i++) {
    const personIndex = batch.personIndex[i];
    const age = (midFirstYear - batch.birthDay[i]) / 365.25;
    profile.load(sim, {
      personIndex, age, female: batch.sex[i] === 2, disabled: batch.disabled[i] === 1, esrd: batch.esrd[i] === 1,
      dual: batch.dual[i] === 1, zip3: batch.zip3[i],
    });
    latentConditions[i] = profile.mask;
    const death = batch.deathDay[i];
    const first = { car: order.car.n, out: order.out.n, ip: order.ip.n, pde: order.pde.n };
    for (let y = 0; y < years; y++) {
      const cal = cals[y];
      const iy = i * years + y;
      const end = death === NO_DAY ? cal.end : death;
      const ma = batch.medicareAdvantage[iy];
      const a = batch.partA[iy] & ~ma;
      const b = batch.partB[iy] & ~ma;
      py.set(sim.keys, personIndex, cal);
      py.i = i;
      py.y = y;
      py.A.set(cal, a, end);
      py.B.set(cal, b, end);
      py.O.set(cal, a | b, end);
      py.D.set(cal, batch.partD[iy], end);
      sim.events.reset();
      const c0 = car.n;
      const o0 = out.n;
      const i0 = ip.n;
      simulateInpatient(sim, py, profile);
      simulateOutpatient(sim, py, profile);
      simulateCarrierOffice(sim, py, profile);
      simulateCarrierLinked(sim, py, profile);
      for (let k = i0; k < ip.n; k++) order.ip.push(k); // stays are generated in date order
      const oc = order.car.n;
      const oo = order.out.n;
      appendSorted(car.from, c0, car.n, order.car);
      appendSorted(out.from, o0, out.n, order.out);
      applyPartB(partBDeductible(cal.year), car, order.car.a, oc, order.car.n, out, order.out.a, oo, order.out.n);
      if (wanted.claims_pde) simulatePde(sim, py, profile, order.pde);
      conditionFlags[iy] = deriveFlags(car, c0, car.n, out, o0, out.n, ip, i0, ip.n);
      addPayments(payments, iy, sim, c0, o0, i0);
    }
    numberClaims(order.car, first.car, car.seq);
    numberClaims(order.out, first.out, out.seq);
    numberClaims(order.ip, first.ip, ip.seq);
    numberClaims(order.pde, first.pde, pde.seq);
  }

  const m: MaterialiseContext = { batch, registry: sim.registry, dates: dateStrings(cals), firstDay: cals[0].first };
  const chunks: ClaimsResult['chunks'] = {};
  const flag = { released: false };
  // Columns are built only if read (Parquet, JSON, the in-memory world); CSV writes rows from the stores.
  if (wanted.claims_carrier) chunks.claims_carrier = lazyClaimChunk({ table: 'carrier', m, store: car, order: order.car }, flag);
  if (wanted.claims_outpatient) chunks.claims_outpatient = lazyClaimChunk({ table: 'outpatient', m, store: out, order: order.out }, flag);
  if (wanted.claims_inpatient) chunks.claims_inpatient = lazyClaimChunk({ table: 'inpatient', m, store: ip, order: order.ip }, flag);
  if (wanted.claims_pde) chunks.claims_pde = lazyClaimChunk({ table: 'pde', m, store: pde, order: order.pde }, flag);
  return {
    chunks,
    conditionFlags,
    latentConditions,
    claimCounts: { claims_carrier: car.n, claims_outpatient: out.n, claims_inpatient: ip.n, claims_pde: pde.n },
    payments,
    release() {
      if (flag.released) return;
      flag.released = true;
      releaseStores(sim);
    },
  };
}

/** Gives a beneficiary's claims of one table the sequence numbers 1, 2, ... in output order. */
function numberClaims(order: IntList, from: number, seq: Int32Array): void {
  if (order.n - from > MAX_SEQ) throw new Error(`generateClaims: a beneficiary has more than ${MAX_SEQ} claims in one table`);
  for (let r = from, s = 1; r < order.n; r++, s++) seq[order.a[r]] = s;
}

function addPayments(p: ClaimPayments, iy: number, sim: Sim, c0: number, o0: number, i0: number): void {
  const { carrier: car, outpatient: out, inpatient: ip } = sim;
  for (let k = i0; k < ip.n; k++) {
    p.medreimbIp[iy] += ip.pmt[k];
    p.benresIp[iy] += ip.ded[k] + ip.coins[k] + ip.blood[k];
    p.pppymtIp[iy] += ip.prm[k];
  }
  for (let k = o0; k < out.n; k++) {
    p.medreimbOp[iy] += out.pmt[k];
    p.benresOp[iy] += out.ded[k] + out.coins[k] + out.blood[k];
    p.pppymtOp[iy] += out.prm[k];
  }
  for (let k = c0; k < car.n; k++) {
    for (let o = k * CARRIER_LINES, e = o + car.nLines[k]; o < e; o++) {
      p.medreimbCar[iy] += car.pmt[o];
      p.benresCar[iy] += car.ded[o] + car.coins[o];
    }
  }
}

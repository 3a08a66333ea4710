// What stays the same for a beneficiary across claim years: latent conditions, how much care they use,
// their usual physicians and hospital, the diagnosis code each condition is recorded under, and their
// maintenance drugs. A pure function of (seed, personIndex, the beneficiary's attributes).
import { CONDITIONS } from '../types.ts';
import { conditionCount, frailty, latentConditions } from '../conditions.ts';
import { CONDITION_DRUGS, CONDITION_DX, DRUGS, OTHER_CHRONIC_DRUGS, dxId } from '../codes.ts';
import { SPECIALTY, type ProviderPool } from '../providers.ts';
import { below, chance, normal, poisson, uniform } from '../../../src/random/prng.ts';
import { HOSPITAL, LAB, PHYSICIAN, providerRef } from './registry.ts';
import type { Sim } from './sim.ts';

export const COND = Object.fromEntries(CONDITIONS.map((c, i) => [c, i])) as { readonly [K in (typeof CONDITIONS)[number]]: number };

/** The specialty that manages each condition (index into SPECIALTIES). */
export const CONDITION_SPECIALTY: Int8Array = Int8Array.from([
  SPECIALTY.cardiology, SPECIALTY.cardiology, SPECIALTY.orthopedics, SPECIALTY.cardiology, SPECIALTY.endocrinology,
  SPECIALTY.nephrology, SPECIALTY.psychiatry, SPECIALTY.cardiology, SPECIALTY.neurology, SPECIALTY.pulmonology,
  SPECIALTY.oncology, SPECIALTY.neurology, SPECIALTY.rheumatology,
]);

/** Picks an index from weights with one uniform (linear scan; the lists are short). */
export function pickWeighted(weights: ArrayLike<number>, u: number): number {
  let total = 0;
  for (let j = 0; j < weights.length; j++) total += weights[j];
  let r = u * total;
  for (let j = 0; j < weights.length; j++) {
    r -= weights[j];
    if (r < 0) return j;
  }
  return weights.length - 1;
}

export interface PersonAttributes {
  readonly personIndex: number;
  readonly age: number;
  readonly female: boolean;
  readonly disabled: boolean;
  readonly esrd: boolean;
  readonly dual: boolean;
  readonly zip3: number;
}

const MAX_DRUGS = 32;
const N186 = dxId('N186'); // end-stage renal disease

export class Profile {
  person = 0;
  mask = 0;
  nCond = 0;
  z = 0;
  age = 75;
  female = false;
  esrd = false;
  dual = false;
  pool!: ProviderPool;
  slot = 0;
  price = 1;
  pcp = 0;
  hospital = 0;
  lab = 0;
  /** Multipliers of routine care, acute care and admissions (population mean near 1). */
  care = 1;
  acute = 1;
  admit = 1;
  /** Other primary insurance (Medicare secondary payer), a Part D plan with a deductible, nursing-home resident. */
  msp = false;
  pdDeductible = false;
  nursingHome = false;
  /** Cancer in active infusion treatment; ESRD on dialysis (not transplanted). */
  chemo = false;
  dialysis = false;
  /** The diagnosis code (id) each condition is usually recorded under. */
  readonly condCode = new Int16Array(CONDITIONS.length);
  nDrugs = 0;
  readonly drug = new Int16Array(MAX_DRUGS);
  readonly drugDays = new Int16Array(MAX_DRUGS);
  readonly drugPrescriber = new Int32Array(MAX_DRUGS);
  private key = 0;

  load(sim: Sim, a: PersonAttributes): this {
    const key = (this.key = sim.keys.profile);
    const p = (this.person = a.personIndex);
    this.age = a.age;
    this.female = a.female;
    this.esrd = a.esrd;
    this.dual = a.dual;
    this.mask = latentConditions(sim.keys.conditions, p, a);
    this.nCond = conditionCount(this.mask);
    this.z = frailty(sim.keys.conditions, p);
    this.slot = sim.registry.slot(a.zip3);
    this.pool = sim.registry.pools[this.slot];
    this.price = this.pool.priceIndex;

    const pcs = this.pool.bySpecialty[SPECIALTY.primary_care];
    this.pcp = providerRef(this.slot, PHYSICIAN, pcs[Math.floor(pcs.length * uniform(key, p, 2) ** 1.4)]);
    const nh = this.pool.hospitalNpi.length;
    this.hospital = providerRef(this.slot, HOSPITAL, Math.floor(nh * uniform(key, p, 3) ** 2));
    this.lab = providerRef(this.slot, LAB, below(key, p, 4, this.pool.labNpi.length));

    const has = (c: number) => (this.mask >>> c) & 1;
    const decades = (a.age - 75) / 10;
    const z = this.z;
    // Draw slots (k): 2-9 choices, 10-15 three normals (k, k+1), 16 dialysis, 18-32 codes, 60-80 specialists, 100+ drugs.
    this.care = Math.exp(0.3 * z + 0.35 * normal(key, p, 10) - 0.106) * (0.42 + 0.17 * this.nCond) * (1 + 0.05 * decades);
    this.acute = Math.exp(0.45 * z + 0.3 * normal(key, p, 12) - 0.146) *
      (0.3 + 0.13 * this.nCond + 0.3 * has(COND.heart_failure) + 0.25 * has(COND.copd) + 0.15 * has(COND.ckd) + 0.2 * has(COND.alzheimers));
    this.admit = Math.exp(0.45 * z + 0.3 * normal(key, p, 14) - 0.146) * (1 + 0.2 * decades) *
      (0.2 + 0.08 * this.nCond + 0.45 * has(COND.heart_failure) + 0.3 * has(COND.copd) + 0.25 * has(COND.ckd) +
        0.15 * has(COND.alzheimers) + 0.1 * has(COND.diabetes) + 0.12 * has(COND.stroke_tia) + 0.15 * has(COND.cancer) + (a.esrd ? 0.8 : 0));
    this.msp = a.age >= 65 && a.age < 75 && chance(key, p, 5, 0.06);
    this.pdDeductible = chance(key, p, 6, 0.55);
    this.nursingHome = chance(key, p, 7, has(COND.alzheimers) ? 0.3 : a.age > 85 ? 0.04 : 0.005);
    this.chemo = has(COND.cancer) === 1 && chance(key, p, 8, 0.2);
    this.dialysis = a.esrd && chance(key, p, 16, 0.85);

    for (let c = 0; c < CONDITIONS.length; c++) {
      const { codes, weights } = CONDITION_DX[c];
      this.condCode[c] = codes[pickWeighted(weights, uniform(key, p, 20 + c))];
    }
    // Cancer codes 0 and 1 are prostate (men) and breast (women): 45% of cancers, the rest other sites.
    const cancer = CONDITION_DX[COND.cancer].codes;
    const sexSite = this.female ? 1 : 0;
    this.condCode[COND.cancer] = cancer[chance(key, p, 19, 0.45) ? sexSite : 2 + below(key, p, 18, cancer.length - 2)];
    if (a.esrd) this.condCode[COND.ckd] = N186;
    this.loadDrugs(key, p);
    return this;
  }

  /** The person's usual physician of a specialty. */
  specialist(sp: number): number {
    const list = this.pool.bySpecialty[sp];
    return providerRef(this.slot, PHYSICIAN, list[below(this.key, this.person, 60 + sp, list.length)]);
  }

  /** Any physician of a specialty, chosen by u (hospitalists, emergency physicians, radiologists). */
  anyOf(sp: number, u: number): number {
    const list = this.pool.bySpecialty[sp];
    return providerRef(this.slot, PHYSICIAN, list[Math.floor(u * list.length)]);
  }

  has(c: number): boolean {
    return ((this.mask >>> c) & 1) === 1;
  }

  private addDrug(d: number, mailOrder: boolean, u: number, prescriber: number): void {
    for (let j = 0; j < this.nDrugs; j++) if (this.drug[j] === d) return;
    if (this.nDrugs === MAX_DRUGS) return;
    const base = DRUGS[d].daysSupply;
    this.drug[this.nDrugs] = d;
    this.drugDays[this.nDrugs] = base >= 28 && u < (mailOrder ? 0.85 : 0.05) ? base * 3 : base;
    this.drugPrescriber[this.nDrugs] = prescriber;
    this.nDrugs++;
  }

  private loadDrugs(key: number, p: number): void {
    this.nDrugs = 0;
    const mailOrder = chance(key, p, 9, 0.4);
    for (let c = 0; c < CONDITIONS.length; c++) {
      if (!this.has(c)) continue;
      const { take, drugs, weights } = CONDITION_DRUGS[c];
      for (let t = 0; t < take.length; t++) {
        const k = 100 + c * 16 + t * 4;
        if (!chance(key, p, k, take[t])) break;
        const prescriber = uniform(key, p, k + 3) < 0.3 ? this.specialist(CONDITION_SPECIALTY[c]) : this.pcp;
        this.addDrug(drugs[pickWeighted(weights, uniform(key, p, k + 1))], mailOrder, uniform(key, p, k + 2), prescriber);
      }
    }
    const others = poisson(key, p, 399, 1.2 + 0.27 * this.nCond);
    for (let j = 0; j < others; j++) {
      const k = 400 + j * 4;
      const d = OTHER_CHRONIC_DRUGS[below(key, p, k, OTHER_CHRONIC_DRUGS.length)];
      this.addDrug(d, mailOrder, uniform(key, p, k + 1), this.pcp);
    }
  }
}

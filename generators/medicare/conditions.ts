// Latent (true) chronic conditions of a beneficiary, as a bit mask over CONDITIONS.
//
// Each condition is a logistic draw whose log-odds add: a base, an age slope (per decade from 75), sex,
// disability before 65, ESRD, a shared frailty (so conditions cluster in the same people) and the
// conditions drawn before it (diabetes raises CKD, heart disease and heart failure; hypertension raises
// CKD and stroke; ...). ESRD implies CKD. The bases are calibrated so that the share of full-year FFS
// beneficiaries aged 65+ FLAGGED from their generated claims lands near the CCW 2019 prevalences
// (REFERENCE.md section 3); the latent share is higher because a condition is flagged only when coded.
import { normal, uniform } from '../../src/random/prng.ts';
import { CONDITIONS, type Condition } from './types.ts';

const C = Object.fromEntries(CONDITIONS.map((c, i) => [c, i])) as { readonly [K in Condition]: number };

export interface ConditionModel {
  readonly condition: number;
  /** Log-odds at age 75, male, not disabled, average frailty, no other condition. */
  readonly base: number;
  readonly agePerDecade: number;
  readonly female: number;
  readonly disabledUnder65: number;
  readonly esrd: number;
  readonly frailty: number;
  /** [condition bit, log-odds added when that (earlier) condition is present]. */
  readonly after: readonly (readonly [number, number])[];
}

// Drawn in this order (a condition can depend only on conditions above it).
export const CONDITION_MODELS: readonly ConditionModel[] = [
  { condition: C.hypertension, base: 0.36, agePerDecade: 0.35, female: 0, disabledUnder65: 0.2, esrd: 2.5, frailty: 0.4, after: [] },
  { condition: C.hyperlipidemia, base: -0.32, agePerDecade: -0.05, female: -0.05, disabledUnder65: 0, esrd: 0.3, frailty: 0.3, after: [[C.hypertension, 0.6]] },
  { condition: C.diabetes, base: -1.56, agePerDecade: -0.1, female: -0.2, disabledUnder65: 0.3, esrd: 1.6, frailty: 0.45, after: [[C.hypertension, 0.6], [C.hyperlipidemia, 0.5]] },
  { condition: C.ckd, base: -1.92, agePerDecade: 0.55, female: -0.1, disabledUnder65: 0.2, esrd: 0, frailty: 0.45, after: [[C.diabetes, 0.9], [C.hypertension, 0.7]] },
  { condition: C.ischemic_heart, base: -1.86, agePerDecade: 0.4, female: -0.5, disabledUnder65: 0.1, esrd: 0.6, frailty: 0.45, after: [[C.hypertension, 0.6], [C.hyperlipidemia, 0.8], [C.diabetes, 0.5], [C.ckd, 0.3]] },
  { condition: C.heart_failure, base: -3.18, agePerDecade: 0.65, female: -0.2, disabledUnder65: 0.2, esrd: 1.0, frailty: 0.5, after: [[C.ischemic_heart, 1.3], [C.diabetes, 0.5], [C.ckd, 0.8], [C.hypertension, 0.4]] },
  { condition: C.stroke_tia, base: -3.97, agePerDecade: 0.45, female: 0, disabledUnder65: 0.3, esrd: 0.3, frailty: 0.4, after: [[C.hypertension, 0.5], [C.diabetes, 0.4], [C.ischemic_heart, 0.3]] },
  { condition: C.copd, base: -2.18, agePerDecade: 0.1, female: 0.05, disabledUnder65: 0.4, esrd: 0, frailty: 0.45, after: [[C.heart_failure, 0.4]] },
  { condition: C.depression, base: -1.91, agePerDecade: -0.05, female: 0.5, disabledUnder65: 1.3, esrd: 0.3, frailty: 0.4, after: [[C.stroke_tia, 0.4], [C.heart_failure, 0.3], [C.copd, 0.3]] },
  { condition: C.alzheimers, base: -2.68, agePerDecade: 1.1, female: 0.15, disabledUnder65: 0.6, esrd: 0, frailty: 0.35, after: [[C.stroke_tia, 0.6], [C.depression, 0.4], [C.diabetes, 0.2]] },
  { condition: C.ra_oa, base: -0.89, agePerDecade: 0.25, female: 0.35, disabledUnder65: 0.4, esrd: 0, frailty: 0.3, after: [[C.depression, 0.2]] },
  { condition: C.cancer, base: -2.40, agePerDecade: 0.25, female: -0.2, disabledUnder65: 0, esrd: 0, frailty: 0.2, after: [[C.copd, 0.2]] },
  { condition: C.osteoporosis, base: -4.82, agePerDecade: 0.6, female: 2.3, disabledUnder65: 0.3, esrd: 0.3, frailty: 0.2, after: [[C.ra_oa, 0.3], [C.copd, 0.2]] },
];

/** The shared frailty of a person (standard normal): it raises both conditions and use of care. */
export function frailty(key: number, personIndex: number): number {
  return normal(key, personIndex, 0);
}

export interface HealthInputs {
  /** Age in years (may be fractional) at mid-year of the first claims year. */
  readonly age: number;
  readonly female: boolean;
  readonly disabled: boolean;
  readonly esrd: boolean;
}

/**
 * The latent condition mask of one person: a pure function of (key, personIndex, inputs).
 * key is streamKey(seed, 'medicare.conditions').
 */
export function latentConditions(key: number, personIndex: number, h: HealthInputs): number {
  const z = frailty(key, personIndex);
  const decades = (h.age - 75) / 10;
  const under65Disabled = h.age < 65 && (h.disabled || h.esrd);
  let mask = h.esrd ? 1 << C.ckd : 0;
  for (let m = 0; m < CONDITION_MODELS.length; m++) {
    const md = CONDITION_MODELS[m];
    if (mask & (1 << md.condition)) continue;
    let logit = md.base + md.agePerDecade * decades + md.frailty * z;
    if (h.female) logit += md.female;
    if (under65Disabled) logit += md.disabledUnder65;
    if (h.esrd) logit += md.esrd;
    for (const [c, add] of md.after) if (mask & (1 << c)) logit += add;
    // k = 2 + condition bit: one draw per condition (k 0-1 are the frailty's normal draw).
    if (uniform(key, personIndex, 2 + md.condition) < 1 / (1 + Math.exp(-logit))) mask |= 1 << md.condition;
  }
  return mask;
}

/** Number of set bits in a condition mask. */
export function conditionCount(mask: number): number {
  let n = 0;
  for (let m = mask; m; m &= m - 1) n++;
  return n;
}

// What the claims generator receives about a batch of beneficiaries, column-major.
// Days are integers: days since 1970-01-01 (UTC). NO_DAY marks "never".

export { NO_DAY } from '../../src/dates.ts';

/** Chronic conditions, as bit positions in a condition mask (CCW / DE-SynPUF SP_* flags). */
export const CONDITIONS = [
  'hypertension',
  'hyperlipidemia',
  'ra_oa',
  'ischemic_heart',
  'diabetes',
  'ckd',
  'depression',
  'heart_failure',
  'alzheimers',
  'copd',
  'cancer',
  'stroke_tia',
  'osteoporosis',
] as const;
export type Condition = (typeof CONDITIONS)[number];

export interface BeneficiaryBatch {
  readonly n: number;
  /** Global person index (the truth id) of each beneficiary. */
  readonly personIndex: Int32Array;
  /** Public beneficiary id (16 hex chars, DE-SynPUF style). */
  readonly beneId: readonly string[];
  /** A pseudo-random ordinal unique per beneficiary, used to build claim ids. */
  readonly beneOrdinal: Float64Array;
  readonly sex: Uint8Array; // 1 male, 2 female
  readonly birthDay: Int32Array;
  readonly deathDay: Int32Array; // NO_DAY when alive through the claims period
  /** Index into the calibration ZCTA table of the current residence. */
  readonly zcta: Int32Array;
  /** First three ZIP digits as a number (e.g. 21 for '021'). */
  readonly zip3: Int32Array;
  readonly esrd: Uint8Array;
  readonly disabled: Uint8Array;
  readonly dual: Uint8Array;
  /**
   * Monthly coverage for each claims year y (0-based): bit m (0 = January) set when covered.
   * Index [i * years + y].
   */
  readonly partA: Uint16Array;
  readonly partB: Uint16Array;
  readonly medicareAdvantage: Uint16Array;
  readonly partD: Uint16Array;
}

export interface ClaimsContext {
  readonly seed: number | string;
  readonly firstYear: number;
  readonly years: number;
}

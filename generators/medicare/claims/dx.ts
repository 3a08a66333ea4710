// Assembling a claim's diagnosis list: chronic conditions coded under the person's usual code (sometimes
// another code of the same condition), plus non-chronic codes; no duplicates, capped at the slot count.
import { CONDITION_DX, DX_CONDITION, DX_GROUPS, dxId } from '../codes.ts';
import { uniform } from '../../../src/random/prng.ts';
import { CONDITIONS } from '../types.ts';
import { pickWeighted, type Profile } from './profile.ts';

const CANCER = CONDITIONS.indexOf('cancer');
const CKD = CONDITIONS.indexOf('ckd');

/** How readily each condition is written on a claim it is not the reason for (relative). */
const CODING_WEIGHT = Float64Array.from([1.3, 1.0, 0.9, 1.1, 1.3, 1.0, 1.0, 1.2, 1.1, 1.1, 1.0, 0.8, 0.8]);

const group = (codes: readonly string[]) => Int16Array.from(codes, dxId);
export const ROUTINE_DX = group(DX_GROUPS.routine);
export const ACUTE_DX = group(DX_GROUPS.acute);
export const MSK_DX = group(DX_GROUPS.musculoskeletal);
export const EMERGENCY_DX = group(DX_GROUPS.emergency);
export const INPATIENT_SECONDARY_DX = group(DX_GROUPS.inpatientSecondary);

/**
 * The code a condition is recorded under on one claim: the person's usual code 85% of the time (always for
 * cancer, whose site is fixed, and for end-stage renal disease).
 */
export function conditionCode(p: Profile, c: number, u: number): number {
  if (u < 0.85 || c === CANCER || (c === CKD && p.esrd)) return p.condCode[c];
  const { codes, weights } = CONDITION_DX[c];
  return codes[pickWeighted(weights, (u - 0.85) / 0.15)];
}

/** The k-th (0-based) set bit of a mask. */
export function nthBit(mask: number, k: number): number {
  for (let b = 0; b < 16; b++) {
    if (mask & (1 << b)) {
      if (k === 0) return b;
      k--;
    }
  }
  return -1;
}

/** A condition of the person chosen uniformly by u, or -1 when they have none. */
export function anyCondition(p: Profile, u: number): number {
  return p.nCond === 0 ? -1 : nthBit(p.mask, Math.floor(u * p.nCond));
}

/** Collects a claim's diagnoses; `mask` gathers the chronic conditions they qualify for. */
export class DxList {
  readonly codes = new Int16Array(16);
  n = 0;
  mask = 0;
  cap = 8;

  reset(cap: number): this {
    this.n = 0;
    this.mask = 0;
    this.cap = cap;
    return this;
  }

  add(code: number): void {
    if (this.n >= this.cap) return;
    for (let j = 0; j < this.n; j++) if (this.codes[j] === code) return;
    this.codes[this.n++] = code;
    const c = DX_CONDITION[code];
    if (c >= 0) this.mask |= 1 << c;
  }

  addCondition(p: Profile, c: number, u: number): void {
    this.add(conditionCode(p, c, u));
  }

  /**
   * Adds each of the person's conditions (except `skip`) with probability prob * CODING_WEIGHT[c],
   * drawing uniform(key, index, k0 + c).
   */
  addOthers(p: Profile, prob: number, skip: number, key: number, index: number, k0: number): void {
    for (let c = 0, m = p.mask; m; c++, m >>>= 1) {
      if (!(m & 1) || c === skip) continue;
      const q = Math.min(0.95, prob * CODING_WEIGHT[c]);
      const u = uniform(key, index, k0 + c);
      if (u < q) this.addCondition(p, c, u / q);
    }
  }

  /** Position of a code in the list (0 when absent). */
  slotOf(code: number): number {
    for (let j = 0; j < this.n; j++) if (this.codes[j] === code) return j;
    return 0;
  }

  /** Copies the list into a strided store slot. */
  write(dst: Int16Array, offset: number): number {
    dst.set(this.codes.subarray(0, this.n), offset);
    return this.n;
  }
}

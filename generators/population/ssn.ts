// Social Security numbers (REFERENCE 2). SSNs are handed out by a keyed bijection from person index
// to a number space, so they are unique and shard-safe. The default 'synthetic' space can never hold a
// real SSN: areas 900-999 with groups that are not ITIN groups. 'realistic' uses the issuable space
// (areas 001-899 except 666, groups 01-99, serials 0001-9999) and must be asked for explicitly.
import { permutation, type Permutation } from '../../src/random/permutation.ts';
import { streamKey, below } from '../../src/random/prng.ts';
import { OptionError, type SsnMode } from '../world-types.ts';

/** Group numbers of 9xx numbers that are ITINs (and so never synthetic SSNs). */
export function isItinGroup(g: number): boolean {
  return (g >= 50 && g <= 65) || (g >= 70 && g <= 88) || (g >= 90 && g <= 92) || (g >= 94 && g <= 99);
}

const SYNTHETIC_GROUPS = Array.from({ length: 99 }, (_, i) => i + 1).filter((g) => !isItinGroup(g));
const ITIN_GROUPS = Array.from({ length: 99 }, (_, i) => i + 1).filter(isItinGroup);
const ISSUABLE_AREAS = Array.from({ length: 899 }, (_, i) => i + 1).filter((a) => a !== 666);
const SERIALS = 9999;

export interface SsnSpace {
  readonly mode: SsnMode;
  readonly size: number;
  /** The k-th number of the space as a 9-digit integer. */
  at(k: number): number;
  contains(ssn: number): boolean;
}

function space(mode: SsnMode, areas: readonly number[], groups: readonly number[]): SsnSpace {
  const perArea = groups.length * SERIALS;
  const areaSet = new Set(areas);
  const groupSet = new Set(groups);
  return {
    contains: (x) => x % 10_000 !== 0 && areaSet.has(Math.floor(x / 1_000_000)) && groupSet.has(Math.floor(x / 10_000) % 100),
    mode,
    size: areas.length * perArea,
    at(k: number) {
      const a = areas[Math.floor(k / perArea)];
      const r = k % perArea;
      const g = groups[Math.floor(r / SERIALS)];
      return a * 1_000_000 + g * 10_000 + (r % SERIALS) + 1;
    },
  };
}

export const SYNTHETIC_SPACE = space('synthetic', Array.from({ length: 100 }, (_, i) => 900 + i), SYNTHETIC_GROUPS);
export const ISSUABLE_SPACE = space('realistic', ISSUABLE_AREAS, Array.from({ length: 99 }, (_, i) => i + 1));
export const ITIN_SPACE = space('synthetic', Array.from({ length: 100 }, (_, i) => 900 + i), ITIN_GROUPS);

export interface SsnAssigner {
  readonly space: SsnSpace;
  /** The SSN slot of a person (unique per person index). */
  ssnOf(person: number): number;
  /** An ITIN for a person (drawn at random; ITINs are not used for linkage here). */
  itinOf(person: number): number;
  /** A mistyped copy of an SSN, still inside the space. */
  mistype(ssn: number, u1: number, u2: number, u3: number): number;
  /** A made-up SSN drawn from the same space (it may belong to someone else, as in life). */
  fabricated(person: number): number;
}

export function ssnAssigner(seed: number | string, mode: SsnMode, totalPeople: number): SsnAssigner {
  const sp = mode === 'realistic' ? ISSUABLE_SPACE : SYNTHETIC_SPACE;
  if (totalPeople > sp.size) {
    throw new OptionError(
      'ssn',
      `the ${mode} SSN space holds ${sp.size.toLocaleString('en-US')} numbers but the world has ` +
        `${totalPeople.toLocaleString('en-US')} people; ` +
        (mode === 'synthetic' ? 'use --ssn realistic for worlds this large' : 'generate fewer people'),
    );
  }
  // The permutation runs over the whole space, so SSNs are spread over it rather than packed at the start.
  const perm: Permutation = permutation(sp.size, streamKey(seed, 'ssn-slot'));
  const itinKey = streamKey(seed, 'itin');
  const fabKey = streamKey(seed, 'ssn-fabricated');
  return {
    space: sp,
    ssnOf: (p) => sp.at(perm.apply(p)),
    itinOf: (p) => ITIN_SPACE.at(below(itinKey, p, 0, ITIN_SPACE.size)),
    fabricated: (p) => sp.at(below(fabKey, p, 0, sp.size)),
    mistype: (x, u1, u2, u3) => mistype(x, u1, u2, u3, sp),
  };
}

/** A typing error that stays inside the space (a synthetic SSN never becomes a real-looking one):
 * one digit replaced (70%) or two neighbouring digits swapped (30%), at the first position that works. */
export function mistype(ssn: number, u1: number, u2: number, u3: number, sp: SsnSpace): number {
  const original = String(ssn).padStart(9, '0');
  const start = Math.floor(u2 * 9);
  for (let t = 0; t < 18; t++) {
    const i = (start + t) % 9;
    const digits = original.split('');
    if ((u1 < 0.7) === t < 9) digits[i] = String((Number(digits[i]) + 1 + Math.floor(u3 * 9)) % 10);
    else {
      const j = i === 8 ? 7 : i + 1;
      [digits[i], digits[j]] = [digits[j], digits[i]];
    }
    const typed = Number(digits.join(''));
    if (typed !== ssn && sp.contains(typed)) return typed;
  }
  return ssn;
}

const PAD = (width: number, count: number) => Array.from({ length: count }, (_, i) => String(i).padStart(width, '0'));
const AREA_TEXT = PAD(3, 1000);
const GROUP_TEXT = PAD(2, 100);
const SERIAL_TEXT = PAD(4, 10000);

/** 'AAA-GG-SSSS' */
export function formatSsn(ssn: number): string {
  return `${AREA_TEXT[Math.floor(ssn / 1_000_000)]}-${GROUP_TEXT[Math.floor(ssn / 10_000) % 100]}-${SERIAL_TEXT[ssn % 10_000]}`;
}

/** True when the number could have been issued as an SSN (REFERENCE 2). */
export function isIssuable(ssn: number): boolean {
  const area = Math.floor(ssn / 1_000_000);
  const group = Math.floor(ssn / 10_000) % 100;
  const serial = ssn % 10_000;
  return area !== 0 && area !== 666 && area < 900 && group !== 0 && serial !== 0;
}

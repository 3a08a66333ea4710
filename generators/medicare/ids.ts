// Medicare identifiers: DE-SynPUF-style bene_id, synthetic MBIs and legacy HICNs.
import { permutation, type Permutation } from '../../src/random/permutation.ts';
import { mix32, streamKey } from '../../src/random/prng.ts';

export interface BeneficiaryIds {
  /** 16 hex characters, a keyed bijection of the person index (so unique, and not the person_id). */
  beneId(person: number): string;
  /** A dense pseudo-random ordinal in [0, totalPeople), used to build claim ids. */
  ordinal(person: number): number;
  mbi(person: number): string;
}

export function beneficiaryIds(seed: number | string, totalPeople: number): BeneficiaryIds {
  const wide: Permutation = permutation(2 ** 48, streamKey(seed, 'bene-id'));
  const dense: Permutation = permutation(Math.max(1, totalPeople), streamKey(seed, 'bene-ordinal'));
  return {
    beneId: (p) => {
      // 48 unique bits, led by 16 bits hashed from them so the id does not start with zeros.
      const x = wide.apply(p);
      const lead = mix32(Math.floor(x / 2 ** 24) ^ mix32(x % 2 ** 24)) & 0xffff;
      return (lead.toString(16).padStart(4, '0') + x.toString(16).padStart(12, '0')).toUpperCase();
    },
    ordinal: (p) => dense.apply(p),
    mbi: (p) => mbiOf(dense.apply(p)),
  };
}

// MBI character classes (CMS MBI format): letters exclude S, L, O, I, B, Z.
const DIGITS = '0123456789';
const LETTERS = 'ACDEFGHJKMNPQRTUVWXY';
const ALNUM = DIGITS + LETTERS;
// Positions 1..11; 'S' in position 2 marks the MBI as synthetic (it is never issued there).
const PATTERN = ['123456789', 'S', ALNUM, DIGITS, LETTERS, ALNUM, DIGITS, LETTERS, LETTERS, DIGITS, DIGITS];

/** A synthetic MBI: the ordinal written in the mixed radix of the MBI positions (so unique per ordinal). */
export function mbiOf(ordinal: number): string {
  const chars = new Array<string>(11);
  let x = ordinal;
  for (let k = PATTERN.length - 1; k >= 0; k--) {
    const alphabet = PATTERN[k];
    chars[k] = alphabet[x % alphabet.length];
    x = Math.floor(x / alphabet.length);
  }
  return chars.join('');
}

/** Legacy HICN: the wage earner's SSN (9 digits) and a beneficiary identification code. */
export function hicnOf(ssn: number, bic: string): string {
  return String(ssn).padStart(9, '0') + bic;
}

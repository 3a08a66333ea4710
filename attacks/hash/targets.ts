// The digests an adversary wants to invert, held as an open-addressing table keyed on the first 32 bits
// of each digest (typed arrays, no object per probe); a hit is confirmed on the remaining words.

export type HashAlgorithm = 'sha256' | 'md5' | 'hmac-sha256';

export interface TargetSet {
  readonly algorithm: HashAlgorithm;
  /** Distinct target digests (lower-case hex), in first-seen order. */
  readonly digests: readonly string[];
  /** Words per digest (8 for SHA-256, 4 for MD5) and all digests' words, digest-major, in the hash's word order. */
  readonly wordsPer: number;
  readonly words: Uint32Array;
  /** Open-addressing table: slot -> digest index + 1 (0 = empty); mask = slots - 1. */
  readonly slots: Int32Array;
  readonly mask: number;
}

export const digestHexLength = (algorithm: HashAlgorithm): number => (algorithm === 'md5' ? 32 : 64);

/** Parses hex digests (any case) for the algorithm; a malformed digest is an error naming it. */
export function targetSet(algorithm: HashAlgorithm, hexDigests: readonly string[]): TargetSet {
  const length = digestHexLength(algorithm);
  const digests = [...new Set(hexDigests.map((h) => h.trim().toLowerCase()))];
  for (const d of digests) {
    if (d.length !== length || !/^[0-9a-f]+$/.test(d)) throw new Error(`'${d}' is not a ${algorithm} digest (${length} hex digits)`);
  }
  const wordsPer = length / 8;
  const words = new Uint32Array(digests.length * wordsPer);
  digests.forEach((d, i) => {
    for (let j = 0; j < wordsPer; j++) {
      const be = parseInt(d.slice(8 * j, 8 * j + 8), 16);
      // MD5 words are little-endian: the hex "aabbccdd" is the word 0xddccbbaa.
      words[i * wordsPer + j] = algorithm === 'md5' ? (((be & 0xff) << 24) | ((be & 0xff00) << 8) | ((be >>> 8) & 0xff00) | (be >>> 24)) >>> 0 : be;
    }
  });
  let slotsN = 16;
  while (slotsN < digests.length * 2) slotsN *= 2;
  const slots = new Int32Array(slotsN);
  const mask = slotsN - 1;
  for (let i = 0; i < digests.length; i++) {
    let s = mix(words[i * wordsPer]!) & mask;
    while (slots[s] !== 0) s = (s + 1) & mask;
    slots[s] = i + 1;
  }
  return { algorithm, digests, wordsPer, words, slots, mask };
}

/** Spreads a digest's first word over the table (digests are uniform already; this guards crafted input). */
const mix = (x: number) => Math.imul(x ^ (x >>> 16), 0x45d9f3b) ^ (x >>> 13);

/** Index of the digest equal to `digest` (the first wordsPer words), or -1. */
export function lookup(t: TargetSet, digest: Uint32Array): number {
  const first = digest[0]!;
  let s = mix(first) & t.mask;
  for (;;) {
    const e = t.slots[s]!;
    if (e === 0) return -1;
    const base = (e - 1) * t.wordsPer;
    if (t.words[base] === first) {
      let same = true;
      for (let j = 1; j < t.wordsPer; j++) if (t.words[base + j] !== digest[j]) { same = false; break; }
      if (same) return e - 1;
    }
    s = (s + 1) & t.mask;
  }
}

/** Whether some target digest starts with this word (a cheap first test before `lookup`). */
export function holdsFirstWord(t: TargetSet, first: number): boolean {
  for (let s = mix(first) & t.mask; ; s = (s + 1) & t.mask) {
    const e = t.slots[s]!;
    if (e === 0) return false;
    if (t.words[(e - 1) * t.wordsPer] === first) return true;
  }
}

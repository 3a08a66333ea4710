// The Bloom-filter encoder of Schnell et al. (cryptographic long-term key, CLK): every q-gram of every
// field sets k bits of one filter of l bits, at (h1 + i h2) mod l for i = 0..k-1 (double hashing), where
// h1 and h2 are HMAC-SHA256 of the q-gram under two secret keys, read as 256-bit integers. Without the
// keys, nobody can compute which bits a q-gram sets.
import { hmacPrepare, hmacWords, type HmacKeyState } from '../../src/crypto/hmac-sha256.ts';
import { bytesFor, setBit } from './bit-strings.ts';
import { qgrams } from './qgrams.ts';

export interface ClkParameters {
  readonly keys: readonly [Uint8Array, Uint8Array];
  readonly q: number;
  readonly k: number;
  /** Filter length l in bits (at most MAX_FILTER_BITS). */
  readonly length: number;
  readonly padded: boolean;
}

/** Positions are reduced mod l on 32-bit words in doubles, exact while l * 2^32 < 2^53. */
export const MAX_FILTER_BITS = 2 ** 20;

export interface ClkEncoder {
  /** The k bit positions of one q-gram (cached per q-gram). */
  positions(gram: string): Int32Array;
  /** The distinct bit positions a value sets (all its q-grams). */
  valuePositions(text: string): Int32Array;
  /** The filter of several field values (null fields add nothing); null when every field is null. */
  encode(texts: readonly (string | null)[]): Uint8Array | null;
}

/** The 256-bit big-endian integer of digest words, mod m. */
export function digestMod(words: Uint32Array, m: number): number {
  let r = 0;
  for (let i = 0; i < words.length; i++) r = (r * 4294967296 + words[i]!) % m;
  return r;
}

export function clkEncoder(p: ClkParameters): ClkEncoder {
  const keys: [HmacKeyState, HmacKeyState] = [hmacPrepare(p.keys[0]), hmacPrepare(p.keys[1])];
  const digest = new Uint32Array(8);
  const cache = new Map<string, Int32Array>();
  const positions = (gram: string) => {
    let at = cache.get(gram);
    if (!at) {
      const h1 = digestMod(hmacWords(keys[0], gram, digest), p.length);
      const h2 = digestMod(hmacWords(keys[1], gram, digest), p.length);
      at = Int32Array.from({ length: p.k }, (_, i) => (h1 + i * h2) % p.length);
      cache.set(gram, at);
    }
    return at;
  };
  // Distinct positions in order of first appearance, deduplicated by stamping each position seen.
  const seen = new Int32Array(p.length);
  let stamp = 0;
  const valuePositions = (text: string) => {
    if (++stamp === 0x7fffffff) seen.fill((stamp = 1) - 1);
    const grams = qgrams(text, p.q, p.padded);
    const out = new Int32Array(grams.length * p.k);
    let n = 0;
    for (const g of grams) {
      const at = positions(g);
      for (let i = 0; i < at.length; i++) {
        const j = at[i]!;
        if (seen[j] !== stamp) {
          seen[j] = stamp;
          out[n++] = j;
        }
      }
    }
    return out.slice(0, n);
  };
  return {
    positions,
    valuePositions,
    encode(texts) {
      if (texts.every((t) => t === null)) return null;
      const filter = new Uint8Array(bytesFor(p.length));
      for (const t of texts) if (t !== null) for (const j of valuePositions(t)) setBit(filter, j);
      return filter;
    },
  };
}

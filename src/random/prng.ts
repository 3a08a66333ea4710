// Counter-based randomness: every value is a pure function of (seed, stream, index, k).
// Nothing is stateful, so any record can be generated alone, in any order, on any machine.

/** lowbias32 (Chris Wellons): a bijective 32-bit mixer with strong avalanche. */
export function mix32(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return x >>> 0;
}

/** Hashes a string (a seed or a stream name) to 32 bits (FNV-1a, then mixed). */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return mix32(h);
}

/** Normalises a user seed (integer or string) to 32 bits. */
export function seedOf(seed: number | string): number {
  if (typeof seed === 'string') return hashString(seed);
  if (!Number.isSafeInteger(seed)) throw new Error(`seed must be an integer or a string, got ${seed}`);
  const lo = seed >>> 0;
  const hi = Math.floor(seed / 2 ** 32) >>> 0;
  return mix32(lo ^ mix32(hi + 0x632be5ab));
}

/** A stream key: one independent sequence per (seed, purpose). */
export function streamKey(seed: number | string, stream: string): number {
  return mix32(seedOf(seed) ^ hashString(stream));
}

/** The k-th 32-bit draw for `index` in the stream `key`. index and k are integers in [0, 2^32). */
export function u32(key: number, index: number, k = 0): number {
  return u32At(key, indexHash(key, index), k);
}

/** The half of u32 that depends only on (key, index): several draws k of one index can share it. */
export function indexHash(key: number, index: number): number {
  return mix32((key + Math.imul(index, 0x9e3779b9)) >>> 0);
}

/** u32(key, index, k), given base = indexHash(key, index). */
export function u32At(key: number, base: number, k: number): number {
  return mix32((base ^ Math.imul(k + 1, 0x85ebca6b)) + key);
}

const INV_2_32 = 1 / 4294967296;

/** uniform(key, index, k), given base = indexHash(key, index). */
export function uniformAt(key: number, base: number, k: number): number {
  return u32At(key, base, k) * INV_2_32;
}

/** A uniform double in [0, 1) with 32 bits of resolution. */
export function uniform(key: number, index: number, k = 0): number {
  return u32(key, index, k) * INV_2_32;
}

/** A uniform double in (0, 1), safe for logarithms. */
export function uniformOpen(key: number, index: number, k = 0): number {
  return (u32(key, index, k) + 0.5) * INV_2_32;
}

/** A uniform integer in [0, n) (n <= 2^32; bias below 2^-32 * n). */
export function below(key: number, index: number, k: number, n: number): number {
  return Math.floor(uniform(key, index, k) * n);
}

/** True with probability p. */
export function chance(key: number, index: number, k: number, p: number): boolean {
  return uniform(key, index, k) < p;
}

/** A standard normal draw (Box-Muller on two counter draws k and k+1). */
export function normal(key: number, index: number, k = 0): number {
  const a = uniformOpen(key, index, k);
  const b = uniform(key, index, k + 1);
  return Math.sqrt(-2 * Math.log(a)) * Math.cos(2 * Math.PI * b);
}

/** A Poisson draw by inversion (fine for the small means used in claims; k..k+maxDraws). */
export function poisson(key: number, index: number, k: number, mean: number): number {
  if (mean <= 0) return 0;
  if (mean > 60) return Math.max(0, Math.round(mean + Math.sqrt(mean) * normal(key, index, k)));
  let p = Math.exp(-mean);
  let cdf = p;
  const u = uniform(key, index, k);
  let x = 0;
  while (u > cdf && x < 1000) {
    x++;
    p *= mean / x;
    cdf += p;
  }
  return x;
}

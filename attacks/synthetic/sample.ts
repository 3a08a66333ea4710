// Seeded sampling helpers (counter-based randomness from src/random/prng.ts; never Math.random).
import { below } from '../../src/random/prng.ts';

/** m distinct indices from [0, n), in draw order (partial Fisher-Yates on stream `key`). m is clipped to n. */
export function sampleWithoutReplacement(key: number, n: number, m: number): Int32Array {
  const take = Math.max(0, Math.min(m, n));
  const pool = new Int32Array(n);
  for (let i = 0; i < n; i++) pool[i] = i;
  for (let i = 0; i < take; i++) {
    const j = i + below(key, i, 0, n - i);
    const t = pool[i]!;
    pool[i] = pool[j]!;
    pool[j] = t;
  }
  return pool.slice(0, take);
}

/** m indices from [0, n) drawn with replacement on stream `key`, draw `k` of each index. */
export function sampleWithReplacement(key: number, n: number, m: number, k = 0): Int32Array {
  const out = new Int32Array(m);
  for (let i = 0; i < m; i++) out[i] = below(key, i, k, n);
  return out;
}

// A keyed bijection of [0, n): a balanced Feistel network on the next power of 4, with cycle walking.
// Used to hand out unique identifiers and exact quotas as pure functions of an index.
import { mix32 } from './prng.ts';

export interface Permutation {
  readonly size: number;
  apply(i: number): number;
}

export function permutation(n: number, key: number, rounds = 4): Permutation {
  if (!Number.isSafeInteger(n) || n <= 0) throw new Error(`permutation: size must be a positive integer, got ${n}`);
  let halfBits = 1;
  while (2 ** (2 * halfBits) < n) halfBits++;
  const half = 2 ** halfBits;
  const keys = Array.from({ length: rounds }, (_, r) => mix32(key ^ Math.imul(r + 1, 0x9e3779b9)));
  const round = (x: number, r: number) => mix32((x + keys[r]) >>> 0) % half;
  // Domains up to 2^30 stay in 32-bit integer arithmetic (the common case, and the fast one).
  const mask = half - 1;
  const small = 2 * halfBits <= 30;
  const encryptSmall = (x: number) => {
    let l = x >>> halfBits;
    let r = x & mask;
    for (let k = 0; k < rounds; k++) {
      const t = (l + (mix32((r + keys[k]) >>> 0) & mask)) & mask;
      l = r;
      r = t;
    }
    return (l << halfBits) | r;
  };
  const encryptWide = (x: number) => {
    let l = Math.floor(x / half);
    let r = x % half;
    for (let k = 0; k < rounds; k++) {
      const t = (l + round(r, k)) % half;
      l = r;
      r = t;
    }
    return l * half + r;
  };
  const encrypt = small ? encryptSmall : encryptWide;
  return {
    size: n,
    apply(i: number) {
      if (i < 0 || i >= n) throw new Error(`permutation: ${i} outside [0, ${n})`);
      let x = encrypt(i);
      while (x >= n) x = encrypt(x);
      return x;
    },
  };
}

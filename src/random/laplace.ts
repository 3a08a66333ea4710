// Laplace draws for differential privacy, counter-based like the rest of src/random/.
import { uniformOpen } from './prng.ts';

/** A Laplace(0, scale) draw by inverting the CDF at one counter draw k (32-bit resolution: |x| < 22.2 scale). */
export function laplace(key: number, index: number, k: number, scale: number): number {
  const u = uniformOpen(key, index, k) - 0.5; // never 0: uniformOpen is a half-integer over 2^32
  return -scale * Math.sign(u) * Math.log(1 - 2 * Math.abs(u));
}

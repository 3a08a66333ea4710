// Seeded simple random samples without replacement, as pure functions of (seed, N, n).
import { permutation } from './permutation.ts';
import { streamKey } from './prng.ts';

/** n distinct indices of [0, N), ascending: the first n positions of a keyed permutation. */
export function sampleIndices(populationSize: number, sampleSize: number, seed: number | string): Int32Array {
  if (!Number.isSafeInteger(sampleSize) || sampleSize < 0 || sampleSize > populationSize) {
    throw new Error(`sample size must be a whole number from 0 to ${populationSize}, got ${sampleSize}`);
  }
  const perm = permutation(Math.max(1, populationSize), streamKey(seed, 'sample'));
  const out = new Int32Array(sampleSize);
  for (let i = 0; i < sampleSize; i++) out[i] = perm.apply(i);
  return out.sort();
}

// The row order of an adversary dataset: a keyed permutation of the selected people, so that row
// order says nothing about person_id (people are generated, and selected, in person order).
import { permutation } from '../../src/random/permutation.ts';
import { streamKey } from '../../src/random/prng.ts';

/** `rows` in a seeded random order: a pure function of (seed, dataset name, rows). */
export function shuffledRows(rows: readonly number[], seed: number | string, dataset: string): number[] {
  if (rows.length === 0) return [];
  const perm = permutation(rows.length, streamKey(seed, `${dataset}/row-order`));
  return Array.from({ length: rows.length }, (_, j) => rows[perm.apply(j)]!);
}

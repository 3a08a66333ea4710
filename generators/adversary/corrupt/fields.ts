// Field-level errors that move whole values: given name <-> surname, a value taken from another
// record (FEBRL "swap"; also how a stale ZIP looks), and a missing value.
import { below } from '../../../src/random/prng.ts';

/** Another row than `row`, uniform over the n - 1 others (draw k of (key, row)); -1 when n < 2. */
export function otherRow(key: number, row: number, k: number, n: number): number {
  if (n < 2) return -1;
  const j = below(key, row, k, n - 1);
  return j >= row ? j + 1 : j;
}

/**
 * The value another record holds: `values[otherRow]`, or null when there is no other record or the
 * other record holds no value or the same value (then nothing visible would change).
 */
export function swappedValue(values: readonly (string | null)[], key: number, row: number, k: number): string | null {
  const j = otherRow(key, row, k, values.length);
  if (j < 0) return null;
  const v = values[j] ?? null;
  return v === null || v === values[row] ? null : v;
}

/** Given name and surname exchanged: [new given, new surname]. */
export function swapNames(given: string | null, surname: string | null): [string | null, string | null] {
  return [surname, given];
}

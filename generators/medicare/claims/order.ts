// Output order inside one person-year: by service date, ties in generation order (so claim ids, which are
// assigned in this order, also increase within a date).
import type { IntList } from './store.ts';

let keys = new Float64Array(1024);

/** Appends the indices start..end-1 to `out`, sorted by day[index] (stable). */
export function appendSorted(day: Int32Array, start: number, end: number, out: IntList): void {
  const n = end - start;
  if (n <= 0) return;
  if (keys.length < n) keys = new Float64Array(Math.max(n, keys.length * 2));
  const k = keys.subarray(0, n);
  let sorted = true;
  for (let j = 0; j < n; j++) {
    k[j] = day[start + j] * 65536 + j; // days are within +-2^20 and j < 65536: exact in a double
    if (j > 0 && k[j] < k[j - 1]) sorted = false;
  }
  if (!sorted) k.sort();
  for (let j = 0; j < n; j++) out.push(start + (k[j] % 65536 + 65536) % 65536);
}

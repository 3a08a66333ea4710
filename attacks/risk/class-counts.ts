// Exact class counts of packed keys (distinct keys ascending, with the number of records of each): the
// summary of a shard that still merges with other shards' when a class spans them. Browser-safe.
import { histogramOfClassSizes } from './class-histogram.ts';
import type { ClassHistogram } from './types.ts';

export interface ClassCounts {
  /** Distinct packed keys, ascending. */
  readonly keys: Float64Array;
  /** counts[c]: records with key keys[c]. */
  readonly counts: Float64Array;
}

export const NO_CLASSES: ClassCounts = { keys: new Float64Array(0), counts: new Float64Array(0) };

/** The classes of the keys (not modified: a sorted copy is counted). */
export function classCountsOfKeys(keys: Float64Array): ClassCounts {
  const sorted = keys.slice().sort();
  let distinct = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) distinct++;
  const out = { keys: new Float64Array(distinct), counts: new Float64Array(distinct) };
  for (let i = 0, c = -1; i < sorted.length; i++) {
    if (i === 0 || sorted[i] !== sorted[i - 1]) out.keys[++c] = sorted[i]!;
    out.counts[c]!++;
  }
  return out;
}

/** The classes of the union of two sets of records: a sorted merge, counts of equal keys added. */
export function mergeClassCounts(a: ClassCounts, b: ClassCounts): ClassCounts {
  const na = a.keys.length;
  const nb = b.keys.length;
  let distinct = 0;
  for (let i = 0, j = 0; i < na || j < nb; distinct++) {
    if (j >= nb || (i < na && a.keys[i]! < b.keys[j]!)) i++;
    else if (i >= na || b.keys[j]! < a.keys[i]!) j++;
    else (i++, j++);
  }
  const keys = new Float64Array(distinct);
  const counts = new Float64Array(distinct);
  for (let i = 0, j = 0, c = 0; i < na || j < nb; c++) {
    if (j >= nb || (i < na && a.keys[i]! < b.keys[j]!)) {
      keys[c] = a.keys[i]!;
      counts[c] = a.counts[i++]!;
    } else if (i >= na || b.keys[j]! < a.keys[i]!) {
      keys[c] = b.keys[j]!;
      counts[c] = b.counts[j++]!;
    } else {
      keys[c] = a.keys[i]!;
      counts[c] = a.counts[i++]! + b.counts[j++]!;
    }
  }
  return { keys, counts };
}

export function histogramOfClassCounts(c: ClassCounts): ClassHistogram {
  return histogramOfClassSizes(c.counts);
}

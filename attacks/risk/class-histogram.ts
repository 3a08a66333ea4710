// Class-size histograms: made from class sizes or from packed class keys, added across disjoint
// partitions, and read into the figures the risk mathematics consume. Browser-safe; typed arrays only.
import type { ClassHistogram } from './types.ts';

export type { ClassHistogram } from './types.ts';

/** The histogram of the given class sizes (each >= 1): sizes ascending, only sizes that occur. */
export function histogramOfClassSizes(classSize: ArrayLike<number>): ClassHistogram {
  let largest = 0;
  for (let c = 0; c < classSize.length; c++) {
    const s = classSize[c]!;
    if (!(s >= 1) || !Number.isInteger(s)) throw new Error(`histogramOfClassSizes: class ${c} has size ${s}, not a whole number >= 1`);
    if (s > largest) largest = s;
  }
  const dense = new Float64Array(largest + 1);
  for (let c = 0; c < classSize.length; c++) dense[classSize[c]!]!++;
  return compact(dense);
}

/**
 * The histogram of the classes of packed keys (one exact integer key per record, equal keys = one
 * class). Sorts `keys` in place (a typed-array numeric sort, O(n log n), no extra memory); the keys
 * are left sorted.
 */
export function histogramOfKeysInPlace(keys: Float64Array): ClassHistogram {
  keys.sort();
  return histogramOfSortedKeys(keys);
}

/** The histogram of classes of keys already sorted ascending (runs of equal keys are classes). */
export function histogramOfSortedKeys(keys: Float64Array): ClassHistogram {
  const n = keys.length;
  let largest = 0;
  for (let i = 0; i < n; ) {
    let j = i + 1;
    while (j < n && keys[j] === keys[i]) j++;
    if (j < n && keys[j]! < keys[i]!) throw new Error(`histogramOfSortedKeys: keys are not sorted (key ${j})`);
    if (j - i > largest) largest = j - i;
    i = j;
  }
  const dense = new Float64Array(largest + 1);
  for (let i = 0; i < n; ) {
    let j = i + 1;
    while (j < n && keys[j] === keys[i]) j++;
    dense[j - i]!++;
    i = j;
  }
  return compact(dense);
}

/** Sum of histograms of disjoint sets of classes (partitions every class respects): sizes merge, counts add. */
export function addHistograms(histograms: readonly ClassHistogram[]): ClassHistogram {
  let largest = 0;
  for (const h of histograms) {
    checkHistogram(h, 'addHistograms');
    if (h.sizes.length > 0) largest = Math.max(largest, h.sizes[h.sizes.length - 1]!);
  }
  // Dense when the largest class is small (it is for quasi-identifier classes); else through a map.
  if (largest <= 1 << 24) {
    const dense = new Float64Array(largest + 1);
    for (const h of histograms) for (let k = 0; k < h.sizes.length; k++) dense[h.sizes[k]!]! += h.sizeCounts[k]!;
    return compact(dense);
  }
  const bySize = new Map<number, number>();
  for (const h of histograms) for (let k = 0; k < h.sizes.length; k++) bySize.set(h.sizes[k]!, (bySize.get(h.sizes[k]!) ?? 0) + h.sizeCounts[k]!);
  const sizes = Int32Array.from([...bySize.keys()].filter((s) => bySize.get(s)! > 0).sort((a, b) => a - b));
  return { sizes, sizeCounts: Float64Array.from(sizes, (s) => bySize.get(s)!) };
}

/** What a class-size histogram says about the records it describes. */
export interface HistogramFigures {
  readonly records: number;
  readonly classes: number;
  /** Records alone in their class (classes of size 1). */
  readonly uniques: number;
  /** uniques / records: the share of people alone in their class. */
  readonly uniqueShare: number;
  /** The smallest class (k of k-anonymity) and the largest. */
  readonly smallestClass: number;
  readonly largestClass: number;
}

export function histogramFigures(h: ClassHistogram): HistogramFigures {
  checkHistogram(h, 'histogramFigures');
  let records = 0;
  let classes = 0;
  for (let k = 0; k < h.sizes.length; k++) {
    records += h.sizes[k]! * h.sizeCounts[k]!;
    classes += h.sizeCounts[k]!;
  }
  const uniques = h.sizes[0] === 1 ? h.sizeCounts[0]! : 0;
  const last = h.sizes.length - 1;
  return {
    records,
    classes,
    uniques,
    uniqueShare: records > 0 ? uniques / records : 0,
    smallestClass: last >= 0 ? h.sizes[0]! : 0,
    largestClass: last >= 0 ? h.sizes[last]! : 0,
  };
}

/** Records in classes of fewer than k records (the records a k-anonymity rule would have to treat). */
export function recordsInClassesBelow(h: ClassHistogram, k: number): number {
  let out = 0;
  for (let j = 0; j < h.sizes.length && h.sizes[j]! < k; j++) out += h.sizes[j]! * h.sizeCounts[j]!;
  return out;
}

/** dense[s] classes of size s -> the compact histogram (sizes with a count > 0, ascending). */
function compact(dense: Float64Array): ClassHistogram {
  let distinct = 0;
  for (let s = 1; s < dense.length; s++) if (dense[s]! > 0) distinct++;
  const sizes = new Int32Array(distinct);
  const sizeCounts = new Float64Array(distinct);
  for (let s = 1, k = 0; s < dense.length; s++) {
    if (dense[s]! > 0) {
      sizes[k] = s;
      sizeCounts[k++] = dense[s]!;
    }
  }
  return { sizes, sizeCounts };
}

function checkHistogram(h: ClassHistogram, who: string): void {
  if (h.sizes.length !== h.sizeCounts.length) throw new Error(`${who}: ${h.sizes.length} sizes but ${h.sizeCounts.length} counts`);
  for (let k = 0; k < h.sizes.length; k++) {
    if (!(h.sizes[k]! >= 1) || (k > 0 && !(h.sizes[k]! > h.sizes[k - 1]!))) throw new Error(`${who}: class sizes must be >= 1 and ascending, got ${h.sizes[k]} at ${k}`);
  }
}

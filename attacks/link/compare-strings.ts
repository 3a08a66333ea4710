// String comparators for linkage: Jaro, Jaro-Winkler, Levenshtein, Damerau-Levenshtein (OSA).
// Allocation-light: scratch typed arrays are module-level and grown only when a longer string arrives.

let flagsA = new Uint8Array(64);
let flagsB = new Uint8Array(64);
let row0 = new Int32Array(65);
let row1 = new Int32Array(65);
let row2 = new Int32Array(65);

function ensureFlags(n: number): void {
  if (flagsA.length < n) {
    flagsA = new Uint8Array(n * 2);
    flagsB = new Uint8Array(n * 2);
  }
}

function ensureRows(n: number): void {
  if (row0.length < n + 1) {
    row0 = new Int32Array(n * 2 + 1);
    row1 = new Int32Array(n * 2 + 1);
    row2 = new Int32Array(n * 2 + 1);
  }
}

/** Jaro similarity in [0, 1]; characters match within floor(max(len)/2) - 1 positions. */
export function jaro(a: string, b: string): number {
  const la = a.length;
  const lb = b.length;
  if (la === 0 && lb === 0) return 1;
  if (la === 0 || lb === 0) return 0;
  if (a === b) return 1;
  const window = Math.max(0, Math.floor(Math.max(la, lb) / 2) - 1);
  ensureFlags(Math.max(la, lb));
  flagsA.fill(0, 0, la);
  flagsB.fill(0, 0, lb);
  let matches = 0;
  for (let i = 0; i < la; i++) {
    const lo = Math.max(0, i - window);
    const hi = Math.min(lb - 1, i + window);
    const c = a.charCodeAt(i);
    for (let j = lo; j <= hi; j++) {
      if (flagsB[j] === 0 && b.charCodeAt(j) === c) {
        flagsA[i] = 1;
        flagsB[j] = 1;
        matches++;
        break;
      }
    }
  }
  if (matches === 0) return 0;
  // Half the number of matched characters that appear in a different order.
  let outOfOrder = 0;
  let k = 0;
  for (let i = 0; i < la; i++) {
    if (flagsA[i] === 0) continue;
    while (flagsB[k] === 0) k++;
    if (a.charCodeAt(i) !== b.charCodeAt(k)) outOfOrder++;
    k++;
  }
  const t = outOfOrder / 2;
  return (matches / la + matches / lb + (matches - t) / matches) / 3;
}

/**
 * Jaro-Winkler: J + l * p * (1 - J) for a common prefix of length l <= 4 (p = 0.1 by default), capped
 * at 1. As in DuckDB's jaro_winkler_similarity (the function Splink's DuckDB back-end calls), the
 * prefix boost applies only when J > `boostThreshold` (0.7); pass 0 to boost always.
 */
export function jaroWinkler(a: string, b: string, prefixScale = 0.1, boostThreshold = 0.7): number {
  const j = jaro(a, b);
  if (!(j > boostThreshold)) return j;
  const max = Math.min(4, a.length, b.length);
  let l = 0;
  while (l < max && a.charCodeAt(l) === b.charCodeAt(l)) l++;
  return Math.min(1, j + l * prefixScale * (1 - j));
}

/** Levenshtein edit distance (insert, delete, substitute), two rolling rows. */
export function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length < b.length) [a, b] = [b, a];
  const la = a.length;
  const lb = b.length;
  if (lb === 0) return la;
  ensureRows(lb);
  let prev = row0;
  let cur = row1;
  for (let j = 0; j <= lb; j++) prev[j] = j;
  for (let i = 1; i <= la; i++) {
    cur[0] = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= lb; j++) {
      const cost = ca === b.charCodeAt(j - 1) ? 0 : 1;
      let v = prev[j - 1]! + cost;
      const del = prev[j]! + 1;
      const ins = cur[j - 1]! + 1;
      if (del < v) v = del;
      if (ins < v) v = ins;
      cur[j] = v;
    }
    const t = prev;
    prev = cur;
    cur = t;
  }
  return prev[lb]!;
}

/**
 * Damerau-Levenshtein distance, optimal string alignment variant: adjacent transpositions cost 1,
 * but no substring is edited twice (so "CA" -> "ABC" is 3, not 2). Three rolling rows.
 */
export function damerauLevenshtein(a: string, b: string): number {
  if (a === b) return 0;
  const la = a.length;
  const lb = b.length;
  if (la === 0) return lb;
  if (lb === 0) return la;
  ensureRows(lb);
  let prev2 = row2;
  let prev = row0;
  let cur = row1;
  for (let j = 0; j <= lb; j++) prev[j] = j;
  for (let i = 1; i <= la; i++) {
    cur[0] = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= lb; j++) {
      const cb = b.charCodeAt(j - 1);
      const cost = ca === cb ? 0 : 1;
      let v = prev[j - 1]! + cost;
      const del = prev[j]! + 1;
      const ins = cur[j - 1]! + 1;
      if (del < v) v = del;
      if (ins < v) v = ins;
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb) {
        const tr = prev2[j - 2]! + 1;
        if (tr < v) v = tr;
      }
      cur[j] = v;
    }
    const t = prev2;
    prev2 = prev;
    prev = cur;
    cur = t;
  }
  return prev[lb]!;
}

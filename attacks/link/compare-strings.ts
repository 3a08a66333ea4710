// String comparators for linkage, each returning exactly what DuckDB's function of the same name returns
// (Splink evaluates those): jaro_similarity, jaro_winkler_similarity, levenshtein, damerau_levenshtein,
// jaccard. Like DuckDB they work on the UTF-8 bytes of the strings, not on characters: 'é' is two bytes,
// so levenshtein('é', 'e') is 2. Case and trailing spaces count. The rules are listed in README.md.
// Allocation-light: the UTF-8 bytes and the scratch tables are module-level typed arrays, grown only
// when a longer string arrives.

const encoder = new TextEncoder();
let bytesA = new Uint8Array(64);
let bytesB = new Uint8Array(64);
let flagsA = new Uint8Array(64);
let flagsB = new Uint8Array(64);
let row0 = new Int32Array(65);
let row1 = new Int32Array(65);
let table = new Int32Array(66 * 66);
const lastRowOfByte = new Int32Array(256);
const byteSet = new Uint8Array(256);

/** UTF-8 bytes of `s` into bytesA (`into` 0) or bytesB (1); returns their number. ASCII is copied directly. */
function utf8(s: string, into: 0 | 1): number {
  const n = s.length;
  // A UTF-16 code unit takes at most 3 UTF-8 bytes (a surrogate pair, two units, takes 4).
  if ((into === 0 ? bytesA : bytesB).length < n * 3) {
    if (into === 0) bytesA = new Uint8Array(n * 6);
    else bytesB = new Uint8Array(n * 6);
  }
  const out = into === 0 ? bytesA : bytesB;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x80) return encoder.encodeInto(s, out).written;
    out[i] = c;
  }
  return n;
}

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
  }
}

/** Jaro similarity of the bytes a[0..la) and b[0..lb), as DuckDB's bundled jaro_winkler library computes it. */
function jaroBytes(a: Uint8Array, la: number, b: Uint8Array, lb: number): number {
  if (la === 0 || lb === 0) return 0;
  if (la === 1 && lb === 1) return a[0] === b[0] ? 1 : 0;
  const bound = Math.floor(Math.max(la, lb) / 2) - 1;
  ensureFlags(Math.max(la, lb));
  flagsA.fill(0, 0, la);
  flagsB.fill(0, 0, lb);
  // Each byte of b, in order, takes the first free equal byte of a within `bound` positions.
  let matches = 0;
  for (let j = 0; j < lb; j++) {
    const c = b[j]!;
    const hi = Math.min(la - 1, j + bound);
    for (let i = Math.max(0, j - bound); i <= hi; i++) {
      if (flagsA[i] === 0 && a[i] === c) {
        flagsA[i] = 1;
        flagsB[j] = 1;
        matches++;
        break;
      }
    }
  }
  if (matches === 0) return 0;
  let outOfOrder = 0;
  for (let i = 0, j = 0; j < lb; j++) {
    if (flagsB[j] === 0) continue;
    while (flagsA[i] === 0) i++;
    if (a[i] !== b[j]) outOfOrder++;
    i++;
  }
  // Transpositions are half the out-of-order matches, rounded down (strcmp95, jellyfish and DuckDB do so).
  const t = Math.floor(outOfOrder / 2);
  return (matches / la + matches / lb + (matches - t) / matches) / 3;
}

/**
 * Jaro similarity in [0, 1], DuckDB's jaro_similarity: on UTF-8 bytes; bytes match within
 * floor(max(len)/2) - 1 positions; transpositions = floor(out-of-order matches / 2); 0 when either
 * string is empty (also for two empty strings).
 */
export function jaro(a: string, b: string): number {
  const la = utf8(a, 0);
  const lb = utf8(b, 1);
  return jaroBytes(bytesA, la, bytesB, lb);
}

/**
 * Jaro-Winkler, DuckDB's jaro_winkler_similarity: J + l * p * (1 - J) with l the common prefix in
 * bytes, at most 4, and p = 0.1 by default; the prefix boost applies only when J > `boostThreshold`
 * (0.7 as in DuckDB; pass 0 to boost always).
 */
export function jaroWinkler(a: string, b: string, prefixScale = 0.1, boostThreshold = 0.7): number {
  const la = utf8(a, 0);
  const lb = utf8(b, 1);
  const j = jaroBytes(bytesA, la, bytesB, lb);
  if (!(j > boostThreshold)) return j;
  const max = Math.min(4, la, lb);
  let l = 0;
  while (l < max && bytesA[l] === bytesB[l]) l++;
  return j + l * prefixScale * (1 - j);
}

/** Levenshtein edit distance (insert, delete, substitute one byte) on UTF-8 bytes, DuckDB's levenshtein. */
export function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  const la = utf8(a, 0);
  const lb = utf8(b, 1);
  if (la === 0) return lb;
  if (lb === 0) return la;
  ensureRows(lb);
  let prev = row0;
  let cur = row1;
  for (let j = 0; j <= lb; j++) prev[j] = j;
  for (let i = 1; i <= la; i++) {
    cur[0] = i;
    const ca = bytesA[i - 1]!;
    for (let j = 1; j <= lb; j++) {
      let v = prev[j - 1]! + (ca === bytesB[j - 1] ? 0 : 1);
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
 * Damerau-Levenshtein distance on UTF-8 bytes, DuckDB's damerau_levenshtein: the unrestricted
 * distance (Lowrance-Wagner), where a transposed pair may be edited again, so 'CA' -> 'ABC' is 2
 * (CA -> AC -> ABC), not 3 as in optimal string alignment.
 */
export function damerauLevenshtein(a: string, b: string): number {
  if (a === b) return 0;
  const la = utf8(a, 0);
  const lb = utf8(b, 1);
  if (la === 0) return lb;
  if (lb === 0) return la;
  // d[(i + 1) * w + (j + 1)]: distance between the first i bytes of a and the first j of b; row and
  // column 0 hold "infinity" (larger than any distance), as in Lowrance and Wagner's paper.
  const w = lb + 2;
  if (table.length < (la + 2) * w) table = new Int32Array((la + 2) * w * 2);
  const d = table;
  const inf = la + lb + 1;
  // Only row 0 and column 0 need "infinity": every other cell is written before it is read.
  d.fill(inf, 0, w);
  for (let i = 1; i <= la + 1; i++) d[i * w] = inf;
  for (let i = 0; i <= la; i++) d[(i + 1) * w + 1] = i;
  for (let j = 1; j <= lb; j++) d[w + j + 1] = j;
  lastRowOfByte.fill(0); // last row (1-based) of a holding each byte; 0 = none yet
  for (let i = 1; i <= la; i++) {
    const ca = bytesA[i - 1]!;
    let lastColMatch = 0; // last column (1-based) of b equal to ca in this row
    for (let j = 1; j <= lb; j++) {
      const cb = bytesB[j - 1]!;
      const i1 = lastRowOfByte[cb]!;
      const j1 = lastColMatch;
      let cost = 1;
      if (ca === cb) {
        cost = 0;
        lastColMatch = j;
      }
      let v = d[i * w + j]! + cost;
      const ins = d[(i + 1) * w + j]! + 1;
      const del = d[i * w + j + 1]! + 1;
      const trans = d[i1 * w + j1]! + (i - i1 - 1) + 1 + (j - j1 - 1);
      if (ins < v) v = ins;
      if (del < v) v = del;
      if (trans < v) v = trans;
      d[(i + 1) * w + j + 1] = v;
    }
    lastRowOfByte[ca] = i;
  }
  return d[(la + 1) * w + lb + 1]!;
}

/**
 * Jaccard similarity of the sets of UTF-8 bytes of the two strings, DuckDB's jaccard: |A ∩ B| / |A ∪ B|
 * (so 'aab' and 'ab' are 1, and any two non-ASCII letters of the same script share lead bytes).
 * DuckDB raises an error when either string is empty ('Jaccard Function: An argument too short!');
 * so does this, with a RangeError.
 */
export function jaccard(a: string, b: string): number {
  const la = utf8(a, 0);
  const lb = utf8(b, 1);
  if (la === 0 || lb === 0) throw new RangeError('jaccard is undefined for an empty string (DuckDB raises "An argument too short")');
  byteSet.fill(0);
  for (let i = 0; i < la; i++) byteSet[bytesA[i]!] = 1;
  for (let j = 0; j < lb; j++) byteSet[bytesB[j]!]! |= 2;
  let both = 0;
  let either = 0;
  for (let k = 0; k < 256; k++) {
    const s = byteSet[k]!;
    if (s === 3) both++;
    if (s !== 0) either++;
  }
  return both / either;
}

// The bytes of single CSV cells, shared by the chunk encoder (csv-bytes.ts) and the claim rows writer
// (claims-csv.ts): packed dictionaries of fields, text, integers and money written straight into a byte array.
import { utf8 } from './byte-buffer.ts';
import { csvText } from './format-csv.ts';

/** A dictionary's CSV fields packed in one byte array: entry k is bytes[start[k]..start[k+1]). */
export interface Packed {
  readonly bytes: Uint8Array;
  readonly start: Int32Array;
  readonly longest: number;
}

export function pack(texts: readonly string[]): Packed {
  const start = new Int32Array(texts.length + 1);
  let longest = 1;
  // One encode for the whole dictionary (hundreds of thousands of entries): offsets are string
  // lengths when every character is ASCII; otherwise each entry is encoded on its own.
  const joined = texts.join('');
  let bytes = utf8(joined);
  const ascii = bytes.length === joined.length;
  const parts = ascii ? null : texts.map(utf8);
  for (let k = 0; k < texts.length; k++) {
    const n = parts ? parts[k]!.length : texts[k]!.length;
    start[k + 1] = start[k]! + n;
    longest = Math.max(longest, n);
  }
  if (parts) {
    bytes = new Uint8Array(start[texts.length]!);
    parts.forEach((p, k) => bytes.set(p, start[k]!));
  }
  return { bytes, start, longest };
}

const encoder = new TextEncoder();

/** Writes a text field (quoted when needed) at `at`; the caller reserved length * 3 + 2 bytes. */
export function writeText(dst: Uint8Array, at: number, s: string): number {
  const n = s.length;
  const start = at;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= 128 || c === 44 || c === 34 || c === 10 || c === 13) {
      // rare: quoting or non-ASCII text goes through the general path
      const field = csvText(s);
      return start + encoder.encodeInto(field, dst.subarray(start)).written;
    }
    dst[at++] = c;
  }
  if (n === 0) {
    dst[at++] = 34; // '' is written as "" to keep it apart from null
    dst[at++] = 34;
  }
  return at;
}

/** Writes a finite number at `at` (integers digit by digit); the caller reserved 24 bytes. */
export function writeNumber(dst: Uint8Array, at: number, v: number): number {
  if (v >= 0 && v <= 2147483647 && v === (v | 0)) {
    if (v < 10) {
      dst[at] = 48 + v;
      return at + 1;
    }
    let digits = 1;
    for (let x = v; x >= 10; x = (x / 10) | 0) digits++;
    let end = at + digits;
    for (let x = v, k = end; k > at; x = (x / 10) | 0) dst[--k] = 48 + (x % 10);
    return end;
  }
  if (!Number.isFinite(v)) throw new Error(`number must be finite, got ${v}`);
  const s = String(v);
  for (let i = 0; i < s.length; i++) dst[at++] = s.charCodeAt(i);
  return at;
}

/** Writes integer cents as 'd.cc'; the caller reserved 24 bytes. */
export function writeMoney(dst: Uint8Array, at: number, v: unknown): number {
  if (typeof v !== 'number' || !Number.isSafeInteger(v)) throw new Error(`money must be integer cents, got ${JSON.stringify(v)}`);
  if (v < 0) {
    dst[at++] = 45;
    v = -v;
  }
  const cents = v as number;
  const frac = cents % 100;
  at = writeNumber(dst, at, (cents - frac) / 100);
  dst[at] = 46;
  dst[at + 1] = 48 + ((frac / 10) | 0);
  dst[at + 2] = 48 + (frac % 10);
  return at + 3;
}


// Chunk -> CSV bytes with an encoder compiled per column layout: the generated loop writes each row
// straight into a byte buffer, with one specialised piece of code per column (dictionary entries and
// dates pre-encoded, integers written digit by digit), so no string is built per cell or per row.
import { cmsDate, dayOf, isoDate, NO_DAY } from '../dates.ts';
import { isCoded, isDays, type ChunkColumn, type TableChunk, type TableSchema } from '../table/schema.ts';
import { ByteBuffer, utf8 } from './byte-buffer.ts';
import { cellError, checkChunk, csvText } from './format-csv.ts';

/** A dictionary's CSV fields packed in one byte array: entry k is bytes[start[k]..start[k+1]). */
interface Packed {
  readonly bytes: Uint8Array;
  readonly start: Int32Array;
  readonly longest: number;
}

function pack(texts: readonly string[]): Packed {
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

/** Packed CSV fields of each dictionary, kept as long as the dictionary lives (contiguous: cache-friendly). */
const packedDictionaries = new WeakMap<readonly string[], Packed>();
function packedDictionary(dictionary: readonly string[]): Packed {
  let out = packedDictionaries.get(dictionary);
  if (!out) packedDictionaries.set(dictionary, (out = pack(dictionary.map(csvText))));
  return out;
}

// Every date from 1850 to 2149 in both styles, packed once on first use.
const DAY_FROM = dayOf(1850, 1, 1);
const DAY_TO = dayOf(2150, 1, 1);
const packedDays: Partial<Record<'iso' | 'cms', Packed>> = {};
function packedDaysOf(style: 'iso' | 'cms'): Packed {
  return (packedDays[style] ??= pack(Array.from({ length: DAY_TO - DAY_FROM }, (_, k) => (style === 'iso' ? isoDate : cmsDate)(DAY_FROM + k))));
}
function dayOutside(day: number, style: 'iso' | 'cms'): Uint8Array {
  return utf8(style === 'iso' ? isoDate(day) : cmsDate(day));
}

const encoder = new TextEncoder();

/** Writes a text field (quoted when needed) at `at`; the caller reserved length * 3 + 2 bytes. */
function writeText(dst: Uint8Array, at: number, s: string): number {
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
function writeNumber(dst: Uint8Array, at: number, v: number): number {
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
function writeMoney(dst: Uint8Array, at: number, v: unknown): number {
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

type Kind = 'coded' | 'days' | 'typed' | 'money' | 'plain';

function kindOf(col: ChunkColumn, type: string): Kind {
  if (isCoded(col)) return 'coded';
  if (isDays(col)) return 'days';
  if (ArrayBuffer.isView(col)) return 'typed';
  return type === 'money' ? 'money' : 'plain';
}

/** Source of the statements that write column j of row i (and a separator after it). */
function columnSource(kind: Kind, j: number, last: boolean): string {
  const sep = `dst[at++] = ${last ? 10 : 44};`;
  switch (kind) {
    case 'coded':
      return `{ const k = v${j}[i]; if (k >= 0) { const b = x${j}.bytes, st = x${j}.start; for (let q = st[k], end = st[k + 1]; q < end; q++) dst[at++] = b[q]; } ${sep} }`;
    case 'days':
      return (
        `{ const d = v${j}[i]; if (d !== NO_DAY) { const k = d - DAY_FROM; ` +
        `if (k >= 0 && k < DAYS) { const b = x${j}.bytes, st = x${j}.start; for (let q = st[k], end = st[k + 1]; q < end; q++) dst[at++] = b[q]; } ` +
        `else { const e = dayOutside(d, y${j}); for (let q = 0; q < e.length; q++) dst[at++] = e[q]; } } ${sep} }`
      );
    case 'typed':
      return `at = num(dst, at, v${j}[i]); ${sep}`;
    case 'money':
      return `{ const c = v${j}[i]; if (c !== null && c !== undefined) at = money(dst, at, c); ${sep} }`;
    case 'plain':
      return (
        `{ const c = v${j}[i]; if (typeof c === 'number') at = num(dst, at, c); ` +
        `else if (typeof c === 'string') { if (at + c.length * 3 + 2 + room > dst.length) { out.length = at; out.reserve(c.length * 3 + 2 + room); dst = out.bytes; } at = text(dst, at, c); } ${sep} }`
      );
  }
}

type RowEncoder = (n: number, values: unknown[], extras: unknown[], styles: unknown[], out: ByteBuffer, room: number) => void;
const compiled = new Map<string, RowEncoder>();

/** The encoder for a column layout, compiled once per layout. */
function rowEncoder(kinds: Kind[]): RowEncoder {
  const key = kinds.join(',');
  let f = compiled.get(key);
  if (f) return f;
  const body = [
    ...kinds.map((_, j) => `const v${j} = values[${j}], x${j} = extras[${j}], y${j} = styles[${j}];`),
    'let dst = out.bytes, at = out.length;',
    'for (let i = 0; i < n; i++) {',
    '  if (at + room > dst.length) { out.length = at; out.reserve(room); dst = out.bytes; }',
    ...kinds.map((k, j) => '  ' + columnSource(k, j, j === kinds.length - 1)),
    '}',
    'out.length = at;',
  ].join('\n');
  const make = new Function('num', 'money', 'text', 'dayOutside', 'NO_DAY', 'DAY_FROM', 'DAYS', `return function encodeRows(n, values, extras, styles, out, room) {\n${body}\n};`);
  f = make(writeNumber, writeMoney, writeText, dayOutside, NO_DAY, DAY_FROM, DAY_TO - DAY_FROM) as RowEncoder;
  compiled.set(key, f);
  return f;
}

/** Bytes a row can take outside its plain-text cells (those reserve their own room). */
function fixedRoom(kinds: Kind[], extras: unknown[]): number {
  let room = 0;
  kinds.forEach((k, j) => {
    if (k === 'coded') room += (extras[j] as Packed).longest + 1;
    else room += 25;
  });
  return room;
}

const OUTPUT = new ByteBuffer(1 << 20);

/** The rows of a chunk as CSV bytes (UTF-8, '\n' after every row, no header). */
export function csvBytes(schema: TableSchema, chunk: TableChunk): Uint8Array {
  OUTPUT.length = 0;
  appendCsvBytes(schema, chunk, OUTPUT);
  return OUTPUT.copy();
}

/** Appends the rows of a chunk as CSV bytes to `out` (after its first `out.length` bytes). */
export function appendCsvBytes(schema: TableSchema, chunk: TableChunk, out: ByteBuffer): void {
  checkChunk(schema, chunk);
  if (chunk.rows === 0 || schema.columns.length === 0) return;
  try {
    const kinds = schema.columns.map((c, j) => kindOf(chunk.columns[j]!, c.type));
    const values = chunk.columns.map((c) => (isCoded(c) ? c.codes : isDays(c) ? c.days : c));
    const extras = chunk.columns.map((c) => (isCoded(c) ? packedDictionary(c.dictionary) : isDays(c) ? packedDaysOf(c.style) : null));
    const styles = chunk.columns.map((c) => (isDays(c) ? c.style : null));
    rowEncoder(kinds)(chunk.rows, values, extras, styles, out, fixedRoom(kinds, extras));
  } catch (e) {
    throw cellError(schema, chunk, e);
  }
}

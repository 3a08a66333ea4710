// Chunk -> CSV bytes with an encoder compiled per column layout: the generated loop writes each row
// straight into a byte buffer, with one specialised piece of code per column (dictionary entries and
// dates pre-encoded, integers written digit by digit), so no string is built per cell or per row.
import { cmsDate, dayOf, isoDate, NO_DAY } from '../dates.ts';
import { isCoded, isDays, type ChunkColumn, type TableChunk, type TableSchema } from '../table/schema.ts';
import { ByteBuffer, utf8 } from './byte-buffer.ts';
import { appendClaimCsv } from './claims-csv.ts';
import { claimRowsOf } from '../../generators/medicare/claims/materialise.ts';
import { pack, writeMoney, writeNumber, writeText, type Packed } from './csv-cell-bytes.ts';
import { cellError, checkChunk, csvText } from './format-csv.ts';

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
  // Claim tables are written from the simulation's stores (same bytes), without building their columns.
  const claims = claimRowsOf(chunk);
  if (claims && appendClaimCsv(schema, claims, out)) return;
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

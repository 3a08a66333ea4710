// Chunk -> CSV bytes. Each column of a block of rows is formatted into its own byte buffer (one tight
// loop per column), then rows are stitched together by copying byte ranges: no string per cell.
import { cmsDate, dayOf, isoDate, NO_DAY } from '../dates.ts';
import { isCoded, isDays, type ChunkColumn, type ColumnType, type TableChunk, type TableSchema } from '../table/schema.ts';
import { ByteBuffer, utf8 } from './byte-buffer.ts';
import { cellError, checkChunk, csvText } from './format-csv.ts';

const BLOCK = 1024;
const COMMA = 44;
const NEWLINE = 10;

/** Pre-encoded CSV fields of each dictionary, kept as long as the dictionary lives. */
const encodedDictionaries = new WeakMap<readonly string[], Uint8Array[]>();
function encodedDictionary(dictionary: readonly string[]): Uint8Array[] {
  let out = encodedDictionaries.get(dictionary);
  if (!out) encodedDictionaries.set(dictionary, (out = dictionary.map((s) => utf8(csvText(s)))));
  return out;
}

const DAY_FROM = dayOf(1850, 1, 1);
const DAY_TO = dayOf(2150, 1, 1);
const dayBytes = { iso: new Array<Uint8Array | undefined>(DAY_TO - DAY_FROM), cms: new Array<Uint8Array | undefined>(DAY_TO - DAY_FROM) };
function encodedDay(day: number, style: 'iso' | 'cms'): Uint8Array {
  if (day < DAY_FROM || day >= DAY_TO) return utf8(style === 'iso' ? isoDate(day) : cmsDate(day));
  const cache = dayBytes[style];
  return (cache[day - DAY_FROM] ??= utf8(style === 'iso' ? isoDate(day) : cmsDate(day)));
}

/** Formats rows [start, start + m) of a column into `out`, recording where each row's field ends. */
type ColumnEncoder = (start: number, m: number, out: ByteBuffer, ends: Int32Array) => void;

function columnEncoder(col: ChunkColumn, type: ColumnType): ColumnEncoder {
  if (isCoded(col)) {
    const dict = encodedDictionary(col.dictionary);
    const codes = col.codes;
    return (start, m, out, ends) => {
      for (let i = 0; i < m; i++) {
        const k = codes[start + i]!;
        if (k >= 0) out.append(dict[k]!);
        ends[i] = out.length;
      }
    };
  }
  if (isDays(col)) {
    const { days, style } = col;
    return (start, m, out, ends) => {
      for (let i = 0; i < m; i++) {
        const d = days[start + i]!;
        if (d !== NO_DAY) out.append(encodedDay(d, style));
        ends[i] = out.length;
      }
    };
  }
  if (ArrayBuffer.isView(col)) {
    const values = col as unknown as ArrayLike<number>;
    return (start, m, out, ends) => {
      for (let i = 0; i < m; i++) {
        out.number(values[start + i]!);
        ends[i] = out.length;
      }
    };
  }
  const values = col;
  if (type === 'money') {
    return (start, m, out, ends) => {
      for (let i = 0; i < m; i++) {
        const v = values[start + i];
        if (v !== null && v !== undefined) {
          if (typeof v !== 'number') throw new Error(`money must be integer cents, got ${JSON.stringify(v)}`);
          out.money(v);
        }
        ends[i] = out.length;
      }
    };
  }
  return (start, m, out, ends) => {
    for (let i = 0; i < m; i++) {
      const v = values[start + i];
      if (typeof v === 'number') out.number(v);
      else if (typeof v === 'string') out.text(csvText(v));
      ends[i] = out.length;
    }
  };
}

// Scratch buffers, reused from chunk to chunk (a worker or the main thread formats one chunk at a time).
const OUTPUT = new ByteBuffer(1 << 20);
const COLUMN_BUFFERS: ByteBuffer[] = [];
const COLUMN_ENDS: Int32Array[] = [];

/** The rows of a chunk as CSV bytes (UTF-8, '\n' after every row, no header). */
export function csvBytes(schema: TableSchema, chunk: TableChunk): Uint8Array {
  checkChunk(schema, chunk);
  const n = chunk.rows;
  const width = schema.columns.length;
  const out = OUTPUT;
  out.length = 0;
  if (n === 0 || width === 0) return out.copy();
  try {
    const encoders = schema.columns.map((c, j) => columnEncoder(chunk.columns[j]!, c.type));
    while (COLUMN_BUFFERS.length < width) COLUMN_BUFFERS.push(new ByteBuffer(BLOCK * 8));
    while (COLUMN_ENDS.length < width) COLUMN_ENDS.push(new Int32Array(BLOCK));
    const buffers = COLUMN_BUFFERS.slice(0, width);
    const ends = COLUMN_ENDS.slice(0, width);
    for (let s = 0; s < n; s += BLOCK) {
      const m = Math.min(BLOCK, n - s);
      for (let j = 0; j < width; j++) {
        buffers[j]!.length = 0;
        encoders[j]!(s, m, buffers[j]!, ends[j]!);
      }
      stitch(m, buffers, ends, out);
    }
  } catch (e) {
    throw cellError(schema, chunk, e);
  }
  return out.copy();
}

/** Row-major copy of the per-column fields, with commas and newlines. */
function stitch(m: number, buffers: ByteBuffer[], ends: Int32Array[], out: ByteBuffer): void {
  const width = buffers.length;
  let blockBytes = 0;
  for (const b of buffers) blockBytes += b.length;
  out.reserve(blockBytes + m * width);
  const dst = out.bytes;
  let at = out.length;
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < width; j++) {
      const src = buffers[j]!.bytes;
      const e = ends[j]!;
      const to = e[i]!;
      for (let k = i === 0 ? 0 : e[i - 1]!; k < to; k++) dst[at++] = src[k]!;
      dst[at++] = j === width - 1 ? NEWLINE : COMMA;
    }
  }
  out.length = at;
}

// A table chunk's columns copied into DuckDB data chunks as typed vectors, with no text per cell:
// integers, day numbers and cents are copied as int32/int64 words; strings of up to 12 UTF-8 bytes
// are written inline in DuckDB's 16-byte string_t (length + bytes, zero padded), so only longer
// strings cost a call into DuckDB each. Dictionary entries are encoded once per dictionary.
import duckdb from '@duckdb/node-bindings';
import { DATE, DECIMAL, DuckDBDataChunk, INTEGER, VARCHAR, type DuckDBAppender, type DuckDBType } from '@duckdb/node-api';
import { dayOf, NO_DAY } from '../dates.ts';
import { isCoded, isDays, type Cell, type ChunkColumn, type ColumnSpec, type ColumnType, type TableChunk } from '../table/schema.ts';

/** DuckDB (and so Parquet) type of each schema column type; money is integer cents, so DECIMAL(14,2) holds them exactly. */
export const SQL_TYPE: Record<ColumnType, string> = {
  string: 'VARCHAR',
  int: 'INTEGER',
  money: 'DECIMAL(14,2)',
  date: 'DATE',
};

const DUCK_TYPE: Record<ColumnType, DuckDBType> = { string: VARCHAR, int: INTEGER, money: DECIMAL(14, 2), date: DATE };

const STRING_T = 16; // bytes of a DuckDB string_t
const INLINE = 12; // longest string kept inside the string_t
const TWO_32 = 4294967296;

/** The 16-byte string_t of every dictionary entry that fits inline; longer entries are null here and assigned one by one. */
interface EncodedDictionary {
  readonly words: Uint32Array;
  readonly long: (string | null)[];
}
const encodedDictionaries = new WeakMap<readonly string[], EncodedDictionary>();
const encoder = new TextEncoder();

function encodedDictionary(dictionary: readonly string[]): EncodedDictionary {
  let out = encodedDictionaries.get(dictionary);
  if (out) return out;
  const words = new Uint32Array(dictionary.length * 4);
  const bytes = new Uint8Array(words.buffer);
  const long: (string | null)[] = new Array(dictionary.length).fill(null);
  dictionary.forEach((s, k) => {
    const b = encoder.encode(s);
    if (b.length > INLINE) long[k] = s;
    else {
      words[k * 4] = b.length;
      bytes.set(b, k * STRING_T + 4);
    }
  });
  encodedDictionaries.set(dictionary, (out = { words, long }));
  return out;
}

/** Appends chunks of one table's rows (the columns `specs` name, in order) to a DuckDB appender. */
export class ChunkFiller {
  private readonly chunk: DuckDBDataChunk;
  private readonly size = duckdb.vector_size();
  /** One scratch buffer per column, big enough for a vector of its widest type (string_t). */
  private readonly scratch: Uint32Array[];
  private readonly validity: Uint32Array;
  private readonly longRows: number[] = [];
  private readonly longTexts: string[] = [];
  private readonly parsedDays = new Map<string, number>();

  constructor(
    private readonly appender: DuckDBAppender,
    private readonly specs: readonly ColumnSpec[],
  ) {
    this.chunk = DuckDBDataChunk.create(specs.map((c) => DUCK_TYPE[c.type]));
    this.scratch = specs.map(() => new Uint32Array(this.size * 4));
    this.validity = new Uint32Array(Math.ceil(this.size / 64) * 2);
  }

  /** Appends every row of `chunk`, whose columns `columns[j]` feed specs[j]. */
  append(rows: number, columns: readonly ChunkColumn[]): void {
    const raw = this.chunk.chunk;
    for (let from = 0; from < rows; from += this.size) {
      const n = Math.min(this.size, rows - from);
      duckdb.data_chunk_reset(raw);
      duckdb.data_chunk_set_size(raw, n);
      for (let j = 0; j < this.specs.length; j++) this.fillVector(duckdb.data_chunk_get_vector(raw, j), j, columns[j]!, from, n);
      this.appender.appendDataChunk(this.chunk);
    }
  }

  appendChunk(chunk: TableChunk, pick: readonly number[]): void {
    this.append(chunk.rows, pick.map((j) => chunk.columns[j]!));
  }

  private fillVector(vector: duckdb.Vector, j: number, column: ChunkColumn, from: number, n: number): void {
    const words = this.scratch[j]!;
    const valid = this.validity;
    valid.fill(0xffffffff);
    let nulls = 0;
    const setNull = (i: number) => {
      valid[i >>> 5]! &= ~(1 << (i & 31));
      nulls++;
    };
    const type = this.specs[j]!.type;
    let bytes: number;
    if (type === 'string') {
      this.longRows.length = 0;
      this.longTexts.length = 0;
      this.fillStrings(words, column, from, n, setNull);
      bytes = n * STRING_T;
    } else if (type === 'money') {
      const ints = new Int32Array(words.buffer);
      for (let i = 0; i < n; i++) {
        const v = cellNumber(column, from + i, this.specs[j]!);
        if (v === null) {
          setNull(i);
          words[2 * i] = 0;
          words[2 * i + 1] = 0;
        } else {
          const hi = Math.floor(v / TWO_32);
          words[2 * i] = v - hi * TWO_32;
          ints[2 * i + 1] = hi;
        }
      }
      bytes = n * 8;
    } else {
      const ints = new Int32Array(words.buffer);
      if (type === 'date') this.fillDays(ints, column, from, n, setNull);
      else {
        for (let i = 0; i < n; i++) {
          const v = cellNumber(column, from + i, this.specs[j]!);
          if (v === null) {
            setNull(i);
            ints[i] = 0;
          } else if (v > 2147483647 || v < -2147483648) throw new Error(`column ${this.specs[j]!.name}: ${v} does not fit an INTEGER`);
          else ints[i] = v;
        }
      }
      bytes = n * 4;
    }
    duckdb.copy_data_to_vector(vector, 0, words.buffer as ArrayBuffer, 0, bytes);
    if (type === 'string') for (let k = 0; k < this.longRows.length; k++) duckdb.vector_assign_string_element(vector, this.longRows[k]!, this.longTexts[k]!);
    if (nulls > 0) {
      duckdb.vector_ensure_validity_writable(vector);
      duckdb.copy_data_to_vector_validity(vector, 0, valid.buffer as ArrayBuffer, 0, Math.ceil(n / 64) * 8);
    }
  }

  /** string_t of rows [from, from + n); long strings are queued for assignment, nulls marked through setNull. */
  private fillStrings(words: Uint32Array, column: ChunkColumn, from: number, n: number, setNull: (i: number) => void): void {
    if (isCoded(column)) {
      const enc = encodedDictionary(column.dictionary);
      const codes = column.codes;
      for (let i = 0; i < n; i++) {
        const k = codes[from + i]!;
        const at = i * 4;
        if (k < 0) {
          setNull(i);
          words[at] = words[at + 1] = words[at + 2] = words[at + 3] = 0;
          continue;
        }
        const src = k * 4;
        words[at] = enc.words[src]!;
        words[at + 1] = enc.words[src + 1]!;
        words[at + 2] = enc.words[src + 2]!;
        words[at + 3] = enc.words[src + 3]!;
        const long = enc.long[k];
        if (long !== null && long !== undefined) this.queueLong(i, long);
      }
      return;
    }
    if (isDays(column)) throw new Error('a day column cannot feed a VARCHAR column');
    const bytes = new Uint8Array(words.buffer);
    for (let i = 0; i < n; i++) {
      const v = column[from + i];
      const at = i * 4;
      words[at] = words[at + 1] = words[at + 2] = words[at + 3] = 0;
      if (v === null || v === undefined) {
        setNull(i);
        continue;
      }
      const s = typeof v === 'string' ? v : String(v);
      if (s.length > INLINE || !asciiInline(s, bytes, i * STRING_T + 4)) this.queueLong(i, s);
      else words[at] = s.length;
    }
  }

  private queueLong(row: number, text: string): void {
    this.longRows.push(row);
    this.longTexts.push(text);
  }

  private fillDays(ints: Int32Array, column: ChunkColumn, from: number, n: number, setNull: (i: number) => void): void {
    if (isDays(column)) {
      const days = column.days;
      for (let i = 0; i < n; i++) {
        const d = days[from + i]!;
        if (d === NO_DAY) {
          setNull(i);
          ints[i] = 0;
        } else ints[i] = d;
      }
      return;
    }
    if (isCoded(column)) throw new Error('a coded column cannot feed a DATE column');
    for (let i = 0; i < n; i++) {
      const v = column[from + i];
      const d = v === null || v === undefined || v === '' ? null : this.dayOfText(String(v));
      if (d === null) {
        setNull(i);
        ints[i] = 0;
      } else ints[i] = d;
    }
  }

  /** A date text, YYYY-MM-DD or YYYYMMDD, as a day number (cached: columns repeat the same dates). */
  private dayOfText(s: string): number {
    let d = this.parsedDays.get(s);
    if (d === undefined) {
      const m = /^(\d{4})-?(\d{2})-?(\d{2})$/.exec(s);
      if (!m) throw new Error(`date column holds "${s}", not YYYY-MM-DD or YYYYMMDD`);
      this.parsedDays.set(s, (d = dayOf(Number(m[1]), Number(m[2]), Number(m[3]))));
    }
    return d;
  }
}

/** Writes s (<= 12 characters) at bytes[at..] when it is ASCII; false (nothing to undo: the caller zeroed them) otherwise. */
function asciiInline(s: string, bytes: Uint8Array, at: number): boolean {
  for (let c = 0; c < s.length; c++) {
    const code = s.charCodeAt(c);
    if (code > 127) {
      bytes.fill(0, at, at + INLINE);
      return false;
    }
    bytes[at + c] = code;
  }
  return true;
}

function cellNumber(column: ChunkColumn, i: number, spec: ColumnSpec): number | null {
  if (isCoded(column) || isDays(column)) throw new Error(`column ${spec.name}: a ${isCoded(column) ? 'coded' : 'day'} column cannot be written as ${SQL_TYPE[spec.type]}`);
  const v: Cell | undefined = column[i];
  if (v === null || v === undefined) return null;
  if (typeof v !== 'number' || !Number.isSafeInteger(v)) throw new Error(`column ${spec.name}: ${JSON.stringify(v)} is not an integer${spec.type === 'money' ? ' number of cents' : ''}`);
  return v;
}

// Reads chosen columns of a CSV or Parquet file into the one table, every column text (values kept as
// text, so ZIP codes keep their leading zeros). CSV is parsed byte by byte in a stream: no row objects.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { InputError } from './input-error.ts';
import { tableFormatOf } from './table-format.ts';
import { chunkDecoder, NotUtf8Error, type TextEncodingName } from './text-decoding.ts';
import { findInvalidUtf8, notUtf8Message } from './utf8-position.ts';
import { tableOf, type Table, type TextColumn } from '../table/table.ts';
import { CMS_DATES_KEY } from './parquet-metadata.ts';
import { concatText, hiveParts } from './read-parts.ts';
import type { DuckDBConnection } from '@duckdb/node-api';

export { InputError };

export interface ReadOptions {
  /** The columns to read, or 'all'. */
  columns: readonly string[] | 'all';
  /** Field separator; detected from the header line when absent (',', ';', tab or '|'). */
  delimiter?: string;
  /** Values that mean "missing" besides the empty field. */
  naTokens?: readonly string[];
  /** Text encoding of a CSV file (default strict UTF-8; Parquet text is always UTF-8). */
  encoding?: TextEncodingName;
}

/** The file's chosen columns (in the order asked, or the file's order for 'all') as text columns; an empty field or an NA token is missing. */
export async function readColumns(file: string, o: ReadOptions): Promise<Table> {
  if (!existsSync(file)) throw new InputError(`${file}: no such file`);
  if (statSync(file).isDirectory()) {
    const parts = await hiveParts(file);
    if (!parts) throw new InputError(`${file}: is a directory, not a table file`);
    if (parts.format === 'parquet') return readParquet(parts.files, file, o);
    const tables: Table[] = [];
    for (const part of parts.files) tables.push(await readCsv(part, o).catch((e) => whereNotUtf8(part, e)));
    return concatText(tables);
  }
  return tableFormatOf(file) === 'parquet' ? readParquet([file], file, o) : readCsv(file, o).catch((e) => whereNotUtf8(file, e));
}

/** The strict decoder does not say where a file stops being UTF-8: the bytes are looked for only now, on the error path. */
async function whereNotUtf8(file: string, e: unknown): Promise<never> {
  if (e instanceof NotUtf8Error) throw new InputError(notUtf8Message(file, await findInvalidUtf8(file)));
  throw e;
}

/** Throws when a column name appears twice in the header: which of the two a --qi or a setting meant is unknowable. */
function checkUniqueNames(file: string, header: readonly string[]): void {
  const seen = new Map<string, number>();
  header.forEach((name, j) => {
    const first = seen.get(name);
    if (first !== undefined) throw new InputError(`${file}: column "${name}" appears twice (columns ${first + 1} and ${j + 1}); rename one of them`);
    seen.set(name, j);
  });
}

/** A growing column: codes in a typed array that doubles, a Map from text to code. */
class Coder {
  codes = new Int32Array(1 << 16);
  readonly dictionary: string[] = [];
  private readonly index = new Map<string, number>();
  constructor(private readonly na: ReadonlySet<string>) {}
  add(row: number, value: string): void {
    if (row >= this.codes.length) {
      const next = new Int32Array(this.codes.length * 2);
      next.set(this.codes);
      this.codes = next;
    }
    if (value === '' || this.na.has(value)) {
      this.codes[row] = -1;
      return;
    }
    let k = this.index.get(value);
    if (k === undefined) {
      k = this.dictionary.length;
      this.dictionary.push(value);
      this.index.set(value, k);
    }
    this.codes[row] = k;
  }
  done(records: number): TextColumn {
    return { kind: 'text', codes: this.codes.slice(0, records), dictionary: this.dictionary };
  }
}

function detectDelimiter(headerLine: string): string {
  const candidates = [',', ';', '\t', '|'];
  let best = ',';
  let most = 0;
  for (const d of candidates) {
    const count = headerLine.split(d).length - 1;
    if (count > most) {
      most = count;
      best = d;
    }
  }
  return best;
}

/** Splits one CSV record (RFC 4180 quoting). */
function splitRecord(line: string, d: string): string[] {
  if (!line.includes('"')) return line.split(d);
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"') {
        if (line[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
    } else if (c === '"') quoted = true;
    else if (c === d) {
      out.push(field);
      field = '';
    } else field += c;
  }
  out.push(field);
  return out;
}

async function readCsv(file: string, o: ReadOptions): Promise<Table> {
  const na = new Set(o.naTokens ?? []);
  const decoder = chunkDecoder(o.encoding ?? 'utf8');
  let header: string[] | null = null;
  let delimiter = o.delimiter ?? '';
  let wanted: number[] = [];
  let chosen: readonly string[] = [];
  let coders: Coder[] = [];
  let records = 0;
  let line = 0;
  let pending = '';
  let openQuote = false;

  const onRecord = (text: string) => {
    line++;
    if (header === null) {
      const first = text.replace(/^\uFEFF/, '');
      if (!delimiter) delimiter = detectDelimiter(first);
      header = splitRecord(first, delimiter).map((h) => h.trim());
      checkUniqueNames(file, header);
      const names = o.columns === 'all' ? header : o.columns;
      chosen = names;
      wanted = names.map((c) => {
        const j = header!.indexOf(c);
        if (j < 0) throw new InputError(`${file}: no column "${c}" (columns: ${header!.join(', ')})`);
        return j;
      });
      coders = wanted.map(() => new Coder(na));
      return;
    }
    if (text === '') return;
    const fields = splitRecord(text, delimiter);
    if (fields.length !== header.length) {
      throw new InputError(`${file}, line ${line}: ${fields.length} fields where the header has ${header.length} (delimiter "${delimiter === '\t' ? '\\t' : delimiter}"; give --delimiter if it was guessed wrong)`);
    }
    for (let k = 0; k < wanted.length; k++) coders[k]!.add(records, fields[wanted[k]!]!);
    records++;
  };

  for await (const chunk of createReadStream(file, { highWaterMark: 4 << 20 })) {
    const text = pending + decoder.write(chunk as Buffer);
    let start = 0;
    openQuote = false; // the scan restarts at the first unfinished record
    // A record ends at a newline outside quotes.
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 34) openQuote = !openQuote;
      else if (c === 10 && !openQuote) {
        const end = i > start && text.charCodeAt(i - 1) === 13 ? i - 1 : i;
        onRecord(text.slice(start, end));
        start = i + 1;
      }
    }
    pending = text.slice(start);
  }
  pending += decoder.end();
  if (pending.length > 0) onRecord(pending.replace(/\r$/, ''));
  if (header === null) throw new InputError(`${file}: the file is empty`);
  if (openQuote) throw new InputError(`${file}: a quoted field is never closed`);
  return tableOf(Object.fromEntries(chosen.map((c, k) => [c, coders[k]!.done(records)])), records);
}

/** Reads one Parquet file, or the parts of a hive-layout table (`file` then names its folder), as one table. */
async function readParquet(files: readonly string[], file: string, o: ReadOptions): Promise<Table> {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    const path = files[0]!.replace(/'/g, "''");
    // the columns are the files' own: no key=value column from folder names (state=XX)
    const source = `read_parquet([${files.map((f) => `'${f.replace(/'/g, "''")}'`).join(', ')}], hive_partitioning = false)`;
    const described = await connection.runAndReadAll(`DESCRIBE SELECT * FROM ${source}`);
    const header = described.getRows().map((r) => String(r[0]));
    // DuckDB renames a repeated column (a, a_1): the names as stored are in the file's schema.
    checkUniqueNames(file, topLevelNames((await connection.runAndReadAll(`SELECT name, num_children FROM parquet_schema('${path}')`)).getRows()));
    const names = o.columns === 'all' ? header : o.columns;
    for (const c of names) if (!header.includes(c)) throw new InputError(`${file}: no column "${c}" (columns: ${header.join(', ')})`);
    const cms = await cmsDateColumns(connection, path);
    const cols = names.map((c) => textOf(c, cms.has(c))).join(', ');
    const reader = await connection.runAndReadAll(`SELECT ${cols} FROM ${source}`);
    const na = new Set(o.naTokens ?? []);
    const coders = names.map(() => new Coder(na));
    const rows = reader.getRows();
    rows.forEach((row, i) => row.forEach((v, k) => coders[k]!.add(i, v === null ? '' : String(v))));
    return tableOf(Object.fromEntries(names.map((c, k) => [c, coders[k]!.done(rows.length)])), rows.length);
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(`${file}: cannot read as Parquet: ${(e as Error).message}`);
  } finally {
    connection.closeSync?.();
    instance.closeSync?.();
  }
}

/** Date columns reident wrote as DATE but writes YYYYMMDD in CSV (CMS style): named in the file's key-value metadata. */
async function cmsDateColumns(connection: DuckDBConnection, path: string): Promise<Set<string>> {
  const rows = (await connection.runAndReadAll(`SELECT decode(key), decode(value) FROM parquet_kv_metadata('${path}')`)).getRows();
  const entry = rows.find((r) => r[0] === CMS_DATES_KEY);
  return new Set(entry ? String(entry[1]).split(',') : []);
}

/** A column as the text a CSV of the same world holds (CMS dates YYYYMMDD, the rest as DuckDB casts them). */
function textOf(column: string, cms: boolean): string {
  const name = `"${column.replace(/"/g, '""')}"`;
  return cms ? `strftime(${name}, '%Y%m%d')` : `CAST(${name} AS VARCHAR)`;
}

/** The top-level column names of a Parquet schema, given as (name, children) in depth-first order with the root first. */
function topLevelNames(schema: readonly (readonly unknown[])[]): string[] {
  const names: string[] = [];
  let i = 1;
  // Skips an element and, recursively, its children; returns the index after them.
  const skip = (at: number): number => {
    let next = at + 1;
    for (let c = Number(schema[at]![1] ?? 0); c > 0; c--) next = skip(next);
    return next;
  };
  while (i < schema.length) {
    names.push(String(schema[i]![0]));
    i = skip(i);
  }
  return names;
}

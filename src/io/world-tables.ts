// A generated world's tables read back from its folder, as the column views adversary builders and
// attack scenarios take (text values; null for missing).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { WorldPeople } from '../../generators/adversary/types.ts';
import { InputError, readColumns, textOf } from './read-columns.ts';

export type TableView = WorldPeople;

/** DIR/<table>.csv or .parquet; a clear error when the world lacks it, or was written as JSON (which is not read back). */
export function worldTableFile(dir: string, table: string): string {
  const file = ['csv', 'parquet'].map((ext) => join(dir, `${table}.${ext}`)).find(existsSync);
  if (file) return file;
  if (existsSync(join(dir, `${table}.json`))) {
    throw new InputError(`--world: ${dir} was generated with --format json, which reident writes for other tools but does not read back; generate it again with --format csv or --format parquet`);
  }
  throw new InputError(`--world: ${dir} has no ${table}.csv or ${table}.parquet (generate it with: reident generate --out ${dir})`);
}

/** Reads DIR/<table>.csv (or .parquet) fully. */
export async function readWorldTable(dir: string, table: string): Promise<TableView> {
  const file = worldTableFile(dir, table);
  const read = await readColumns(file, { columns: 'all' });
  const cache = new Map<string, (string | null)[]>();
  return {
    records: read.records,
    column(name: string) {
      let out = cache.get(name);
      if (!out) {
        const c = read.columns.get(name);
        if (!c) throw new InputError(`${file}: no column "${name}"`);
        out = textOf(c);
        cache.set(name, out);
      }
      return out;
    },
  };
}

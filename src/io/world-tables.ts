// A generated world's tables read back from its folder, as the column views adversary builders and
// attack scenarios take (text values; null for missing).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { WorldPeople } from '../../generators/adversary/types.ts';
import { InputError, readColumns, textOf } from './read-columns.ts';

export type TableView = WorldPeople;

/** Reads DIR/<table>.csv (or .parquet) fully; a clear error when the world lacks it. */
export async function readWorldTable(dir: string, table: string): Promise<TableView> {
  const file = ['csv', 'parquet'].map((ext) => join(dir, `${table}.${ext}`)).find(existsSync);
  if (!file) throw new InputError(`--world: ${dir} has no ${table}.csv or ${table}.parquet (generate it with: reident generate --out ${dir})`);
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

// A hive-layout table (partitioned-writer.ts) read as one: its folder's parts in the order the world's
// manifest (in the folder above) lists them, and text tables concatenated with merged dictionaries.
import { readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { tableOf, type Table, type TextColumn } from '../table/table.ts';
import { MANIFEST_FILE, type Manifest } from './manifest.ts';
import { PART_FILE } from './part-files.ts';

/** The part files of the table whose folder is `dir`, or null when `dir` is no such folder. */
export async function hiveParts(dir: string): Promise<{ format: string; files: string[] } | null> {
  const world = dirname(dir);
  let manifest: Manifest;
  try {
    manifest = JSON.parse(readFileSync(join(world, MANIFEST_FILE), 'utf8')) as Manifest;
  } catch {
    return null;
  }
  const table = basename(dir);
  const entry = (manifest.tables as Record<string, Manifest['tables'][keyof Manifest['tables']]>)?.[table];
  if (!entry || entry.layout !== 'hive' || entry.file !== table || !Array.isArray(entry.parts)) return null;
  const files = entry.parts.map((p) => {
    if (!PART_FILE.test(p.file) || !p.file.startsWith(`${table}/`)) throw new Error(`${join(world, MANIFEST_FILE)}: part ${JSON.stringify(p.file)} is not a part of ${table}`);
    return join(world, p.file);
  });
  return { format: entry.format, files };
}

/** Text tables with the same columns, one after the other. */
export function concatText(tables: readonly Table[]): Table {
  if (tables.length === 1) return tables[0]!;
  const names = tables[0]?.names ?? [];
  const rows = tables.reduce((a, t) => a + t.rows, 0);
  const columns: Record<string, TextColumn> = {};
  for (const name of names) {
    const codes = new Int32Array(rows);
    const dictionary: string[] = [];
    const index = new Map<string, number>();
    let at = 0;
    for (const t of tables) {
      const c = t.columns[name] as TextColumn;
      const map = c.dictionary.map((v) => {
        let k = index.get(v);
        if (k === undefined) {
          index.set(v, (k = dictionary.length));
          dictionary.push(v);
        }
        return k;
      });
      for (let i = 0; i < t.rows; i++) codes[at + i] = c.codes[i]! < 0 ? -1 : map[c.codes[i]!]!;
      at += t.rows;
    }
    columns[name] = { kind: 'text', codes, dictionary };
  }
  return tableOf(columns, rows);
}

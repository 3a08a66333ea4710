// manifest.json read back and checked: which table files a world folder holds, with their SHA-256.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { TABLE_NAMES, type TableName } from '../../generators/world-types.ts';
import { MANIFEST_FILE, type Manifest } from './manifest.ts';
import { InputError } from './read-columns.ts';
import { OUTPUT_FORMATS } from './table-writers.ts';
import { PART_FILE } from './part-files.ts';
import type { ManifestTable } from './manifest.ts';

export interface WorldFile {
  table: TableName;
  /** A plain file name in the world folder, `<table>.<format>`, or a part of the hive layout, `<table>/state=XX/part-NNNNN.<format>`; never another path. */
  file: string;
  sha256: string;
}

export interface ReadManifest {
  path: string;
  manifest: Manifest;
  files: WorldFile[];
}

/**
 * The manifest of `dir`, or null when the folder has no manifest.json. A manifest that is not one
 * reident wrote (bad JSON, unknown table, a file entry that is a path) is an InputError naming it,
 * so nothing later trusts or deletes a file it lists.
 */
export async function readManifest(dir: string): Promise<ReadManifest | null> {
  const path = join(dir, MANIFEST_FILE);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return null;
    throw new InputError(`${path}: cannot be read (${code ?? (e as Error).message})`);
  }
  const bad = (why: string) => new InputError(`${path}: not a manifest written by reident generate (${why})`);
  let manifest: Manifest;
  try {
    manifest = JSON.parse(text) as Manifest;
  } catch {
    throw bad('not valid JSON');
  }
  if (manifest === null || typeof manifest !== 'object' || manifest.schemaVersion !== 1) throw bad('no "schemaVersion": 1');
  if (manifest.tables === null || typeof manifest.tables !== 'object' || Array.isArray(manifest.tables)) throw bad('no "tables" object');
  const files: WorldFile[] = [];
  for (const [table, entry] of Object.entries(manifest.tables)) {
    if (!(TABLE_NAMES as readonly string[]).includes(table)) throw bad(`unknown table "${table}"`);
    const format = entry?.format as string;
    if (entry?.layout === 'hive') {
      files.push(...hiveParts(table as TableName, entry, bad));
      continue;
    }
    if (!(OUTPUT_FORMATS as readonly string[]).includes(format) || entry?.file !== `${table}.${format}`) {
      throw bad(`table "${table}" lists file ${JSON.stringify(entry?.file)}, expected ${table}.csv, .parquet or .json`);
    }
    if (typeof entry.sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(entry.sha256)) throw bad(`table "${table}" has no SHA-256`);
    files.push({ table: table as TableName, file: entry.file, sha256: entry.sha256 });
  }
  return { path, manifest, files };
}

/** The part files of a hive-layout table, each checked to be a part of this table in this format (no path can leave the folder). */
function hiveParts(table: TableName, entry: ManifestTable, bad: (why: string) => InputError): WorldFile[] {
  if (entry.file !== table || !(OUTPUT_FORMATS as readonly string[]).includes(entry.format)) throw bad(`table "${table}" in the hive layout lists folder ${JSON.stringify(entry.file)}, expected "${table}"`);
  if (!Array.isArray(entry.parts) || entry.parts.length === 0) throw bad(`table "${table}" in the hive layout lists no parts`);
  return entry.parts.map((p) => {
    const m = typeof p?.file === 'string' ? PART_FILE.exec(p.file) : null;
    if (!m || m[1] !== table || m[4] !== entry.format) throw bad(`table "${table}" lists part ${JSON.stringify(p?.file)}, expected ${table}/state=XX/part-NNNNN.${entry.format}`);
    if (typeof p.sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(p.sha256)) throw bad(`part ${p.file} has no SHA-256`);
    return { table, file: p.file, sha256: p.sha256 };
  });
}

// A generated world read back from its folder: the files its manifest lists, and each table as the one
// coded table adversary builders and attack scenarios take (text values; null for missing).
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Table } from '../table/table.ts';
import { InputError, readColumns } from './read-columns.ts';
import { readManifest, type ReadManifest } from './read-manifest.ts';

/** A world folder with its manifest read (not yet verified: see verifyWorld). */
export interface World {
  dir: string;
  manifest: ReadManifest;
}

/** Reads DIR/manifest.json; a folder that is missing or has no manifest is refused, naming it. */
export async function openWorld(dir: string): Promise<World> {
  const info = await stat(dir).catch(() => null);
  const make = `generate one with: reident generate --out ${dir}`;
  if (!info) throw new InputError(`--world: ${dir} does not exist (${make})`);
  if (!info.isDirectory()) throw new InputError(`--world: ${dir} is a file, not a folder written by reident generate`);
  const manifest = await readManifest(dir);
  if (!manifest) throw new InputError(`--world: ${dir} has no manifest.json, so it is not a folder written by reident generate (${make})`);
  return { dir, manifest };
}

/** The path of a table's file as the manifest lists it (never a stray file of another format beside it). */
export function worldTablePath(world: World, table: string): string {
  const entry = world.manifest.files.find((f) => f.table === table);
  if (!entry) {
    const listed = world.manifest.files.map((f) => f.table).join(', ') || 'no table';
    throw new InputError(`--world: ${world.dir} has no ${table} table (its manifest lists ${listed}; generate it with: reident generate --out ${world.dir})`);
  }
  const path = join(world.dir, entry.file.includes('/') ? entry.table : entry.file);
  // A hive-layout table is its folder: readColumns reads its parts in the order its manifest lists them.
  if (!/\.(csv|parquet)$/.test(entry.file)) throw new InputError(`--world: ${world.dir} was generated with --format json, which reident writes for other tools but does not read back; generate it again with --format csv or --format parquet`);
  return path;
}

/** Reads a world's table fully, as the one table (every column text, as the file holds it). */
export async function readWorldTable(world: World, table: string): Promise<Table> {
  return readColumns(worldTablePath(world, table), { columns: 'all' });
}

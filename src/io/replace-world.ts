// Generating into a folder that holds a world replaces that world whole; any other non-empty folder
// is refused unless forced. Names starting with '.' (.DS_Store, .gitignore) do not make a folder non-empty.
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { OptionError } from '../../generators/world-types.ts';
import { InputError } from './read-columns.ts';
import { readManifest } from './read-manifest.ts';

/**
 * The files of the world already in `outDir` (from its manifest), which a new run replaces; [] for a
 * missing or empty folder. A non-empty folder without a reident manifest is refused unless `force`
 * (then nothing in it is removed, and files of the same names are overwritten).
 */
export async function previousWorldFiles(outDir: string, force: boolean): Promise<string[]> {
  const entries = await readdir(outDir).catch(() => [] as string[]); // missing or not a folder: prepareOutDir names the problem
  let invalid: InputError | null = null;
  const world = await readManifest(outDir).catch((e: unknown) => {
    if (!(e instanceof InputError)) throw e;
    invalid = e;
    return null;
  });
  if (world) return world.files.map((f) => f.file);
  const visible = entries.filter((name) => !name.startsWith('.'));
  if (visible.length === 0 || force) return [];
  const shown = visible.slice(0, 3).join(', ') + (visible.length > 3 ? ` and ${visible.length - 3} more` : '');
  const why = invalid ? (invalid as InputError).message : `it has no manifest.json and holds ${shown}`;
  throw new OptionError('out', `${outDir} is not empty and is not a world written by reident generate (${why}); choose a new or empty folder, or pass --force to write into it anyway`);
}

/** Removes the previous world's files that the new run did not write; nothing else in the folder is touched. */
export async function removeReplacedFiles(outDir: string, previous: readonly string[], written: readonly string[]): Promise<void> {
  for (const file of previous) if (!written.includes(file)) await rm(join(outDir, file), { force: true });
}

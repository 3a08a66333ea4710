// A world's files checked against its manifest: every listed file present, with the SHA-256 it was written with.
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { digestFile } from './hashed-file.ts';
import { InputError } from './read-columns.ts';
import type { ReadManifest } from './read-manifest.ts';

const SKIP_HINT = 'regenerate the world, or pass --no-verify to use it as it is';

/** Presence of every file first (cheap, so a missing file is named before minutes of hashing), then each file streamed through SHA-256. */
export async function verifyWorld(dir: string, world: ReadManifest): Promise<void> {
  for (const f of world.files) {
    const path = join(dir, f.file);
    const info = await stat(path).catch(() => null);
    if (!info?.isFile()) throw new InputError(`--world: ${path} is listed in ${world.path} but ${info ? 'is not a file' : 'missing'}; ${SKIP_HINT}`);
  }
  for (const f of world.files) {
    const path = join(dir, f.file);
    const { sha256 } = await digestFile(path);
    if (sha256 !== f.sha256) {
      throw new InputError(`--world: ${path} was changed after it was generated (its SHA-256 ${sha256.slice(0, 12)}... is not the ${f.sha256.slice(0, 12)}... in ${world.path}); ${SKIP_HINT}`);
    }
  }
}

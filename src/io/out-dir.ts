// Output directory checks and atomic file placement.
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';

/** An I/O failure the user can fix (bad directory, full disk): the CLI prints the message without a stack. */
export class OutputError extends Error {
  override readonly name = 'OutputError';
}

/** Creates `dir` (with parents) and proves it is writable, or throws an OutputError naming it. */
export async function prepareOutDir(dir: string): Promise<void> {
  try {
    await makeDirs(dir);
  } catch (e) {
    throw new OutputError(`cannot create output directory "${dir}": ${reason(e)}`);
  }
  const probe = join(dir, `.reident-probe-${process.pid}`);
  try {
    await writeFile(probe, '');
  } catch (e) {
    throw new OutputError(`output directory "${dir}" is not writable: ${reason(e)}`);
  } finally {
    await rm(probe, { force: true }).catch(() => undefined);
  }
}

/**
 * mkdir -p, one level at a time: Node's recursive mkdir spins forever where mkdir fails with ENOENT
 * under an existing parent (/proc, some FUSE mounts).
 */
async function makeDirs(dir: string): Promise<void> {
  const missing: string[] = [];
  for (let cur = resolve(dir); ; cur = dirname(cur)) {
    const info = await stat(cur).catch((e: NodeJS.ErrnoException) => {
      if (e.code !== 'ENOENT' || dirname(cur) === cur) throw e;
      return null;
    });
    if (info?.isDirectory()) break;
    if (info) throw Object.assign(new Error(`ENOTDIR: ${cur} is not a directory`), { code: 'ENOTDIR' });
    missing.push(cur);
  }
  for (const d of missing.reverse()) {
    await mkdir(d).catch((e: NodeJS.ErrnoException) => {
      if (e.code !== 'EEXIST') throw e;
    });
  }
}

/** Writes text to `<path>.tmp` and renames it over `path`, so readers never see half a file; a failure is an OutputError naming `path`. */
export async function writeFileAtomic(path: string, text: string): Promise<void> {
  const temp = `${path}.tmp`;
  try {
    await writeFile(temp, text);
    await rename(temp, path);
  } catch (e) {
    await rm(temp, { force: true }).catch(() => undefined);
    throw new OutputError(`cannot write "${path}": ${reason(e)}`);
  }
}

/** 'EACCES: permission denied' without the syscall and path noise. */
export function reason(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  if (err && typeof err.code === 'string') {
    const text = String(err.message ?? '').replace(/^[A-Z]+: /, '').replace(/, \w+ '.*'$/, '');
    return `${err.code} ${text}`.trim();
  }
  return e instanceof Error ? e.message : String(e);
}

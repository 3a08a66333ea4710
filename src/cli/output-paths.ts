// Output files checked before a command reads or writes anything: never one of its inputs (or each
// other), never in a folder that does not exist, never a folder.
import { realpath, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { UsageError } from './errors.ts';

/** A path from the command line, with the flag (or argument) that named it. */
export interface NamedPath {
  flag: string;
  path: string;
}

/** Throws a UsageError naming both flags when an output resolves to an input or to another output. */
export async function checkOutputs(outputs: readonly NamedPath[], inputs: readonly NamedPath[]): Promise<void> {
  const taken = await Promise.all(inputs.map(async (p) => ({ ...p, role: 'input', id: await fileIdentity(p.path) })));
  for (const out of outputs) {
    await checkOutputPlace(out);
    const id = await fileIdentity(out.path);
    const clash = taken.find((p) => p.id === id);
    if (clash) throw new UsageError(`${out.flag} ${out.path} is the same file as ${clash.flag} ${clash.path}; writing it would destroy that ${clash.role}: choose another file`);
    taken.push({ ...out, role: 'output', id });
  }
}

/** The folder of an output must exist (a typo is not silently created); the output itself must not be a folder. */
async function checkOutputPlace(out: NamedPath): Promise<void> {
  const dir = dirname(resolve(out.path));
  const dirInfo = await stat(dir).catch(() => null);
  if (!dirInfo) throw new UsageError(`${out.flag} ${out.path}: the folder ${dir} does not exist; create it first`);
  if (!dirInfo.isDirectory()) throw new UsageError(`${out.flag} ${out.path}: ${dir} is not a folder`);
  if ((await stat(out.path).catch(() => null))?.isDirectory()) throw new UsageError(`${out.flag} ${out.path} is a folder; give a file name`);
}

/**
 * What a path writes to: device and inode when the file exists (through symlinks and hard links),
 * else the real path of its folder plus its name (a symlinked folder resolves to the same place).
 */
async function fileIdentity(path: string): Promise<string> {
  const info = await stat(path).catch(() => null);
  if (info) return `inode ${info.dev}:${info.ino}`;
  const dir = dirname(resolve(path));
  return `path ${join(await realpath(dir).catch(() => dir), basename(path))}`;
}

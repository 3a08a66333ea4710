// `--world DIR` as every command that reads a world takes it: the manifest first, the command's
// outputs checked against the world's files, then every listed file verified unless --no-verify.
import { join } from 'node:path';
import { Option } from 'commander';
import { verifyWorld } from '../io/verify-world.ts';
import { openWorld, type World } from '../io/world-tables.ts';
import { checkOutputs, type NamedPath } from './output-paths.ts';

/** The one definition of --no-verify; commander turns it into `verify: boolean` (true unless given). */
export function noVerifyOption(): Option {
  return new Option('--no-verify', "skip the SHA-256 check of the world's files against its manifest.json (see README for its cost)");
}

export interface WorldInputOptions {
  /** false when --no-verify was given. */
  verify?: boolean;
  /** Files the command will write: refused when one is a file of the world or one of `inputs`. */
  outputs?: readonly NamedPath[];
  /** The command's other input files. */
  inputs?: readonly NamedPath[];
}

export async function openWorldInput(dir: string, o: WorldInputOptions = {}): Promise<World> {
  const world = await openWorld(dir);
  const files = [world.manifest.path, ...world.manifest.files.map((f) => join(dir, f.file))];
  await checkOutputs(o.outputs ?? [], [...(o.inputs ?? []), ...files.map((path) => ({ flag: '--world', path }))]);
  if (o.verify !== false) await verifyWorld(dir, world.manifest);
  return world;
}

// An output that resolves to an input is refused before anything is written; a missing folder gets a plain message.
import { linkSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { peopleSettingsExample } from '../attacks/link/settings.ts';
import { OutputError, writeFileAtomic } from '../src/io/out-dir.ts';
import { cli } from './helpers/cli.ts';

const root = mkdtempSync(join(tmpdir(), 'reident-outputs-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const world = join(root, 'w');
const people = join(world, 'people.csv');
const voters = join(root, 'voters.csv');
const settings = join(root, 'settings.json');
beforeAll(async () => {
  expect((await cli('generate', '--people', '400', '--tables', 'people', '--out', world, '--quiet')).code).toBe(0);
  expect((await cli('adversary', 'voter-roll', '--world', world, '--out', voters, '--with-truth')).code).toBe(0);
  writeFileSync(settings, JSON.stringify(peopleSettingsExample));
});

/** Runs the CLI and expects exit 2 with the message, and every input byte-identical afterwards. */
async function refused(args: string[], message: string | RegExp, inputs: string[]): Promise<void> {
  const before = inputs.map((f) => readFileSync(f));
  const r = await cli(...args);
  expect(r.code, r.stderr).toBe(2);
  if (typeof message === 'string') expect(r.stderr).toContain(message);
  else expect(r.stderr).toMatch(message);
  inputs.forEach((f, i) => expect(readFileSync(f).equals(before[i]!), `${f} changed`).toBe(true));
}

describe('an output that is an input is refused, the input left as it was', () => {
  test('risk --per-record IN', async () => {
    await refused(['risk', voters, '--qi', 'zip,sex', '--per-record', voters, '--bootstrap', '0'], `--per-record ${voters} is the same file as the table ${voters}`, [voters]);
  });

  test('risk --per-record through a hard link to IN, and onto the --world people table', async () => {
    const alias = join(root, 'alias.csv');
    linkSync(voters, alias);
    await refused(['risk', voters, '--qi', 'zip,sex', '--per-record', alias, '--bootstrap', '0'], 'is the same file as the table', [voters]);
    await refused(['risk', voters, '--qi', 'zip,sex', '--world', world, '--per-record', people, '--bootstrap', '0'], `is the same file as --world ${people}`, [people]);
  });

  test('link --out LEFT, and --curve onto --out', async () => {
    const link = ['link', '--left', voters, '--right', people, '--settings', settings];
    await refused([...link, '--out', voters], `--out ${voters} is the same file as --left ${voters}`, [voters, people]);
    const pairs = join(root, 'pairs.csv');
    await refused([...link, '--out', pairs, '--curve', pairs, '--truth-left', 'truth_person_id', '--truth-right', 'person_id'], `--curve ${pairs} is the same file as --out ${pairs}`, [voters, people]);
  });

  test('adversary --out WORLD/people.csv, also through a symlinked folder', async () => {
    const linked = join(root, 'linked');
    symlinkSync(world, linked);
    for (const out of [people, join(linked, 'people.csv'), join(world, 'manifest.json')]) {
      await refused(['adversary', 'voter-roll', '--world', world, '--out', out], `--out ${out} is the same file as --world`, [people, join(world, 'manifest.json')]);
    }
  });
});

describe('an output in a missing folder', () => {
  test('gets a plain message naming the folder, not a raw ENOENT on a .tmp file', async () => {
    const missing = join(root, 'no-such-folder');
    const out = join(missing, 'voters.csv');
    const r = await cli('adversary', 'voter-roll', '--world', world, '--out', out);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`reident: --out ${out}: the folder ${missing} does not exist; create it first\n`);
    const p = await cli('risk', voters, '--qi', 'zip', '--per-record', out, '--bootstrap', '0');
    expect(p.code).toBe(2);
    expect(p.stderr).toContain(`--per-record ${out}: the folder ${missing} does not exist`);
  });

  test('a write that fails anyway (the folder went away after the check) names the file, not its .tmp', async () => {
    const out = join(root, 'gone', 'x.csv');
    const failure = await writeFileAtomic(out, 'a\n').catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(OutputError);
    expect((failure as Error).message).toBe(`cannot write "${out}": ENOENT no such file or directory`);
  });

  test('an output that is a folder is named', async () => {
    const r = await cli('adversary', 'voter-roll', '--world', world, '--out', root);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`--out ${root} is a folder`);
  });
});

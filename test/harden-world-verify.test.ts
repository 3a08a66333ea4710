// Every command that reads a world checks manifest.json first: each listed file present with its SHA-256.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { cli } from './helpers/cli.ts';

const root = mkdtempSync(join(tmpdir(), 'reident-verify-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const world = join(root, 'w');
let n = 0;
/** A copy of the generated world to damage. */
const copyOfWorld = () => {
  const dir = join(root, `copy${n++}`);
  cpSync(world, dir, { recursive: true });
  return dir;
};

/** Changes one letter of a name in people.csv (the CSV stays valid, so only the checksum can tell). */
function tamperOneByte(dir: string): void {
  const path = join(dir, 'people.csv');
  const bytes = readFileSync(path);
  const at = bytes.indexOf('\n', bytes.length >> 1) + 1;
  let i = at;
  while (!(bytes[i]! >= 0x61 && bytes[i]! <= 0x7a)) i++; // the next lowercase letter
  bytes[i] = bytes[i] === 0x71 ? 0x72 : 0x71; // 'q' (or 'r' if it was one)
  writeFileSync(path, bytes);
}

beforeAll(async () => {
  expect((await cli('generate', '--people', '1000', '--tables', 'people,beneficiaries', '--out', world, '--quiet')).code).toBe(0);
});

describe('a world is verified against its manifest before it is read', () => {
  test('one changed byte in people.csv is refused by attack, risk --world and adversary, naming the file', async () => {
    const dir = copyOfWorld();
    tamperOneByte(dir);
    const sample = join(root, 'sample.csv');
    cpSync(join(world, 'people.csv'), sample);
    for (const args of [
      ['attack', 'quasi-id', '--world', dir],
      ['risk', sample, '--qi', 'zip,sex,birth_date', '--world', dir, '--bootstrap', '0'],
      ['adversary', 'voter-roll', '--world', dir, '--out', join(root, 'voters.csv')],
    ]) {
      const r = await cli(...args);
      expect(r.code, args[0]).toBe(2);
      expect(r.stderr).toContain(`${join(dir, 'people.csv')} was changed after it was generated`);
      expect(r.stderr).toMatch(/--no-verify/);
      expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    }
  });

  test('--no-verify reads the tampered world anyway', async () => {
    const dir = copyOfWorld();
    tamperOneByte(dir);
    const r = await cli('attack', 'quasi-id', '--world', dir, '--no-verify', '--json');
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).attack).toBe('quasi-id');
  });

  test('a listed file that is missing is named, even one the command does not read', async () => {
    const dir = copyOfWorld();
    rmSync(join(dir, 'beneficiaries.csv'));
    const r = await cli('adversary', 'voter-roll', '--world', dir, '--out', join(root, 'v2.csv'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${join(dir, 'beneficiaries.csv')} is listed in ${join(dir, 'manifest.json')} but missing`);
  });

  test('a folder of world tables without manifest.json is refused', async () => {
    const dir = join(root, 'bare');
    mkdirSync(dir);
    for (const f of ['people.csv', 'beneficiaries.csv']) cpSync(join(world, f), join(dir, f));
    const r = await cli('attack', 'quasi-id', '--world', dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`--world: ${dir} has no manifest.json`);
  });

  test('a manifest that lists a path instead of a file name is refused, naming the manifest', async () => {
    const dir = copyOfWorld();
    const path = join(dir, 'manifest.json');
    const manifest = JSON.parse(readFileSync(path, 'utf8'));
    manifest.tables.people.file = '../elsewhere/people.csv';
    writeFileSync(path, JSON.stringify(manifest));
    const r = await cli('attack', 'quasi-id', '--world', dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${path}: not a manifest written by reident generate`);
  });
});

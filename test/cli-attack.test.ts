import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { cli } from './helpers/cli.ts';

const root = mkdtempSync(join(tmpdir(), 'reident-attack-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const world = join(root, 'w');
beforeAll(async () => {
  expect((await cli('generate', '--people', '4000', '--out', world, '--quiet')).code).toBe(0);
});

describe('reident attack', () => {
  test('each kind runs on a generated world and reports rates with intervals', async () => {
    for (const kind of ['ssn-match', 'quasi-id', 'probabilistic', 'unicity', 'news', 'inference', 'synthetic']) {
      const r = await cli('attack', kind, '--world', world, '--json', '--samples', '200');
      expect(r.code, r.stderr).toBe(0);
      const out = JSON.parse(r.stdout);
      expect(out.attack).toBe(kind);
      expect(typeof out.explanation).toBe('string');
    }
  });

  test('bad input is named', async () => {
    expect((await cli('attack', 'telepathy', '--world', world)).stderr).toMatch(/unknown attack "telepathy"/);
    expect((await cli('attack', 'news')).stderr).toMatch(/--world DIR is required/);
    const missing = await cli('attack', 'news', '--world', join(root, 'nowhere'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/nowhere does not exist/);
    expect((await cli('attack', 'quasi-id', '--world', world, '--rule', 'maybe')).stderr).toMatch(/--rule must be/);
  });
});

describe('hash inversion on a world', () => {
  test('unsalted SHA-256 of the SSNs is inverted; the keyed HMAC is not', async () => {
    const r = await cli('attack', 'hash-inversion', '--world', world, '--size', '5', '--json');
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.inverted.k).toBe(out.hashes);
    expect(out.hmac.recoveredWithoutKey).toBe(0);
    expect(out.hmac.recoveredWithLeakedKey).toBe(out.hmac.keyedSsns);
  }, 120_000);
});

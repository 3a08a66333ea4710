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
      const r = await cli('attack', kind, '--world', world, '--json', ...(kind === 'unicity' ? ['--samples', '200'] : []));
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
    expect((await cli('attack', 'quasi-id', '--world', world, '--rule', 'maybe')).stderr).toMatch(/--rule: must be one of unique-both, unique-right, got "maybe"/);
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

describe('attack options come from the registry', () => {
  test.each([
    [['quasi-id', '--rule', 'maybe'], /^reident: --rule: must be one of unique-both, unique-right, got "maybe"\n$/],
    [['ssn-match', '--size', 'lots'], /^reident: --size: must be a number, got "lots"\n$/],
    [['ssn-match', '--size', '2.5'], /^reident: --size: must be a whole number, got 2.5\n$/],
    [['inference', '--k', '0'], /^reident: --k: must be at least 1, got 0\n$/],
    [['unicity', '--points', '1,0'], /^reident: --points: must be at least 1, got 0\n$/],
    [['probabilistic', '--threshold', '2'], /^reident: --threshold: must be at most 1, got 2\n$/],
    [['unicity', '--by', 'hospital'], /^reident: --by: must be one of provider, diagnosis, got "hospital"\n$/],
    [['news', '--rule', 'unique-both'], /^reident: --rule: not an option of attack news \(it takes --seed, --count\)\n$/],
    [['news', '--seed', ''], /^reident: --seed: must be an integer or a non-empty text, got ""\n$/],
  ])('attack %j is refused naming the flag, exit 2', async (args, message) => {
    const r = await cli('attack', ...args, '--world', world);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
  });

  test('attack --help lists every registered attack with its options', async () => {
    const { CLI_ATTACKS } = await import('../src/cli/attack-command.ts');
    const help = (await cli('attack', '--help')).stdout;
    const section = help.slice(help.indexOf('Attacks and their options:'));
    expect(CLI_ATTACKS.map((a) => a.name)).toEqual(['ssn-match', 'quasi-id', 'probabilistic', 'unicity', 'news', 'inference', 'synthetic', 'hash-inversion']);
    for (const a of CLI_ATTACKS) {
      const at = section.indexOf(`\n  ${a.name}: ${a.description}\n`);
      expect(at, a.name).toBeGreaterThanOrEqual(0);
      const own = section.slice(at + 1).split(/\n  (?=\S)/)[0]!;
      const flags = [...own.matchAll(/\n {6}(--[a-z-]+)/g)].map((m) => m[1]);
      expect(flags, a.name).toEqual(Object.keys(a.options.properties).map((n) => `--${n.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`));
      for (const spec of Object.values(a.options.properties)) expect(own).toContain(spec.help);
    }
    // Each option is also a flag of the command itself, with the declaration's help.
    const flat = help.replace(/\s+/g, ' ');
    expect(flat).toContain('--birth-year-only <list> quasi-id: states whose voter file has only the birth year');
    expect(flat).toContain('--k <n> inference: k of the k-anonymous extract (default 5)');
  });

  test('the text output shows every declared figure, written by figureText, and notes', async () => {
    const { openWorld, readWorldTable } = await import('../src/io/world-tables.ts');
    const { ATTACKS } = await import('../src/attacks-registry/registry.ts');
    const { runAttackOn } = await import('../src/attacks-registry/attack.ts');
    const { figureText } = await import('../src/scenarios/figures.ts');
    const opened = await openWorld(world);
    const tables: Record<string, unknown> = {};
    for (const a of ATTACKS) for (const t of a.needs) tables[t] ??= await readWorldTable(opened, t);
    for (const a of ATTACKS) {
      const flags = a.name === 'unicity' ? ['--samples', '200'] : [];
      const r = await cli('attack', a.name, '--world', world, ...flags);
      expect(r.code, r.stderr).toBe(0);
      const run = await runAttackOn(a, tables as never, a.name === 'unicity' ? { samples: 200 } : {});
      const json = JSON.parse((await cli('attack', a.name, '--world', world, '--json', ...flags)).stdout);
      expect(json).toEqual(JSON.parse(JSON.stringify(run.result)));
      const lines = r.stdout.split('\n');
      expect(lines[0]).toBe(run.result.explanation);
      expect(run.figures.length, a.name).toBeGreaterThan(2);
      for (const f of run.figures) {
        expect(lines.some((l) => new RegExp(`^${escape(f.label)} +${escape(figureText(f))}$`).test(l)), `${a.name}: ${f.label}`).toBe(true);
        // A figure named by its JSON path holds the same value as the JSON (k of n for a rate).
        const inJson = f.name.split('.').reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), json);
        if (f.kind === 'rate' && inJson && typeof inJson === 'object') expect([f.interval!.k, f.interval!.n]).toEqual([(inJson as { k: number }).k, (inJson as { n: number }).n]);
        if (f.kind !== 'rate' && typeof inJson === 'number') expect(f.value).toBe(inJson);
      }
      for (const note of run.notes) expect(lines).toContain(`note: ${note}`);
      // Nothing but the explanation, the figures and the notes is printed.
      expect(lines.filter((l) => l !== '').length).toBe(1 + run.figures.length + run.notes.length);
    }
  }, 60_000);
});

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

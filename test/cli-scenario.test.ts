// `reident scenario`: list, run (a name or a file, --set), sweep (--vary), --out, and clear errors (exit 2).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { cli } from './helpers/cli.ts';

const small = ['--set', 'world.people=3000', '--set', 'world.states=all', '--quiet'];

describe('reident scenario', () => {
  test('list names every built-in scenario with its one-line description', async () => {
    const r = await cli('scenario', 'list');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/voter-roll\s+a de-identified claims extract/);
  });

  test('run prints the outcome table, the summary and who was harmed; --json is the declared result', async () => {
    const r = await cli('scenario', 'run', 'voter-roll', ...small, '--set', 'release.k=5');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/release\s+re-identified\s+wrongly named\s+utility lost/);
    expect(r.stdout).toMatch(/no safeguard\s+\d+\.\d% \(95% CI/);
    expect(r.stdout).toContain('k = 5');
    expect(r.stdout).not.toContain('k = 11');
    const j = await cli('scenario', 'run', 'voter-roll', ...small, '--set', 'release.k=5', '--json');
    const result = JSON.parse(j.stdout);
    expect(result.scenario).toBe('voter-roll');
    expect(result.outcomes[0].risk).toMatchObject({ kind: 'rate', name: 'reidentified' });
    expect(result.options.release.k).toEqual([5]);
  }, 60_000);

  test('a scenario file is checked against the schema: a bad value exits 2 naming the file and the JSON path', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'reident-scenario-'));
    const file = join(dir, 's.json');
    writeFileSync(file, JSON.stringify({ scenario: 'voter-roll', release: { k: [1] } }));
    const r = await cli('scenario', 'run', file);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${file}: release.k[0]: must be at least 2, got 1`);
    const unknown = await cli('scenario', 'run', 'no-such-scenario');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown scenario "no-such-scenario" \(built in: .*voter-roll/);
    const badSet = await cli('scenario', 'run', 'voter-roll', '--set', 'release.q=3');
    expect(badSet.code).toBe(2);
    expect(badSet.stderr).toContain('--set: release.q: is not an option of this scenario (known under release: k,');
  });

  test('sweep --vary prints the risk-utility frontier and --out keeps result.json and summary.txt', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'reident-sweep-')), 'run');
    const r = await cli('scenario', 'sweep', 'voter-roll', ...small, '--set', 'release.epsilon=1', '--set', 'release.safeHarbor=false', '--vary', 'release.k=2,5', '--out', out);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/release\s+release\.k\s+re-identified\s+wrongly named\s+utility lost\s+frontier/);
    expect(r.stdout).toMatch(/no safeguard\s+any/);
    expect(r.stdout).toMatch(/k = 2\s+2\s/);
    expect(r.stdout).toMatch(/k = 5\s+5\s/);
    expect(r.stdout).toContain('on the risk-utility frontier');
    const kept = JSON.parse(readFileSync(join(out, 'result.json'), 'utf8'));
    expect(kept.kind).toBe('sweep');
    expect(kept.result.runs).toHaveLength(2);
    expect(readFileSync(join(out, 'summary.txt'), 'utf8')).toBe(r.stdout);
    const bad = await cli('scenario', 'sweep', 'voter-roll', '--vary', 'release.k=2,x');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--vary: release.k: must be a number, got "x"');
  }, 60_000);

  test('--world runs on a generated folder instead of the in-memory world (checked against its manifest unless --no-verify); run all --only runs those scenarios on one world', async () => {
    const base = mkdtempSync(join(tmpdir(), 'reident-scenario-world-'));
    const world = join(base, 'w');
    expect((await cli('generate', '--people', '3000', '--seed', '9', '--tables', 'people,beneficiaries', '--out', world, '--quiet')).code).toBe(0);
    const onFolder = JSON.parse((await cli('scenario', 'run', 'voter-roll', '--world', world, '--set', 'release.k=5', '--json', '--quiet')).stdout);
    const inMemory = JSON.parse((await cli('scenario', 'run', 'voter-roll', ...small, '--set', 'release.k=5', '--json')).stdout);
    expect(onFolder.world.source).toBe(`the world in ${world}`);
    expect(inMemory.world.source).toContain('generated in memory');
    expect(onFolder.outcomes[0].risk.interval.n).not.toBe(inMemory.outcomes[0].risk.interval.n);
    // a changed file is refused; --no-verify reads it anyway
    const benes = join(world, 'beneficiaries.csv');
    writeFileSync(benes, readFileSync(benes, 'utf8') + '\n');
    const refused = await cli('scenario', 'run', 'voter-roll', '--world', world, '--quiet');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('beneficiaries.csv');
    expect((await cli('scenario', 'run', 'voter-roll', '--world', world, '--no-verify', '--set', 'release.k=5', '--quiet')).code).toBe(0);
    const all = await cli('scenario', 'run', 'all', '--only', 'voter-roll,ssn-match', ...small);
    expect(all.code).toBe(0);
    expect(all.stdout).toMatch(/^voter-roll\s+no safeguard/m);
    expect(all.stdout).toMatch(/^ssn-match\s+no safeguard/m);
    expect(all.stdout).not.toContain('hashed-ssn');
    const badSet = await cli('scenario', 'run', 'all', '--only', 'voter-roll', '--set', 'attack.samples=5');
    expect(badSet.code).toBe(2);
    expect(badSet.stderr).toContain('--set: no built-in scenario has the option "attack.samples"');
  }, 120_000);
});

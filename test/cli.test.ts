import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from './helpers/cli.ts';
import { parseGenerateOptions, parseSeed, parseShard, parseStates, parseTables } from '../src/cli/options.ts';

const root = mkdtempSync(join(tmpdir(), 'reident-cli-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));


const worldReady = await import('../generators/world.ts').then(
  () => true,
  () => false,
);

describe('option parsing', () => {
  it('applies the defaults', () => {
    const c = parseGenerateOptions({ people: '10' });
    expect(c).toEqual({
      world: { seed: 1, states: 'all', calibration: 'est2019', claimYears: 1, ssn: 'synthetic', people: 10 },
      outDir: 'out/world',
      format: 'csv',
      tables: ['people', 'beneficiaries', 'claims_carrier', 'claims_outpatient', 'claims_inpatient', 'claims_pde'],
      quiet: false,
    });
  });
  it('parses seeds, states, tables and shards', () => {
    expect(parseSeed('42')).toBe(42);
    expect(parseSeed('007')).toBe('007');
    expect(parseSeed('alpha')).toBe('alpha');
    expect(parseStates('vt, NH,vt')).toEqual(['VT', 'NH']);
    expect(parseStates('ALL')).toBe('all');
    expect(parseTables('claims_pde,people')).toEqual(['people', 'claims_pde']);
    expect(parseTables('claims')).toEqual(['claims_carrier', 'claims_outpatient', 'claims_inpatient', 'claims_pde']);
    expect(parseShard('0/4')).toEqual({ index: 0, count: 4 });
    expect(parseGenerateOptions({ scale: '0.5', states: 'VT', shard: '3/4', batchSize: '1000', quiet: true })).toMatchObject({
      world: { scale: 0.5, states: ['VT'] },
      shard: { index: 3, count: 4 },
      batchSize: 1000,
      quiet: true,
    });
  });
  it.each([
    [{ people: '0' }, '--people must be a positive integer, got "0"'],
    [{ people: '1.5' }, '--people must be a positive integer'],
    [{ people: '10', shard: '5/4' }, '--shard must look like i/N with 0 <= i < N, got "5/4"'],
    [{ people: '10', shard: '1' }, '--shard must look like i/N'],
    [{ people: '10', tables: 'people,nope' }, '--tables has an unknown table "nope"'],
    [{ people: '10', format: 'xml' }, '--format must be one of csv, parquet, json, got "xml"'],
    [{ people: '10', calibration: 'acs' }, '--calibration must be one of census2010, est2019'],
    [{ people: '10', ssn: 'real' }, '--ssn must be one of synthetic, realistic'],
    [{ people: '10', years: '0' }, '--years must be a positive integer'],
    [{ people: '10', batchSize: '-5' }, '--batch-size must be a positive integer'],
    [{ people: '10', states: 'Vermont' }, '--states must be'],
    [{ scale: '-1', states: 'VT' }, '--scale must be a positive number'],
    [{ people: '10', scale: '0.5' }, '--people and --scale cannot be used together'],
    [{ people: '10', seed: '' }, '--seed must be'],
  ])('rejects %o', (raw, message) => {
    expect(() => parseGenerateOptions(raw)).toThrow(message);
  });
});

describe('reident CLI', () => {
  it('exits 2 on a bad option, names the flag, and creates no output', async () => {
    const out = join(root, 'bad');
    for (const args of [
      ['--people', '0'],
      ['--people', '10', '--shard', '5/4'],
      ['--people', '10', '--tables', 'people,nope'],
      ['--people', '10', '--format', 'xml'],
      ['--people', '10', '--bogus'],
    ]) {
      const r = await cli('generate', ...args, '--out', out);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^reident: /);
      expect(r.stderr).toContain(args.find((a) => a.startsWith('--') && a !== '--people') ?? '--people');
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(existsSync(out)).toBe(false);
    }
  });

  it('prints a one-line error and exits 2 as a real process', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'generate', '--people', 'many'], { encoding: 'utf8', timeout: 30_000 });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe('reident: --people must be a positive integer, got "many"\n');
    expect(r.stdout).toBe('');
  });

  it.runIf(worldReady)('rejects options the generator refuses, naming the flag', async () => {
    const r = await cli('generate', '--people', '10', '--years', '99', '--out', join(root, 'bad-years'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^reident: --years/);
    expect(existsSync(join(root, 'bad-years'))).toBe(false);
  });

  it.runIf(worldReady)('exits 1 naming the directory when the output cannot be written', async () => {
    const r = await cli('generate', '--people', '5', '--out', '/proc/reident-cannot-write', '--quiet');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('"/proc/reident-cannot-write"');
  });

  it.runIf(worldReady)('generate --people 200 writes all six tables and a manifest', async () => {
    const out = join(root, 'world');
    const r = await cli('generate', '--people', '200', '--seed', '3', '--out', out);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const files = readdirSync(out).sort();
    expect(files).toEqual(
      ['beneficiaries', 'claims_carrier', 'claims_inpatient', 'claims_outpatient', 'claims_pde', 'manifest.json', 'people']
        .map((f) => (f.endsWith('.json') ? f : `${f}.csv`))
        .sort(),
    );
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(manifest.seed).toBe(3);
    expect(manifest.tables.people.rows).toBe(200);
    expect(r.stdout).toContain('seed 3');
    expect(r.stdout).toMatch(/people\/s/);
    expect(r.stdout).toContain('people.csv');
  });

  it.runIf(worldReady)('schema prints Markdown and JSON', async () => {
    const md = await cli('schema');
    expect(md.code).toBe(0);
    expect(md.stdout).toContain('## people');
    expect(md.stdout).toContain('| column | type | description | truth |');
    const json = await cli('schema', '--format', 'json');
    expect(Object.keys(JSON.parse(json.stdout))).toHaveLength(6);
  });
});

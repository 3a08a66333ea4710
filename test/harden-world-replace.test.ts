// Generating into a folder that holds a world replaces that world whole; other non-empty folders need --force.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { cli } from './helpers/cli.ts';

const root = mkdtempSync(join(tmpdir(), 'reident-replace-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const generate = (out: string, ...args: string[]) => cli('generate', '--people', '200', '--tables', 'people', '--out', out, '--quiet', ...args);
const listing = (dir: string) => readdirSync(dir).sort();

describe('generate into a folder that holds a world', () => {
  test('a Parquet world replaces a CSV world: the old CSVs go, other files stay untouched, and the world is read from the files its manifest names', async () => {
    const dir = join(root, 'world');
    expect((await cli('generate', '--people', '200', '--tables', 'people,beneficiaries', '--out', dir, '--quiet')).code).toBe(0);
    writeFileSync(join(dir, 'notes.txt'), 'my notes\n');
    writeFileSync(join(dir, '.DS_Store'), 'finder');
    const r = await generate(dir, '--format', 'parquet', '--seed', '2');
    expect(r.code, r.stderr).toBe(0);
    expect(listing(dir)).toEqual(['.DS_Store', 'manifest.json', 'notes.txt', 'people.parquet']);
    expect(readFileSync(join(dir, 'notes.txt'), 'utf8')).toBe('my notes\n');
    expect(readFileSync(join(dir, '.DS_Store'), 'utf8')).toBe('finder');
    expect(JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')).tables).toHaveProperty('people.file', 'people.parquet');
    // a stray people.csv beside the world is not read: the manifest names people.parquet
    writeFileSync(join(dir, 'people.csv'), 'stray\n1\n');
    const risk = await cli('risk', join(dir, 'people.parquet'), '--qi', 'zip,sex', '--world', dir, '--bootstrap', '0', '--json');
    expect(risk.code, risk.stderr).toBe(0);
    expect(JSON.parse(risk.stdout).populationSize).toBe(200);
  });
});

describe('generate into a non-empty folder that is not a world', () => {
  test('is refused with exit 2, naming the folder and --force, and nothing in it changes', async () => {
    const dir = join(root, 'mine');
    mkdirSync(dir);
    writeFileSync(join(dir, 'people.csv'), 'my,own\n1,2\n');
    const r = await generate(dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`--out: ${dir} is not empty and is not a world written by reident generate`);
    expect(r.stderr).toMatch(/holds people\.csv.*--force/);
    expect(listing(dir)).toEqual(['people.csv']);
    expect(readFileSync(join(dir, 'people.csv'), 'utf8')).toBe('my,own\n1,2\n');
  });

  test('is written with --force, leaving files the run does not write untouched', async () => {
    const dir = join(root, 'forced');
    mkdirSync(dir);
    writeFileSync(join(dir, 'keep.txt'), 'keep');
    expect((await generate(dir, '--force')).code).toBe(0);
    expect(listing(dir)).toEqual(['keep.txt', 'manifest.json', 'people.csv']);
    expect(readFileSync(join(dir, 'keep.txt'), 'utf8')).toBe('keep');
  });

  test('a folder holding only hidden files counts as empty', async () => {
    const dir = join(root, 'hidden');
    mkdirSync(dir);
    writeFileSync(join(dir, '.gitkeep'), '');
    expect((await generate(dir)).code).toBe(0);
  });

  test('a manifest listing a file outside the folder is not trusted: refused, and with --force nothing outside is removed', async () => {
    const dir = join(root, 'forged');
    mkdirSync(dir);
    const victim = join(root, 'victim.csv');
    writeFileSync(victim, 'precious\n');
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ schemaVersion: 1, tables: { people: { file: '../victim.csv', format: 'csv', sha256: 'a'.repeat(64) } } }));
    const r = await generate(dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('not a manifest written by reident generate');
    expect((await generate(dir, '--force')).code).toBe(0);
    expect(readFileSync(victim, 'utf8')).toBe('precious\n');
  });
});

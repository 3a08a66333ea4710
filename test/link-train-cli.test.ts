// `reident link --train` flags that follow Splink's training calls: each changes the outcome, and a bad
// value exits 2 naming its flag.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { cli } from './helpers/cli.ts';
import { given, people } from './helpers/link-people.ts';
import { columnText } from './helpers/world.ts';
import type { Table } from '../src/table/table.ts';
import { textTable } from '../src/table/text.ts';

const root = mkdtempSync(join(tmpdir(), 'reident-link-train-cli-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const left = join(root, 'left.csv');
const right = join(root, 'right.csv');
const settings = join(root, 'settings.json');

function writeCsv(file: string, t: Table, ids: number[]): void {
  const rows = ids.map((id, i) => [...t.names.map((n) => columnText(t, n)[i] ?? ''), id].join(','));
  writeFileSync(file, [[...t.names, 'id'].join(','), ...rows].join('\n') + '\n');
}

let a: Table;
let b: Table;
beforeAll(() => {
  // 600 people; the right side holds 500 of them (every 7th first name cut short) and 100 others
  a = people(600, 41);
  const others = people(100, 42);
  b = textTable(Object.fromEntries(a.names.map((n) => [n, [...columnText(a, n).slice(0, 500).map((v, i) => (n === 'first_name' && v && i % 7 === 0 ? v.slice(0, -1) : v)), ...columnText(others, n)]])));
  writeCsv(left, a, Array.from({ length: 600 }, (_, i) => i));
  writeCsv(right, b, Array.from({ length: 600 }, (_, i) => (i < 500 ? i : 1000 + i)));
  const { lambda: _, ...untrained } = given;
  writeFileSync(settings, JSON.stringify(untrained));
});

let runs = 0;
/** Runs `link --train` with extra flags; returns the exit code, the JSON summary and the match weights written. */
async function train(...extra: string[]) {
  const out = join(root, `pairs-${runs++}.csv`);
  const r = await cli('link', '--left', left, '--right', right, '--settings', settings, '--out', out, '--truth-left', 'id', '--truth-right', 'id', '--seed', '3', '--json', '--quiet', ...extra);
  if (r.code !== 0) return { ...r, json: null, weights: [] as number[] };
  const weights = readFileSync(out, 'utf8').trim().split('\n').slice(1).map((l) => Number(l.split(',')[2]));
  return { ...r, json: JSON.parse(r.stdout), weights };
}

describe('link --train options', () => {
  let base: Awaited<ReturnType<typeof train>>;
  beforeAll(async () => {
    base = await train('--train', '--u-max-pairs', '40000');
    expect(base.code).toBe(0);
  });

  test('--u-max-pairs changes u, so the weights', async () => {
    const small = await train('--train', '--u-max-pairs', '3e3');
    expect(small.code).toBe(0);
    expect(small.weights.length).toBe(base.weights.length);
    expect(small.weights).not.toEqual(base.weights);
    expect((await train('--train', '--u-max-pairs', '3_000')).weights).toEqual(small.weights); // seeded: the same again
  });

  test('--u-sampling records and pairs sample differently (pairs is the default)', async () => {
    const records = await train('--train', '--u-max-pairs', '40000', '--u-sampling', 'records');
    const pairs = await train('--train', '--u-max-pairs', '40000', '--u-sampling', 'pairs');
    expect(pairs.weights).toEqual(base.weights);
    expect(records.weights).not.toEqual(pairs.weights);
  });

  test('--lambda-rules with --lambda-recall: lambda = (pairs the rules make / recall) / all pairs, counted here', async () => {
    const f = columnText(a, 'first_name');
    const d = columnText(a, 'birth_date');
    const g = columnText(b, 'first_name');
    const e = columnText(b, 'birth_date');
    let n = 0;
    for (let i = 0; i < 600; i++) for (let j = 0; j < 600; j++) if (f[i] != null && f[i] === g[j] && d[i] === e[j]) n++;
    const r = await train('--train', '--u-max-pairs', '40000', '--lambda-rules', 'first_name,birth_date', '--lambda-recall', '0.8');
    expect(r.code).toBe(0);
    expect(r.json.lambda).toBeCloseTo(n / 0.8 / 360_000, 15);
    expect(r.json.explanations.lambda).toMatch(/--lambda-rules make, divided by --lambda-recall/);
    expect(r.json.lambda).not.toBeCloseTo(base.json.lambda, 8);
    const half = await train('--train', '--u-max-pairs', '40000', '--lambda-rules', 'first_name,birth_date', '--lambda-recall', '0.4');
    expect(half.json.lambda).toBeCloseTo(2 * r.json.lambda, 15);
    expect(half.weights).not.toEqual(r.weights);
  });

  test('--training-rules sets the EM sessions, so the m and the weights', async () => {
    const r = await train('--train', '--u-max-pairs', '40000', '--training-rules', 'birth_date;zip;first_name');
    expect(r.code).toBe(0);
    expect(r.weights).not.toEqual(base.weights);
  });

  test.each([
    [['--u-max-pairs', '5000'], /--u-max-pairs needs --train/],
    [['--training-rules', 'zip'], /--training-rules needs --train/],
    [['--train', '--lambda-rules', 'zip'], /--lambda-rules and --lambda-recall go together/],
    [['--train', '--lambda-rules', 'zip', '--lambda-recall', '1.5'], /--lambda-recall must be in \(0, 1\], got "1\.5"/],
    [['--train', '--lambda-rules', 'zip,,first_name', '--lambda-recall', '0.5'], /--lambda-rules takes rules as columns joined by ","/],
    [['--train', '--training-rules', 'zip;nope'], /left\.csv: no column "nope" \(named in --lambda-rules or --training-rules; left table\)/],
    [['--train', '--lambda-rules', 'zip', '--lambda-recall', '0.01'], /--lambda-rules: lambda rules \[zip\] make \d+ pairs, more than recall 0\.01 of all 360000 pairs allows/],
    [['--train', '--u-sampling', 'some'], /--u-sampling must be one of pairs, records, got "some"/],
    [['--train', '--u-max-pairs', '0.5'], /--u-max-pairs must be at least 1/],
  ])('%j exits 2 naming the flag', async (extra, message) => {
    const r = await train(...extra);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });
});

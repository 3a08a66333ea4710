import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { cli } from './helpers/cli.ts';

const root = mkdtempSync(join(tmpdir(), 'reident-risk-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const json = async (...argv: string[]) => {
  const r = await cli(...argv, '--json', '--bootstrap', '0');
  if (r.code !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout);
};
const file = (name: string, text: string) => {
  const p = join(root, name);
  writeFileSync(p, text);
  return p;
};

// ARX's toy table (REFERENCE 8), with zip codes kept as text.
const ARX = file('arx.csv', 'age,sex,zip\n34,m,81667\n45,f,81675\n66,m,81925\n70,f,81931\n34,f,81931\n70,m,81931\n45,m,81931\n');
const ARX_2ANON = file('arx2.csv', 'age,sex,zip\n<50,*,816**\n<50,*,816**\n>=50,*,819**\n>=50,*,819**\n<50,*,819**\n>=50,*,819**\n<50,*,819**\n');
const WILDCARD = file('wild.csv', 'sex,zip\nM,4711\nM,4711\nM,4711\n*,4711\n*,4711\nF,4712\nF,*\nM,*\n');

describe('reident risk on published vectors', () => {
  test('ARX toy: average and highest prosecutor risk 1.0; after 2-anonymity 3/7 and 0.5', async () => {
    const a = await json('risk', ARX, '--qi', 'age,sex,zip');
    expect(a.prosecutor.averageRisk).toBe(1);
    expect(a.prosecutor.highestRisk).toBe(1);
    expect(a.records).toBe(7);
    const b = await json('risk', ARX_2ANON, '--qi', 'age,sex,zip');
    expect(b.prosecutor.averageRisk).toBeCloseTo(3 / 7, 15);
    expect(b.prosecutor.highestRisk).toBe(0.5);
    expect(b.minClassSize).toBe(2);
  });

  test("ARX wildcard table: highest 0.5, average 0.21279761904761904 with '*' as a wildcard", async () => {
    const w = await json('risk', WILDCARD, '--qi', 'sex,zip', '--missing', 'wildcard', '--na', '*');
    expect(w.prosecutor.highestRisk).toBe(0.5);
    expect(w.prosecutor.averageRisk).toBeCloseTo(0.21279761904761904, 15);
  });

  test('per-record output has one row per record with its class size and risk', async () => {
    const out = join(root, 'per.csv');
    await json('risk', ARX_2ANON, '--qi', 'age,sex,zip', '--per-record', out);
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    expect(lines[0]).toBe('row,class_size,risk');
    expect(lines.slice(1).map((l) => l.split(',')[1])).toEqual(['2', '2', '3', '3', '2', '3', '2']);
  });
});

describe('reident risk on a generated world, with ground truth', () => {
  const dir = join(root, 'world');
  beforeAll(async () => {
    const r = await cli('generate', '--states', 'DE', '--scale', '0.05', '--calibration', 'census2010', '--tables', 'people', '--out', dir, '--quiet');
    expect(r.code).toBe(0);
  });

  test('a 10% sample: truth equals an independent count over the population file', async () => {
    const r = await json('risk', join(dir, 'people.csv'), '--qi', 'zip,sex,birth_date', '--sample', '0.1', '--seed', '5');
    // independent count of population uniques on the same columns
    const rows = readFileSync(join(dir, 'people.csv'), 'utf8').trim().split('\n');
    const head = rows[0]!.split(',');
    const [z, s, b] = ['zip', 'sex', 'birth_date'].map((c) => head.indexOf(c));
    const counts = new Map<string, number>();
    for (const line of rows.slice(1)) {
      const f = line.split(',');
      const key = `${f[z!]}|${f[s!]}|${f[b!]}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    const uniques = [...counts.values()].filter((c) => c === 1).length;
    expect(r.populationSize).toBe(rows.length - 1);
    expect(r.truth.populationUniques).toBe(uniques);
    expect(r.truth.populationUniqueness).toBeCloseTo(uniques / (rows.length - 1), 12);
    expect(r.records).toBe(Math.round(0.1 * (rows.length - 1)));
    for (const k of ['pitman', 'zayatz', 'snb', 'dankar']) expect(k in r.populationUniqueness).toBe(true);
    expect(r.journalist.averageRisk).toBeGreaterThan(0);
    expect(r.journalist.averageRisk).toBeLessThanOrEqual(r.prosecutor.averageRisk);
    expect(Object.keys(r.truth.estimatorErrors).sort()).toEqual(['dankar', 'pitman', 'snb', 'zayatz']);
  });

  test('--world uses the world as the population; the readable report explains each figure', async () => {
    const sample = join(root, 'sample.csv');
    const lines = readFileSync(join(dir, 'people.csv'), 'utf8').trim().split('\n');
    writeFileSync(sample, [lines[0], ...lines.slice(1).filter((_, i) => i % 7 === 0)].join('\n') + '\n');
    const r = await cli('risk', sample, '--qi', 'zip,sex,birth_date', '--world', dir, '--bootstrap', '20');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Ground truth \(counted in the population\)/);
    expect(r.stdout).toMatch(/95% CI/);
    expect(r.stdout).toMatch(/only one in the whole population/);
  });

  test('a sensitive column gives l-diversity and t-closeness', async () => {
    const r = await json('risk', join(dir, 'people.csv'), '--qi', 'zip,sex', '--sensitive', 'immigration_status');
    expect(r.lDiversity.distinct).toBeGreaterThanOrEqual(1);
    expect(r.tCloseness).toBeGreaterThanOrEqual(0);
    expect(r.tCloseness).toBeLessThanOrEqual(1);
  });
});

describe('estimators and SUDA from the CLI', () => {
  test('--sampling-fraction gives the four estimators (null where a model gives no estimate)', async () => {
    const r = await json('risk', ARX, '--qi', 'age,sex,zip', '--sampling-fraction', '0.2');
    expect(r.populationSize).toBeCloseTo(35, 10);
    expect(r.populationUniqueness.dankar).toBeCloseTo(1, 4); // ARX TestRiskMetrics.testDecisionRule
    for (const k of ['pitman', 'zayatz', 'snb']) expect(r.populationUniqueness[k] === null || (r.populationUniqueness[k] >= 0 && r.populationUniqueness[k] <= 1)).toBe(true);
  });

  test('--suda reports per-attribute contributions and per-record scores', async () => {
    const out = join(root, 'suda.csv');
    const r = await json('risk', ARX, '--qi', 'age,sex,zip', '--suda', '--per-record', out);
    expect(Object.keys(r.suda.attributeContributions)).toEqual(['age', 'sex', 'zip']);
    expect(readFileSync(out, 'utf8').split('\n')[0]).toBe('row,class_size,risk,suda_score');
  });
});

describe('weights, households and Parquet', () => {
  // sdcMicro freqCalc / indivRisk vector (REFERENCE 8)
  const SDC = file('sdc.csv', 'A,B,C,w,hh\n2,3,1,18,a\n3,3,3,45.5,a\n2,3,1,39,b\n2,3,2,17,c\n3,3,1,92,c\n3,3,1,8,d\n1,4,1,123.5,e\n2,3,1,51,e\n');
  const risks = [0.01369863, 0.08579129, 0.01369863, 0.17707583, 0.01877883, 0.01877883, 0.03931625, 0.01369863];

  test('--weight gives the Benedetti-Franconi global risk, expected re-identifications and maximum', async () => {
    const r = await json('risk', SDC, '--qi', 'A,B,C', '--weight', 'w');
    const sum = risks.reduce((a, b) => a + b, 0);
    expect(r.individualRisk.globalRisk).toBeCloseTo(sum / 8, 7);
    expect(r.individualRisk.expectedReidentifications).toBeCloseTo(sum, 7);
    expect(r.individualRisk.maxRisk).toBeCloseTo(0.17707583, 7);
    expect(r.individualRisk.exact.globalRisk).toBeGreaterThan(0);
  });

  test('--household gives household risk 1 - prod(1 - r) per household', async () => {
    const r = await json('risk', SDC, '--qi', 'A,B,C', '--weight', 'w', '--household', 'hh');
    const hh = [[0, 1], [0, 1], [2], [3, 4], [3, 4], [5], [6, 7], [6, 7]];
    const expected = hh.map((members) => 1 - members.reduce((p, m) => p * (1 - risks[m]!), 1));
    expect(r.householdRisk.households).toBe(5);
    expect(r.householdRisk.globalRisk).toBeCloseTo(expected.reduce((a, b) => a + b, 0) / 8, 6);
  });

  test('reads Parquet written by generate', async () => {
    const dir = join(root, 'pq');
    expect((await cli('generate', '--people', '400', '--tables', 'people', '--format', 'parquet', '--out', dir, '--quiet')).code).toBe(0);
    const pq = await json('risk', join(dir, 'people.parquet'), '--qi', 'zip,sex,birth_date');
    expect(pq.records).toBe(400);
    const csvDir = join(root, 'pqcsv');
    await cli('generate', '--people', '400', '--tables', 'people', '--out', csvDir, '--quiet');
    const csv = await json('risk', join(csvDir, 'people.csv'), '--qi', 'zip,sex,birth_date');
    expect(pq.prosecutor).toEqual(csv.prosecutor);
  });
});

describe('bad input', () => {
  test('each gets a clear message and exit code 2', async () => {
    const cases: [string[], RegExp][] = [
      [['risk', join(root, 'nope.csv'), '--qi', 'a'], /nope\.csv: no such file/],
      [['risk', ARX, '--qi', 'age,height'], /no column "height"/],
      [['risk', file('empty.csv', 'a,b\n'), '--qi', 'a'], /no records/],
      [['risk', ARX, '--qi', 'age', '--sampling-fraction', '1.5'], /--sampling-fraction must be in \(0, 1\]/],
      [['risk', ARX, '--qi', 'age', '--sampling-fraction', '0'], /--sampling-fraction must be a positive number/],
      [['risk', ARX, '--qi', 'age', '--weight', 'sex'], /--weight column "sex" holds "m", not a positive number/],
      [['risk', ARX, '--qi', 'age', '--missing', 'maybe'], /--missing must be category or wildcard/],
    ];
    for (const [argv, message] of cases) {
      const r = await cli(...argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.stderr).toMatch(message);
    }
    expect(existsSync(join(root, 'per-bad.csv'))).toBe(false);
  });
});

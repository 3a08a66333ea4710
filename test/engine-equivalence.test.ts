// The two engines on the same data: a 20,000-person world written as CSV and as Parquet. Risk figures,
// quasi-identifier join results, linkage pairs (weights within 1e-9) and comparison-pattern counts of
// the DuckDB engine equal the memory engine's, and the SQL histogram equals a naive count.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { linkTables } from '../attacks/link/link.ts';
import { countPatterns } from '../attacks/link/patterns.ts';
import { validateSettings, type LinkSettings } from '../attacks/link/settings.ts';
import { readColumns } from '../src/io/read-columns.ts';
import { asText, drop } from '../src/table/table.ts';
import { buildCandidatePairs, patternCounts } from '../src/engine/duckdb-link.ts';
import { riskHistograms } from '../src/engine/duckdb-risk.ts';
import { openSession } from '../src/engine/duckdb-session.ts';
import { fileSource } from '../src/engine/file-source.ts';
import { cli } from './helpers/cli.ts';

const root = mkdtempSync(join(tmpdir(), 'reident-engines-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const at = (name: string) => join(root, name);
const model = validateSettings(JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures', 'engine', 'link-model.json'), 'utf8')));

async function ok(...argv: string[]): Promise<string> {
  const r = await cli(...argv);
  if (r.code !== 0) throw new Error(`${argv.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

beforeAll(async () => {
  for (const format of ['csv', 'parquet']) await ok('generate', '--people', '20000', '--seed', '9', '--tables', 'people,beneficiaries', '--format', format, '--out', at(format), '--quiet');
  await ok('adversary', 'voter-roll', '--world', at('csv'), '--with-truth', '--seed', '1', '--out', at('voters.csv'));
  await ok('adversary', 'broker-file', '--world', at('csv'), '--with-truth', '--seed', '1', '--out', at('broker.csv'));
}, 120_000);

/** Equal, numbers within a relative 1e-12 (the journalist sums add per histogram bin, the memory engine per class). */
function expectSameFigures(a: unknown, b: unknown, path = ''): void {
  if (typeof a === 'number' && typeof b === 'number') {
    expect(Math.abs(a - b), `${path}: ${a} vs ${b}`).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(a)));
  } else if (a && b && typeof a === 'object' && typeof b === 'object') {
    expect(Object.keys(b).sort(), path).toEqual(Object.keys(a).sort());
    for (const k of Object.keys(a)) expectSameFigures((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`);
  } else expect(b, path).toEqual(a);
}

const riskJson = async (engine: string, ...argv: string[]) => {
  const { engine: _e, warnings: _w, ...figures } = JSON.parse(await ok('risk', ...argv, '--json', '--bootstrap', '0', '--engine', engine));
  return figures;
};

describe('risk: the same figures from both engines', () => {
  for (const [table, population] of [['csv', 'parquet'], ['parquet', 'csv']]) {
    test(`people.${table} against the ${population} world (journalist risk and ground truth)`, async () => {
      const argv = [at(`${table}/people.${table}`), '--qi', 'zip,sex,birth_date', '--world', at(population)];
      const memory = await riskJson('memory', ...argv);
      expect(memory.truth.populationUniques).toBeGreaterThan(1000);
      expectSameFigures(memory, await riskJson('duckdb', ...argv));
    });
  }
  test('beneficiaries with a sampling fraction (the population-uniqueness estimators)', async () => {
    const argv = [at('csv/beneficiaries.csv'), '--qi', 'mailing_zip,bene_sex_ident_cd,bene_birth_dt', '--sampling-fraction', '0.05', '--threshold', '0.2'];
    const memory = await riskJson('memory', ...argv);
    expect([memory.populationUniqueness.pitman, memory.populationUniqueness.zayatz, memory.populationUniqueness.dankar].some((x) => typeof x === 'number' && x > 0)).toBe(true);
    expectSameFigures(memory, await riskJson('duckdb', ...argv));
    expectSameFigures(await riskJson('memory', ...argv, '--compat', 'arx'), await riskJson('duckdb', ...argv, '--compat', 'arx'));
  });
  test('the SQL class-size histogram equals a naive count of the rows', async () => {
    const read = await readColumns(at('parquet/people.parquet'), { columns: ['county', 'sex', 'birth_date'] });
    const classes = new Map<string, number>();
    const text = (c: string, i: number) => {
      const col = asText(read.columns[c]!);
      return col.codes[i]! < 0 ? '\u0000' : col.dictionary[col.codes[i]!]!;
    };
    for (let i = 0; i < read.rows; i++) {
      const key = `${text('county', i)}|${text('sex', i)}|${text('birth_date', i)}`;
      classes.set(key, (classes.get(key) ?? 0) + 1);
    }
    const naive = new Map<number, number>();
    for (const size of classes.values()) naive.set(size, (naive.get(size) ?? 0) + 1);
    const session = await openSession();
    try {
      const h = await riskHistograms(session, { qis: ['county', 'sex', 'birth_date'], sample: { flag: 'the table', source: fileSource('the table', at('parquet/people.parquet')) } });
      expect(new Map(Array.from(h.sample.sizes, (s, k) => [s, h.sample.sizeCounts[k]!]))).toEqual(naive);
    } finally {
      session.close();
    }
  });
});

describe('quasi-identifier join: the same result from both engines', () => {
  for (const [rule, formats] of [['unique-both', ['csv', 'parquet']], ['unique-right', ['csv']]] as const) {
    for (const format of formats) {
      test(`${rule}, ${format} world`, async () => {
        const memory = JSON.parse(await ok('attack', 'quasi-id', '--world', at(format), '--rule', rule, '--seed', '1', '--json'));
        expect(memory.linked).toBeGreaterThan(1000);
        const duckdb = JSON.parse(await ok('attack', 'quasi-id', '--world', at(format), '--rule', rule, '--engine', 'duckdb', '--voter-roll', at('voters.csv'), '--json'));
        expect(duckdb).toEqual(memory);
      });
    }
  }

  test("--voter-truth names the roll's person-id column", async () => {
    const [header, ...rest] = readFileSync(at('voters.csv'), 'utf8').split('\n');
    expect(header!.split(',')).toContain('truth_person_id');
    writeFileSync(at('voters-pid.csv'), [header!.replace('truth_person_id', 'pid'), ...rest].join('\n'));
    const args = ['attack', 'quasi-id', '--world', at('csv'), '--rule', 'unique-both', '--engine', 'duckdb', '--voter-roll', at('voters-pid.csv'), '--json'];
    const renamed = JSON.parse(await ok(...args, '--voter-truth', 'pid'));
    expect(renamed).toEqual(JSON.parse(await ok('attack', 'quasi-id', '--world', at('csv'), '--rule', 'unique-both', '--engine', 'duckdb', '--voter-roll', at('voters.csv'), '--json')));
    const missing = await cli(...args);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toContain('truth_person_id');
  });
});

type Pair = { weight: number; probability: number; gammas: string };
function pairsOf(file: string): Map<string, Pair> {
  const [header, ...lines] = readFileSync(file, 'utf8').trim().split('\n');
  const names = header!.split(',');
  const out = new Map<string, Pair>();
  for (const line of lines) {
    const v = line.split(',');
    out.set(`${v[0]},${v[1]}`, { weight: Number(v[2]), probability: Number(v[3]), gammas: v.slice(4).join(',') });
  }
  expect(names.slice(0, 4)).toEqual(['left_row', 'right_row', 'match_weight', 'match_probability']);
  return out;
}

describe('linkage: the same pairs, weights and pattern counts from both engines', () => {
  test('voter roll to broker file: pairs CSV, links and scores', async () => {
    const argv = ['link', '--left', at('voters.csv'), '--right', at('broker.csv'), '--settings', join(import.meta.dirname, 'fixtures', 'engine', 'link-model.json'), '--truth-left', 'truth_person_id', '--truth-right', 'truth_person_id', '--json'];
    const { out: _a, explanations: _x, ...memory } = JSON.parse(await ok(...argv, '--out', at('pairs-memory.csv'), '--engine', 'memory'));
    const { out: _b, explanations: _y, engine: _e, ...duckdb } = JSON.parse(await ok(...argv, '--out', at('pairs-duckdb.csv'), '--engine', 'duckdb'));
    expect(memory.links).toBeGreaterThan(1000);
    expect(duckdb).toEqual(memory);
    const m = pairsOf(at('pairs-memory.csv'));
    const d = pairsOf(at('pairs-duckdb.csv'));
    expect([...d.keys()].sort()).toEqual([...m.keys()].sort());
    for (const [k, p] of m) {
      const q = d.get(k)!;
      expect(q.gammas, k).toBe(p.gammas);
      expect(Math.abs(q.weight - p.weight), k).toBeLessThanOrEqual(1e-9);
      expect(Math.abs(q.probability - p.probability), k).toBeLessThanOrEqual(1e-9);
    }
  });

  test('voter roll deduplicated: pairs CSV, links and scores', async () => {
    const settings = join(root, 'dedupe.json');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(settings, JSON.stringify({ ...model, link_type: 'dedupe_only' }));
    const argv = ['link', '--left', at('voters.csv'), '--dedupe', '--settings', settings, '--truth-left', 'truth_person_id', '--json'];
    const { out: _a, explanations: _x, ...memory } = JSON.parse(await ok(...argv, '--out', at('dedupe-memory.csv'), '--engine', 'memory'));
    const { out: _b, explanations: _y, engine: _e, ...duckdb } = JSON.parse(await ok(...argv, '--out', at('dedupe-duckdb.csv'), '--engine', 'duckdb'));
    expect(memory.candidatePairs).toBeGreaterThan(1000);
    expect(duckdb).toEqual(memory);
    const m = pairsOf(at('dedupe-memory.csv'));
    const d = pairsOf(at('dedupe-duckdb.csv'));
    expect([...d.keys()].sort()).toEqual([...m.keys()].sort());
    for (const [k, p] of m) expect(Math.abs(d.get(k)!.weight - p.weight), k).toBeLessThanOrEqual(1e-9);
  });

  test('--train: DuckDB counts in SQL what training reads, so the same model, pairs and scores as the memory engine', async () => {
    const argv = ['link', '--left', at('voters.csv'), '--right', at('broker.csv'), '--settings', join(import.meta.dirname, 'fixtures', 'engine', 'link-model.json'), '--truth-left', 'truth_person_id', '--truth-right', 'truth_person_id', '--train', '--u-max-pairs', '200000', '--seed', '3', '--json'];
    await sameTraining(argv, 'given-lambda');
    // lambda from deterministic rules, over a settings file without lambda (a column outside the model: city)
    const noLambda = at('no-lambda.json');
    writeFileSync(noLambda, JSON.stringify({ ...model, lambda: undefined }));
    const withoutLambda = argv.map((a) => (a.endsWith('link-model.json') ? noLambda : a));
    const summary = await sameTraining([...withoutLambda, '--lambda-rules', 'first_name,last_name,city', '--lambda-recall', '0.9'], 'rules-lambda');
    expect(summary.lambda).not.toBe(model.lambda);
    expect((summary.explanations as Record<string, string>).lambda).toContain('--lambda-rules');
    // lambda from the EM sessions (the share of present values per column), u over Splink's record sample, training rules of their own
    const sessions = await sameTraining([...withoutLambda, '--u-sampling', 'records', '--training-rules', 'zip;last_name,city'], 'sessions-lambda');
    expect(sessions.lambda).not.toBe(summary.lambda);
  });

  test('--train --dedupe: the same model and pairs from both engines', async () => {
    const dedupe = at('dedupe-train.json');
    writeFileSync(dedupe, JSON.stringify({ ...model, link_type: 'dedupe_only', lambda: undefined }));
    await sameTraining(['link', '--left', at('voters.csv'), '--dedupe', '--settings', dedupe, '--train', '--u-max-pairs', '100000', '--seed', '4', '--json'], 'dedupe', 0);
    await sameTraining(['link', '--left', at('voters.csv'), '--dedupe', '--settings', dedupe, '--train', '--u-sampling', 'records', '--u-max-pairs', '100000', '--seed', '4', '--json'], 'dedupe-records', 0);
  });

  test('--train on DuckDB: a training rule column the table lacks, or lambda rules that make no pairs, exit 2 naming the flag', async () => {
    const argv = ['link', '--left', at('voters.csv'), '--right', at('broker.csv'), '--settings', join(import.meta.dirname, 'fixtures', 'engine', 'link-model.json'), '--out', at('bad.csv'), '--train', '--engine', 'duckdb'];
    const missing = await cli(...argv, '--training-rules', 'zip;nope');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/voters\.csv: no column "nope" \(named in --lambda-rules or --training-rules; left table\)/);
    const none = await cli(...argv, '--lambda-rules', 'truth_person_id,zip', '--lambda-recall', '1e-9');
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/--lambda-rules: lambda rules \[truth_person_id, zip\] make .* pairs, more than recall/);
    expect(existsSync(at('bad.csv'))).toBe(false);
  });

  /** Runs `argv` on both engines: the same summary, saved model and pairs; returns DuckDB's summary with its explanations. */
  async function sameTraining(argv: string[], tag: string, minLinks = 1000): Promise<Record<string, unknown>> {
    const at2 = (name: string) => at(`${tag}-${name}`);
    const { out: _a, explanations: _x, ...memory } = JSON.parse(await ok(...argv, '--out', at2('memory.csv'), '--save-model', at2('memory.json'), '--engine', 'memory'));
    const { out: _b, explanations, engine: _e, ...duckdb } = JSON.parse(await ok(...argv, '--out', at2('duckdb.csv'), '--save-model', at2('duckdb.json'), '--engine', 'duckdb'));
    expect(memory.trained).toBe(true);
    expect(memory.links).toBeGreaterThan(minLinks);
    expect(duckdb).toEqual(memory);
    expect(readFileSync(at2('duckdb.json'), 'utf8')).toBe(readFileSync(at2('memory.json'), 'utf8'));
    // training changed the model: the saved m differ from the fixture's own
    const saved = JSON.parse(readFileSync(at2('duckdb.json'), 'utf8')) as { comparisons: { comparison_levels: { m_probability?: number }[] }[] };
    const trainedM = saved.comparisons.flatMap((c) => c.comparison_levels.flatMap((l) => (l.m_probability === undefined ? [] : [l.m_probability])));
    expect(trainedM).toHaveLength(11);
    expect(trainedM).not.toEqual(model.comparisons.flatMap((c) => c.levels.flatMap((l) => ('m' in l && l.m !== undefined ? [l.m] : []))));
    const m = pairsOf(at2('memory.csv'));
    const d = pairsOf(at2('duckdb.csv'));
    expect([...d.keys()].sort()).toEqual([...m.keys()].sort());
    for (const [k, p] of m) expect(Math.abs(d.get(k)!.weight - p.weight), k).toBeLessThanOrEqual(1e-9);
    return { ...duckdb, explanations };
  }

  const patternsBy = (gamma: Int8Array, count: Float64Array, nc: number) => new Map(Array.from(count, (c, k) => [Array.from(gamma.subarray(k * nc, (k + 1) * nc)).join(','), c]));
  for (const linkType of ['link_only', 'dedupe_only'] as const) {
    test(`${linkType}: comparison-pattern counts`, async () => {
      const settings: LinkSettings = validateSettings({ ...model, link_type: linkType });
      const left = drop(await readColumns(at('voters.csv'), { columns: 'all' }), ['truth_person_id']);
      const right = linkType === 'link_only' ? drop(await readColumns(at('broker.csv'), { columns: 'all' }), ['truth_person_id']) : null;
      const memory = linkTables(left, right, settings);
      const mp = countPatterns(memory.gamma);
      const session = await openSession();
      try {
        const sources = { left: { flag: '--left', source: fileSource('--left', at('voters.csv')) }, ...(right ? { right: { flag: '--right', source: fileSource('--right', at('broker.csv')) } } : {}) };
        const sizes = await buildCandidatePairs(session, settings, sources);
        expect(sizes.candidatePairs).toBe(memory.candidatePairs);
        const dp = await patternCounts(session, settings);
        expect(patternsBy(dp.gamma, dp.count, 4)).toEqual(patternsBy(mp.gamma, mp.count, 4));
        expect(mp.count.length).toBeGreaterThan(5);
      } finally {
        session.close();
      }
    });
  }
});

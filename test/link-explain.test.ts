// reident link --explain: the waterfall of one pair. Its final weight is the pair's weight in --out, and
// every step is recomputed here from the settings' m and u, the Splink TF formula and value counts made
// in this file (not through the engine's code).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { cli } from './helpers/cli.ts';
import { given, people } from './helpers/link-people.ts';
import { linkTables } from '../attacks/link/link.ts';
import type { LinkSettings } from '../attacks/link/settings.ts';
import { pairWaterfall, waterfallModel } from '../attacks/link/waterfall.ts';
import { toRecords, type Table } from '../src/table/table.ts';

const root = mkdtempSync(join(tmpdir(), 'reident-explain-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const leftFile = join(root, 'left.csv');
const rightFile = join(root, 'right.csv');
const settingsFile = join(root, 'settings.json');
const dedupeFile = join(root, 'dedupe.json');
const leftTable = people(300, 1);
const rightTable = people(400, 2);

function csv(t: Table): string {
  return [t.names.join(','), ...toRecords(t).map((r) => t.names.map((n) => r[n] ?? '').join(','))].join('\n') + '\n';
}

/** A CSV written above, read back naively: rows of column -> value ('' is missing). */
function rowsOf(file: string): Record<string, string>[] {
  const [head, ...lines] = readFileSync(file, 'utf8').trim().split('\n');
  const names = head!.split(',');
  return lines.map((l) => Object.fromEntries(l.split(',').map((v, j) => [names[j]!, v])));
}

interface PairRow {
  left: number;
  right: number;
  weight: number;
  gamma: Record<string, number>;
}

function pairsOf(file: string): PairRow[] {
  const [head, ...lines] = readFileSync(file, 'utf8').trim().split('\n');
  const names = head!.split(',');
  return lines.map((l) => {
    const v = l.split(',');
    const gamma = Object.fromEntries(names.flatMap((n, j) => (n.startsWith('gamma_') ? [[n.slice(6), Number(v[j])]] : [])));
    return { left: Number(v[0]), right: Number(v[1]), weight: Number(v[2]), gamma };
  });
}

/**
 * The waterfall computed here: prior log2(lambda/(1-lambda)); per comparison the level whose gamma is
 * given (non-null levels numbered K-1 down to 0 in settings order; -1 is null), log2(m/u) or 0 for null;
 * then, for a comparison with a TF level, w * (log2 u_tf - log2 max(f_l, f_r)) at that level, else 0,
 * with f a value's share of the non-missing values of the stacked input records.
 */
function naiveSteps(settings: LinkSettings, gamma: Record<string, number>, l: Record<string, string>, r: Record<string, string>, stacked: Record<string, string>[]): { name: string; weight: number }[] {
  const lambda = settings.lambda!;
  const steps = [{ name: 'Prior', weight: Math.log2(lambda / (1 - lambda)) }];
  for (const comp of settings.comparisons) {
    const nonNull = comp.levels.filter((x) => x.type !== 'null');
    const g = gamma[comp.column]!;
    const level = g < 0 ? null : nonNull[nonNull.length - 1 - g]!;
    const mu = level as { m: number; u: number } | null;
    steps.push({ name: comp.column, weight: mu ? Math.log2(mu.m / mu.u) : 0 });
    const k = nonNull.findIndex((x) => x.type === 'exact' && (x.tf_adjustment ?? 0) > 0);
    if (k < 0) continue;
    const tfLevel = nonNull[k] as { tf_adjustment: number; u: number };
    let tf = 0;
    if (g === nonNull.length - 1 - k) {
      const present = stacked.map((x) => x[comp.column]!).filter((v) => v !== '');
      const share = (v: string) => present.filter((x) => x === v).length / present.length;
      tf = tfLevel.tf_adjustment * (Math.log2(tfLevel.u) - Math.log2(Math.max(share(l[comp.column]!), share(r[comp.column]!))));
    }
    steps.push({ name: `tf_${comp.column}`, weight: tf });
  }
  return steps;
}

interface StepJson {
  kind: string;
  name: string;
  weight: number;
  cumulative: number;
  m: number | null;
  u: number | null;
  gamma: number | null;
}

function checkSteps(steps: StepJson[], expected: { name: string; weight: number }[]): void {
  const moves = steps.filter((s) => s.kind !== 'final');
  expect(moves.map((s) => s.name)).toEqual(expected.map((s) => s.name));
  let running = 0;
  moves.forEach((s, i) => {
    expect(s.weight).toBeCloseTo(expected[i]!.weight, 12);
    running += expected[i]!.weight;
    expect(s.cumulative).toBeCloseTo(running, 12);
  });
  expect(steps[steps.length - 1]!.kind).toBe('final');
  expect(steps[steps.length - 1]!.weight).toBeCloseTo(running, 12);
}

const out = join(root, 'pairs.csv');
let candidates: PairRow[];
let leftRows: Record<string, string>[];
let rightRows: Record<string, string>[];

beforeAll(async () => {
  writeFileSync(leftFile, csv(leftTable));
  writeFileSync(rightFile, csv(rightTable));
  writeFileSync(settingsFile, JSON.stringify(given));
  writeFileSync(dedupeFile, JSON.stringify({ ...given, link_type: 'dedupe_only' }));
  const r = await cli('link', '--left', leftFile, '--right', rightFile, '--settings', settingsFile, '--out', out, '--quiet', '--json');
  expect(r.code, r.stderr).toBe(0);
  expect(JSON.parse(r.stdout).explain).toBeUndefined();
  expect(r.stdout).not.toContain('Waterfall');
  candidates = pairsOf(out);
  leftRows = rowsOf(leftFile);
  rightRows = rowsOf(rightFile);
});

describe('reident link --explain', () => {
  test('a candidate pair with term-frequency steps: final weight as in --out, each step as computed here, JSON in one object', async () => {
    // first_name at its exact (TF) level (gamma 2) and zip at its exact (TF) level (gamma 1): both TF steps are non-zero
    const pair = candidates.find((p) => p.gamma.first_name === 2 && p.gamma.zip === 1)!;
    expect(pair).toBeDefined();
    const r = await cli('link', '--left', leftFile, '--right', rightFile, '--settings', settingsFile, '--out', join(root, 'p1.csv'), '--quiet', '--json', '--explain', `${pair.left},${pair.right}`);
    expect(r.code, r.stderr).toBe(0);
    const x = JSON.parse(r.stdout).explain;
    expect(x.candidate).toBe(true);
    expect(x.blockedBy.columns.length).toBeGreaterThan(0);
    expect(x.matchWeight).toBe(pair.weight);
    expect(x.matchProbability).toBeCloseTo(2 ** pair.weight / (1 + 2 ** pair.weight), 14);
    const stacked = [...leftRows, ...rightRows];
    checkSteps(x.steps, naiveSteps(given, pair.gamma, leftRows[pair.left]!, rightRows[pair.right]!, stacked));
    const tfSteps = x.steps.filter((s: StepJson) => s.kind === 'term_frequency');
    expect(tfSteps.map((s: StepJson) => s.name)).toEqual(['tf_first_name', 'tf_zip']);
    for (const s of tfSteps) expect(s.weight).not.toBe(0);
    // m and u of each comparison step are the settings' values of the pair's level
    for (const s of x.steps.filter((s: StepJson) => s.kind === 'comparison' && s.gamma! >= 0)) {
      const levels = given.comparisons.find((c) => c.column === s.name)!.levels.filter((l) => l.type !== 'null');
      expect([s.m, s.u]).toEqual([(levels[levels.length - 1 - s.gamma] as { m: number }).m, (levels[levels.length - 1 - s.gamma] as { u: number }).u]);
    }
  });

  test('the readable waterfall names every step, the level, the rule and the probability', async () => {
    const pair = candidates.find((p) => p.gamma.first_name === 2)!;
    const r = await cli('link', '--left', leftFile, '--right', rightFile, '--settings', settingsFile, '--out', join(root, 'p2.csv'), '--quiet', '--explain', `${pair.left},${pair.right}`);
    expect(r.code, r.stderr).toBe(0);
    const text = r.stdout.slice(r.stdout.indexOf('Waterfall of'));
    expect(text).toContain(`left row ${pair.left} of ${leftFile} and right row ${pair.right} of ${rightFile}`);
    expect(text).toMatch(/Blocking rule \d \(equal [a-z_ ]+\) makes this a candidate pair/);
    for (const name of ['Prior', 'first_name', 'tf_first_name', 'last_name', 'birth_date', 'zip', 'tf_zip', 'Final score']) expect(text).toMatch(new RegExp(`^${name}\\s`, 'm'));
    expect(text).toContain('exact match on first_name');
    const sign = pair.weight >= 0 ? '+' : '-';
    expect(text).toContain(`Match weight ${sign}${Math.abs(pair.weight).toFixed(3)} bits`);
  });

  test('a pair no blocking rule makes: said so, and its waterfall is still the model weight computed here', async () => {
    const inOut = new Set(candidates.map((p) => `${p.left},${p.right}`));
    const [i, j] = [0, 1, 2, 3, 4, 5].flatMap((a) => [0, 1, 2, 3, 4, 5].map((b) => [a, b])).find(([a, b]) => !inOut.has(`${a},${b}`))!;
    const r = await cli('link', '--left', leftFile, '--right', rightFile, '--settings', settingsFile, '--out', join(root, 'p3.csv'), '--quiet', '--json', '--explain', `${i},${j}`);
    expect(r.code, r.stderr).toBe(0);
    const x = JSON.parse(r.stdout).explain;
    expect(x.candidate).toBe(false);
    expect(x.blockedBy).toBeNull();
    expect(x.explanation).toMatch(/No blocking rule makes this pair a candidate/);
    // the level of each comparison, found here for these simple values
    const l = leftRows[i!]!;
    const rr = rightRows[j!]!;
    const gamma: Record<string, number> = {};
    for (const s of x.steps.filter((s: StepJson) => s.kind === 'comparison')) gamma[s.name] = s.gamma;
    for (const c of ['last_name', 'zip']) if (l[c] !== '' && rr[c] !== '') expect(gamma[c]).toBe(l[c] === rr[c] ? 1 : 0);
    checkSteps(x.steps, naiveSteps(given, gamma, l, rr, [...leftRows, ...rightRows]));
  });

  test('dedupe: both rows of the one file, in either order; the weight is the one in --out', async () => {
    const dOut = join(root, 'dedupe-pairs.csv');
    const first = await cli('link', '--left', leftFile, '--dedupe', '--settings', dedupeFile, '--out', dOut, '--quiet');
    expect(first.code, first.stderr).toBe(0);
    const pairs = pairsOf(dOut);
    const pair = pairs.find((p) => p.gamma.zip === 1)!;
    const r = await cli('link', '--left', leftFile, '--dedupe', '--settings', dedupeFile, '--out', dOut, '--quiet', '--json', '--explain', `${pair.right},${pair.left}`);
    expect(r.code, r.stderr).toBe(0);
    const x = JSON.parse(r.stdout).explain;
    expect([x.leftRow, x.rightRow]).toEqual([pair.left, pair.right]);
    expect(x.matchWeight).toBe(pair.weight);
    checkSteps(x.steps, naiveSteps({ ...given, link_type: 'dedupe_only' }, pair.gamma, leftRows[pair.left]!, leftRows[pair.right]!, leftRows));
  });

  test('with --train, the waterfall uses the trained model: its final weight is the pair weight in --out, its steps log2(m/u) of the m and u it reports', async () => {
    const tOut = join(root, 'trained.csv');
    const base = await cli('link', '--left', leftFile, '--right', rightFile, '--settings', settingsFile, '--train', '--out', tOut, '--quiet');
    expect(base.code, base.stderr).toBe(0);
    const pair = pairsOf(tOut).find((p) => p.gamma.last_name === 1)!;
    const r = await cli('link', '--left', leftFile, '--right', rightFile, '--settings', settingsFile, '--train', '--out', tOut, '--quiet', '--json', '--explain', `${pair.left},${pair.right}`);
    expect(r.code, r.stderr).toBe(0);
    const x = JSON.parse(r.stdout).explain;
    expect(x.matchWeight).toBe(pair.weight);
    for (const s of x.steps.filter((s: StepJson) => s.kind === 'comparison' && s.gamma! >= 0)) expect(s.weight).toBeCloseTo(Math.log2(s.m! / s.u!), 12);
  });

  test('bad --explain values exit 2 naming the flag (and the rows there are)', async () => {
    const cases: [string[], RegExp][] = [
      [['--right', rightFile, '--settings', settingsFile, '--explain', '300,0'], /--explain: left row 300 is out of range: .*left\.csv has 300 data rows \(0 to 299\)/],
      [['--right', rightFile, '--settings', settingsFile, '--explain', '0,400'], /--explain: right row 400 is out of range: .*right\.csv has 400 data rows/],
      [['--right', rightFile, '--settings', settingsFile, '--explain', '3'], /--explain must be two 0-based data rows/],
      [['--right', rightFile, '--settings', settingsFile, '--explain', '-1,2'], /--explain must be two 0-based data rows/],
      [['--dedupe', '--settings', dedupeFile, '--explain', '5,300'], /--explain: row 300 is out of range: .*left\.csv has 300 data rows/],
      [['--dedupe', '--settings', dedupeFile, '--explain', '7,7'], /--explain: 7,7 pairs a record with itself/],
    ];
    for (const [argv, message] of cases) {
      const r = await cli('link', '--left', leftFile, ...argv, '--out', join(root, 'bad.csv'), '--quiet');
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.stderr).toMatch(message);
    }
  });
});

describe('pairWaterfall', () => {
  test('its final weight is bit for bit the scorer weight of every candidate pair', () => {
    const result = linkTables(leftTable, rightTable, given);
    const model = waterfallModel(leftTable, rightTable, given, result.parameters);
    expect(result.count).toBeGreaterThan(50);
    for (let k = 0; k < result.count; k++) {
      const w = pairWaterfall(model, result.left[k]!, result.right[k]!);
      expect(w.matchWeight).toBe(result.weight[k]);
      expect(w.blockedBy).not.toBeNull();
    }
  });
});

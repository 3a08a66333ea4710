// Hardening of `reident link`: settings bounds, no NaN for a reader, sentences that quote the JSON figures, progress by step.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { cli } from './helpers/cli.ts';
import { given, people } from './helpers/link-people.ts';
import type { Table } from '../src/table/table.ts';
import { textTable } from '../src/table/text.ts';
import { columnText } from './helpers/world.ts';
import { linkTables } from '../attacks/link/link.ts';
import type { LinkStep } from '../attacks/link/progress.ts';
import { settingsJsonSchema } from '../attacks/link/settings.ts';
import { runCli } from '../src/cli/program.ts';

const root = mkdtempSync(join(tmpdir(), 'reident-harden-link-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const left = join(root, 'left.csv');
const right = join(root, 'right.csv');
const settings = join(root, 'settings.json');
const untrained = join(root, 'no-lambda.json');
const strangers = join(root, 'strangers.csv');
const out = join(root, 'pairs.csv');

function writeCsv(file: string, t: Table, ids: number[]): void {
  const names = t.names;
  const rows = ids.map((id, i) => [...names.map((n) => columnText(t, n)[i] ?? ''), id].join(','));
  writeFileSync(file, [[...names, 'id'].join(','), ...rows].join('\n') + '\n');
}

beforeAll(() => {
  // The right table: 400 of the 500 left people (every 10th first name cut short), then 100 others.
  const a = people(500, 31);
  const b = people(100, 32);
  const cols = Object.fromEntries(
    a.names.map((n) => [n, [...columnText(a, n).slice(0, 400).map((v, i) => (n === 'first_name' && v && i % 10 === 0 ? v.slice(0, -1) : v)), ...columnText(b, n)]]),
  );
  writeCsv(left, a, Array.from({ length: 500 }, (_, i) => i));
  writeCsv(right, textTable(cols), Array.from({ length: 500 }, (_, i) => (i < 400 ? i : 1000 + i)));
  writeCsv(strangers, textTable(cols), Array.from({ length: 500 }, (_, i) => 5000 + i)); // the same rows, but nobody's truth matches
  writeFileSync(settings, JSON.stringify(given));
  writeFileSync(untrained, JSON.stringify({ ...given, lambda: undefined }));
});

const link = (...extra: string[]) => cli('link', '--left', left, '--right', right, '--out', out, '--truth-left', 'id', '--truth-right', 'id', ...extra);

describe('link settings: m and u are probabilities in (0, 1) summing to 1 per comparison', () => {
  const withSettings = (name: string, patch: (s: any) => void) => {
    const s = structuredClone(given) as any;
    patch(s);
    const file = join(root, name);
    writeFileSync(file, JSON.stringify(s));
    return file;
  };
  const refused: [string, (s: any) => void, RegExp][] = [
    ['m0.json', (s) => (s.comparisons[2].levels[1].m = 0), /m0\.json: settings\.comparisons\[2\]\.levels\[1\]\.m: must be a probability in \(0, 1\), got 0/],
    ['u1.json', (s) => (s.comparisons[3].levels[1].u = 1), /u1\.json: settings\.comparisons\[3\]\.levels\[1\]\.u: must be a probability in \(0, 1\), got 1/],
    ['sum.json', (s) => (s.comparisons[1].levels[0].m = 0.9), /sum\.json: settings\.comparisons\[1\]\.levels\[\*\]\.m: the m values of the non-null levels sum to 0\.95; they must sum to 1/],
    ['usum.json', (s) => (s.comparisons[0].levels[3].u = 0.8), /usum\.json: settings\.comparisons\[0\]\.levels\[\*\]\.u: .* sum to 0\.95/],
    ['partial.json', (s) => delete s.comparisons[0].levels[2].m, /partial\.json: settings\.comparisons\[0\]\.levels\[2\]\.m: is missing: give m on every non-null level/],
    ['null.json', (s) => (s.comparisons[0].levels[0].m = 0.5), /null\.json: settings\.comparisons\[0\]\.levels\[0\]\.m: is not allowed on a 'null' level/],
  ];
  for (const [name, patch, message] of refused) {
    test(`${name}: refused, naming the file and the JSON path, exit 2, no pairs file`, async () => {
      rmSync(out, { force: true });
      const r = await link('--settings', withSettings(name, patch));
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(existsSync(out)).toBe(false);
    });
  }

  test('a missing lambda (or m) without --train names the settings file and exits 2', async () => {
    const r = await link('--settings', untrained);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no-lambda\.json: settings\.lambda: is required when the model is not trained .*--train/);
    expect(existsSync(out)).toBe(false);
    const m = await link('--settings', withSettings('nom.json', (s) => s.comparisons[1].levels.forEach((l: any) => delete l.m)));
    expect(m.code).toBe(2);
    expect(m.stderr).toMatch(/nom\.json: settings\.comparisons\[1\]\.levels\[0\]\.m: is required when the model is not trained/);
    expect(existsSync(out)).toBe(false);
  });

  test('--train with a blocking rule that gives no pairs names the rule in the settings file and exits 2', async () => {
    const few = join(root, 'few.csv');
    writeCsv(few, people(3, 41, 1000, 80), [0, 1, 2]);
    const dedupe = withSettings('dedupe.json', (s) => (s.link_type = 'dedupe_only'));
    const r = await cli('link', '--left', few, '--dedupe', '--settings', dedupe, '--train', '--out', out);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/dedupe\.json: settings\.blocking\[\d\]: training rule \[.*\] gives no pairs/);
    expect(existsSync(out)).toBe(false);
  });

  test('the JSON Schema bounds m and u to the open interval', () => {
    for (const level of settingsJsonSchema.properties.comparisons.items.properties.levels.items.oneOf) {
      const p = level.properties as Record<string, unknown>;
      if (level.properties.type.const === 'null') expect(p.m).toBeUndefined();
      else for (const k of ['m', 'u']) expect(p[k]).toEqual({ type: 'number', exclusiveMinimum: 0, exclusiveMaximum: 1 });
    }
  });
});

/** Every numeric leaf of a JSON value. */
function figures(x: unknown): number[] {
  if (typeof x === 'number') return [x];
  if (x && typeof x === 'object') return Object.values(x).flatMap(figures);
  return [];
}

/**
 * The numbers a text quotes that match no JSON figure rounded as printed (to the printed digits,
 * percentages as 100x; "1 in N" as 1/N; ">99.9%" as at least 99.9%). File paths are left out.
 */
function unmatchedNumbers(text: string, json: Record<string, unknown>, paths: string[]): string[] {
  const values = figures(json);
  let t = text;
  for (const p of paths) t = t.split(p).join(' ');
  const bad: string[] = [];
  const near = (printed: string, scale: number, bound: string, target: (v: number) => number) => {
    const x = Number(printed.replace(/,/g, ''));
    const half = 0.5 * 10 ** -(printed.split('.')[1]?.length ?? 0) + 1e-9;
    return values.some((v) => {
      const y = scale * target(v);
      return bound === '>' ? y >= x : bound === '<' ? y <= x : Math.abs(y - x) <= half;
    });
  };
  t = t.replace(/\b1 in ([\d,.]+)/g, (_, n: string) => {
    if (!near(n.replace(/\.$/, ''), 1, '', (v) => 1 / v)) bad.push(`1 in ${n}`);
    return ' ';
  });
  for (const m of t.matchAll(/([<>]?)(?<![\w.])(\d[\d,]*(?:\.\d+)?)(%?)/g)) {
    if (!near(m[2]!, m[3] ? 100 : 1, m[1]!, (v) => v)) bad.push(m[0]);
  }
  return bad;
}

describe('link output: sentences, no NaN', () => {
  test('--threshold 1 with no links says so in a sentence; no NaN or Infinity in the text or the JSON', async () => {
    const text = await link('--settings', settings, '--threshold', '1');
    const json = await link('--settings', settings, '--threshold', '1', '--json');
    expect(text.code, text.stderr).toBe(0);
    const s = JSON.parse(json.stdout);
    expect(s.links).toBe(0);
    expect(s.precision).toBeNull();
    expect(s.f1).toBeNull();
    expect(s.explanations.precision).toMatch(/^No pair reached match probability 1, so there are no links and precision is undefined\.$/);
    expect(text.stdout).toContain(s.explanations.precision);
    expect(text.stdout).not.toMatch(/NaN|Infinity|e-\d|e\+\d/);
    expect(json.stdout).not.toMatch(/NaN|Infinity/);
  });

  test('with no true pairs, recall and F1 are undefined in words, null in JSON, empty in the curve (never NaN)', async () => {
    const curve = join(root, 'no-true-pairs.csv');
    const args = ['link', '--left', left, '--right', strangers, '--settings', settings, '--out', out, '--truth-left', 'id', '--truth-right', 'id', '--curve', curve];
    const text = await cli(...args);
    const s = JSON.parse((await cli(...args, '--json')).stdout);
    expect(text.code, text.stderr).toBe(0);
    expect([s.truePairs, s.recall, s.f1]).toEqual([0, null, null]);
    expect(s.explanations.recall).toMatch(/recall is undefined/);
    expect(text.stdout).toContain(s.explanations.recall);
    expect(text.stdout).not.toMatch(/NaN|Infinity/);
    const rows = readFileSync(curve, 'utf8').trim().split('\n');
    expect(rows.length).toBeGreaterThan(2);
    expect(rows.join('\n')).not.toMatch(/NaN/);
    expect(rows.at(-1)).toMatch(/,0,$/); // no links were right; recall left empty
  });

  test('every figure has a sentence, and every number in the text and the sentences is a JSON figure rounded as printed', async () => {
    const curve = join(root, 'curve.csv');
    for (const extra of [['--settings', settings], ['--settings', untrained, '--train', '--curve', curve], ['--settings', settings, '--one-to-one']]) {
      const text = await link(...extra);
      const json = await link(...extra, '--json');
      expect(text.code, text.stderr).toBe(0);
      const s = JSON.parse(json.stdout);
      const e = s.explanations as Record<string, string>;
      expect(Object.keys(e)).toEqual(['candidatePairs', 'pairs', 'links', 'lambda', 'precision', 'recall', 'f1', 'falsePositives']);
      for (const sentence of Object.values(e)) expect(text.stdout).toContain(sentence);
      expect(s.truePositives).toBeGreaterThan(300); // a real linkage, not an empty one
      expect(unmatchedNumbers(text.stdout, s, [left, right, out, curve, untrained, settings])).toEqual([]);
      expect(unmatchedNumbers(Object.values(e).join('\n'), s, [left, right, out, curve, untrained, settings])).toEqual([]);
      expect(text.stdout).not.toMatch(/NaN|Infinity|e-\d|\d\.\d{5}/);
      expect(e.lambda).toMatch(extra.includes('--train') ? /estimated from the training sessions/ : /given in the settings/);
    }
  });

  test('the number check catches a sentence that misquotes a figure', () => {
    const json = { links: 1874, precision: 0.99466, intervals: { precision: { confidence: 0.95, low: 0.99, high: 0.997 } }, lambda: 0.000239 };
    expect(unmatchedNumbers('Of the 1,874 links: precision 99.5% (95% CI 99.0%-99.7%), 1 in 4,184.', json, [])).toEqual([]);
    expect(unmatchedNumbers('Of the 1,875 links: precision 99.4%, 1 in 4,000.', json, [])).toEqual(['1 in 4,000.', '1,875', '99.4%']);
  });
});

describe('link progress', () => {
  test('linkTables reports every step in order, each ending at done = total, with updates inside the long loops', () => {
    const t = people(3000, 11);
    const reports: [LinkStep, number, number][] = [];
    const res = linkTables(t, t, { ...given, lambda: undefined }, { train: true, seed: 3, maxPairsForU: 100_000, onProgress: (s, d, n) => reports.push([s, d, n]) });
    const steps = [...new Set(reports.map((r) => r[0]))];
    expect(steps).toEqual(['blocking', 'comparing', 'sampling u', 'training', 'scoring']);
    const last = (s: LinkStep) => reports.filter((r) => r[0] === s).at(-1)!;
    for (const s of steps) {
      const mine = reports.filter((r) => r[0] === s);
      expect(last(s)[1]).toBe(last(s)[2]);
      for (let i = 1; i < mine.length; i++) expect(mine[i]![1]).toBeGreaterThanOrEqual(mine[i - 1]![1]);
    }
    expect(last('comparing')[2]).toBe(4 * res.candidatePairs);
    expect(last('sampling u')[2]).toBe(4 * 100_000);
    expect(last('training')[2]).toBe(given.blocking.length);
    expect(last('scoring')[2]).toBe(res.candidatePairs);
    expect(reports.filter((r) => r[0] === 'comparing').length).toBeGreaterThan(3);
    expect(reports.filter((r) => r[0] === 'sampling u').length).toBeGreaterThan(20);
  });

  test('the CLI draws one bar per step with an ETA on a terminal, and none with --quiet', async () => {
    const run = async (...extra: string[]) => {
      let stderr = '';
      const io = { stdout: { write: () => true }, stderr: { write: (s: string) => (stderr += s), isTTY: true }, env: {} };
      expect(await runCli(['link', '--left', left, '--right', right, '--out', out, ...extra], io)).toBe(0);
      return stderr;
    };
    const bars = await run('--settings', untrained, '--train');
    for (const label of ['blocking (records x rules)', 'comparing (pairs x columns)', 'sampling u (random pairs x columns)', 'training (EM sessions)', 'scoring (pairs)']) {
      expect(bars).toMatch(new RegExp(`${label.replace(/[()]/g, '\\$&')} .* 100% \\|.*ETA`));
    }
    expect(await run('--settings', settings, '--quiet')).toBe('');
  });
});

// Hardening, items 10-13: every number a reader sees is finite, rounded once (src/report/numbers.ts)
// and the same in the sentence, the table and the JSON; sizes a world cannot supply are refused.
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { ATTACK_KINDS } from '../src/cli/attack-command.ts';
import { count, decimal, duration, percent } from '../src/report/numbers.ts';
import { cli } from './helpers/cli.ts';

// The whole-space scan of hash-inversion takes minutes (test/cli-attack.test.ts runs it); here the
// scan is replaced by a lookup of the world's own SSNs, and the keyed-HMAC demonstration scans a
// slice of its range, so the figures around them can be checked fast.
const ssnOfDigest = new Map<string, string>();
vi.mock('../attacks/hash/hmac.ts', async (original) => {
  const real = await original<typeof import('../attacks/hash/hmac.ts')>();
  return { ...real, hmacDefence: (o: Parameters<typeof real.hmacDefence>[0]) => real.hmacDefence({ ...o, end: Math.min(o.end ?? Infinity, (o.start ?? 0) + 5_000) }) };
});
vi.mock('../src/io/hash-workers.ts', async (original) => ({
  ...(await original<typeof import('../src/io/hash-workers.ts')>()),
  invertHashesParallel: async (targets: readonly string[]) => {
    const found = targets.filter((d) => ssnOfDigest.has(d)).map((digest) => ({ digest, ssn: ssnOfDigest.get(digest)!, value: Number(ssnOfDigest.get(digest)) }));
    return { found, tried: 54_994_500, targets: targets.length, workers: 2, seconds: 91.748615205, scanSeconds: 90.1, hashesPerSecond: 460423.2368720649 };
  },
}));

const root = mkdtempSync(join(tmpdir(), 'reident-numbers-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const world = join(root, 'w');
beforeAll(async () => {
  expect((await cli('generate', '--people', '3000', '--out', world, '--quiet', '--tables', 'people,beneficiaries,claims_carrier,claims_inpatient')).code).toBe(0);
  const lines = readFileSync(join(world, 'beneficiaries.csv'), 'utf8').trim().split('\n');
  const at = lines[0]!.split(',').indexOf('hicn');
  for (const l of lines.slice(1)) {
    const ssn = l.split(',')[at]!.slice(0, 9);
    ssnOfDigest.set(createHash('sha256').update(ssn).digest('hex'), ssn);
  }
}, 60_000);

/** Extra flags per kind, to keep each run small or to reach its interesting sentence. */
const EXTRA: Partial<Record<(typeof ATTACK_KINDS)[number], string[]>> = { 'hash-inversion': ['--size', '3'], unicity: ['--samples', '200'], inference: ['--k', '2'] };

// A figure in prose: 12, 2,000, 0.5, 12.1%, >99.99%; not the 256 of SHA-256 nor the 3 of ZIP3.
const FIGURE = /(?<![\w.-])[<>]?\d+(?:,\d{3})*(?:\.\d+)?%?/g;
const figures = (text: string): string[] => text.match(FIGURE) ?? [];

/** Every string under an `explanation` key, or in an `explanations` map, at any depth. */
function sentencesOf(json: unknown, inMap = false): string[] {
  if (typeof json === 'string') return inMap ? [json] : [];
  if (!json || typeof json !== 'object') return [];
  return Object.entries(json).flatMap(([k, v]) => (k === 'explanation' && typeof v === 'string' ? [v] : sentencesOf(v, inMap || k === 'explanations')));
}

/** Every figure the JSON can be read as, written the ways the module writes figures. */
function jsonFigures(json: unknown, sentences: Set<string>): Set<string> {
  const out = new Set<string>();
  const visit = (v: unknown) => {
    if (typeof v === 'number' && Number.isFinite(v)) {
      out.add(String(v));
      out.add(count(v));
      out.add(percent(v));
      for (const digits of [1, 2, 3]) out.add(decimal(v, digits));
      if (v > 0) out.add(duration(v));
    } else if (typeof v === 'string' && !sentences.has(v)) for (const f of figures(v)) out.add(f);
    else if (v && typeof v === 'object') Object.values(v).forEach(visit);
  };
  visit(json);
  return out;
}

/**
 * Each figure of each sentence (those of the JSON, printed or not) must be printed, the same, in the
 * rest of the readable output (sentences on lines of their own are taken out first), and be a JSON
 * value written the same way.
 */
function expectSentencesMatch(name: string, readable: string, json: unknown): void {
  const sentences = sentencesOf(json);
  expect(sentences.length, name).toBeGreaterThan(0);
  const own = new Set(sentences);
  const table = readable.split('\n').filter((l) => !own.has(l.trim())).join('\n');
  const shown = new Set(figures(table));
  const inJson = jsonFigures(json, own);
  for (const s of sentences) {
    for (const f of figures(s.replace(/\d+% CI/g, ''))) {
      expect(shown.has(f), `${name}: "${f}" of "${s}" is not in the table`).toBe(true);
      expect(inJson.has(f), `${name}: "${f}" of "${s}" is no JSON value`).toBe(true);
    }
  }
}

/** What no reader may see: NaN, Infinity, or a fraction with more than three significant digits (raw float). */
function expectNoRawNumbers(name: string, readable: string): void {
  expect(readable, name).not.toMatch(/NaN|Infinity/);
  expect(figures(readable).filter((f) => /\.0*[1-9]\d{3,}/.test(f)), name).toEqual([]);
}

/** Each command line runs once; tests that read the same output share it. */
const runs = new Map<string, ReturnType<typeof cli>>();
const run = (...args: string[]) => {
  const key = args.join('\u0000');
  if (!runs.has(key)) runs.set(key, cli(...args));
  return runs.get(key)!;
};

describe('item 12: sentence figures equal table and JSON figures', () => {
  test.each([...ATTACK_KINDS])('attack %s', async (kind) => {
    const args = ['attack', kind, '--world', world, ...(EXTRA[kind] ?? [])];
    const readable = await run(...args);
    const json = await run(...args, '--json');
    expect(readable.code, readable.stderr).toBe(0);
    expect(json.code, json.stderr).toBe(0);
    expectNoRawNumbers(kind, readable.stdout);
    expectSentencesMatch(kind, readable.stdout, JSON.parse(json.stdout));
  }, 30_000);

  test('risk', async () => {
    const args = ['risk', join(world, 'people.csv'), '--qi', 'zip,sex,birth_date', '--sample', '0.2', '--sensitive', 'state', '--suda', '--bootstrap', '20'];
    const readable = await cli(...args);
    const json = await cli(...args, '--json');
    expect(readable.code, readable.stderr).toBe(0);
    expectNoRawNumbers('risk', readable.stdout);
    expectSentencesMatch('risk', readable.stdout, JSON.parse(json.stdout));
  }, 30_000);
});

describe('item 12: counts reconcile and denominators are stated', () => {
  test('ssn-match: matched = right + someone else only; records returned = right + wrong; the recall names its denominator', async () => {
    const r = JSON.parse((await run('attack', 'ssn-match', '--world', world, '--json')).stdout);
    expect(r.matchedAnyone.k).toBe(r.foundRightPerson.k + r.matchedOnlySomeoneElse.k);
    expect(r.recordsReturned).toBe(r.precision.n);
    expect(r.recordsReturned).toBe(r.foundRightPerson.k + r.wrongMatches);
    expect(Object.values(r.wrongPeopleByStatus as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(r.wrongMatches);
    expect(r.recall.n).toBe(r.listedInMedicare);
    expect(r.explanation).toContain(`${r.recall.k} of ${r.recall.n} listed people who are in Medicare (the recall)`);
  });

  test('inference: the sentence says how many records the k-anonymous extract suppressed', async () => {
    const r = JSON.parse((await run('attack', 'inference', '--world', world, '--k', '2', '--json')).stdout);
    expect(r.suppressed).toBeGreaterThan(0);
    expect(r.explanation).toContain(`releases ${count(r.released)} of ${count(r.released + r.suppressed)} beneficiaries and suppresses ${count(r.suppressed)}`);
  });
});

describe('item 10: what a world cannot supply is refused or a stated cap', () => {
  test('an unknown state in --birth-year-only is an error naming it and the flag', async () => {
    const r = await cli('attack', 'quasi-id', '--world', world, '--birth-year-only', 'VT,XX');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--birth-year-only: unknown state "XX"/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  test.each([
    ['ssn-match', '--size'], ['probabilistic', '--size'], ['hash-inversion', '--size'], ['news', '--count'], ['synthetic', '--attacks'],
  ])('%s %s beyond the world is an error with the maximum', async (kind, flag) => {
    const r = await cli('attack', kind, '--world', world, flag, '300000');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`${flag}: 300,000 asked, but at most [\\d,]+ .* are available`));
  });

  test('a default the world cannot supply is cut, and the cut is stated', async () => {
    const r = JSON.parse((await run('attack', 'ssn-match', '--world', world, '--json')).stdout);
    expect(r.capped).toBe(`the default of 2,000 people on the agency list was cut to ${count(r.listSize)}, the most available`);
    expect(r.explanation).toContain(r.capped);
  });

  test('adversary agency-list and news: the same refusal, and a stated cut of the default', async () => {
    const out = join(root, 'list.csv');
    const big = await cli('adversary', 'agency-list', '--world', world, '--out', out, '--size', '300000');
    expect(big.code).toBe(2);
    expect(big.stderr).toMatch(/--size: 300,000 asked, but at most [\d,]+ people on the agency list are available/);
    expect((await cli('adversary', 'news', '--world', world, '--out', out, '--count', '300000')).stderr).toMatch(/--count: 300,000 asked, but at most/);
    const cut = await cli('adversary', 'agency-list', '--world', world, '--out', out);
    const rows = readFileSync(out, 'utf8').trim().split('\n').length - 1;
    expect(cut.stdout).toContain(`wrote ${count(rows)} rows of agency_list to ${out} (the default of 2,000 people on the agency list was cut to ${count(rows)}, the most available)`);
  });

  test('the synthetic evaluators refuse tables under 100 records, naming the file', async () => {
    const rows = (n: number) => ['age,sex,flag', ...Array.from({ length: n }, (_, i) => `${40 + (i % 30)},${i % 2 ? 'F' : 'M'},${i % 3 ? 1 : 0}`)].join('\n') + '\n';
    const small = join(root, 'small.csv');
    const big = join(root, 'big.csv');
    writeFileSync(small, rows(60));
    writeFileSync(big, rows(300));
    const r = await cli('attack', 'synthetic', '--original', small, '--synthetic', big, '--control', big, '--secret', 'flag');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${small} has 60 records: the evaluators need at least 100`);
  });
});

describe('item 11: no impossible figure is computed', () => {
  test('hash-inversion counts each released hash: a beneficiary drawn twice is two hashes, both inverted', async () => {
    const r = JSON.parse((await run('attack', 'hash-inversion', '--world', world, '--size', '300', '--json')).stdout);
    expect(r.hashes).toBe(300);
    // Every SSN of the world is in the mocked lookup, so every released hash, repeats included, is inverted.
    expect([r.inverted.k, r.inverted.n]).toEqual([300, 300]);
    expect(r.explanation).toMatch(/^300 of 300 \(100%\) SHA-256-hashed SSNs/);
  });

  test('unicity --points beyond the longest trace is refused with the maximum', async () => {
    const { mostPoints } = JSON.parse((await run('attack', 'unicity', '--world', world, ...EXTRA.unicity!, '--json')).stdout);
    const r = await cli('attack', 'unicity', '--world', world, '--points', '2,500');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`--points: 500 asked, but no beneficiary of this world has more than ${count(mostPoints)} distinct (date, provider) points`);
  });

  test('durations and rates carry units and are rounded', async () => {
    const r = await run('attack', 'hash-inversion', '--world', world, '--size', '3');
    // Declared figures, labelled and written by figureText (a number figure: three significant digits and its unit).
    expect(r.stdout).toMatch(/^time to enumerate +91\.7 s$/m);
    expect(r.stdout).toMatch(/^speed +460,000 hashes\/s$/m);
    expect(r.stdout).toMatch(/^every 9-digit string, this machine +36\.2 min$/m);
    expect(r.stdout).toContain('candidates in 91.7 s on 2 threads');
    const { runSummary } = await import('../src/cli/summary.ts');
    const summary = runSummary({ manifest: { seed: 1, calibration: 'est2019' }, people: { start: 0, end: 10_000 }, outDir: 'out', tables: [{ table: 'people', file: 'people.csv', rows: 10_000, bytes: 1 }], manifestPath: 'm' } as never, 12.3456);
    expect(summary).toMatch(/\n12\.3 s, 810 people\/s on one thread\n$/);
  });
});

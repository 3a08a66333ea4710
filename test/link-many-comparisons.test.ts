// Any number of comparisons: 9- and 12-comparison settings link and train (on a synthetic table built
// here), and pattern counts equal a naive count for any number of comparisons and levels.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { below, chance, streamKey } from '../src/random/prng.ts';
import { textTable } from '../src/table/text.ts';
import { countPatterns } from '../attacks/link/em.ts';
import { linkTables } from '../attacks/link/link.ts';
import { SettingsError, validateSettings, type Comparison, type LinkSettings } from '../attacks/link/settings.ts';
import { cli } from './helpers/cli.ts';

const WORDS = ['ALPHA', 'BRAVO', 'CHARLIE', 'DELTA', 'ECHO', 'FOXTROT', 'GOLF', 'HOTEL', 'INDIA', 'JULIET', 'KILO', 'LIMA', 'MIKE', 'NOVEMBER'];
const COLUMNS = Array.from({ length: 12 }, (_, c) => `f${c}`);
const MATCHED = 400;

/** Swaps two adjacent letters: a typo that keeps Jaro-Winkler high and Levenshtein at 2. */
function typo(s: string, at: number): string {
  const i = at % (s.length - 1);
  return s.slice(0, i) + s[i + 1] + s[i] + s.slice(i + 2);
}

/**
 * Left: 500 records of 12 word columns (14 words each) and an id. Right: the first MATCHED left records
 * with typos (10% per field) and missing values (5%), then 200 new records. Matches share the id.
 */
function tables(): { left: Record<string, (string | null)[]>; right: Record<string, (string | null)[]> } {
  const key = streamKey(17, 'test/link-many-comparisons');
  const left: Record<string, (string | null)[]> = { id: [] };
  const right: Record<string, (string | null)[]> = { id: [] };
  for (const c of COLUMNS) left[c] = [];
  for (const c of COLUMNS) right[c] = [];
  for (let i = 0; i < 500; i++) {
    left.id!.push(String(i));
    COLUMNS.forEach((c, k) => left[c]!.push(WORDS[below(key, i, k, WORDS.length)]!));
  }
  for (let i = 0; i < MATCHED + 200; i++) {
    const matched = i < MATCHED;
    right.id!.push(String(matched ? i : 100_000 + i));
    COLUMNS.forEach((c, k) => {
      const source = matched ? left[c]![i]! : WORDS[below(key, 1000 + i, k, WORDS.length)]!;
      const missing = matched && chance(key, i, 100 + k, 0.05);
      const noisy = matched && chance(key, i, 200 + k, 0.1);
      right[c]!.push(missing ? null : noisy ? typo(source, below(key, i, 300 + k, 8)) : source);
    });
  }
  return { left, right };
}

/** k comparisons of varied kinds; one has seven levels. No m or u: they are trained. */
function settings(k: number): LinkSettings {
  const kinds: Comparison['levels'][] = [
    [{ type: 'null' }, { type: 'exact' }, { type: 'jaro_winkler', threshold: 0.9 }, { type: 'else' }],
    [{ type: 'null' }, { type: 'exact' }, { type: 'levenshtein', threshold: 2 }, { type: 'else' }],
    [{ type: 'null' }, { type: 'exact' }, { type: 'else' }],
    [
      { type: 'null' },
      { type: 'exact' },
      { type: 'levenshtein', threshold: 1 },
      { type: 'levenshtein', threshold: 2 },
      { type: 'jaro_winkler', threshold: 0.9 },
      { type: 'jaro_winkler', threshold: 0.8 },
      { type: 'jaro_winkler', threshold: 0.7 },
      { type: 'else' },
    ],
  ];
  const s: LinkSettings = {
    link_type: 'link_only',
    blocking: [['f0', 'f1'], ['f2', 'f3'], ['f4', 'f5']],
    comparisons: COLUMNS.slice(0, k).map((column, c) => ({ column, levels: kinds[c % kinds.length]! })),
  };
  // A term-frequency adjustment on the first comparison only.
  return {
    ...s,
    comparisons: s.comparisons.map((comp, c) => (c === 0 ? { ...comp, levels: [{ type: 'null' }, { type: 'exact', tf_adjustment: 1 }, ...comp.levels.slice(2)] } : comp)),
  };
}

const root = mkdtempSync(join(tmpdir(), 'reident-many-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const csv = (cols: Record<string, (string | null)[]>): string => {
  const names = Object.keys(cols);
  const rows = cols[names[0]!]!.map((_, i) => names.map((n) => cols[n]![i] ?? '').join(','));
  return [names.join(','), ...rows].join('\n') + '\n';
};

describe('any number of comparisons', () => {
  const { left, right } = tables();

  test('a 9-comparison settings file links and trains through the CLI', async () => {
    const files = { left: join(root, 'left.csv'), right: join(root, 'right.csv'), settings: join(root, 'nine.json'), out: join(root, 'pairs.csv') };
    writeFileSync(files.left, csv(left));
    writeFileSync(files.right, csv(right));
    writeFileSync(files.settings, JSON.stringify(settings(9)));
    const r = await cli('link', '--left', files.left, '--right', files.right, '--settings', files.settings, '--train', '--seed', '1', '--out', files.out, '--truth-left', 'id', '--truth-right', 'id', '--json');
    expect(r.code, r.stderr).toBe(0);
    const s = JSON.parse(r.stdout);
    expect(s.comparisons).toBe(9);
    expect(s.precision).toBeGreaterThan(0.95);
    expect(s.recall).toBeGreaterThan(0.9);
  });

  test('12 comparisons train, and every weight equals prior + sum of log2(m/u) recomputed here', () => {
    const l = textTable(left);
    const r = textTable(right);
    const res = linkTables(l, r, settings(12), { train: true, seed: 1, maxPairsForU: 100_000 });
    expect(res.training!.sessions).toHaveLength(3);
    expect(res.gamma).toHaveLength(12);
    expect(res.parameters.m[3]).toHaveLength(7);
    const { lambda, m, u } = res.parameters;
    // Comparison 0 has a term-frequency adjustment at its exact level: leave pairs at that level out.
    let checked = 0;
    for (let p = 0; p < res.count; p++) {
      if (res.gamma[0]![p] === 2) continue;
      let w = Math.log2(lambda / (1 - lambda));
      for (let c = 0; c < 12; c++) {
        const g = res.gamma[c]![p]!;
        if (g >= 0) w += Math.log2(m[c]![g]! / u[c]![g]!);
      }
      expect(res.weight[p]).toBeCloseTo(w, 9);
      checked++;
    }
    expect(checked).toBeGreaterThan(100);
    // Linkage quality against the ids.
    let tp = 0;
    let predicted = 0;
    for (let p = 0; p < res.count; p++) {
      if (res.probability[p]! < 0.5) continue;
      predicted++;
      if (left.id![res.left[p]!] === right.id![res.right[p]!]) tp++;
    }
    expect(tp / predicted).toBeGreaterThan(0.95);
    expect(tp / MATCHED).toBeGreaterThan(0.9);
  });
});

describe('levels', () => {
  test('127 levels besides null are accepted; 128 are refused naming the comparison and the 8-bit limit', () => {
    const comparison = (k: number): Comparison => ({
      column: 'f0',
      levels: [{ type: 'null' }, { type: 'exact' }, ...Array.from({ length: k - 2 }, (_, t) => ({ type: 'levenshtein' as const, threshold: t + 1 })), { type: 'else' }],
    });
    const withLevels = (k: number): LinkSettings => ({ link_type: 'link_only', blocking: [['f1']], comparisons: [comparison(2), comparison(k)] });
    expect(() => validateSettings(withLevels(127))).not.toThrow();
    expect(() => validateSettings(withLevels(128))).toThrow(SettingsError);
    expect(() => validateSettings(withLevels(128))).toThrow("settings.comparisons[1].levels: has 128 levels besides 'null'; at most 127 are supported (level numbers are stored as 8-bit integers)");
  });
});

describe('countPatterns', () => {
  /** Naive: a Map from the joined gammas of each pair, in order of first appearance. */
  function naive(gamma: Int8Array[], n: number): [string, number][] {
    const counts = new Map<string, number>();
    for (let p = 0; p < n; p++) {
      const key = gamma.map((g) => g[p]).join(',');
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    return [...counts];
  }

  // Up to 16 comparisons with up to 127 non-null levels each: 128^16 = 2^112 forces chunked keys.
  const vectors = fc
    .record({ n: fc.nat({ max: 300 }), levels: fc.array(fc.integer({ min: 1, max: 127 }), { minLength: 1, maxLength: 16 }), few: fc.integer({ min: 1, max: 4 }) })
    .chain(({ n, levels, few }) =>
      fc.tuple(
        fc.constant(n),
        fc.tuple(
          ...levels.map((k) =>
            // Gammas from -1 (null) to k - 1, drawn from `few` values so that patterns repeat.
            fc.array(fc.integer({ min: -1, max: k - 1 }), { minLength: few, maxLength: few }).chain((pool) =>
              fc.array(fc.constantFrom(...pool), { minLength: n, maxLength: n }).map((xs) => Int8Array.from(xs)),
            ),
          ),
        ),
      ),
    );

  test('distinct patterns and counts equal a naive Map of joined gammas, in order of first appearance (property)', () => {
    fc.assert(
      fc.property(vectors, ([n, gamma]) => {
        const got = countPatterns(gamma);
        const nc = gamma.length;
        expect(got.comparisons).toBe(nc);
        const rows = Array.from(got.count, (count, k): [string, number] => [Array.from(got.gamma.subarray(k * nc, (k + 1) * nc)).join(','), count]);
        expect(rows).toEqual(naive(gamma, n));
      }),
      { numRuns: 300 },
    );
  });

  test('30 comparisons at 127 levels: patterns that differ in one comparison anywhere stay apart', () => {
    // One base vector; pattern q changes comparison q % 30 to another of its 128 values (by q / 30), so
    // the 3780 patterns differ pairwise, often in a single digit, wherever a key might lose one.
    const key = streamKey(5, 'test/count-patterns-wide');
    const base = Array.from({ length: 30 }, (_, c) => below(key, 0, c, 128) - 1);
    const patterns = 30 * 126;
    const n = 4 * patterns;
    const gamma = base.map((b, c) =>
      Int8Array.from({ length: n }, (_, p) => {
        const q = p % patterns;
        return q % 30 === c ? ((b + 2 + Math.floor(q / 30)) % 128) - 1 : b;
      }),
    );
    const got = countPatterns(gamma);
    const want = naive(gamma, n);
    expect(want.length).toBe(patterns);
    expect(Array.from(got.count)).toEqual(want.map(([, c]) => c));
    const rows = Array.from({ length: got.count.length }, (_, k) => Array.from(got.gamma.subarray(k * 30, (k + 1) * 30)).join(','));
    expect(rows).toEqual(want.map(([r]) => r));
  });
});

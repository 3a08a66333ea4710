// Training as Splink trains: u from all pairs among sampled records, lambda from deterministic rules,
// EM sessions per training rule with that rule's comparisons held fixed. Each figure against a naive
// computation written here.
import { describe, expect, test } from 'vitest';
import { estimateUDetailed, uSampleProportion, uSampleRecords } from '../attacks/link/em.ts';
import { lambdaFromRules, trainFromCounts, trainingCounts, trainParameters } from '../attacks/link/train.ts';
import { blockPairs } from '../attacks/link/blocking.ts';
import { sortPatterns, type PatternCounts } from '../attacks/link/patterns.ts';
import fc from 'fast-check';
import type { LinkSettings } from '../attacks/link/settings.ts';
import type { Table } from '../src/table/table.ts';
import { textTable } from '../src/table/text.ts';
import { people } from './helpers/link-people.ts';
import { columnText } from './helpers/world.ts';

/** Levenshtein distance, the textbook DP (independent of compare-strings.ts). */
function lev(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[b.length]!;
}

const settings: LinkSettings = {
  link_type: 'link_only',
  blocking: [['last_name', 'zip'], ['birth_date']],
  comparisons: [
    { column: 'first_name', levels: [{ type: 'null' }, { type: 'exact' }, { type: 'levenshtein', threshold: 2 }, { type: 'else' }] },
    { column: 'last_name', levels: [{ type: 'exact' }, { type: 'levenshtein', threshold: 1 }, { type: 'else' }] },
    { column: 'birth_date', levels: [{ type: 'exact' }, { type: 'levenshtein', threshold: 1 }, { type: 'else' }] },
    { column: 'zip', levels: [{ type: 'null' }, { type: 'exact' }, { type: 'else' }] },
  ],
};

/** The same levels, evaluated naively: gamma (K-1 for the first non-null level ... 0 for else), -1 for null. */
function naiveGamma(c: number, a: string | null, b: string | null): number {
  const levels = settings.comparisons[c]!.levels.filter((l) => l.type !== 'null');
  const k = levels.length;
  if (a === null || b === null) return -1;
  for (let i = 0; i < k; i++) {
    const l = levels[i]!;
    if (l.type === 'exact' && a === b) return k - 1 - i;
    if (l.type === 'levenshtein' && lev(a, b) <= l.threshold) return k - 1 - i;
    if (l.type === 'else') return 0;
  }
  throw new Error('unreachable');
}

/** u by a naive loop over the given pairs: level shares of non-null gammas, 1e-6 for a level never seen. */
function naiveU(left: Table, right: Table, pairs: [number, number][]): number[][] {
  return settings.comparisons.map((comp, c) => {
    const a = columnText(left, comp.column);
    const b = columnText(right, comp.column);
    const k = comp.levels.filter((l) => l.type !== 'null').length;
    const counts = new Array(k).fill(0);
    for (const [i, j] of pairs) {
      const g = naiveGamma(c, a[i] ?? null, b[j] ?? null);
      if (g >= 0) counts[g]++;
    }
    const s = counts.reduce((x, y) => x + y, 0);
    return counts.map((x) => (x > 0 ? x / s : 1e-6));
  });
}

/** Records with typos: every third first name loses a letter, every fifth birth date has a digit changed. */
function noisyCopy(t: Table): Table {
  const cols = Object.fromEntries(
    t.names.map((n) => [
      n,
      columnText(t, n).map((v, i) => {
        if (v === null || v === undefined) return null;
        if (n === 'first_name' && i % 3 === 0) return v.slice(1);
        if (n === 'birth_date' && i % 5 === 0) return v.slice(0, -1) + String((Number(v.at(-1)) + 1) % 10);
        return v;
      }),
    ]),
  );
  return textTable(cols);
}

const left = people(400, 11, 30, 20);
const right = noisyCopy(people(400, 11, 30, 20));
const expectClose = (got: ArrayLike<number>[], want: number[][]) => {
  expect(got.length).toBe(want.length);
  got.forEach((g, c) => Array.from(g).forEach((x, k) => expect(Math.abs(x - want[c]![k]!)).toBeLessThan(1e-15)));
};

describe('u by sampling records (Splink estimate_u_using_random_sampling(max_pairs))', () => {
  test("the sampling proportion is Splink's: r(r-1)/2 = max_pairs for dedupe, p^2 nL nR = max_pairs for link_only", () => {
    const r = uSampleProportion(1000, null, 4950) * 1000; // 100 records make 4,950 pairs
    expect(r).toBeCloseTo(100, 9);
    expect(uSampleProportion(400, 900, 3600)).toBeCloseTo(Math.sqrt(3600 / 360_000), 12);
    expect(uSampleProportion(10, 10, 1e9)).toBe(1);
  });

  test('link_only: u equals a naive loop over all left x right pairs among the same sampled records', () => {
    const est = estimateUDetailed(left, right, settings, { method: 'records', maxPairs: 6000, seed: 5 });
    const sample = uSampleRecords(400, 400, uSampleProportion(400, 400, 6000), 5);
    expect(est.sample!.left).toEqual(sample.left);
    expect(est.sample!.right).toEqual(sample.right);
    const pairs: [number, number][] = [];
    for (const i of sample.left) for (const j of sample.right!) pairs.push([i, j]);
    expect(est.pairs).toBe(pairs.length);
    // Bernoulli sample: about p of each side, so about max_pairs pairs
    expect(pairs.length).toBeGreaterThan(3000);
    expect(pairs.length).toBeLessThan(12_000);
    expectClose(est.u, naiveU(left, right, pairs));
  });

  test('dedupe_only: u equals a naive loop over all pairs i < j among the same sampled records', () => {
    const dedupe: LinkSettings = { ...settings, link_type: 'dedupe_only' };
    const est = estimateUDetailed(left, null, dedupe, { method: 'records', maxPairs: 3000, seed: 8 });
    const sample = est.sample!.left;
    expect(est.sample!.right).toBeNull();
    expect(sample).toEqual(uSampleRecords(400, null, uSampleProportion(400, null, 3000), 8).left);
    const pairs: [number, number][] = [];
    for (let x = 0; x < sample.length; x++) for (let y = x + 1; y < sample.length; y++) pairs.push([sample[x]!, sample[y]!]);
    expect(est.pairs).toBe(pairs.length);
    expectClose(est.u, naiveU(left, left, pairs));
  });

  test('the sample is deterministic given the seed, and another seed samples other records', () => {
    const p = uSampleProportion(400, 400, 6000);
    expect(uSampleRecords(400, 400, p, 5)).toEqual(uSampleRecords(400, 400, p, 5));
    expect(uSampleRecords(400, 400, p, 6).left).not.toEqual(uSampleRecords(400, 400, p, 5).left);
    const a = estimateUDetailed(left, right, settings, { method: 'records', maxPairs: 6000, seed: 5 }).u;
    expect(estimateUDetailed(left, right, settings, { method: 'records', maxPairs: 6000, seed: 5 }).u).toEqual(a);
  });

  test("the default is independent pairs (reident's: closer to u for the same budget), drawn with replacement", () => {
    const e = estimateUDetailed(left, right, settings, { maxPairs: 6000, seed: 1 });
    expect(e.method).toBe('pairs');
    expect(e.pairs).toBe(6000);
    expect(e.sample).toBeNull();
    // a budget above all pairs compares as many pairs as there are
    expect(estimateUDetailed(left, right, settings, { maxPairs: 1e9, seed: 1 }).pairs).toBe(400 * 400);
  });
});

/** Pairs some rule makes (all its columns equal and present), counted once each, by a naive loop. */
function naiveRulePairs(l: Table, r: Table | null, rules: string[][]): number {
  const rr = r ?? l;
  const cols = (t: Table) => Object.fromEntries(settings.comparisons.map((c) => [c.column, columnText(t, c.column)]));
  const a = cols(l);
  const b = cols(rr);
  let n = 0;
  for (let i = 0; i < l.rows; i++) {
    for (let j = r ? 0 : i + 1; j < rr.rows; j++) {
      if (rules.some((rule) => rule.every((c) => a[c]![i] != null && a[c]![i] === b[c]![j]))) n++;
    }
  }
  return n;
}

describe('lambda from deterministic rules (Splink estimate_probability_two_random_records_match(rules, recall))', () => {
  const rules = [['first_name', 'birth_date'], ['last_name', 'zip', 'birth_date']];
  test('link_only: lambda = (pairs the rules make / recall) / all pairs, by a naive count', () => {
    const naive = naiveRulePairs(left, right, rules);
    expect(naive).toBeGreaterThan(100);
    const got = lambdaFromRules(left, right, 'link_only', rules, 0.8);
    expect(got.pairs).toBe(naive);
    expect(got.all).toBe(400 * 400);
    expect(got.lambda).toBeCloseTo(naive / 0.8 / 160_000, 15);
  });

  test('dedupe_only: pairs i < j, all = n(n-1)/2', () => {
    const t = people(300, 4, 10, 5);
    const naive = naiveRulePairs(t, null, rules);
    const got = lambdaFromRules(t, null, 'dedupe_only', rules, 0.5);
    expect(got.pairs).toBe(naive);
    expect(got.lambda).toBeCloseTo(naive / 0.5 / ((300 * 299) / 2), 15);
  });

  test('a recall outside (0, 1], rules that make no pair, or more pairs than the recall allows are refused', () => {
    expect(() => lambdaFromRules(left, right, 'link_only', rules, 0)).toThrow(/recall of the lambda rules must be in \(0, 1\], got 0/);
    expect(() => lambdaFromRules(left, right, 'link_only', rules, 1.5)).toThrow(/got 1\.5/);
    const none = textTable({ id: Array.from({ length: 5 }, (_, i) => String(i)) });
    const other = textTable({ id: Array.from({ length: 5 }, (_, i) => String(10 + i)) });
    expect(() => lambdaFromRules(none, other, 'link_only', [['id']], 1)).toThrow(/make no pairs/);
    expect(() => lambdaFromRules(left, right, 'link_only', [['zip']], 0.01)).toThrow(/more than recall 0\.01 .* recall must be at least/);
  });

  test('trainParameters uses it over settings.lambda, and says so', () => {
    const res = trainParameters(left, right, { ...settings, lambda: 0.3 }, { lambdaRules: rules, lambdaRecall: 0.8, maxPairsForU: 20_000, seed: 1 });
    expect(res.lambdaSource).toBe('rules');
    expect(res.parameters.lambda).toBeCloseTo(naiveRulePairs(left, right, rules) / 0.8 / 160_000, 15);
    expect(() => trainParameters(left, right, settings, { lambdaRules: rules })).toThrow(/need an assumed recall/);
  });
});

describe('EM sessions per training rule (Splink estimate_parameters_using_expectation_maximisation(blocking_rule))', () => {
  const rules = [['birth_date'], ['last_name', 'zip'], ['first_name'], ['zip']];
  const res = trainParameters(left, right, settings, { trainingRules: rules, maxPairsForU: 20_000, seed: 2 });

  test("a session holds fixed the comparisons on its rule's columns: their m stays the start m, the others move", () => {
    expect(res.sessions.map((s) => s.excluded)).toEqual([[2], [1, 3], [0], [3]]);
    for (const s of res.sessions) {
      settings.comparisons.forEach((_, c) => {
        const start = Array.from(s.startM[c]!);
        const end = Array.from(s.em.parameters.m[c]!);
        if (s.excluded.includes(c)) expect(end).toEqual(start);
        else expect(end).not.toEqual(start);
      });
    }
  });

  test('u stays as sampled (fix_u_probabilities=True) in every session', () => {
    for (const s of res.sessions) s.em.parameters.u.forEach((uc, c) => expect(Array.from(uc)).toEqual(Array.from(res.parameters.u[c]!)));
  });

  test('each session starts from the median m of the sessions before it (defaults until one estimated it); the result is the median of all', () => {
    const median = (v: number[]) => {
      const s = [...v].sort((a, b) => a - b);
      return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
    };
    const mAfter = (k: number, c: number, g: number, fallback: number) => {
      const v = res.sessions.slice(0, k).filter((s) => !s.excluded.includes(c)).map((s) => s.em.parameters.m[c]![g]!);
      return v.length ? median(v) : fallback;
    };
    const first = res.sessions[0]!.startM;
    res.sessions.forEach((s, k) => s.startM.forEach((mc, c) => mc.forEach((x, g) => expect(x).toBeCloseTo(mAfter(k, c, g, first[c]![g]!), 15))));
    res.parameters.m.forEach((mc, c) => mc.forEach((x, g) => expect(x).toBeCloseTo(mAfter(rules.length, c, g, NaN), 15)));
    // zip (3) was estimated by sessions 1 and 3 only; first_name (0) by 1, 2 and 4
    expect(res.parameters.m[0]![2]).toBeCloseTo(median([0, 1, 3].map((k) => res.sessions[k]!.em.parameters.m[0]![2]!)), 15);
  });

  test("a session's lambda starts at the prior adjusted by the Bayes factors of the rule's exact levels", () => {
    for (const s of res.sessions) {
      let odds = 1e-4 / (1 - 1e-4);
      for (const c of s.excluded) odds *= s.startM[c]![s.startM[c]!.length - 1]! / res.parameters.u[c]![res.parameters.u[c]!.length - 1]!;
      expect(s.startLambda).toBeCloseTo(odds / (1 + odds), 12);
    }
  });
});

describe('training from counts (what an engine gathers where the data is)', () => {
  const options = { trainingRules: [['birth_date'], ['last_name', 'zip'], ['zip']], maxPairsForU: 20_000, seed: 2 };
  const counts = trainingCounts(left, right, settings, options);

  test('trainParameters is trainFromCounts over the counts of the tables', () => {
    expect(trainFromCounts(counts, settings, options)).toEqual(trainParameters(left, right, settings, options));
    expect(counts.present).not.toBeNull(); // no lambda given: estimated from the sessions, which reads the present shares
    expect(counts.rules.map((r) => r.pairs)).toEqual(options.trainingRules.map((rule) => blockPairs(left, right, [rule], 'link_only').count));
  });

  test('sortPatterns orders by gamma vector and keeps each count with its pattern', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: -1, max: 3 }), fc.integer({ min: -1, max: 2 }), fc.integer({ min: 1, max: 50 })), { maxLength: 30 }), (rows) => {
        const p = { comparisons: 2, gamma: Int8Array.from(rows.flatMap(([a, b]) => [a, b])), count: Float64Array.from(rows, (r) => r[2]) };
        const s = sortPatterns(p);
        const pairs = Array.from(s.count, (c, k) => [s.gamma[2 * k]!, s.gamma[2 * k + 1]!, c]);
        expect(pairs).toEqual([...rows].sort((x, y) => x[0] - y[0] || x[1] - y[1]).map((r) => [r[0], r[1], r[2]]));
      }),
    );
  });

  test('the order an engine returns patterns in does not change a bit of the parameters', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 31 - 1 }), (seed) => {
        const shuffled = { ...counts, rules: counts.rules.map((r) => ({ ...r, patterns: shuffle(r.patterns, seed) })) };
        expect(trainFromCounts(shuffled, settings, options).parameters).toEqual(trainFromCounts(counts, settings, options).parameters);
      }),
      { numRuns: 20 },
    );
  });
});

/** The patterns in an order drawn from `seed` (Fisher-Yates on a small LCG). */
function shuffle(p: PatternCounts, seed: number): PatternCounts {
  const n = p.count.length;
  const nc = p.comparisons;
  const order = Array.from({ length: n }, (_, k) => k);
  let x = seed;
  for (let i = n - 1; i > 0; i--) {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    const j = x % (i + 1);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const gamma = new Int8Array(n * nc);
  order.forEach((k, i) => gamma.set(p.gamma.subarray(k * nc, (k + 1) * nc), i * nc));
  return { comparisons: nc, gamma, count: Float64Array.from(order, (k) => p.count[k]!) };
}

import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { chance, streamKey, uniform } from '../src/random/prng.ts';
import type { Table } from '../src/table/table.ts';
import { takeRows } from '../src/table/table.ts';
import { countPatterns, expectationMaximisation, estimateU } from '../attacks/link/em.ts';
import { probabilityOfWeight, scorePairs, termFrequencies } from '../attacks/link/fellegi-sunter.ts';
import { comparisonVectors } from '../attacks/link/gamma.ts';
import { clusterPairs, linkTables } from '../attacks/link/link.ts';

import { given, people } from './helpers/link-people.ts';
import { textTable } from '../src/table/text.ts';

describe('Fellegi-Sunter weights', () => {
  test('match weights equal a hand computation (prior, null, TF adjustment)', () => {
    const left = textTable({ first_name: ['ANNA', null], last_name: ['LEE', 'LEE'], birth_date: ['1950-01-02', '1950-01-02'], zip: ['1', '2'] });
    const right = textTable({ first_name: ['ANNA', 'ANNA', 'ANA'], last_name: ['LEE', 'LEE', 'LEE'], birth_date: ['1950-01-02', '1951-06-02', '1950-01-02'], zip: ['1', '1', '3'] });
    const pairs = { left: Int32Array.from([0, 1, 0]), right: Int32Array.from([0, 1, 2]), count: 3 };
    const gamma = comparisonVectors(left, right, pairs, given);
    expect(gamma.map((g) => Array.from(g))).toEqual([[2, -1, 1], [1, 1, 1], [2, 1, 2], [1, 0, 0]]);
    const params = {
      lambda: 0.001,
      m: [Float64Array.of(0.04, 0.06, 0.9), Float64Array.of(0.05, 0.95), Float64Array.of(0.03, 0.07, 0.9), Float64Array.of(0.15, 0.85)],
      u: [Float64Array.of(0.85, 0.05, 0.1), Float64Array.of(0.92, 0.08), Float64Array.of(0.929, 0.07, 0.001), Float64Array.of(0.97, 0.03)],
    };
    const tf = termFrequencies(left, right, given);
    // Stacked frequencies: first_name ANNA 3 of 4 non-null; zip '1' 3 of 5.
    const { weight, probability } = scorePairs(pairs, gamma, params, tf);
    const prior = Math.log2(0.001 / 0.999);
    const w0 =
      prior + Math.log2(0.9 / 0.1) + 1 * (Math.log2(0.1) - Math.log2(3 / 4)) + Math.log2(0.95 / 0.08) + Math.log2(0.9 / 0.001) + Math.log2(0.85 / 0.03) + 0.5 * (Math.log2(0.03) - Math.log2(3 / 5));
    const w1 = prior + 0 + Math.log2(0.95 / 0.08) + Math.log2(0.07 / 0.07) + Math.log2(0.15 / 0.97);
    const w2 = prior + Math.log2(0.06 / 0.05) + Math.log2(0.95 / 0.08) + Math.log2(0.9 / 0.001) + Math.log2(0.15 / 0.97);
    expect(weight[0]).toBeCloseTo(w0, 10);
    expect(weight[1]).toBeCloseTo(w1, 10);
    expect(weight[2]).toBeCloseTo(w2, 10);
    for (let p = 0; p < 3; p++) expect(probability[p]).toBeCloseTo(2 ** weight[p]! / (1 + 2 ** weight[p]!), 12);
    expect(probabilityOfWeight(-2000)).toBe(0);
    expect(probabilityOfWeight(2000)).toBe(1);
  });
});

describe('EM', () => {
  test('recovers known lambda, m and u from 200k simulated pairs', () => {
    const lambda = 0.1;
    const m = [[0.05, 0.15, 0.8], [0.1, 0.9], [0.02, 0.08, 0.9], [0.2, 0.8]];
    const u = [[0.8, 0.15, 0.05], [0.7, 0.3], [0.9, 0.07, 0.03], [0.85, 0.15]];
    const n = 200_000;
    const key = streamKey(7, 'test/link-em');
    const gamma = m.map(() => new Int8Array(n));
    for (let p = 0; p < n; p++) {
      const match = uniform(key, p, 0) < lambda;
      for (let c = 0; c < m.length; c++) {
        if (c === 1 && chance(key, p, 10 + c, 0.05)) {
          gamma[c]![p] = -1; // missing, independent of match status
          continue;
        }
        const probs = (match ? m : u)[c]!;
        let x = uniform(key, p, 1 + c);
        let g = 0;
        while (g < probs.length - 1 && x >= probs[g]!) x -= probs[g++]!;
        gamma[c]![p] = g;
      }
    }
    const patterns = countPatterns(gamma);
    expect(patterns.count.reduce((a, b) => a + b, 0)).toBe(n);
    expect(patterns.count.length).toBeLessThanOrEqual(3 * 3 * 3 * 2);
    const perturb = (rows: number[][], s: number) => rows.map((r) => Float64Array.from(r, (x, i) => x * (1 + s * (i % 2 ? 0.3 : -0.3))));
    const start = { lambda: 0.2, m: perturb(m, 1), u: perturb(u, -1) };
    const result = expectationMaximisation(patterns, start);
    expect(result.iterations).toBeLessThanOrEqual(25);
    expect(result.history.length).toBe(result.iterations + 1);
    const est = result.parameters;
    expect(Math.abs(est.lambda - lambda)).toBeLessThan(0.01);
    // With u fixed at the truth, u stays put and m is still recovered.
    const fixedU = expectationMaximisation(patterns, { ...start, u: u.map((r) => Float64Array.from(r)) }, { fixU: true });
    u.forEach((row, c) => row.forEach((x, g) => expect(fixedU.parameters.u[c]![g]).toBe(x)));
    m.forEach((row, c) => row.forEach((x, g) => expect(Math.abs(fixedU.parameters.m[c]![g]! - x)).toBeLessThan(0.01)));
    m.forEach((row, c) => row.forEach((x, g) => expect(Math.abs(est.m[c]![g]! - x)).toBeLessThan(0.01)));
    u.forEach((row, c) => row.forEach((x, g) => expect(Math.abs(est.u[c]![g]! - x)).toBeLessThan(0.01)));
  });
});

describe('linkTables', () => {
  test('a perfect copy links at precision 1 (given parameters and trained)', () => {
    const t = people(3000, 11);
    for (const train of [false, true]) {
      const res = linkTables(t, t, train ? { ...given, lambda: undefined } : given, { threshold: 0.5, oneToOne: true, train, seed: 3, maxPairsForU: 200_000 });
      let correct = 0;
      for (let k = 0; k < res.count; k++) if (res.left[k] === res.right[k]) correct++;
      expect(res.count).toBeGreaterThan(2900);
      expect(correct / res.count).toBe(1);
      if (train) {
        // One EM session per blocking rule, each leaving out the comparisons its rule uses (as Splink does).
        expect(res.training!.sessions.map((x) => x.excluded)).toEqual([[1, 3], [2]]);
        expect(res.parameters.m[2]![2]).toBeGreaterThan(0.9); // exact birth date among true matches
        // Lambda from the sessions (expected matches / estimated rule recall): the truth is 3000 / 3000^2.
        expect(res.parameters.lambda * 3000 * 3000).toBeGreaterThan(2700);
        expect(res.parameters.lambda * 3000 * 3000).toBeLessThan(3300);
      }
    }
  });

  test('estimateU is seeded and its level shares sum to 1 (unobserved levels get 1e-6)', () => {
    const t = people(500, 2);
    const a = estimateU(t, t, given, { maxPairs: 20_000, seed: 1 });
    const b = estimateU(t, t, given, { maxPairs: 20_000, seed: 1 });
    expect(a.map((x) => Array.from(x))).toEqual(b.map((x) => Array.from(x)));
    for (const uc of a) expect(Math.abs(uc.reduce((s, x) => s + x, 0) - 1)).toBeLessThan(1e-5);
    expect(estimateU(t, t, given, { maxPairs: 20_000, seed: 2 })[0]).not.toEqual(a[0]);
  });

  test('dedupe: clusters of a table with duplicated rows', () => {
    const base = people(400, 5);
    const n = 800;
    const doubled = takeRows(base, Array.from({ length: n }, (_, i) => i % 400));
    const res = linkTables(doubled, null, { ...given, link_type: 'dedupe_only' });
    const cluster = clusterPairs(n, res.left, res.right, res.probability, 0.5);
    for (let i = 0; i < 400; i++) expect(cluster[i + 400]).toBe(cluster[i]);
  });

  test('shuffling rows of either table changes no score (property)', () => {
    const l = people(60, 21, 4, 3);
    const r = people(70, 22, 4, 3);
    const scores = (a: Table, b: Table, pa: number[], pb: number[]) => {
      const res = linkTables(a, b, given);
      const out = new Map<string, number>();
      for (let k = 0; k < res.count; k++) out.set(`${pa[res.left[k]!]},${pb[res.right[k]!]}`, res.weight[k]!);
      return out;
    };
    const id = (n: number) => Array.from({ length: n }, (_, i) => i);
    const base = scores(l, r, id(60), id(70));
    expect(base.size).toBeGreaterThan(50);
    const permute = (t: Table, p: number[]): Table => takeRows(t, p);
    const perm = (n: number) => fc.shuffledSubarray(id(n), { minLength: n, maxLength: n });
    fc.assert(
      fc.property(perm(60), perm(70), (pl, pr) => {
        const got = scores(permute(l, pl), permute(r, pr), pl, pr);
        expect(got.size).toBe(base.size);
        for (const [k, w] of base) expect(got.get(k)).toBeCloseTo(w, 10);
      }),
      { numRuns: 30 },
    );
  });
});

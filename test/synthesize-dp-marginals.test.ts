// The DP marginal synthesizer (safeguards/synthesize/dp-marginals.ts) and its registry entry.
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { measureMarginals, synthesizeDpMarginals } from '../safeguards/synthesize/dp-marginals.ts';
import { applyPipeline } from '../safeguards/registry.ts';
import { PrivacyAccountant } from '../safeguards/dp/accountant.ts';
import { below, streamKey } from '../src/random/prng.ts';
import { textTable, textsOf } from '../src/table/text.ts';
import type { Table } from '../src/table/table.ts';

type Texts = Record<string, (string | null)[]>;
/** The table's columns as text, for the naive checks below. */
const texts = (t: Table): Texts => Object.fromEntries(t.names.map((n) => [n, textsOf(t, n)]));

/** A seeded table: `wide` has `cells` values, `flag` two, `dep` follows `flag` most of the time. */
function table(n: number, cells: number, seed = 3): Texts {
  const key = streamKey(seed, 'test:dp-marginals');
  const wide: string[] = [];
  const flag: string[] = [];
  const dep: string[] = [];
  for (let i = 0; i < n; i++) {
    wide.push(`v${below(key, i, 0, cells)}`);
    const f = below(key, i, 1, 10) < 3 ? 'Y' : 'N';
    flag.push(f);
    dep.push(below(key, i, 2, 10) < 9 ? f : f === 'Y' ? 'N' : 'Y');
  }
  return { wide, flag, dep };
}

/** Sample variance of the noise (noisy - exact) over every cell of the marginals. */
function noiseVariance(marginals: ReturnType<typeof measureMarginals>['marginals']): { variance: number; cells: number } {
  const noise: number[] = [];
  for (const m of marginals) for (let j = 0; j < m.exact.length; j++) noise.push(m.noisy[j]! - m.exact[j]!);
  const mean = noise.reduce((a, b) => a + b, 0) / noise.length;
  return { variance: noise.reduce((a, b) => a + (b - mean) ** 2, 0) / (noise.length - 1), cells: noise.length };
}

describe('noise of the right scale', () => {
  // Laplace with scale b = 1/(epsilon per marginal) has variance 2 b^2. Over 5,001 cells the sample
  // variance of Laplace noise (kurtosis 6) has a relative standard error of sqrt(5/n) ~ 3.2%: 15% is > 4.5 of them.
  test.each([
    [1, 1, 11],
    [0.5, 1, 12],
    [2, 1, 13],
    [1, 3, 14],
  ])('epsilon %d over %d marginal(s): variance of the noise = 2 (marginals/epsilon)^2', (epsilon, marginals, seed) => {
    const t = table(10_000, 2);
    const wide = Array.from({ length: 10_000 }, (_, i) => `v${i % 5000}`);
    const columns: Texts = marginals === 1 ? { wide } : { wide, flag: t.flag!, dep: t.dep! };
    const m = measureMarginals(textTable(columns), { epsilon, seed });
    expect(m.marginals.length).toBe(marginals);
    const expected = 2 * (marginals / epsilon) ** 2;
    const { variance } = noiseVariance(m.marginals.slice(0, 1));
    expect(Math.abs(variance / expected - 1)).toBeLessThan(0.15);
    for (const x of m.marginals) expect(x.scale).toBeCloseTo(marginals / epsilon, 12);
  });

  test('exact counts are the table counts (a naive count)', () => {
    const t = table(500, 7);
    const m = measureMarginals(textTable(t), { epsilon: 1, seed: 1, pairs: [['flag', 'dep']] });
    const wide = m.marginals.find((x) => x.name === 'wide')!;
    for (let j = 0; j < wide.domains[0]!.length; j++) expect(wide.exact[j]).toBe(t.wide!.filter((v) => v === wide.domains[0]![j]).length);
    const pair = m.marginals.find((x) => x.name === 'flag x dep')!;
    const width = pair.domains[1]!.length;
    pair.domains[0]!.forEach((g, a) => pair.domains[1]!.forEach((d, b) => expect(pair.exact[a * width + b]).toBe(t.flag!.filter((v, i) => v === g && t.dep![i] === d).length)));
  });
});

describe('budget', () => {
  test('the charges add up to the epsilon given, evenly split across the marginals', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 20, noNaN: true }), fc.integer({ min: 1, max: 6 }), fc.boolean(), (epsilon, columns, pair) => {
        const t: Texts = {};
        for (let c = 0; c < columns; c++) t[`c${c}`] = ['a', 'b', 'a', null];
        const pairs: [string, string][] = pair && columns >= 2 ? [['c0', 'c1']] : [];
        const r = synthesizeDpMarginals(textTable(t), { rows: 5, seed: 1, epsilon, pairs });
        const spent = r.charges.reduce((a, c) => a + c.epsilon, 0);
        expect(spent).toBeCloseTo(epsilon, 9);
        expect(r.charges.length).toBe(columns);
        for (const c of r.charges) expect(c.epsilon).toBeCloseTo(epsilon / columns, 12);
      }),
      { numRuns: 60 },
    );
  });

  test('an accountant with less left than epsilon refuses the synthesis, naming budget.epsilon', () => {
    const accountant = new PrivacyAccountant({ epsilon: 1, delta: 0 }, [{ query: 'earlier', epsilon: 0.5, delta: 0 }]);
    expect(() => synthesizeDpMarginals(textTable(table(50, 3)), { rows: 5, seed: 1, epsilon: 1, accountant })).toThrow(/budget\.epsilon/);
  });

  test('bad options name themselves', () => {
    expect(() => synthesizeDpMarginals(textTable(table(50, 3)), { rows: 5, seed: 1, epsilon: 0 })).toThrow(/epsilon/);
    expect(() => synthesizeDpMarginals(textTable(table(50, 3)), { rows: -1, seed: 1, epsilon: 1 })).toThrow(/rows/);
    expect(() => synthesizeDpMarginals(textTable(table(50, 3)), { rows: 5, seed: 1, epsilon: 1, pairs: [['flag', 'nope']] })).toThrow(/pairs/);
    expect(() => synthesizeDpMarginals(textTable(table(50, 3)), { rows: 5, seed: 1, epsilon: 1, domains: { nope: ['a'] } })).toThrow(/domains/);
  });
});

describe('the synthetic table', () => {
  test("has the original's columns, the rows asked for, values of the domain, and is deterministic", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 1, max: 1000 }), fc.double({ min: 0.05, max: 50, noNaN: true }), (rows, seed, epsilon) => {
        const t = table(120, 5, seed);
        const o = { rows, seed, epsilon, pairs: [['flag', 'dep']] as [string, string][], domains: { flag: ['Y', 'N'] } };
        const release = synthesizeDpMarginals(textTable(t), o);
        const a = { ...release, columns: texts(release.table) };
        expect(Object.keys(a.columns)).toEqual(Object.keys(t));
        for (const c of Object.keys(t)) expect(a.columns[c]!.length).toBe(rows);
        const wide = new Set(t.wide);
        for (const v of a.columns.wide!) expect(v === null || wide.has(v)).toBe(true);
        for (const v of a.columns.flag!) expect(v === null || v === 'Y' || v === 'N').toBe(true);
        expect(a.domainFromData).toEqual(['wide', 'dep']);
        expect(synthesizeDpMarginals(textTable(t), o).table).toEqual(release.table);
      }),
      { numRuns: 40 },
    );
  });

  test('another seed gives another table', () => {
    const t = table(400, 20);
    expect(texts(synthesizeDpMarginals(textTable(t), { rows: 400, seed: 1, epsilon: 1 }).table)).not.toEqual(texts(synthesizeDpMarginals(textTable(t), { rows: 400, seed: 2, epsilon: 1 }).table));
  });

  test('with a large epsilon the marginals and the kept pair follow the original (shares within 3 points)', () => {
    const t = table(4000, 6);
    const s = texts(synthesizeDpMarginals(textTable(t), { rows: 4000, seed: 9, epsilon: 100, pairs: [['flag', 'dep']] }).table);
    const share = (col: (string | null)[], v: string) => col.filter((x) => x === v).length / col.length;
    for (let c = 0; c < 6; c++) expect(Math.abs(share(s.wide!, `v${c}`) - share(t.wide!, `v${c}`))).toBeLessThan(0.03);
    // dep agrees with flag 90% of the time in the original; the pair keeps it
    const agree = (x: Texts) => x.flag!.filter((f, i) => f === x.dep![i]).length / x.flag!.length;
    expect(Math.abs(agree(s) - agree(t))).toBeLessThan(0.03);
  });

  test('with a tiny epsilon the draws no longer follow the original (the noise dominates)', () => {
    const t = table(300, 40);
    const s = texts(synthesizeDpMarginals(textTable(t), { rows: 3000, seed: 9, epsilon: 0.01 }).table);
    const originalTop = t.wide!.filter((v) => v === 'v0').length / 300;
    const drawnTop = s.wide!.filter((v) => v === 'v0').length / 3000;
    // Laplace noise of scale 300 on counts of ~7.5: v0's share is nowhere near its original 2.5% on average
    expect(Math.abs(drawnTop - originalTop) > 0.005 || s.wide!.some((v) => v === null)).toBe(true);
  });
});

describe('the dp-synthetic safeguard', () => {
  test('records the epsilon spent and writes nobody (truth -1)', () => {
    const t = table(200, 5);
    const release = applyPipeline({ table: textTable(t), truth: Int32Array.from({ length: 200 }, (_, i) => i) }, [{ safeguard: 'dp-synthetic', options: { epsilon: 2, seed: 4, pairs: [['flag', 'dep']] } }]);
    expect(release.table.rows).toBe(200);
    expect([...release.table.names]).toEqual(['wide', 'flag', 'dep']);
    expect(release.truth.every((p) => p === -1)).toBe(true);
    const summary = release.applied[0]!.summary as { epsilonSpent: number; charges: unknown[] };
    expect(summary.epsilonSpent).toBeCloseTo(2, 12);
    // three marginals: wide, flag, and flag x dep (dep is drawn given flag)
    expect(summary.charges.length).toBe(3);
  });

  test('a DP step before it counts against the same budget', () => {
    const t = table(200, 5);
    const input = { table: textTable(t), truth: Int32Array.from({ length: 200 }, (_, i) => i) };
    expect(() =>
      applyPipeline(input, [
        { safeguard: 'dp-counts', options: { columns: ['flag'], epsilon: 0.6, seed: 1, budget: { epsilon: 1 } } },
        { safeguard: 'dp-synthetic', options: { epsilon: 0.6, seed: 1, budget: { epsilon: 1 } } },
      ]),
    ).toThrow(/budget\.epsilon/);
  });
});

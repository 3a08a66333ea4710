import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { streamKey } from '../src/random/prng.ts';
import { fromRecords, numberColumn, tableOf, textColumn, toRecords } from '../src/table/table.ts';
import { PrivacyAccountant } from '../safeguards/dp/accountant.ts';
import { gaussianSigma, laplaceScale, noiseAt, type Mechanism } from '../safeguards/dp/mechanisms.ts';
import { noisyCountRelease } from '../safeguards/dp/noisy-count-release.ts';
import type { Release } from '../safeguards/types.ts';

const laplaceCdf = (b: number) => (x: number) => (x < 0 ? 0.5 * Math.exp(x / b) : 1 - 0.5 * Math.exp(-x / b));
const erf = (x: number) => {
  // Abramowitz & Stegun 7.1.26 (|error| < 1.5e-7)
  const t = 1 / (1 + 0.3275911 * Math.abs(x));
  const y = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-x * x);
  return Math.sign(x) * y;
};
const normalCdf = (s: number) => (x: number) => 0.5 * (1 + erf(x / (s * Math.SQRT2)));

/** Kolmogorov-Smirnov distance between a sample and a CDF. */
function ksDistance(sample: Float64Array, cdf: (x: number) => number): number {
  const xs = Float64Array.from(sample).sort();
  let d = 0;
  xs.forEach((x, i) => (d = Math.max(d, Math.abs(cdf(x) - i / xs.length), Math.abs((i + 1) / xs.length - cdf(x)))));
  return d;
}
const variance = (xs: Float64Array) => xs.reduce((a, x) => a + x * x, 0) / xs.length; // the mean is 0
const draws = (mechanism: Mechanism, scale: number, n: number, seed: number) => {
  const key = streamKey(seed, 'dp-test');
  return Float64Array.from({ length: n }, (_, i) => noiseAt(mechanism, scale, key, i));
};
/** 1% critical value of the one-sample KS distance. */
const ksCritical = (n: number) => 1.63 / Math.sqrt(n);

describe('DP noise has the right scale (fixed seeds)', () => {
  const n = 20000;

  test('Laplace with sensitivity 1, epsilon 0.5: variance 2(1/0.5)^2 = 8 within 6%, KS within the 1% bound; epsilon doubled fails both', () => {
    const b = laplaceScale(1, 0.5);
    expect(b).toBe(2);
    for (const seed of [1, 2, 3]) {
      const x = draws('laplace', b, n, seed);
      expect(Math.abs(variance(x) / 8 - 1)).toBeLessThan(0.06);
      expect(ksDistance(x, laplaceCdf(2))).toBeLessThan(ksCritical(n));
      // a mechanism with epsilon doubled (b = 1) would be caught
      expect(Math.abs(variance(x) / 2 - 1)).toBeGreaterThan(0.06);
      expect(ksDistance(x, laplaceCdf(1))).toBeGreaterThan(ksCritical(n));
    }
  });

  test('Gaussian sigma for epsilon 0.5, delta 1e-5 is the classic bound sqrt(2 ln 125000)/0.5 = 9.6896', () => {
    expect(gaussianSigma(1, 0.5, 1e-5)).toBeCloseTo(9.689610525, 8);
    expect(gaussianSigma(3, 0.5, 1e-5)).toBeCloseTo(3 * 9.689610525, 7);
    expect(() => gaussianSigma(1, 1, 1e-5)).toThrow(/--epsilon.*< 1/);
    expect(() => gaussianSigma(1, 0.5, 0)).toThrow(/--delta/);
  });

  test('Gaussian noise: variance sigma^2 within 4%, KS within the 1% bound; sigma for epsilon doubled fails both', () => {
    const sigma = gaussianSigma(1, 0.5, 1e-5);
    for (const seed of [1, 2, 3]) {
      const x = draws('gaussian', sigma, n, seed);
      expect(Math.abs(variance(x) / sigma ** 2 - 1)).toBeLessThan(0.04);
      expect(ksDistance(x, normalCdf(sigma))).toBeLessThan(ksCritical(n));
      expect(Math.abs(variance(x) / (sigma / 2) ** 2 - 1)).toBeGreaterThan(0.04);
      expect(ksDistance(x, normalCdf(sigma / 2))).toBeGreaterThan(ksCritical(n));
    }
  });

  test('end to end: the noise on 2,000 released cells has variance 2(1/epsilon)^2 within 20%, not that of epsilon doubled', () => {
    const a = Array.from({ length: 4000 }, (_, i) => `a${i % 40}`);
    const b = Array.from({ length: 4000 }, (_, i) => `b${Math.floor(i / 40) % 50}`);
    const table = tableOf({ a: textColumn(a), b: textColumn(b) }); // 2 rows in each of 40 x 50 cells
    const input = { table, truth: Int32Array.from({ length: 4000 }, (_, i) => i) };
    const out = noisyCountRelease(input, { columns: ['a', 'b'], seed: 11, epsilon: 0.5, round: false, clampAtZero: false });
    const noise = Float64Array.from(toRecords(out.table).filter((r) => r.a !== 'All' && r.b !== 'All').map((r) => (r.count as number) - 2));
    expect(noise.length).toBe(2000);
    expect(Math.abs(variance(noise) / 8 - 1)).toBeLessThan(0.2);
    expect(Math.abs(variance(noise) / 2 - 1)).toBeGreaterThan(0.2);
    expect(ksDistance(noise, laplaceCdf(2))).toBeLessThan(ksCritical(2000));
  });
});

describe('privacy accounting', () => {
  test('property: accepted charges never sum past the budget, and the first refusal names it', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.1, max: 3, noNaN: true }), fc.array(fc.double({ min: 0.01, max: 1, noNaN: true }), { maxLength: 12 }), (budget, epsilons) => {
        const acc = new PrivacyAccountant({ epsilon: budget, delta: 0 });
        for (const epsilon of epsilons) {
          const before = acc.spent.epsilon;
          try {
            acc.charge({ query: 'q', epsilon, delta: 0 });
          } catch (e) {
            expect(String(e)).toMatch(/--budget\.epsilon/);
            expect(before + epsilon).toBeGreaterThan(budget);
            continue;
          }
          expect(acc.spent.epsilon).toBeLessThanOrEqual(budget * (1 + 1e-9));
        }
      }),
    );
  });

  test('0.1 + 0.2 fits a budget of 0.3; delta is summed and bounded too', () => {
    const acc = new PrivacyAccountant({ epsilon: 0.3, delta: 1e-6 });
    acc.charge({ query: 'a', epsilon: 0.1, delta: 5e-7 });
    acc.charge({ query: 'b', epsilon: 0.2, delta: 5e-7 });
    expect(acc.spent).toEqual({ epsilon: 0.1 + 0.2, delta: 1e-6 });
    expect(() => new PrivacyAccountant({ epsilon: 1, delta: 1e-6 }, acc.charges).charge({ query: 'c', epsilon: 0.1, delta: 1e-7 })).toThrow(/--budget\.delta/);
  });

  test('a release charges counts and sums separately and counts earlier DP steps of the release', () => {
    const table = fromRecords([{ g: 'x', v: 5 }, { g: 'x', v: 100 }, { g: 'y', v: -3 }]);
    const input = { table, truth: Int32Array.of(1, 2, 3) };
    const sum = { column: 'v', lower: 0, upper: 50 };
    const out = noisyCountRelease(input, { columns: ['g'], seed: 1, epsilon: 0.4, sum });
    expect(out.applied[0]!.summary).toMatchObject({ epsilonSpent: 0.8, deltaSpent: 0, releaseSpent: { epsilon: 0.8, delta: 0 } });
    expect(() => noisyCountRelease(input, { columns: ['g'], seed: 1, epsilon: 0.6, sum })).toThrow(/--budget\.epsilon.*sums of v by g/);
    const earlier: Release = { ...input, applied: out.applied };
    expect(() => noisyCountRelease(earlier, { columns: ['g'], seed: 1, epsilon: 0.3 })).toThrow(/--budget\.epsilon.*0\.8/);
    expect(noisyCountRelease(earlier, { columns: ['g'], seed: 1, epsilon: 0.2 }).applied[1]!.summary).toMatchObject({ releaseSpent: { epsilon: 1 } });
  });
});

describe('DP count release', () => {
  test('sums are of clamped values with sensitivity max(|lower|, |upper|): with a huge epsilon they come out exact', () => {
    const table = fromRecords([{ g: 'x', v: 5 }, { g: 'x', v: 100 }, { g: 'y', v: -3 }, { g: 'y', v: null }]);
    const out = noisyCountRelease({ table, truth: Int32Array.of(1, 2, 3, 4) }, { columns: ['g'], seed: 1, epsilon: 1e6, budget: { epsilon: 2e6 }, sum: { column: 'v', lower: 0, upper: 50 } });
    expect(toRecords(out.table)).toEqual([
      { g: 'x', count: 2, v_sum: 55 },
      { g: 'y', count: 2, v_sum: 0 },
      { g: 'All', count: 4, v_sum: 55 },
    ]);
    const queries = out.applied[0]!.summary.queries as { sensitivity: number; scale: number }[];
    expect(queries.map((q) => q.sensitivity)).toEqual([1, 50]);
    expect(queries[1]!.scale).toBeCloseTo(50 / 1e6);
  });

  test('property: rounded, clamped at 0, margins the sums of the noisy cells; same seed same table, another seed another', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom('a', 'b', 'c'), fc.constantFrom('p', 'q')), { minLength: 1, maxLength: 60 }), fc.constantFrom<Mechanism>('laplace', 'gaussian'), (rows, mechanism) => {
        const table = fromRecords(rows.map(([x, y]) => ({ x, y })));
        const input = { table, truth: Int32Array.from(rows, (_, i) => i) };
        const options = { columns: ['x', 'y'], seed: 5, epsilon: 0.5, mechanism };
        const recs = toRecords(noisyCountRelease(input, options).table);
        for (const r of recs) expect(Number.isInteger(r.count) && (r.count as number) >= 0).toBe(true);
        const cell = (x: string, y: string) => recs.find((r) => r.x === x && r.y === y)!.count as number;
        const xs = [...new Set(rows.map((r) => r[0]))];
        const ys = [...new Set(rows.map((r) => r[1]))];
        for (const x of xs) expect(cell(x, 'All')).toBe(ys.reduce((s, y) => s + cell(x, y), 0));
        expect(cell('All', 'All')).toBe(xs.reduce((s, x) => s + cell(x, 'All'), 0));
        expect(toRecords(noisyCountRelease(input, options).table)).toEqual(recs);
        const other = toRecords(noisyCountRelease(input, { ...options, seed: 6, round: false }).table);
        expect(other.some((r, i) => r.count !== recs[i]!.count)).toBe(true);
      }),
      { numRuns: 40 },
    );
  });

  test('a person with more rows than rowsPerPerson is refused; the bound scales the noise', () => {
    const table = tableOf({ g: textColumn(['x', 'x', 'y']), v: numberColumn([1, 2, 3]) });
    const truth = Int32Array.of(7, 7, 8);
    expect(() => noisyCountRelease({ table, truth }, { columns: ['g'], seed: 1, epsilon: 0.5 })).toThrow(/--rowsPerPerson.*person 7 has 2 rows/);
    const out = noisyCountRelease({ table, truth }, { columns: ['g'], seed: 1, epsilon: 0.5, rowsPerPerson: 2 });
    expect((out.applied[0]!.summary.queries as { scale: number }[])[0]!.scale).toBe(4);
  });

  test('public levels: an empty level is released (noised) too, so the cells shown do not depend on the data', () => {
    const input = { table: fromRecords([{ g: 'x' }, { g: 'y' }]), truth: Int32Array.of(1, 2) };
    const out = noisyCountRelease(input, { columns: ['g'], seed: 3, epsilon: 0.5, levels: { g: ['x', 'y', 'z'] } });
    expect(toRecords(out.table).map((r) => r.g)).toEqual(['x', 'y', 'z', 'All']);
    expect(() => noisyCountRelease(input, { columns: ['g'], seed: 3, epsilon: 0.5, levels: { g: ['x'] } })).toThrow(/--levels.*"y"/);
  });

  test('bad options are named', () => {
    const input = { table: fromRecords([{ g: 'x', v: 1 }]), truth: Int32Array.of(1) };
    const base = { columns: ['g'], seed: 1, epsilon: 0.5 };
    expect(() => noisyCountRelease(input, { ...base, epsilon: 0 })).toThrow(/--epsilon/);
    expect(() => noisyCountRelease(input, { ...base, mechanism: 'cauchy' as Mechanism })).toThrow(/--mechanism/);
    expect(() => noisyCountRelease(input, { ...base, delta: 0.1 })).toThrow(/--delta/);
    expect(() => noisyCountRelease(input, { ...base, mechanism: 'gaussian', epsilon: 1.5 })).toThrow(/--epsilon/);
    expect(() => noisyCountRelease(input, { ...base, sum: { column: 'v', lower: 5, upper: 1 } })).toThrow(/--sum\.lower/);
    expect(() => noisyCountRelease(input, { ...base, sum: { column: 'v', lower: -5, upper: 1 } })).toThrow(/--clampAtZero/);
    expect(() => noisyCountRelease(input, { ...base, sum: { column: 'g', lower: 0, upper: 1 } })).toThrow(/--sum\.column/);
    expect(() => noisyCountRelease(input, { ...base, budget: { epsilon: -1 } })).toThrow(/--budget\.epsilon/);
  });
});

import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { below, mix32, normal, poisson, seedOf, streamKey, u32, uniform } from '../src/random/prng.ts';
import { aliasPick, aliasTable } from '../src/random/alias.ts';
import { permutation } from '../src/random/permutation.ts';

/** Pearson chi-square statistic of counts against equal expectation. */
function chiSquare(counts: number[]): number {
  const total = counts.reduce((a, b) => a + b, 0);
  const e = total / counts.length;
  return counts.reduce((s, c) => s + (c - e) ** 2 / e, 0);
}

describe('counter-based PRNG', () => {
  test('a value is a pure function of (seed, stream, index, k)', () => {
    fc.assert(
      fc.property(fc.integer(), fc.string(), fc.nat(2 ** 32 - 1), fc.nat(1000), (seed, stream, index, k) => {
        const key = streamKey(seed, stream);
        expect(u32(key, index, k)).toBe(u32(streamKey(seed, stream), index, k));
      }),
    );
  });

  test('different seeds, streams, indices and draws give different values', () => {
    const key = streamKey(1, 'a');
    expect(u32(key, 5, 0)).not.toBe(u32(streamKey(2, 'a'), 5, 0));
    expect(u32(key, 5, 0)).not.toBe(u32(streamKey(1, 'b'), 5, 0));
    expect(u32(key, 5, 0)).not.toBe(u32(key, 6, 0));
    expect(u32(key, 5, 0)).not.toBe(u32(key, 5, 1));
    expect(seedOf('abc')).toBe(seedOf('abc'));
    expect(() => seedOf(1.5)).toThrow(/seed/);
  });

  test('mix32 is a bijection on a sample (no collisions among 1M inputs)', () => {
    const seen = new Set<number>();
    for (let i = 0; i < 1_000_000; i++) seen.add(mix32(i * 4099));
    expect(seen.size).toBe(1_000_000);
  });

  test('uniform draws pass a chi-square test over 100 bins, along indices and along k', () => {
    const key = streamKey(42, 'chi');
    const byIndex = new Array(100).fill(0);
    const byK = new Array(100).fill(0);
    for (let i = 0; i < 200_000; i++) {
      byIndex[Math.floor(uniform(key, i, 0) * 100)]++;
      byK[Math.floor(uniform(key, 7, i) * 100)]++;
    }
    // 99 degrees of freedom: the 99.9th percentile is 148.2.
    expect(chiSquare(byIndex)).toBeLessThan(148.2);
    expect(chiSquare(byK)).toBeLessThan(148.2);
  });

  test('neighbouring indices and neighbouring draws are uncorrelated', () => {
    const key = streamKey(7, 'corr');
    const n = 200_000;
    let sxy = 0;
    let skk = 0;
    for (let i = 0; i < n; i++) {
      sxy += (uniform(key, i, 0) - 0.5) * (uniform(key, i + 1, 0) - 0.5);
      skk += (uniform(key, i, 0) - 0.5) * (uniform(key, i, 1) - 0.5);
    }
    // correlation = 12 * mean product; its standard error is 1/sqrt(n) = 0.0022.
    expect(Math.abs((12 * sxy) / n)).toBeLessThan(0.012);
    expect(Math.abs((12 * skk) / n)).toBeLessThan(0.012);
  });

  test('normal, poisson and below have the right moments', () => {
    const key = streamKey(3, 'moments');
    const n = 100_000;
    let s = 0;
    let s2 = 0;
    let ps = 0;
    let bmax = 0;
    for (let i = 0; i < n; i++) {
      const z = normal(key, i, 0);
      s += z;
      s2 += z * z;
      ps += poisson(key, i, 2, 3.5);
      bmax = Math.max(bmax, below(key, i, 3, 10));
    }
    expect(Math.abs(s / n)).toBeLessThan(0.02);
    expect(Math.abs(s2 / n - 1)).toBeLessThan(0.03);
    expect(Math.abs(ps / n - 3.5)).toBeLessThan(0.05);
    expect(bmax).toBe(9);
  });
});

describe('alias tables', () => {
  test('pick frequencies match the weights', () => {
    const w = [1, 2, 3, 4, 0, 10];
    const t = aliasTable(w);
    const key = streamKey(9, 'alias');
    const counts = new Array(w.length).fill(0);
    const n = 200_000;
    for (let i = 0; i < n; i++) counts[aliasPick(t, uniform(key, i, 0), uniform(key, i, 1))]++;
    const total = w.reduce((a, b) => a + b, 0);
    w.forEach((x, i) => expect(Math.abs(counts[i] / n - x / total)).toBeLessThan(0.005));
    expect(counts[4]).toBe(0);
  });

  test('bad weights are refused with a clear message', () => {
    expect(() => aliasTable([])).toThrow(/no weights/);
    expect(() => aliasTable([0, 0])).toThrow(/sum to zero/);
    expect(() => aliasTable([1, -1])).toThrow(/weight 1/);
  });
});

describe('keyed permutations', () => {
  test('are bijections of [0, n) for any n', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3000 }), fc.integer(), (n, key) => {
        const perm = permutation(n, key);
        const seen = new Uint8Array(n);
        for (let i = 0; i < n; i++) {
          const x = perm.apply(i);
          expect(x >= 0 && x < n).toBe(true);
          expect(seen[x]).toBe(0);
          seen[x] = 1;
        }
      }),
      { numRuns: 60 },
    );
  });

  test('wide domains (2^48) stay injective on a sample', () => {
    const perm = permutation(2 ** 48, 12345);
    const seen = new Set<number>();
    for (let i = 0; i < 50_000; i++) seen.add(perm.apply(i));
    expect(seen.size).toBe(50_000);
  });
});

describe('samples', () => {
  test('are distinct, ascending, inside the population and reproducible', async () => {
    const { sampleIndices } = await import('../src/random/sample.ts');
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), fc.double({ min: 0, max: 1, noNaN: true }), (N, f) => {
        const n = Math.floor(N * f);
        const s = sampleIndices(N, n, 'x');
        expect(s.length).toBe(n);
        for (let i = 1; i < n; i++) expect(s[i]!).toBeGreaterThan(s[i - 1]!);
        if (n) expect(s[n - 1]!).toBeLessThan(N);
        expect(Array.from(sampleIndices(N, n, 'x'))).toEqual(Array.from(s));
      }),
      { numRuns: 50 },
    );
    expect(() => sampleIndices(10, 11, 1)).toThrow(/sample size/);
  });
});

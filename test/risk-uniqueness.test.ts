// Population-uniqueness estimators (attacks/risk/uniqueness): published ARX values, independent
// numerical oracles, simulated populations whose true uniques are known, and the edge cases.
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import {
  dankar,
  digamma,
  digammaDiff,
  explainUniques,
  logGamma,
  logHypergeometricOne,
  pitman,
  snb,
  trigamma,
  zayatz,
  type SizeHistogram,
  type UniquenessEstimate,
} from '../attacks/risk/uniqueness/index.ts';
import { streamKey, uniform, uniformOpen } from '../src/random/prng.ts';
import { permutation } from '../src/random/permutation.ts';
import { adultHistogram } from './helpers/adult-histogram.ts';

/** A histogram from [size, count] pairs. */
function hist(pairs: readonly (readonly [number, number])[]): SizeHistogram {
  return { sizes: Int32Array.from(pairs.map((p) => p[0])), sizeCounts: Float64Array.from(pairs.map((p) => p[1])) };
}

/** The class-size histogram of `n` people (all of them, or those listed in `people`). */
function histogramOf(classOf: Int32Array, n: number, people?: Int32Array): SizeHistogram {
  const size = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const c = classOf[people ? people[i] : i];
    size.set(c, (size.get(c) ?? 0) + 1);
  }
  const bySize = new Map<number, number>();
  for (const s of size.values()) bySize.set(s, (bySize.get(s) ?? 0) + 1);
  return hist([...bySize.entries()].sort((a, b) => a[0] - b[0]));
}

/** n distinct people of N, drawn without replacement (a keyed permutation's first n images). */
function sampleWithoutReplacement(N: number, n: number, seed: number): Int32Array {
  const p = permutation(N, streamKey(seed, 'sample'));
  return Int32Array.from({ length: n }, (_, i) => p.apply(i));
}

/** A population partitioned by the Pitman (Chinese restaurant) process with concentration theta, discount alpha. */
function pitmanPopulation(N: number, theta: number, alpha: number, seed: number): Int32Array {
  const key = streamKey(seed, 'pitman-population');
  const classOf = new Int32Array(N);
  const size = new Int32Array(N);
  const tree = new Float64Array(N + 1); // Fenwick tree over each class's weight, size - alpha
  let top = 1;
  while (top * 2 <= N) top *= 2;
  let classes = 0;
  for (let i = 0; i < N; i++) {
    const x = uniform(key, i) * (theta + i);
    let c: number;
    if (classes === 0 || x < theta + classes * alpha) c = classes++;
    else {
      let rest = x - (theta + classes * alpha);
      let pos = 0;
      for (let step = top; step > 0; step >>= 1) {
        if (pos + step <= N && tree[pos + step] <= rest) {
          pos += step;
          rest -= tree[pos];
        }
      }
      c = Math.min(pos, classes - 1);
    }
    classOf[i] = c;
    const w = size[c] === 0 ? 1 - alpha : 1;
    size[c]++;
    for (let j = c + 1; j <= N; j += j & -j) tree[j] += w;
  }
  return classOf;
}

/** K population classes of size 1 + NB(r, beta), r an integer (a sum of r geometric failure counts). */
function negativeBinomialPopulation(K: number, r: number, beta: number, seed: number): Int32Array {
  const key = streamKey(seed, 'nb-population');
  const sizes = new Int32Array(K);
  let total = 0;
  for (let c = 0; c < K; c++) {
    let extra = 0;
    for (let j = 0; j < r; j++) extra += Math.floor(Math.log(uniformOpen(key, c, j)) / Math.log(1 - beta));
    sizes[c] = 1 + extra;
    total += sizes[c];
  }
  const classOf = new Int32Array(total);
  for (let c = 0, p = 0; c < K; c++) classOf.fill(c, p, (p += sizes[c]));
  return classOf;
}

function uniquesOf(h: SizeHistogram): number {
  return h.sizes[0] === 1 ? h.sizeCounts[0] : 0;
}

function relativeError(e: UniquenessEstimate, truth: number): number {
  expect(e.uniques, e.message).not.toBeNull();
  return Math.abs(e.uniques! / truth - 1);
}

/** Pitman log-likelihood, written from log-gammas (independent of the estimator's score equations). */
function pitmanLogLikelihood(h: SizeHistogram, theta: number, alpha: number): number {
  let n = 0;
  let u = 0;
  let classes = 0;
  for (let k = 0; k < h.sizes.length; k++) {
    n += h.sizes[k] * h.sizeCounts[k];
    u += h.sizeCounts[k];
    classes += h.sizeCounts[k] * (logGamma(h.sizes[k] - alpha) - logGamma(1 - alpha));
  }
  let seats = 0;
  for (let i = 1; i < u; i++) seats += Math.log(theta + i * alpha);
  return seats - (logGamma(theta + n) - logGamma(theta + 1)) + classes;
}

describe('special functions', () => {
  test('log-gamma, digamma and trigamma agree with known values', () => {
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 14);
    expect(logGamma(10)).toBeCloseTo(Math.log(362880), 12);
    expect(logGamma(1)).toBeCloseTo(0, 14);
    // ln Gamma(1e6) by Stirling with its first correction: (x - 1/2) ln x - x + ln(2 pi)/2 + 1/(12x).
    const x = 1e6;
    expect(logGamma(x) / ((x - 0.5) * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI) + 1 / (12 * x))).toBeCloseTo(1, 14);
    expect(digamma(1)).toBeCloseTo(-0.5772156649015329, 14);
    expect(digamma(0.5)).toBeCloseTo(-0.5772156649015329 - 2 * Math.LN2, 14);
    expect(trigamma(1)).toBeCloseTo(Math.PI ** 2 / 6, 13);
    expect(trigamma(0.5)).toBeCloseTo(Math.PI ** 2 / 2, 12);
    // psi(x + m) - psi(x) = sum_{j<m} 1/(x + j), also far out where plain subtraction cancels.
    for (const [a, m] of [[0.3, 7], [1e8, 5], [25.5, 3]] as const) {
      let sum = 0;
      for (let j = 0; j < m; j++) sum += 1 / (a + j);
      expect(digammaDiff(a, a + m) / sum).toBeCloseTo(1, 12);
    }
  });

  test('P(exactly one of K drawn) matches exact binomials, and stays exact at N = 3.3e8', () => {
    const binomial = (a: number, b: number) => {
      let r = 1;
      for (let i = 1; i <= b; i++) r = (r * (a - b + i)) / i;
      return r;
    };
    for (const [N, K, n] of [[50, 3, 5], [100, 5, 10], [20, 1, 7], [30, 4, 27]] as const) {
      const exact = (K * binomial(N - K, n - 1)) / binomial(N, n);
      expect(Math.exp(logHypergeometricOne(N, K, n)) / exact).toBeCloseTo(1, 12);
    }
    expect(logHypergeometricOne(30, 5, 27)).toBe(-Infinity); // 4 others cannot all stay among 3 undrawn
    // Oracle: mpmath at 50 digits, ln(K C(N-K, n-1) / C(N, n)) for N = 3.3e8, K = 50, n = 3.3e7.
    // (scipy's hypergeom.logpmf gives -3.5532278180, wrong from the 7th digit: log-gamma cancellation.)
    expect(logHypergeometricOne(330_000_000, 50, 33_000_000)).toBeCloseTo(-3.5532276022741658, 12);
    expect(logHypergeometricOne(301_620, 3, 30_162)).toBeCloseTo(-1.4146875731419834, 13);
  });
});

describe('published values (ARX)', () => {
  // ARX's TestRiskMetrics.testDecisionRule (arx-deidentifier/arx, src/test/java/org/deidentifier/arx/
  // test/TestRiskMetrics.java): the DataProvider toy table (age, gender, zipcode) has 7 records, all
  // unique; with ARXPopulationModel.create(7, 0.2) the Dankar fraction of population uniques must equal
  // 1.0 to four digits (ARX compares (int)(x * 10000)); after 2-anonymity (3 classes: 2 + 2 + 3, as the
  // average risk 3/7 there shows) it must be 0 with f = 0.1.
  const fourDigits = (x: number) => Math.trunc(x * 10000);

  test('the toy table: Dankar population uniqueness 1.0 before, 0 after 2-anonymity', () => {
    const before = dankar(hist([[1, 7]]), { samplingFraction: 0.2 });
    expect(before.model).toBe('zayatz'); // f > 0.1 and SNB has no classes of size 2
    expect(fourDigits(before.fraction!)).toBe(10000);
    expect(before.uniques).toBeCloseTo(35, 9);
    const after = dankar(hist([[2, 2], [3, 1]]), { samplingFraction: 0.1 });
    expect(after.model).toBe('none');
    expect(fourDigits(after.fraction!)).toBe(0);
  });

  // ARX's TestRiskMetrics.testDecisionRule2 asserts, on its adult.csv (30,162 records, 9 quasi-
  // identifiers): f = 0.1 -> 0.27684993883653597 (Pitman) or 0.3207402393466189 (Zayatz); f = 0.2 ->
  // 0.3577099234829125; f = 0.01 -> 0.1446083531167384; f = 1 -> 0.5142895033485844, each compared
  // on four digits. test/helpers/adult-histogram.ts says how the histogram was derived.
  // `--compat arx` reproduces all four (test/harden-arx.test.ts); the corrected default agrees
  // wherever ARX's flaws do not decide the outcome, which is everywhere except f = 0.2:
  test('adult.csv: the corrected rule agrees with ARX at f = 0.01, 0.1 and 1', () => {
    const h = adultHistogram();
    for (const [f, model, published] of [[0.01, 'pitman', 0.1446083531167384], [0.1, 'pitman', 0.27684993883653597], [1, 'snb', 0.5142895033485844]] as const) {
      const d = dankar(h, { samplingFraction: f });
      expect(d.model, `f = ${f}`).toBe(model);
      expect(fourDigits(d.fraction!), `f = ${f}`).toBe(fourDigits(published));
      expect(d.fraction!, `f = ${f}`).toBeCloseTo(published, 10);
    }
  });
  test('adult.csv at f = 0.2: the corrected SNB converges and is below Zayatz, so the rule departs from ARX', () => {
    const d = dankar(adultHistogram(), { samplingFraction: 0.2 });
    expect(d.model).toBe('snb');
    expect(d.estimates.zayatz!.fraction!).toBeCloseTo(0.3577099234829125, 14); // ARX's figure is Zayatz's
    expect(d.fraction!).toBeLessThan(0.3577099234829125 - 0.03);
  });
});

describe('zayatz', () => {
  test('matches a hand computation with ARX\'s choice K = sample class size', () => {
    // Histogram: 2 classes of size 1, 1 of size 3; n = 5, N = 50, f = 0.1.
    // H(1) = 5/50 = 0.1; H(3) = 3 C(47,4) / C(50,5) = 3 * 178365 / 2118760 (K = 3, the SAMPLE size).
    const H1 = 0.1;
    const H3 = (3 * 178365) / 2118760;
    const cond = (2 * H1) / (2 * H1 + 1 * H3);
    const e = zayatz(hist([[1, 2], [3, 1]]), { populationSize: 50 });
    expect(e.uniques).toBeCloseTo((2 * cond) / 0.1, 12);
    expect(e.fraction).toBeCloseTo((2 * cond) / 0.1 / 50, 12);
    expect(e.parameters?.conditionalUniqueness).toBeCloseTo(cond, 12);
  });

  test('N from f: the hypergeometric uses the integer part of n/f, the estimate the real f (as ARX)', () => {
    const h = hist([[1, 3], [2, 2]]); // n = 7
    const viaF = zayatz(h, { samplingFraction: 0.3 }); // N = 23.33..., hypergeometric on 23
    const H = (K: number) => Math.exp(logHypergeometricOne(23, K, 7));
    const cond = (3 * H(1)) / (3 * H(1) + 2 * H(2));
    expect(viaF.uniques).toBeCloseTo((3 * cond) / 0.3, 12);
    expect(viaF.fraction).toBeCloseTo((3 * cond) / 0.3 / (7 / 0.3), 12);
  });
});

describe('pitman', () => {
  const pop = pitmanPopulation(300_000, 1000, 0.5, 11);
  const sample = histogramOf(pop, 30_000, sampleWithoutReplacement(300_000, 30_000, 11));

  test('the fit is a maximum of the likelihood (checked from log-gammas, not the score equations)', () => {
    const e = pitman(sample, { populationSize: 300_000 });
    const { theta, alpha } = e.parameters!;
    const best = pitmanLogLikelihood(sample, theta, alpha);
    for (const [dt, da] of [[1, 0], [-1, 0], [0, 1e-3], [0, -1e-3], [1, 1e-3], [-1, -1e-3]]) {
      expect(pitmanLogLikelihood(sample, theta + dt, alpha + da)).toBeLessThan(best);
    }
    expect(e.uniques).toBeCloseTo(Math.exp(logGamma(theta + 1) - logGamma(theta + alpha) + alpha * Math.log(300_000)), 6);
  });

  test('closed-form (digamma) and term-by-term likelihood sums give the same fit', () => {
    const direct = pitman(sample, { populationSize: 300_000 }, { directSumLimit: Infinity });
    const closed = pitman(sample, { populationSize: 300_000 }, { directSumLimit: 0 });
    expect(closed.parameters!.theta / direct.parameters!.theta).toBeCloseTo(1, 7);
    expect(closed.parameters!.alpha / direct.parameters!.alpha).toBeCloseTo(1, 7);
    expect(closed.uniques! / direct.uniques!).toBeCloseTo(1, 7);
  });
});

describe('snb', () => {
  test('the fitted (alpha, beta) reproduce c1 and c2 by brute-force summation over population class sizes', () => {
    const pop = negativeBinomialPopulation(40_000, 2, 0.6, 3);
    const N = pop.length;
    const n = Math.round(0.3 * N);
    const h = histogramOf(pop, n, sampleWithoutReplacement(N, n, 3));
    const e = snb(h, { populationSize: N });
    const { alpha, beta, populationClasses: K } = e.parameters!;
    // E[c_s] = K sum_F P(F) P(Bin(F, f) = s), F - 1 ~ NB(alpha, beta): pmf via log-gammas.
    const f = n / N;
    const expected = [0, 0];
    for (let F = 1; F < 2000; F++) {
      const m = F - 1;
      const logNb = logGamma(m + alpha) - logGamma(alpha) - logGamma(m + 1) + alpha * Math.log(beta) + m * Math.log(1 - beta);
      for (const s of [1, 2]) {
        if (F < s) continue;
        const logBin = logGamma(F + 1) - logGamma(s + 1) - logGamma(F - s + 1) + s * Math.log(f) + (F - s) * Math.log(1 - f);
        expected[s - 1] += K * Math.exp(logNb + logBin);
      }
    }
    expect(expected[0] / h.sizeCounts[0]).toBeCloseTo(1, 8);
    expect(expected[1] / h.sizeCounts[1]).toBeCloseTo(1, 8);
    expect(e.uniques).toBeCloseTo(K * beta ** alpha, 6);
  });
});

describe('simulated populations: estimates against the true number of population uniques', () => {
  // Tolerances come from sweeps over 12 seeds per setting (run while writing this): Pitman on Pitman
  // populations at f = 0.1 erred by at most 8.6% (mean |error| ~2%), so 15% leaves room for sampling
  // noise without hiding a broken fit. SNB with the true number of population classes K erred by at
  // most 7.4% (f = 0.1) and 3.6% (f >= 0.3); with K estimated (Shlosser-type) it is within 4.6% at
  // f = 0.5, but off by 20-60% at f = 0.3 and by 100-340% at f = 0.1: the K estimate, not the fit,
  // is SNB's weak point. Zayatz is only close where the sample's class sizes resemble the
  // population's: on Pitman populations at f = 0.3 it erred by at most 7.1%; at f = 0.1 by up to 66%.
  const N = 300_000;
  for (const [theta, alpha] of [[1000, 0.5], [5000, 0.3], [200, 0.7]] as const) {
    test(`Pitman process (theta ${theta}, alpha ${alpha}), N = 300,000, 10% sample: Pitman within 15%`, () => {
      for (const seed of [1, 2]) {
        const pop = pitmanPopulation(N, theta, alpha, seed);
        const truth = uniquesOf(histogramOf(pop, N));
        const h = histogramOf(pop, N / 10, sampleWithoutReplacement(N, N / 10, seed));
        const e = pitman(h, { populationSize: N });
        expect(relativeError(e, truth)).toBeLessThan(0.15);
        expect(Math.abs(e.parameters!.alpha - alpha)).toBeLessThan(0.05);
        const d = dankar(h, { populationSize: N });
        expect(d.model).toBe('pitman'); // f = 0.1 exactly
        expect(d.uniques).toBe(e.uniques);
        // Zayatz at f = 0.3 on the same population.
        const h3 = histogramOf(pop, 0.3 * N, sampleWithoutReplacement(N, 0.3 * N, seed));
        expect(relativeError(zayatz(h3, { populationSize: N }), truth)).toBeLessThan(0.15);
      }
    });
  }

  test('negative-binomial populations: SNB within 15% (true K, f = 0.1) and 10% (f = 0.3; f = 0.5 with K estimated)', () => {
    for (const [K, r, beta, seed] of [[60_000, 1, 0.3, 1], [100_000, 2, 0.6, 2]] as const) {
      const pop = negativeBinomialPopulation(K, r, beta, seed);
      const size = pop.length;
      const truth = uniquesOf(histogramOf(pop, size));
      const draw = (f: number) => {
        const n = Math.round(f * size);
        return histogramOf(pop, n, sampleWithoutReplacement(size, n, seed));
      };
      const model = { populationSize: size };
      expect(relativeError(snb(draw(0.1), model, { populationClasses: K }), truth)).toBeLessThan(0.15);
      expect(relativeError(snb(draw(0.3), model, { populationClasses: K }), truth)).toBeLessThan(0.1);
      const half = draw(0.5);
      expect(relativeError(snb(half, model), truth)).toBeLessThan(0.1);
      const d = dankar(half, model);
      expect(['snb', 'zayatz']).toContain(d.model);
      expect(d.uniques).toBe(Math.min(d.estimates.snb!.uniques!, d.estimates.zayatz!.uniques!));
    }
  });
});

describe('edge cases', () => {
  const models = { zayatz, pitman, snb, dankar } as const;

  test('no sample uniques -> 0 population uniques, from every model', () => {
    const h = hist([[2, 10], [5, 3]]);
    for (const [name, model] of Object.entries(models)) {
      const e = model(h, { samplingFraction: 0.05 });
      expect(e.uniques, name).toBe(0);
      expect(e.fraction, name).toBe(0);
      expect(e.converged, name).toBe(true);
    }
    expect(dankar(h, { samplingFraction: 0.05 }).model).toBe('none');
  });

  test('f = 1 -> U = c1, from every model', () => {
    const h = hist([[1, 17], [2, 4], [9, 1]]);
    for (const [name, model] of Object.entries(models)) {
      const e = model(h, { samplingFraction: 1 });
      expect(e.uniques, name).toBe(17);
      expect(e.fraction, name).toBeCloseTo(17 / 34, 15);
    }
  });

  test('non-convergence and invalid fits are reported as null with the reason, never a number', () => {
    const noPairs = snb(hist([[1, 7]]), { samplingFraction: 0.2 });
    expect(noPairs).toMatchObject({ uniques: null, fraction: null, converged: false });
    expect(noPairs.message).toMatch(/size 2/);
    const stuck = snb(hist([[1, 1], [2, 50]]), { samplingFraction: 0.2 });
    expect(stuck).toMatchObject({ uniques: null, fraction: null, converged: false });
    expect(stuck.message).toMatch(/did not converge/);
    // All records unique: the likelihood has no interior maximum with 0 < alpha < 1.
    const allUnique = pitman(hist([[1, 7]]), { samplingFraction: 0.05 });
    expect(allUnique).toMatchObject({ uniques: null, fraction: null, converged: false });
    expect(allUnique.message).toMatch(/alpha|converge/);
    // ... so the decision rule falls back to Zayatz and says why.
    const d = dankar(hist([[1, 7]]), { samplingFraction: 0.05 });
    expect(d.model).toBe('zayatz');
    expect(d.uniques).toBeCloseTo(7 / 0.05, 9);
    expect(d.message).toMatch(/Pitman/);
    expect(explainUniques(allUnique, 'Pitman', 140).value).toBeNull();
    expect(explainUniques(d, 'Zayatz', 140).explanation).toMatch(/140 people \(100%\)/);
  });

  test('f = 0.1 given as a fraction stays on the f <= 0.1 side of the decision rule for every n', () => {
    for (let n = 3; n < 2000; n += 7) {
      const d = dankar(hist([[1, n], [2, 1]]), { samplingFraction: 0.1 });
      expect(d.estimates.snb, `n = ${n + 2}`).toBeUndefined();
    }
  });

  test('bad input gets a clear error', () => {
    const h = hist([[1, 3], [2, 1]]); // n = 5
    for (const model of Object.values(models)) {
      expect(() => model(h, { populationSize: 4 })).toThrow(/smaller than the sample size n = 5/);
      expect(() => model(h, { samplingFraction: 0 })).toThrow(/\(0, 1\]/);
      expect(() => model(h, { samplingFraction: 1.5 })).toThrow(/\(0, 1\]/);
      expect(() => model(h, { samplingFraction: NaN })).toThrow(/\(0, 1\]/);
      expect(() => model(hist([]), { samplingFraction: 0.1 })).toThrow(/empty/);
      expect(() => model(hist([[1, 0]]), { samplingFraction: 0.1 })).toThrow(/empty/);
      expect(() => model(h, {})).toThrow(/population size N or the sampling fraction/);
      expect(() => model(h, { samplingFraction: 0.1, sampleSize: 6 })).toThrow(/n = 6 but the histogram holds 5/);
      expect(() => model(hist([[2, 1], [1, 1]]), { samplingFraction: 0.1 })).toThrow(/ascending/);
      expect(() => model(hist([[1, 1.5]]), { samplingFraction: 0.1 })).toThrow(/non-negative integer/);
      expect(() => model({ sizes: Int32Array.of(1), sizeCounts: Float64Array.of(1, 2) }, { samplingFraction: 0.1 })).toThrow(/length/);
    }
  });

  test('every estimate is null with a message or a number in [0, N]; Zayatz never exceeds c1/f', () => {
    const histogram = fc
      .uniqueArray(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 6 })
      .chain((sizes) =>
        fc.tuple(fc.constant(sizes.sort((a, b) => a - b)), fc.array(fc.integer({ min: 0, max: 60 }), { minLength: sizes.length, maxLength: sizes.length })),
      )
      .filter(([, counts]) => counts.some((c) => c > 0))
      .map(([sizes, counts]) => hist(sizes.map((s, i) => [s, counts[i]] as const)));
    fc.assert(
      fc.property(histogram, fc.double({ min: 0.001, max: 1, noNaN: true }), (h, f) => {
        const c1 = uniquesOf(h);
        for (const e of [zayatz(h, { samplingFraction: f }), pitman(h, { samplingFraction: f }), snb(h, { samplingFraction: f }), dankar(h, { samplingFraction: f })]) {
          if (e.uniques === null) {
            expect(e.converged).toBe(false);
            expect(e.message).toBeTruthy();
          } else {
            let n = 0;
            for (let k = 0; k < h.sizes.length; k++) n += h.sizes[k] * h.sizeCounts[k];
            expect(e.uniques).toBeGreaterThanOrEqual(0);
            expect(e.uniques).toBeLessThanOrEqual(n / f + 1e-6);
          }
        }
        expect(zayatz(h, { samplingFraction: f }).uniques!).toBeLessThanOrEqual(c1 / f + 1e-9);
      }),
      { numRuns: 200 },
    );
  });
});

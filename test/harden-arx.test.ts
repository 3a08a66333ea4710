// `risk --compat arx`: the population-uniqueness estimators exactly as ARX computes them, pinned by
// ARX's own published values on adult.csv (TestRiskMetrics.testDecisionRule2), and the flaws that
// produce them, each against a hand computation. The corrected default is checked unchanged.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { arxPopulation, arxUniqueness, dankar, shlosserClasses, trigamma } from '../attacks/risk/uniqueness/index.ts';
import { arxTrigamma } from '../attacks/risk/uniqueness/arx/gamma.ts';
import { arxShlosserClasses } from '../attacks/risk/uniqueness/arx/snb.ts';
import { solveLikeArx } from '../attacks/risk/uniqueness/arx/newton.ts';
import { adultHistogram, ADULT_NINE_QI_HISTOGRAM } from './helpers/adult-histogram.ts';
import { cli } from './helpers/cli.ts';

/** ARX's test compares (int)(x * 10000). */
const fourDigits = (x: number) => Math.trunc(x * 10000);

describe('ARX published values on adult.csv (nine quasi-identifiers)', () => {
  // [f, the model ARX's rule takes, ARX's published Dankar fraction]
  const published = [
    [0.01, 'pitman', 0.1446083531167384],
    [0.1, 'pitman', 0.27684993883653597],
    [0.2, 'zayatz', 0.3577099234829125],
    [1, 'zayatz', 0.5142895033485844],
  ] as const;

  test('the decision rule gives ARX\'s figure at f = 0.01, 0.1, 0.2 and 1', () => {
    for (const [f, model, value] of published) {
      const arx = arxUniqueness(adultHistogram(), { samplingFraction: f });
      expect(arx.dankar.model, `f = ${f}`).toBe(model);
      expect(fourDigits(arx.dankar.fraction!), `f = ${f}`).toBe(fourDigits(value));
      // Beyond ARX's four digits: the same fit, to the solver's accuracy.
      expect(arx.dankar.fraction!, `f = ${f}`).toBeCloseTo(value, 11);
    }
  });

  test('at f = 0.2 ARX\'s SNB does not converge, so Zayatz is taken; the corrected default takes its SNB', () => {
    const arx = arxUniqueness(adultHistogram(), { samplingFraction: 0.2 });
    expect(arx.snb.uniques).toBeNull();
    expect(arx.snb.message).toMatch(/ARX/);
    const corrected = dankar(adultHistogram(), { samplingFraction: 0.2 });
    expect(corrected.model).toBe('snb');
    expect(corrected.fraction).not.toBeCloseTo(0.3577099234829125, 2);
  });
});

describe('ARX\'s flaws, reproduced on purpose', () => {
  test('N is n / f rounded to a whole number, and f is then n / N', () => {
    const h = { sizes: Int32Array.of(1, 2), sizeCounts: Float64Array.of(3, 2) }; // n = 7
    const s = arxPopulation(h, { samplingFraction: 0.3 }); // 7 / 0.3 = 23.33 -> 23
    expect(s.N).toBe(23);
    expect(s.f).toBe(7 / 23);
  });

  test('trigamma skips its asymptotic tail below 12 (only the shifted partial sum remains)', () => {
    // From 8.5 nothing is shifted and no tail is added: 0. From 7.5: the single term 1/7.5^2.
    expect(arxTrigamma(8.5)).toBe(0);
    expect(arxTrigamma(7.5)).toBeCloseTo(1 / 56.25, 15);
    // The true value is 1/7.5^2 + trigamma(8.5), and trigamma(8.5) is about 1/8.5.
    expect(trigamma(7.5) - trigamma(8.5)).toBeCloseTo(1 / 56.25, 14);
    expect(trigamma(8.5)).toBeGreaterThan(1 / 8.5);
    expect(arxTrigamma(20)).toBeCloseTo(trigamma(20), 14); // from 12 on both agree
  });

  test('the SNB class count subtracts 1 per histogram entry (ARX\'s operator precedence)', () => {
    // Two entries (sizes 1 and 2, counts 4 and 3), f = 0.5: by hand, with q = f,
    //   a = 1*0.25*1*4 + 2*0.25*0.75*3 = 2.125, b(ARX) = (0.5*4*1.5 - 1) + (0.25*3*2.25 - 1) = 2.6875,
    //   c = 0.5*4 + 0.25*3 = 2.75, d = 1*0.5*1*4 + 2*0.5*0.5*3 = 3.5, K = u + c1 (a/b) (c/d)^2.
    const s = arxPopulation({ sizes: Int32Array.of(1, 2), sizeCounts: Float64Array.of(4, 3) }, { samplingFraction: 0.5 });
    const ratio = 2.75 / 3.5;
    expect(arxShlosserClasses(s)).toBeCloseTo(7 + 4 * (2.125 / 2.6875) * ratio * ratio, 12);
    // The corrected estimator's denominator is sum ((1+f)^i - 1)(1-f)^i c_i = 0.5*4*0.5 + 0.25*3*1.25 = 1.9375.
    expect(shlosserClasses(s)).toBeCloseTo(7 + 4 * (2.125 / 1.9375) * ratio * ratio, 12);
  });

  test('the solver tries the start, then the 0/0.33/0.66/0.99 grid, and gives the last grid point one step', () => {
    const visited: [number, number][] = [];
    // A system with no root: every start runs until the 1001-step limit, except the last grid point.
    const never = (x: number, y: number) => {
      visited.push([x, y]);
      return { f1: 1, f2: 1, j11: 1, j12: 0, j21: 0, j22: 1 };
    };
    const r = solveLikeArx(never, [5, 5]);
    expect(r.x).toBeNaN();
    expect(visited[0]).toEqual([5, 5]);
    expect(visited[1001]).toEqual([0, 0]); // 1001 evaluations from the start, then the first grid point
    // 16 starts of 1001 evaluations (16,016 <= the cap of 17 x 1000), then the last grid point, once.
    expect(visited.length).toBe(16 * 1001 + 1);
    expect(visited.at(-1)).toEqual([0.99, 0.99]); // 0.33 added three times is 0.99 in binary too
  });
});

describe('reident risk --compat arx', () => {
  const root = mkdtempSync(join(tmpdir(), 'reident-arx-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  // A one-column table whose class-size histogram is adult's (class k repeated to its size).
  const file = join(root, 'adult-classes.csv');
  const lines = ['key'];
  let k = 0;
  for (const [size, count] of ADULT_NINE_QI_HISTOGRAM) for (let c = 0; c < count; c++, k++) for (let r = 0; r < size; r++) lines.push(`c${k}`);
  writeFileSync(file, lines.join('\n') + '\n');

  test('reproduces ARX\'s f = 0.2 figure and says so; the default does not change', async () => {
    const arx = await cli('risk', file, '--qi', 'key', '--sampling-fraction', '0.2', '--bootstrap', '0', '--compat', 'arx', '--json');
    expect(arx.code, arx.stderr).toBe(0);
    const a = JSON.parse(arx.stdout);
    expect(a.populationUniqueness.estimators).toBe('arx');
    expect(a.populationUniqueness.dankarModel).toBe('zayatz');
    expect(fourDigits(a.populationUniqueness.dankar)).toBe(fourDigits(0.3577099234829125));
    const plain = JSON.parse((await cli('risk', file, '--qi', 'key', '--sampling-fraction', '0.2', '--bootstrap', '0', '--json')).stdout);
    expect(plain.populationUniqueness.estimators).toBe('corrected');
    expect(plain.populationUniqueness.dankarModel).toBe('snb');
    const text = await cli('risk', file, '--qi', 'key', '--sampling-fraction', '0.2', '--bootstrap', '0', '--compat', 'arx');
    expect(text.stdout).toMatch(/as ARX computes them/);
  });

  test('an unknown mode is named, exit 2', async () => {
    const r = await cli('risk', file, '--qi', 'key', '--sampling-fraction', '0.2', '--compat', 'sdcmicro');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--compat must be arx.*"sdcmicro"/);
  });
});

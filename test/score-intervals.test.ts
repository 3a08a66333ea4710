// Wilson intervals, the normal quantile and residual risk against a control: REFERENCE 8 pins
// (Anonymeter's published tests) and properties.
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { explainResidualRisk, formatRate } from '../attacks/score/explain.ts';
import { normalQuantile, zFor } from '../attacks/score/normal.ts';
import { wilson } from '../attacks/score/wilson.ts';
import { residualRisk, residualRiskFromCounts } from '../attacks/score/baseline.ts';
import { majorityValue, scoreGuesses, scoreInference } from '../attacks/score/guesses.ts';

describe('normal quantile', () => {
  test('known values and symmetry', () => {
    expect(zFor(0.95)).toBe(1.959963984540054); // scipy.stats.norm.ppf(0.975), bit for bit
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 15);
    expect(normalQuantile(0.8413447460685429)).toBeCloseTo(1, 12);
    expect(normalQuantile(0.9986501019683699)).toBeCloseTo(3, 11);
    expect(normalQuantile(1e-20)).toBeCloseTo(-9.262340089798408, 9);
    expect(() => normalQuantile(0)).toThrow(/\(0, 1\)/);
    expect(() => zFor(1)).toThrow(/confidence/);
  });

  test('odd symmetry to 1e-9 across the range (both branches)', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-6, max: 0.5, noNaN: true }), (p) => {
        // 1 - p is rounded, so the tails agree only to the precision of that subtraction
        expect(Math.abs(normalQuantile(p) + normalQuantile(1 - p))).toBeLessThan(1e-9);
      }),
    );
  });
});

describe('Wilson interval (REFERENCE 6 and 8)', () => {
  test('850 of 1000 -> centre 0.849, half-width 0.022', () => {
    const w = wilson(850, 1000);
    expect(w.rate.toFixed(3)).toBe('0.849');
    expect(w.halfWidth.toFixed(3)).toBe('0.022');
    expect(w.point).toBe(0.85); // the pin means the Wilson centre, not k/n
  });

  test('100 of 100 -> (0.9815032508965071, 0.01849674910349284) exactly: (centre, half-width)', () => {
    const w = wilson(100, 100);
    expect(w.rate).toBe(0.9815032508965071);
    expect(w.halfWidth).toBe(0.01849674910349284);
    expect(w.point).toBe(1);
    expect(w.high).toBe(1);
  });

  test("Anonymeter's other pins: 0.68 confidence, 23 and 11 of 100, 0 and 1000 of 1000", () => {
    const a = wilson(100, 100, 0.68);
    expect(a.rate).toBe(0.9951036894831882);
    expect(a.halfWidth).toBe(0.004896310516811869);
    expect(wilson(23, 100).rate).toBe(0.23998824451588613);
    expect(wilson(23, 100).halfWidth).toBe(0.08155558571285167);
    expect(wilson(11, 100).rate).toBe(0.1244274643007244);
    expect(wilson(11, 100).halfWidth).toBe(0.06188550073007873);
    expect(wilson(0, 1000).rate.toFixed(3)).toBe('0.002');
    expect(wilson(1000, 1000).rate.toFixed(3)).toBe('0.998');
  });

  test('bad input gets a clear error; n = 0 gives an empty interval', () => {
    expect(() => wilson(3, 2)).toThrow(/k must be/);
    expect(() => wilson(1.5, 2)).toThrow(/k must be/);
    expect(() => wilson(1, 2, 1.2)).toThrow(/confidence/);
    const e = wilson(0, 0);
    expect(e.low).toBe(0);
    expect(e.high).toBe(1);
    expect(Number.isNaN(e.rate)).toBe(true);
  });

  test('properties: interval inside [0,1], contains k/n, narrows with n, widens with confidence', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), fc.double({ min: 0, max: 1, noNaN: true }), (n, f) => {
        const k = Math.round(f * n);
        const w = wilson(k, n);
        expect(w.low).toBeGreaterThanOrEqual(-1e-15);
        expect(w.high).toBeLessThanOrEqual(1 + 1e-15);
        expect(w.low).toBeLessThanOrEqual(k / n + 1e-12);
        expect(w.high).toBeGreaterThanOrEqual(k / n - 1e-12);
        expect(wilson(4 * k, 4 * n).halfWidth).toBeLessThan(w.halfWidth);
        expect(wilson(k, n, 0.99).halfWidth).toBeGreaterThan(w.halfWidth);
      }),
    );
  });
});

describe('residual risk against a control (Anonymeter residual_success)', () => {
  test('(0.9, 0.02) against (0.85, 0.02) -> 0.333 +- 0.16', () => {
    const r = residualRisk({ rate: 0.9, error: 0.02 }, { rate: 0.85, error: 0.02 });
    expect(r.residual.toFixed(3)).toBe('0.333');
    expect(r.error.toFixed(2)).toBe('0.16');
    expect(r.low).toBeCloseTo(r.residual - r.error, 15);
  });

  test('(0.9, 0) against (0.8, 0) -> 0.5 +- 0; bounds clipped to [0, 1]', () => {
    const r = residualRisk({ rate: 0.9, error: 0 }, { rate: 0.8, error: 0 });
    expect(r.residual).toBeCloseTo(0.5, 15);
    expect(r.error).toBe(0);
    const neg = residualRisk({ rate: 0.5, error: 0.1 }, { rate: 0.7, error: 0.05 });
    expect(neg.residual).toBeLessThan(0);
    expect(neg.risk).toBe(0);
    expect(neg.low).toBe(0);
    expect(() => residualRisk({ rate: 0.5, error: 0 }, { rate: 1, error: 0 })).toThrow(/control succeeds every time/);
  });

  test('from counts uses Wilson centres and half-widths', () => {
    const r = residualRiskFromCounts(900, 1000, 850, 1000);
    const a = wilson(900, 1000);
    const c = wilson(850, 1000);
    expect(r.residual).toBe((a.rate - c.rate) / (1 - c.rate));
    expect(r.attack.error).toBe(a.halfWidth);
  });
});

describe('attribute guesses', () => {
  const truth = ['a', 'b', 'a', 'a', 'c', 'a', 'b', 'a'];
  test('accuracy with Wilson interval; majority baseline; residual risk', () => {
    const g = scoreGuesses({ rows: [0, 1, 4, 6], values: ['a', 'b', 'a', 'b'] }, truth);
    expect(g.correct).toBe(3);
    expect(g.accuracy.point).toBe(0.75);
    expect(majorityValue(truth)).toBe('a');
    const rows = [...truth.keys()];
    const perfect = scoreInference({ rows, values: truth }, truth);
    expect(perfect.baseline.correct).toBe(5);
    expect(perfect.attack.correct).toBe(8);
    expect(perfect.risk.residual).toBeGreaterThan(0);
    const sameAsBaseline = scoreInference({ rows, values: rows.map(() => 'a') }, truth);
    expect(sameAsBaseline.risk.residual).toBe(0);
    expect(() => scoreGuesses({ rows: [9], values: ['a'] }, truth)).toThrow(/outside the truth/);
  });
});

describe('explanations', () => {
  test('every figure explains itself in one sentence', () => {
    expect(formatRate(wilson(850, 1000))).toBe('85.0% (95% CI 82.7%-87.1%)');
    expect(formatRate(wilson(0, 0))).toMatch(/no trials/);
    const e = explainResidualRisk(residualRisk({ rate: 0.9, error: 0.02 }, { rate: 0.85, error: 0.02 }));
    expect(e.value).toBeCloseTo(1 / 3, 12);
    expect(e.explanation).toMatch(/33\.3%/);
    expect(e.explanation.endsWith('.')).toBe(true);
  });
});

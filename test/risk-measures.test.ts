// Risk measures on class summaries: prosecutor, journalist/marketer, individual (Benedetti-Franconi),
// household, l-diversity and t-closeness. REFERENCE 8 vectors, hand examples and properties.
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { qiFromArrays } from './helpers/qi.ts';
import { generaliseQi as generalise } from '../safeguards/generalise/qi-table.ts';
import { classSummary, weightedFrequency } from '../attacks/risk/classes.ts';
import { explainProsecutor, prosecutorRisk } from '../attacks/risk/prosecutor.ts';
import { journalistRisk, marketerRisk, populationFrequencies } from '../attacks/risk/journalist.ts';
import { exactRisk, individualRisk } from '../attacks/risk/individual.ts';
import { householdRisk } from '../attacks/risk/household.ts';
import { lDiversity, tCloseness } from '../attacks/risk/diversity.ts';
import { MISSING, type MissingMode, type QiTable } from '../attacks/risk/types.ts';

const toy = (): QiTable =>
  qiFromArrays(
    ['age', 'sex', 'zip'],
    [
      [34, 45, 66, 70, 34, 70, 45],
      ['m', 'f', 'm', 'f', 'f', 'm', 'm'],
      [81667, 81675, 81925, 81931, 81931, 81931, 81931],
    ],
  );

/** Rows of small codes (-1 = missing, never in row 0) as a table with a sensitive column. */
const tableArb = fc
  .record({ m: fc.integer({ min: 1, max: 4 }), n: fc.integer({ min: 2, max: 30 }), holes: fc.integer({ min: 0, max: 2 }) })
  .chain(({ m, n, holes }) =>
    fc.array(fc.array(fc.integer({ min: -holes, max: 4 }), { minLength: m + 1, maxLength: m + 1 }), { minLength: n, maxLength: n }),
  )
  .map((rows) => {
    const m = rows[0]!.length - 1;
    const cols = Array.from({ length: m }, (_, j) => rows.map((r, i) => (r[j]! >= 0 ? String(r[j]) : i === 0 ? '0' : null)));
    return { table: qiFromArrays(cols.map((_, j) => `q${j}`), cols), sensitive: Int32Array.from(rows, (r) => Math.max(0, r[m]!)) };
  });

function permuteTable(t: QiTable, order: number[]): QiTable {
  return { ...t, codes: t.codes.map((c) => Int32Array.from(order, (i) => c[i]!)) };
}

describe('prosecutor risk', () => {
  test('ARX toy: average and highest 1.0; 3/7 and 0.5 after 2-anonymity', () => {
    const before = prosecutorRisk(classSummary(toy()));
    expect(before.averageRisk).toBe(1);
    expect(before.highestRisk).toBe(1);
    expect(before.sampleUniqueness).toBe(1);
    let g = generalise(toy(), 'age', (v) => (Number(v) < 50 ? '<50' : '>=50'));
    g = generalise(g, 'sex', () => '*');
    g = generalise(g, 'zip', (v) => `${v.slice(0, 3)}**`);
    const after = prosecutorRisk(classSummary(g));
    expect(after.averageRisk).toBe(3 / 7);
    expect(after.highestRisk).toBe(0.5);
    expect(after.lowestRisk).toBe(1 / 3);
    expect(after.minClassSize).toBe(2);
    expect(after.sampleUniques).toBe(0);
    expect(after.recordsAtRisk).toBe(1); // 1/2 and 1/3 are both above 0.09
    expect(prosecutorRisk(classSummary(g), 0.4).recordsAtRisk).toBe(4 / 7);
  });

  test('ARX wildcard table: highest 0.5, average 0.21279761904761904', () => {
    const t = qiFromArrays(
      ['sex', 'zip'],
      [
        ['M', 'M', 'M', '*', '*', 'F', 'F', 'M'],
        ['4711', '4711', '4711', '4711', '4711', '4712', '*', '*'],
      ],
      { naTokens: ['*'] },
    );
    const r = prosecutorRisk(classSummary(t, 'wildcard'));
    expect(r.highestRisk).toBe(0.5);
    expect(r.averageRisk).toBe(0.21279761904761904);
    expect(r.minClassSize).toBe(2);
  });

  test('every figure explains itself in one sentence', () => {
    const e = explainProsecutor(prosecutorRisk(classSummary(toy())));
    expect(e.averageRisk.value).toBe(1);
    expect(e.sampleUniqueness.explanation).toMatch(/^(\d+) of \1 \(100%\) people in the table/);
    expect(Object.values(e).every((x) => x.explanation.endsWith('.'))).toBe(true);
  });

  test('properties: risks in [0,1], row order irrelevant, generalising never raises risk', () => {
    fc.assert(
      fc.property(tableArb, fc.constantFrom<MissingMode>('category', 'wildcard'), fc.integer({ min: 1, max: 1000 }), ({ table }, mode, seed) => {
        const r = prosecutorRisk(classSummary(table, mode));
        for (const v of [r.averageRisk, r.highestRisk, r.lowestRisk, r.recordsAtRisk, r.sampleUniqueness]) {
          expect(v).toBeGreaterThanOrEqual(0);
          expect(v).toBeLessThanOrEqual(1);
        }
        const order = [...Array(table.records).keys()].sort((a, b) => ((a * seed) % 97) - ((b * seed) % 97) || a - b);
        const p = prosecutorRisk(classSummary(permuteTable(table, order), mode));
        expect(p.averageRisk).toBeCloseTo(r.averageRisk, 12);
        expect({ ...p, averageRisk: 0 }).toEqual({ ...r, averageRisk: 0 });
        // merge two values of the first quasi-identifier
        const dict = table.dictionaries[0]!;
        const merged = generalise(table, 0, (v) => (v === dict[seed % dict.length] ? dict[0]! : v));
        const g = prosecutorRisk(classSummary(merged, mode));
        expect(g.sampleUniqueness).toBeLessThanOrEqual(r.sampleUniqueness);
        expect(g.averageRisk).toBeLessThanOrEqual(r.averageRisk + 1e-12);
        expect(g.highestRisk).toBeLessThanOrEqual(r.highestRisk);
      }),
      { numRuns: 200 },
    );
  });
});

describe('journalist and marketer risk', () => {
  // sample g = (a, a, b); population (a x5, b x2, c): f = (2, 2, 1), F = (5, 5, 2).
  // average 1/F = (1/5 + 1/5 + 1/2)/3 = 0.3; marketer (2/5 + 1/2)/3 = 0.3;
  // success rate max(u / sum F_k = 2/7, 0.3) = 0.3; at risk (t = 0.3): only b (1/2) -> 1/3.
  test('hand example', () => {
    const sample = qiFromArrays(['g'], [['a', 'a', 'b']]);
    const population = qiFromArrays(['g'], [['c', 'b', 'a', 'a', 'a', 'b', 'a', 'a']]);
    const s = classSummary(sample);
    const F = populationFrequencies(sample, population);
    expect([...F]).toEqual([5, 5, 2]);
    const j = journalistRisk(s.frequency, F, s, 0.3);
    expect(j.averageRisk).toBeCloseTo(0.3, 15);
    expect(j.highestRisk).toBe(0.5);
    expect(j.lowestRisk).toBe(0.2);
    expect(j.recordsAtRisk).toBeCloseTo(1 / 3, 15);
    expect(j.successRate).toBeCloseTo(0.3, 15);
    expect(marketerRisk(s.frequency, F, s)).toBeCloseTo(0.3, 15);
  });

  test('population matching by value text, missing as category or wildcard', () => {
    const sample = qiFromArrays(['g', 'h'], [['a', null, 'z'], ['1', '1', '1']]);
    const population = qiFromArrays(['h', 'g'], [['1', '1', '1', '1', '2'], ['b', 'a', null, 'a', 'a']]);
    expect([...populationFrequencies(sample, population, 'category')]).toEqual([2, 1, 0]);
    // wildcard: a matches a, a, null; null matches all four with h = 1; z matches only null
    expect([...populationFrequencies(sample, population, 'wildcard')]).toEqual([3, 4, 1]);
  });

  test('a sample class missing from the population or smaller there is an error', () => {
    const sample = qiFromArrays(['g'], [['a', 'a', 'b']]);
    const s = classSummary(sample);
    const F = populationFrequencies(sample, qiFromArrays(['g'], [['a', 'a', 'a']]));
    expect(() => journalistRisk(s.frequency, F, s)).toThrow(/record 2's class does not occur in the population/);
    expect(() => marketerRisk(s.frequency, new Float64Array([1, 1, 1]), s)).toThrow(/1 population records but 2 sample records/);
    expect(() => populationFrequencies(sample, qiFromArrays(['x'], [['a']]))).toThrow(/"g" is not in the population/);
  });

  test('population = sample gives the prosecutor figures; risks in [0,1]', () => {
    fc.assert(
      fc.property(tableArb, fc.constantFrom<MissingMode>('category', 'wildcard'), ({ table }, mode) => {
        const s = classSummary(table, mode);
        const F = populationFrequencies(table, table, mode);
        expect([...F]).toEqual([...s.frequency]);
        const j = journalistRisk(s.frequency, F, s);
        const p = prosecutorRisk(s);
        expect(j.averageRisk).toBeCloseTo(p.averageRisk, 12);
        expect(j.highestRisk).toBe(p.highestRisk);
        for (const v of [j.averageRisk, j.highestRisk, j.lowestRisk, j.recordsAtRisk, j.successRate, j.marketerRisk]) {
          expect(v).toBeGreaterThanOrEqual(0);
          expect(v).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: 100 },
    );
  });
});

/** sdcMicro's closed form of the exact risk (indivRisk, method = "exact"), for small f. */
function sdcMicroExact(f: number, p: number): number {
  const A = (p ** (1 - f) - 1) / (f - 1);
  const B = (i: number) => (((f - 1 - i) ** 2 / ((i + 1) * (f - 2 - i))) * (p ** (i + 2 - f) - 1)) / (p ** (i + 1 - f) - 1);
  let bb = 0;
  for (let m = 0; m <= f - 3; m++) {
    let b = 1;
    for (let i = 0; i <= m; i++) b *= B(i);
    bb += (-1) ** (m + 1) * b;
  }
  return (p / (1 - p)) ** f * (A * (1 + bb) + (-1) ** f * Math.log(p));
}

/** E[1/F | f] by summing the negative-binomial series term by term (rescaled against under/overflow). */
function seriesExact(f: number, p: number): number {
  const q = 1 - p;
  let logScale = f * Math.log(p); // the terms are exp(logScale) * term
  let term = 1; // P(F = f) / exp(logScale)
  let sum = 0;
  for (let h = f; h < 1e7; h++) {
    sum += term / h;
    term *= (h / (h - f + 1)) * q;
    if (term > 1e250) {
      term *= 1e-250;
      sum *= 1e-250;
      logScale += 250 * Math.LN10;
    }
    if (term / h < sum * 1e-18 && h > f / p) break;
  }
  return sum * Math.exp(logScale);
}

describe('individual risk (Benedetti-Franconi)', () => {
  const A = [2, 3, 2, 2, 3, 3, 1, 2];
  const B = [3, 3, 3, 3, 3, 3, 4, 3];
  const W = new Float64Array([18, 45.5, 39, 17, 92, 8, 123.5, 51]);
  const SDC_RISK = [0.01369863, 0.08579129, 0.01369863, 0.17707583, 0.01877883, 0.01877883, 0.03931625, 0.01369863];

  test('REFERENCE 8: sdcMicro approximate risk from freqCalc fk and Fk', () => {
    const t = qiFromArrays(['A', 'B', 'C'], [A, B, [1, 3, 1, 2, 1, 1, 1, 1]]);
    const s = classSummary(t);
    const r = individualRisk(s.frequency, weightedFrequency(t, s, W), { method: 'approx' });
    r.risk.forEach((v, i) => expect(v).toBeCloseTo(SDC_RISK[i]!, 7));
    expect(r.expectedReidentifications).toBeCloseTo(SDC_RISK.reduce((a, b) => a + b), 6);
    expect(r.globalRisk).toBeCloseTo(r.expectedReidentifications / 8, 15);
    expect(r.maxRisk).toBeCloseTo(0.17707583, 7);
  });

  test('REFERENCE 8: NA-wildcard fk and Fk feed the same formulas', () => {
    const t = qiFromArrays(['A', 'B', 'C'], [A, B, [1, 3, null, 2, 1, 1, null, 1]]);
    const s = classSummary(t, 'wildcard');
    const F = weightedFrequency(t, s, W);
    const r = individualRisk(s.frequency, F);
    // f = 4, F = 125: p/(f - 1 + p), p = 4/125; f = 2, F = 56: p/(1-p) - (p/(1-p))^2 ln(1/p), p = 1/28
    expect(r.risk[2]).toBeCloseTo(0.032 / 3.032, 12);
    const odds = 1 / 28 / (1 - 1 / 28);
    expect(r.risk[3]).toBeCloseTo(odds - odds * odds * Math.log(28), 12);
  });

  test('exact: equals sdcMicro closed form and the summed series; f <= 2 forms are exact', () => {
    for (const f of [1, 2, 3, 4, 5, 7]) {
      for (const p of [0.05, 0.2, 0.45, 0.5, 0.6, 0.9, 0.99]) {
        const series = seriesExact(f, p);
        expect(exactRisk(f, p)).toBeCloseTo(series, 12);
        // sdcMicro's closed form is well conditioned for p <= 1/2 only (at f = 7, p = 0.99 it gives 0.0173)
        if (f >= 3 && p <= 0.5) expect(exactRisk(f, p)).toBeCloseTo(sdcMicroExact(f, p), 12);
      }
    }
    for (const [f, F] of [[1, 45.5], [2, 100]] as const) {
      const approx = individualRisk(new Float64Array([f]), new Float64Array([F]), { method: 'approx' }).risk[0]!;
      const exact = individualRisk(new Float64Array([f]), new Float64Array([F]), { method: 'exact' }).risk[0]!;
      expect(exact).toBe(approx);
    }
    // large f and small p, where the closed form cancels: still the series value
    expect(exactRisk(200, 0.01)).toBeCloseTo(seriesExact(200, 0.01), 12);
    expect(exactRisk(200, 0.7)).toBeCloseTo(seriesExact(200, 0.7), 12);
    // f = F: 1/f
    expect(individualRisk(new Float64Array([4]), new Float64Array([4]), { method: 'exact' }).risk[0]).toBe(0.25);
  });

  test('bad input is an error; risks lie in [0, 1]', () => {
    expect(() => individualRisk(new Float64Array([3]), new Float64Array([2]))).toThrow(/below its sample frequency/);
    expect(() => individualRisk(new Float64Array([0]), new Float64Array([2]))).toThrow(/must be an integer >= 1/);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 60 }), fc.double({ min: 1, max: 1e5, noNaN: true }), (f, ratio) => {
        for (const method of ['approx', 'exact'] as const) {
          const r = individualRisk(new Float64Array([f]), new Float64Array([f * ratio]), { method }).risk[0]!;
          expect(r).toBeGreaterThanOrEqual(0);
          expect(r).toBeLessThanOrEqual(1);
        }
      }),
    );
  });
});

describe('household risk', () => {
  test('1 - prod (1 - r) per household, given to every member', () => {
    // household a: 1 - 0.9 * 0.8 = 0.28; household b: 0.5
    const h = householdRisk(new Float64Array([0.1, 0.5, 0.2]), ['a', 'b', 'a']);
    expect(h.risk[0]).toBeCloseTo(0.28, 15);
    expect(h.risk[2]).toBeCloseTo(0.28, 15);
    expect(h.risk[1]).toBe(0.5);
    expect(h.households).toBe(2);
    expect(h.expectedReidentifications).toBeCloseTo(1.06, 15);
    expect(() => householdRisk(new Float64Array([0.1]), [1, 2])).toThrow(/2 household ids for 1 records/);
  });
});

describe('l-diversity and t-closeness', () => {
  // Classes A (rows 0-3) and B (rows 4-7); sensitive x,x,y,z | x,x,x,y.
  // A: counts 2,1,1 -> distinct 3, exp(H) = exp(1.5 ln 2) = 2^1.5; B: 3,1 -> distinct 2,
  // exp(H) = 0.75^-0.75 * 0.25^-0.25. Recursive (c,2): A needs 2 < c*2, B needs 3 < c*1.
  // Table distribution x 5/8, y 2/8, z 1/8; A: (|.5-.625| + 0 + |.25-.125|)/2 = 0.125, B: 0.125.
  const t = qiFromArrays(['g'], [['A', 'A', 'A', 'A', 'B', 'B', 'B', 'B']]);
  const sens = qiFromArrays(['s'], [['x', 'x', 'y', 'z', 'x', 'x', 'x', 'y']]);

  test('distinct, entropy and recursive l-diversity by hand', () => {
    const l = lDiversity(classSummary(t), sens.codes[0]!);
    expect(l.distinct).toBe(2);
    expect(l.entropy).toBeCloseTo(0.75 ** -0.75 * 0.25 ** -0.25, 12);
    expect(l.classEntropy[0]).toBeCloseTo(2 ** 1.5, 12);
    expect([...l.perRecord]).toEqual([3, 3, 3, 3, 2, 2, 2, 2]);
    expect(l.recursive(3, 2)).toBe(false);
    expect(l.recursive(3.5, 2)).toBe(true);
    expect(l.recursive(10, 3)).toBe(false);
  });

  test('categorical t-closeness by hand', () => {
    const r = tCloseness(classSummary(t), sens.codes[0]!);
    expect(r.t).toBeCloseTo(0.125, 15);
    expect(r.perClass[0]).toBeCloseTo(0.125, 15);
  });

  test('ordered t-closeness: Li et al. salary example (0.375, 0.167)', () => {
    // salaries 3k..11k; classes {3,4,5}, {6,8,11}, {7,9,10}. Cumulative differences (x 1/9):
    // {3,4,5}: 2,4,6,5,4,3,2,1,0 -> 27/9/8 = 0.375; {6,8,11}: 1,2,3,1,2,0,1,2,0 -> 12/72;
    // {7,9,10}: 1,2,3,4,2,3,1,1,0 -> 17/72.
    const cls = qiFromArrays(['c'], [[1, 2, 3, 1, 2, 3, 1, 2, 3]]);
    const salary = qiFromArrays(['s'], [['5', '11', '10', '3', '6', '7', '4', '8', '9']]);
    const r = tCloseness(classSummary(cls), salary.codes[0]!, { ordered: true, dictionary: salary.dictionaries[0] });
    expect(r.perClass[0]).toBeCloseTo(0.375, 15);
    expect(r.perClass[1]).toBeCloseTo(12 / 72, 15);
    expect(r.perClass[2]).toBeCloseTo(17 / 72, 15);
    expect(r.t).toBeCloseTo(0.375, 15);
    const withMissing = Int32Array.from(salary.codes[0]!, (c, i) => (i === 0 ? MISSING : c));
    expect(() => tCloseness(classSummary(cls), withMissing, { ordered: true })).toThrow(/missing/);
  });

  test('ordered EMD agrees with the direct O(m) sum; aggregates ignore row order', () => {
    fc.assert(
      fc.property(tableArb, fc.integer({ min: 1, max: 1000 }), ({ table, sensitive }, seed) => {
        const s = classSummary(table);
        const r = tCloseness(s, sensitive, { ordered: true });
        const values = [...new Set(sensitive)].sort((a, b) => a - b);
        const m = values.length;
        for (let k = 0; k < s.classes; k++) {
          let cum = 0;
          let direct = 0;
          for (const v of values) {
            let inClass = 0;
            let all = 0;
            for (let i = 0; i < table.records; i++) {
              if (sensitive[i] === v) all++;
              if (sensitive[i] === v && s.classOf[i] === k) inClass++;
            }
            cum += inClass / s.classSize[k]! - all / table.records;
            direct += Math.abs(cum);
          }
          expect(r.perClass[k]).toBeCloseTo(m > 1 ? direct / (m - 1) : 0, 10);
        }
        const order = [...Array(table.records).keys()].sort((a, b) => ((a * seed) % 31) - ((b * seed) % 31) || a - b);
        const ps = classSummary(permuteTable(table, order));
        const psens = Int32Array.from(order, (i) => sensitive[i]!);
        expect(tCloseness(ps, psens, { ordered: true }).t).toBeCloseTo(r.t, 12);
        expect(tCloseness(ps, psens).t).toBeCloseTo(tCloseness(s, sensitive).t, 12);
        const l = lDiversity(s, sensitive);
        const pl = lDiversity(ps, psens);
        expect(pl.distinct).toBe(l.distinct);
        expect(pl.entropy).toBeCloseTo(l.entropy, 12);
        for (const v of [r.t, tCloseness(s, sensitive).t]) {
          expect(v).toBeGreaterThanOrEqual(0);
          expect(v).toBeLessThanOrEqual(1 + 1e-12);
        }
      }),
      { numRuns: 150 },
    );
  });
});

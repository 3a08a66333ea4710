// Quasi-identifier tables, equivalence classes (category and wildcard), weighted frequencies and
// distinction/separation: REFERENCE 8 vectors, hand examples, and properties against naive versions.
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { selectQis } from '../attacks/risk/qi-table.ts';
import { qiFromArrays } from './helpers/qi.ts';
import { generaliseQi as generalise } from '../safeguards/generalise/qi-table.ts';
import { classSummary, weightedFrequency } from '../attacks/risk/classes.ts';
import { combinationReport, distinction, separation } from '../attacks/risk/combinations.ts';
import { MISSING, type MissingMode, type QiTable } from '../attacks/risk/types.ts';
import { qiTableOf } from '../attacks/risk/qi-table.ts';
import { textTable } from '../src/table/text.ts';

const SDC_A = [2, 3, 2, 2, 3, 3, 1, 2];
const SDC_B = [3, 3, 3, 3, 3, 3, 4, 3];
const SDC_C = [1, 3, 1, 2, 1, 1, 1, 1];
const SDC_C_NA = [1, 3, null, 2, 1, 1, null, 1];
const SDC_W = new Float64Array([18, 45.5, 39, 17, 92, 8, 123.5, 51]);

/** The ARX toy table (age, sex, zip). */
const ARX_TOY = (): QiTable =>
  qiFromArrays(
    ['age', 'sex', 'zip'],
    [
      [34, 45, 66, 70, 34, 70, 45],
      ['m', 'f', 'm', 'f', 'f', 'm', 'm'],
      [81667, 81675, 81925, 81931, 81931, 81931, 81931],
    ],
  );

/** Naive frequencies: compare every pair of records (wildcard) or string keys (category). */
function naiveFrequency(table: QiTable, mode: MissingMode, weights?: Float64Array): Float64Array {
  const n = table.records;
  const out = new Float64Array(n);
  if (mode === 'category') {
    const key = (i: number) => table.codes.map((c) => c[i]).join('|');
    const sums = new Map<string, number>();
    for (let i = 0; i < n; i++) sums.set(key(i), (sums.get(key(i)) ?? 0) + (weights ? weights[i]! : 1));
    for (let i = 0; i < n; i++) out[i] = sums.get(key(i))!;
    return out;
  }
  for (let i = 0; i < n; i++) {
    for (let r = 0; r < n; r++) {
      const match = table.codes.every((c) => c[i] === MISSING || c[r] === MISSING || c[i] === c[r]);
      if (match) out[i]! += weights ? weights[r]! : 1;
    }
  }
  return out;
}

/** Random coded tables: small codes, some missing (never in row 0), dictionaries padded to a random size. */
const tableArb = fc
  .record({
    m: fc.integer({ min: 1, max: 5 }),
    n: fc.integer({ min: 1, max: 40 }),
    holes: fc.integer({ min: 0, max: 3 }),
    pad: fc.constantFrom(0, 5000),
  })
  .chain(({ m, n, holes, pad }) =>
    fc
      .array(fc.array(fc.integer({ min: -holes, max: 6 }), { minLength: m, maxLength: m }), { minLength: n, maxLength: n })
      .map((rows) => {
        const codes = Array.from({ length: m }, (_, j) =>
          Int32Array.from(rows, (row, i) => (row[j]! >= 0 ? row[j]! : i === 0 ? 0 : MISSING)),
        );
        const dictionaries = codes.map(() => Array.from({ length: 7 + pad }, (_, v) => `v${v}`));
        return { records: n, names: codes.map((_, j) => `q${j}`), codes, dictionaries } as QiTable;
      }),
  );

describe('qiTableFromColumns / generalise', () => {
  test('codes follow first appearance; null, undefined, "", NaN and naTokens are missing', () => {
    const t = qiFromArrays(['x', 'y'], [['b', 'a', 'b', null, 'NA', ''], [3, 1, 3, undefined, Number.NaN, 1]], { naTokens: ['NA'] });
    expect(t.records).toBe(6);
    expect([...t.codes[0]!]).toEqual([0, 1, 0, MISSING, MISSING, MISSING]);
    expect(t.dictionaries[0]).toEqual(['b', 'a']);
    expect([...t.codes[1]!]).toEqual([0, 1, 0, MISSING, MISSING, 1]);
    expect(t.dictionaries[1]).toEqual(['3', '1']);
  });

  test('bad input gets a clear error', () => {
    expect(() => qiFromArrays(['x', 'y'], [[1, 2], [1]])).toThrow(/column "y" has 1 rows/);
    expect(() => qiFromArrays(['x', 'x'], [[1], [1]])).toThrow(/given twice/);
    expect(() => qiTableOf(textTable({ x: ['1'] }), ['zip'])).toThrow(/no column "zip"/);
    expect(() => qiFromArrays(['x'], [[null, 'NA']], { naTokens: ['NA'] })).toThrow(/"x" has only missing values/);
    expect(() => qiFromArrays([], [])).toThrow(/no quasi-identifiers/);
    expect(() => generalise(ARX_TOY(), 'height', (v) => v)).toThrow(/unknown quasi-identifier "height"/);
    expect(() => classSummary(qiFromArrays(['x'], [[]]))).toThrow(/empty/);
  });

  test('generalise equals building the table from the mapped column', () => {
    const toy = ARX_TOY();
    const map = (v: string) => (Number(v) < 50 ? '<50' : Number(v) === 70 ? null : '>=50');
    const g = generalise(toy, 'age', map);
    const direct = qiFromArrays(['age'], [[34, 45, 66, 70, 34, 70, 45].map((v) => map(String(v)))]);
    expect([...g.codes[0]!]).toEqual([...direct.codes[0]!]);
    expect(g.dictionaries[0]).toEqual(direct.dictionaries[0]);
    expect(g.codes[1]).toBe(toy.codes[1]); // other columns shared
  });
});

describe('classSummary: REFERENCE 8 vectors', () => {
  test('sdcMicro freqCalc with weights: f_k and F_k', () => {
    const t = qiFromArrays(['A', 'B', 'C'], [SDC_A, SDC_B, SDC_C]);
    const s = classSummary(t);
    expect([...s.frequency]).toEqual([3, 1, 3, 1, 2, 2, 1, 3]);
    expect([...weightedFrequency(t, s, SDC_W)]).toEqual([108, 45.5, 108, 17, 100, 100, 123.5, 108]);
    expect(s.classes).toBe(5);
    expect([...s.sizes]).toEqual([1, 2, 3]);
    expect([...s.sizeCounts]).toEqual([3, 1, 1]);
  });

  test('sdcMicro with NA as a wildcard: f_k and F_k', () => {
    const t = qiFromArrays(['A', 'B', 'C'], [SDC_A, SDC_B, SDC_C_NA]);
    const s = classSummary(t, 'wildcard');
    expect([...s.frequency]).toEqual([3, 1, 4, 2, 2, 2, 1, 3]);
    expect([...weightedFrequency(t, s, SDC_W)]).toEqual([108, 45.5, 125, 56, 100, 100, 123.5, 108]);
    // as a category of its own, NA only matches NA
    expect([...classSummary(t).frequency]).toEqual([2, 1, 1, 1, 2, 2, 1, 2]);
  });

  test('ARX wildcard table (sex, zip): frequencies (6,6,6,7,7,2,4,6)', () => {
    const t = qiFromArrays(
      ['sex', 'zip'],
      [
        ['M', 'M', 'M', '*', '*', 'F', 'F', 'M'],
        ['4711', '4711', '4711', '4711', '4711', '4712', '*', '*'],
      ],
      { naTokens: ['*'] },
    );
    expect([...classSummary(t, 'wildcard').frequency]).toEqual([6, 6, 6, 7, 7, 2, 4, 6]);
  });

  test('ARX toy: every record unique; 2-anonymous after generalisation', () => {
    expect([...classSummary(ARX_TOY()).frequency]).toEqual([1, 1, 1, 1, 1, 1, 1]);
    let g = generalise(ARX_TOY(), 'age', (v) => (Number(v) < 50 ? '<50' : '>=50'));
    g = generalise(g, 'sex', () => '*');
    g = generalise(g, 'zip', (v) => `${v.slice(0, 3)}**`);
    const s = classSummary(g);
    expect(s.classes).toBe(3);
    expect([...s.frequency]).toEqual([2, 2, 3, 3, 2, 3, 2]);
  });
});

describe('classSummary: properties', () => {
  test('category and wildcard frequencies and weighted frequencies agree with naive versions', () => {
    fc.assert(
      fc.property(tableArb, fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: 40, maxLength: 40 }), (t, w) => {
        const weights = Float64Array.from(w.slice(0, t.records));
        for (const mode of ['category', 'wildcard'] as const) {
          const s = classSummary(t, mode);
          expect([...s.frequency]).toEqual([...naiveFrequency(t, mode)]);
          const F = weightedFrequency(t, s, weights);
          const naive = naiveFrequency(t, mode, weights);
          F.forEach((v, i) => expect(v).toBeCloseTo(naive[i]!, 9));
        }
      }),
      { numRuns: 150 },
    );
  });

  test('classes partition the records by their code tuple (string-key Map)', () => {
    fc.assert(
      fc.property(tableArb, (t) => {
        const s = classSummary(t);
        const ids = new Map<string, number>();
        for (let i = 0; i < t.records; i++) {
          const key = t.codes.map((c) => c[i]).join('|');
          if (!ids.has(key)) ids.set(key, ids.size); // first appearance, as classSummary numbers them
          expect(s.classOf[i]).toBe(ids.get(key));
        }
        expect(s.classes).toBe(ids.size);
        const total = [...s.sizes].reduce((a, size, k) => a + size * s.sizeCounts[k]!, 0);
        expect(total).toBe(t.records);
      }),
      { numRuns: 150 },
    );
  });

  test('wildcard frequencies are never below category frequencies', () => {
    fc.assert(
      fc.property(tableArb, (t) => {
        const cat = classSummary(t, 'category').frequency;
        const wild = classSummary(t, 'wildcard').frequency;
        cat.forEach((f, i) => expect(wild[i]).toBeGreaterThanOrEqual(f));
      }),
      { numRuns: 100 },
    );
  });

  test('large tables: hashed and partitioned grouping agree with a string-key Map', () => {
    let x = 2463534242;
    const rnd = (k: number) => {
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      return (x >>> 0) % k;
    };
    const n = 200_000;
    const cols = [100, 100, 7, 100].map((k) => Int32Array.from({ length: n }, () => rnd(k)));
    const t: QiTable = { records: n, names: ['a', 'b', 'c', 'd'], codes: cols, dictionaries: cols.map(() => Array.from({ length: 100 }, String)) };
    expect([...classSummary(t).frequency]).toEqual([...naiveFrequency(t, 'category')]);
    // wildcard on 3000 records with 5% missing cells and a large key space (hashed lookups)
    const small = selectQis({ ...t, records: 3000, codes: cols.map((c) => c.slice(0, 3000).map((v, i) => ((i * 31 + v) % 20 === 0 ? MISSING : v))) }, [0, 1, 2, 3]);
    expect([...classSummary(small, 'wildcard').frequency]).toEqual([...naiveFrequency(small, 'wildcard')]);
  });
});

describe('distinction, separation, combinationReport', () => {
  // ARX toy: age 34,45,66,70,34,70,45 -> classes 2,2,1,2: distinction 4/7, separation 1 - 6/42;
  // sex m,f,m,f,f,m,m -> 4 and 3: distinction 2/7, separation 1 - (12 + 6)/42.
  test('hand-computed values on the ARX toy', () => {
    const toy = ARX_TOY();
    expect(distinction(toy, [0])).toBeCloseTo(4 / 7, 15);
    expect(separation(toy, [0])).toBeCloseTo(1 - 6 / 42, 15);
    expect(distinction(toy, [1])).toBeCloseTo(2 / 7, 15);
    expect(separation(toy, [1])).toBeCloseTo(24 / 42, 15);
    expect(distinction(toy, [0, 1, 2])).toBe(1);
    expect(separation(toy, [0, 1, 2])).toBe(1);
    const report = combinationReport(toy, 2);
    expect(report.map((r) => r.names.join('+'))).toEqual(['age', 'sex', 'zip', 'age+sex', 'age+zip', 'sex+zip']);
    expect(report[0]!.sampleUniqueness).toBeCloseTo(1 / 7, 15);
    expect(combinationReport(toy, 5)).toHaveLength(7);
    expect(() => separation(qiFromArrays(['x'], [[1]]), [0])).toThrow(/at least 2 records/);
  });
});

// SUDA (attacks/risk/suda): a hand-enumerated table, sdcMicro's published suda2 examples, a brute-force
// check on random tables, and the 50,000 x 8 timing.
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { suda } from '../attacks/risk/suda/index.ts';
import { MISSING, type QiTable } from '../attacks/risk/types.ts';
import { streamKey, uniform } from '../src/random/prng.ts';

/** A QI table from string columns (null = missing). */
function table(columns: Record<string, readonly (string | null)[]>): QiTable {
  const names = Object.keys(columns);
  const records = columns[names[0]].length;
  const dictionaries: string[][] = [];
  const codes: Int32Array[] = [];
  for (const name of names) {
    const dictionary: string[] = [];
    codes.push(
      Int32Array.from(columns[name], (v) => {
        if (v === null) return MISSING;
        const k = dictionary.indexOf(v);
        return k >= 0 ? k : dictionary.push(v) - 1;
      }),
    );
    dictionaries.push(dictionary);
  }
  return { records, names, codes, dictionaries };
}

/** A QI table straight from code columns (-1 = missing) with dictionaries of the given sizes. */
function coded(columns: readonly number[][], sizes: readonly number[]): QiTable {
  return {
    records: columns[0].length,
    names: columns.map((_, j) => `q${j}`),
    codes: columns.map((c) => Int32Array.from(c)),
    dictionaries: sizes.map((s) => Array.from({ length: s }, (_, v) => `v${v}`)),
  };
}

/** Every MSU by definition: unique on S, not unique on any S minus one QI (the empty set does not count). */
function bruteForce(t: QiTable, maxMsuSize: number) {
  const M = t.codes.length;
  const n = t.records;
  const unique = (r: number, mask: number) => {
    for (let o = 0; o < n; o++) {
      if (o === r) continue;
      let same = true;
      for (let j = 0; j < M && same; j++) if (mask & (1 << j) && t.codes[j][o] !== t.codes[j][r]) same = false;
      if (same) return false;
    }
    return true;
  };
  const factorial = (k: number): number => (k <= 1 ? 1 : k * factorial(k - 1));
  const msus: { record: number; qis: number[] }[] = [];
  const score = new Float64Array(n);
  const attribute = new Float64Array(M);
  for (let r = 0; r < n; r++) {
    for (let mask = 1; mask < 1 << M; mask++) {
      const qis = [...Array(M).keys()].filter((j) => mask & (1 << j));
      if (qis.length > maxMsuSize || !unique(r, mask)) continue;
      if (qis.length > 1 && qis.some((j) => unique(r, mask ^ (1 << j)))) continue;
      msus.push({ record: r, qis });
      const s = factorial(M - qis.length);
      score[r] += s;
      for (const j of qis) attribute[j] += s;
    }
  }
  const total = score.reduce((a, b) => a + b, 0);
  // The order suda() lists them in: by record, then size, then QI indices.
  msus.sort((a, b) => a.record - b.record || a.qis.length - b.qis.length || a.qis.join().localeCompare(b.qis.join()));
  return { msus, score, contributions: attribute.map((a) => (total > 0 ? (100 * a) / total : 0)) };
}

describe('suda: a table enumerated by hand', () => {
  // QIs sex, age, zip (M = 3: an MSU of size 1 scores 2! = 2, of size 2 scores 1! = 1).
  //   r0 F 30 A | r1 F 30 B | r2 M 30 A | r3 M 40 A | r4 M 40 - | r5 M 40 -     (- = missing)
  // Single QIs: sex F{0,1} M{2,3,4,5}; age 30{0,1,2} 40{3,4,5}; zip A{0,2,3} B{1} -{4,5}
  //   -> r1 is unique on {zip}: an MSU (2). Missing is a category, so r4 and r5 agree on zip.
  // Pairs: {sex,age} (F,30){0,1} (M,30){2} (M,40){3,4,5} -> r2, non-unique on sex and on age: MSU (1).
  //        {sex,zip} (F,A){0} (F,B){1} (M,A){2,3} (M,-){4,5} -> r0: MSU (1); r1 is not minimal.
  //        {age,zip} (30,A){0,2} (30,B){1} (40,A){3} (40,-){4,5} -> r3: MSU (1); r1 is not minimal.
  // All three: r0..r3 are unique but each already on a pair or on {zip}; r4 = r5 never unique.
  // Scores (1, 2, 1, 1, 0, 0), total 5. Contributions: sex in r0's and r2's MSUs = 2/5 = 40%;
  // age in r2's and r3's = 40%; zip in r0's, r1's (2) and r3's = 4/5 = 80%.
  const t = table({
    sex: ['F', 'F', 'M', 'M', 'M', 'M'],
    age: ['30', '30', '30', '40', '40', '40'],
    zip: ['A', 'B', 'A', 'A', null, null],
  });

  test('scores, MSU counts, MSUs and attribute contributions', () => {
    const r = suda(t, { collectMsus: true });
    expect([...r.score]).toEqual([1, 2, 1, 1, 0, 0]);
    expect([...r.msuCount]).toEqual([1, 1, 1, 1, 0, 0]);
    expect(r.msus).toEqual([
      { record: 0, qis: [0, 2] },
      { record: 1, qis: [2] },
      { record: 2, qis: [0, 1] },
      { record: 3, qis: [1, 2] },
    ]);
    expect([...r.attributeContributions]).toEqual([40, 40, 80]);
    expect([...r.msuCountBySize]).toEqual([0, 1, 3, 0]);
    expect(r.totalScore).toBe(5);
    expect(r.explanation).toMatch(/4 of 6 \(66.7%\) records/);
  });

  test('maxMsuSize = 1 keeps only r1\'s MSU, with its full (M - 1)! score', () => {
    const r = suda(t, { maxMsuSize: 1 });
    expect([...r.score]).toEqual([0, 2, 0, 0, 0, 0]);
    expect([...r.attributeContributions]).toEqual([0, 0, 100]);
  });

  test('DIS-SUDA follows sdcMicro\'s formula', () => {
    // U = 4 sample uniques, P = 2 records in a pair; f = 0.1: DIS = 0.4 / (0.4 + 1.8); U/DIS - U = 18.
    // q = 1 + (8 - 3)/20 = 1.25; A = 3 * 1^-q + 2^-q.
    const q = 1.25;
    const A = 3 + 2 ** -q;
    const dis = (s: number) => 1 / (1 + 18 / (s ** q * A));
    const r = suda(t, { disFraction: 0.1 });
    const expected = [dis(1), dis(2), dis(1), dis(1), 0, 0];
    r.disScore!.forEach((v, i) => expect(v).toBeCloseTo(expected[i], 12));
    expect(suda(t).disScore).toBeNull();
  });
});

describe('suda: sdcMicro\'s published suda2 examples (tests/testthat/test_suda2.R)', () => {
  test('"simple example contribution": contributions 50, 37.5, 37.5 in every column order', () => {
    const a = ['2', '1', '1'];
    const b = ['0', '3', '0'];
    const c = ['0', '6', '0'];
    expect([...suda(table({ a, b, c })).attributeContributions]).toEqual([50, 37.5, 37.5]);
    expect([...suda(table({ a, c, b })).attributeContributions]).toEqual([50, 37.5, 37.5]);
    expect([...suda(table({ c, a, b })).attributeContributions]).toEqual([37.5, 50, 37.5]);
    expect([...suda(table({ c, b, a })).attributeContributions]).toEqual([37.5, 37.5, 50]);
  });

  test('"book example": scores of records 5..8 are 4, 2, 6, 8', () => {
    const t = table({
      age: [...Array(7).fill('20s'), '60s'],
      gender: [...Array(4).fill('male'), ...Array(3).fill('female'), 'male'],
      income: ['50k+', '50k+', ...Array(6).fill('50k-')],
      education: [...Array(4).fill('highschool'), 'university', 'highschool', 'middleschool', 'university'],
    });
    expect([...suda(t).score.slice(4, 8)]).toEqual([4, 2, 6, 8]);
  });

  test('"sdc guideline": scores 0, 0, 6, 0, 12, 0, 6, 10, 0, 0', () => {
    const t = table({
      Residence: ['Urban', 'Urban', 'Urban', 'Urban', 'Rural', 'Urban', 'Urban', 'Urban', 'Urban', 'Urban'],
      Gender: ['Female', 'Female', 'Female', 'Male', 'Female', 'Male', 'Female', 'Male', 'Female', 'Female'],
      Education: [
        'Secondary incomplete', 'Secondary incomplete', 'Primary incomplete', 'Secondary complete', 'Secondary complete',
        'Secondary complete', 'Primary complete', 'Post-secondary', 'Secondary incomplete', 'Secondary incomplete',
      ],
      Labor: ['Employed', 'Employed', 'Non-LF', 'Employed', 'Unemployed', 'Employed', 'Non-LF', 'Unemployed', 'Non-LF', 'Non-LF'],
    });
    expect([...suda(t).score]).toEqual([0, 0, 6, 0, 12, 0, 6, 10, 0, 0]);
  });
});

describe('suda: against exhaustive enumeration', () => {
  test('random small tables (with missing values): same MSUs, scores and contributions as brute force', () => {
    const generator = fc
      .record({ M: fc.integer({ min: 1, max: 5 }), n: fc.integer({ min: 1, max: 14 }) })
      .chain(({ M, n }) =>
        fc.record({
          sizes: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: M, maxLength: M }),
          raw: fc.array(fc.array(fc.nat(), { minLength: n, maxLength: n }), { minLength: M, maxLength: M }),
          maxMsuSize: fc.integer({ min: 1, max: M }),
        }),
      );
    fc.assert(
      fc.property(generator, ({ sizes, raw, maxMsuSize }) => {
        // Code (size + 1) of each draw is missing.
        const columns = raw.map((col, j) => col.map((v) => (v % (sizes[j] + 1) === sizes[j] ? MISSING : v % (sizes[j] + 1))));
        const t = coded(columns, sizes);
        const expected = bruteForce(t, maxMsuSize);
        const r = suda(t, { maxMsuSize, collectMsus: true });
        expect(r.msus).toEqual(expected.msus);
        expect([...r.score]).toEqual([...expected.score]);
        expect([...r.msuCount]).toEqual([...t.codes[0]].map((_, i) => expected.msus.filter((m) => m.record === i).length));
        [...r.attributeContributions].forEach((v, j) => expect(v).toBeCloseTo(expected.contributions[j], 10));
      }),
      { numRuns: 400 },
    );
  });
});

describe('suda: bad input', () => {
  const t = table({ a: ['1', '2'], b: ['1', '1'] });
  test('clear errors', () => {
    const many = coded(Array.from({ length: 11 }, () => [0, 1]), Array(11).fill(2));
    expect(() => suda(many)).toThrow(/11 quasi-identifiers exceed maxQi = 10/);
    expect(suda(many, { maxQi: 11 }).records).toBe(2);
    expect(() => suda(t, { maxQi: 31 })).toThrow(/maxQi/);
    expect(() => suda({ ...t, records: 0, codes: [new Int32Array(0), new Int32Array(0)] })).toThrow(/empty/);
    expect(() => suda({ records: 2, names: [], codes: [], dictionaries: [] })).toThrow(/no quasi-identifiers/);
    expect(() => suda(t, { maxMsuSize: 3 })).toThrow(/maxMsuSize/);
    expect(() => suda(t, { maxMsuSize: 0 })).toThrow(/maxMsuSize/);
    expect(() => suda(t, { disFraction: 0 })).toThrow(/disFraction/);
    expect(() => suda(t, { disFraction: 1.2 })).toThrow(/disFraction/);
    expect(() => suda(coded([[0, 5]], [2]))).toThrow(/code 5 is outside its dictionary of 2 values/);
    expect(() => suda(coded([[0, -2]], [2]))).toThrow(/code -2/);
    expect(() => suda({ ...t, codes: [Int32Array.of(0), Int32Array.of(0, 0)] })).toThrow(/has 1 codes for 2 records/);
    expect(() => suda({ ...t, names: ['a'] })).toThrow(/names/);
  });

  test('a single record is unique on every single QI', () => {
    const r = suda(table({ a: ['x'], b: ['y'], c: ['z'] }));
    expect([...r.score]).toEqual([3 * 2]);
    expect([...r.msuCount]).toEqual([3]);
  });
});

describe('suda: scale', () => {
  test('50,000 records x 8 QIs (timing printed, not asserted)', () => {
    const n = 50_000;
    const cardinalities = [90, 2, 50, 6, 5, 16, 10, 12]; // age, sex, state, race, marital, education, income, month
    const key = streamKey(7, 'suda-timing');
    const codes = cardinalities.map((card, j) => Int32Array.from({ length: n }, (_, i) => Math.floor(card * uniform(key, i, j) ** 1.2)));
    const t: QiTable = {
      records: n,
      names: cardinalities.map((_, j) => `q${j}`),
      codes,
      dictionaries: cardinalities.map((card) => Array.from({ length: card }, (_, v) => `${v}`)),
    };
    const start = performance.now();
    const r = suda(t);
    const ms = performance.now() - start;
    let withMsu = 0;
    for (const s of r.score) if (s > 0) withMsu++;
    console.log(
      `suda: ${n} records x ${cardinalities.length} QIs in ${ms.toFixed(0)} ms; ${r.subsetsSearched} subsets searched; ` +
        `${withMsu} records with an MSU; MSUs by size ${[...r.msuCountBySize].join(', ')}`,
    );
    expect(r.score.length).toBe(n);
  });
});

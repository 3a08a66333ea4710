// Hierarchies as data and optimal k-anonymity: the ARX CSV parser, the built-in hierarchies, the lattice
// search against brute force over the whole lattice, and the guarantees of the release (k, l, t).
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parseArxHierarchy } from '../safeguards/generalise/arx-csv.ts';
import { ageLevels, dateLevels, icd10Levels, zipLevels } from '../safeguards/generalise/builtin.ts';
import type { Hierarchy } from '../safeguards/generalise/hierarchy.ts';
import { isDiverse, type Criteria, type LDiversity } from '../safeguards/k-anonymity/criteria.ts';
import { kAnonymise } from '../safeguards/k-anonymity/k-anonymise.ts';
import { latticeOf, levelsOf } from '../safeguards/k-anonymity/lattice.ts';
import { informationLoss, METRICS, type MetricName } from '../safeguards/k-anonymity/metrics.ts';
import { nodeClasses, prepare } from '../safeguards/k-anonymity/prepared.ts';
import { optimalNode, outcomeOf } from '../safeguards/k-anonymity/search.ts';
import { fromRecords, tableOf, textColumn, toRecords } from '../src/table/table.ts';

describe('hierarchies', () => {
  test('ARX CSV: rows of levels, quotes, blank lines', () => {
    const h = parseArxHierarchy('a;x;*\r\n"b;1";x;*\n\n"c""";y;*\n');
    expect(h.rows).toEqual([['a', 'x', '*'], ['b;1', 'x', '*'], ['c"', 'y', '*']]);
  });
  test('ARX CSV: ragged rows and a value generalising two ways are errors naming the value', () => {
    expect(() => parseArxHierarchy('a;x;*\nb;x\n', 'h.csv')).toThrow(/h.csv: row 2 \("b"\) has 2 levels/);
    expect(() => parseArxHierarchy('a;x;*\nb;x;y\n', 'h.csv')).toThrow(/"x" at level 1 generalises to both "\*" and "y"/);
  });
  test('built-in levels', () => {
    expect(zipLevels('10027')).toEqual(['10027', '100**', 'NY', '*']);
    expect(dateLevels('1948-07-21')).toEqual(['1948-07-21', '1948-07', '1948', '1945-1949', '*']);
    expect(ageLevels('67')).toEqual(['67', '65-69', '60-69', '60-79', '*']);
    expect(icd10Levels('E11.9')).toEqual(['E11.9', 'E11', 'chapter IV', '*']);
    expect(icd10Levels('D48')[2]).toBe('chapter II');
    expect(icd10Levels('T14')[2]).toBe('chapter XIX');
    expect(icd10Levels('U07')[2]).toBe('chapter XXII');
  });
});

describe('metrics, by hand', () => {
  // Ages 1,1,2,3 with hierarchy 1,2 -> "1-2"; 3 -> "3-4"; then '*'.
  const table = fromRecords([{ a: '1' }, { a: '1' }, { a: '2' }, { a: '3' }]);
  const h: Hierarchy = { rows: [['1', '1-2', '*'], ['2', '1-2', '*'], ['3', '3-4', '*']] };
  const p = prepare(table, ['a'], { a: h });
  const node = (levels: number[]) => () => outcomeOf(p, levels, { k: 1 });
  test('non-uniform entropy: sum a log2(b/a)', () => {
    expect(informationLoss('entropy', p, [1], node([1]))).toBeCloseTo(2 * Math.log2(3 / 2) + Math.log2(3), 9);
    expect(informationLoss('entropy', p, [2], node([2]))).toBeCloseTo(2 * Math.log2(2) + 2 * Math.log2(4), 9);
  });
  test('discernibility: sum of squared class sizes; aecs; precision', () => {
    expect(informationLoss('discernibility', p, [1], node([1]))).toBe(3 * 3 + 1);
    expect(informationLoss('aecs', p, [1], node([1]))).toBe(2);
    expect(informationLoss('precision', p, [1], node([1]))).toBe(0.5);
  });
  test('with k = 2 the class of "3" is suppressed: DM counts n per suppressed row', () => {
    const out = () => outcomeOf(p, [1], { k: 2 });
    expect(out().suppressed).toBe(1);
    expect(informationLoss('discernibility-nm', p, [1], out)).toBe(9 + 4);
    expect(informationLoss('precision', p, [1], out)).toBe((3 * 0.5 + 1) / 4);
  });
});

// A random table of 3 quasi-identifiers (values 0..5) with random two-step hierarchies, and a sensitive column.
const arbTable = fc.record({
  rows: fc.array(fc.tuple(fc.nat(5), fc.nat(5), fc.nat(3), fc.nat(3)), { minLength: 1, maxLength: 60 }),
  splits: fc.array(fc.tuple(fc.nat(2), fc.nat(1)), { minLength: 3, maxLength: 3 }),
});
type Spec = { rows: [number, number, number, number][]; splits: [number, number][] };
function build({ rows, splits }: Spec) {
  const names = ['q0', 'q1', 'q2'];
  const columns = Object.fromEntries(names.map((n, j) => [n, textColumn(rows.map((r) => `v${r[j]}`))]));
  columns.s = textColumn(rows.map((r) => `s${r[3]}`));
  const hierarchies: Record<string, Hierarchy> = {};
  names.forEach((n, j) => {
    const [w, deep] = splits[j]!;
    const width = w + 2; // values grouped in bands of 2..4, then (maybe) pairs of bands, then '*'
    hierarchies[n] = {
      rows: [0, 1, 2, 3, 4, 5].map((v) => {
        const band = Math.floor(v / width);
        return deep ? [`v${v}`, `b${band}`, `c${band >> 1}`, '*'] : [`v${v}`, `b${band}`, '*'];
      }),
    };
  });
  return { table: tableOf(columns), names, hierarchies };
}

/** Brute force: every node checked and scored. */
function bruteForce(p: ReturnType<typeof prepare>, criteria: Criteria, max: number, metric: MetricName): number | null {
  const lattice = latticeOf(p.hierarchies.map((h) => h.height));
  let best: number | null = null;
  for (let node = 0; node < lattice.size; node++) {
    const levels = levelsOf(lattice, node);
    const outcome = outcomeOf(p, levels, criteria);
    if (outcome.suppressed > max) continue;
    const loss = informationLoss(metric, p, levels, () => outcome);
    if (best === null || loss < best) best = loss;
  }
  return best;
}

const arbCriteria = fc.record({
  k: fc.integer({ min: 1, max: 6 }),
  limit: fc.constantFrom(0, 0.05, 0.2),
  metric: fc.constantFrom(...METRICS),
  l: fc.option(fc.record({ variant: fc.constantFrom('distinct', 'entropy', 'recursive'), l: fc.integer({ min: 2, max: 3 }), c: fc.constantFrom(1, 2) }), { nil: undefined }),
  t: fc.option(fc.constantFrom(0.2, 0.5), { nil: undefined }),
});

describe('optimal search', () => {
  test('finds the optimum of brute force over the whole lattice (k, l, t, every metric)', () => {
    fc.assert(
      fc.property(arbTable, arbCriteria, (spec, c) => {
        const { table, names, hierarchies } = build(spec);
        const p = prepare(table, names, hierarchies, 's');
        const criteria: Criteria = { k: c.k, lDiversity: c.l as Criteria['lDiversity'], tCloseness: c.t === undefined ? undefined : { t: c.t } };
        const max = Math.floor(c.limit * table.rows);
        const found = optimalNode(p, criteria, max, c.metric);
        const expected = bruteForce(p, criteria, max, c.metric);
        if (expected === null) return found === null;
        expect(found).not.toBeNull();
        expect(found!.outcome.suppressed).toBeLessThanOrEqual(max);
        expect(found!.informationLoss).toBeCloseTo(expected, 9);
      }),
      { numRuns: 150 },
    );
  });

  test('roll-up from a node below gives the same classes as grouping the tuples', () => {
    fc.assert(
      fc.property(arbTable, fc.array(fc.nat(3), { minLength: 3, maxLength: 3 }), (spec, raw) => {
        const { table, names, hierarchies } = build(spec);
        const p = prepare(table, names, hierarchies);
        const top = raw.map((l, j) => l % p.hierarchies[j]!.height);
        const low = top.map((l) => Math.max(0, l - 1));
        const direct = nodeClasses(p, top);
        const rolled = nodeClasses(p, top, nodeClasses(p, low));
        expect(rolled.classes).toBe(direct.classes);
        for (let t = 0; t < p.tuples; t++) expect(rolled.size[rolled.classOf[t]!]).toBe(direct.size[direct.classOf[t]!]);
      }),
      { numRuns: 100 },
    );
  });
});

describe('kAnonymise: the release meets what was asked', () => {
  test('every class of the release has k rows and its l-diverse, t-close sensitive values; truth stays aligned', () => {
    fc.assert(
      fc.property(arbTable, arbCriteria, (spec, c) => {
        const { table, names, hierarchies } = build(spec);
        const truth = Int32Array.from({ length: table.rows }, (_, i) => 1000 + i);
        const options = {
          quasiIdentifiers: names, hierarchies, k: c.k, suppressionLimit: c.limit, metric: c.metric, sensitive: 's',
          lDiversity: c.l as Criteria['lDiversity'], tCloseness: c.t === undefined ? undefined : { t: c.t },
        };
        let out;
        try {
          out = kAnonymise({ table, truth }, options);
        } catch (e) {
          expect((e as Error).message).toMatch(/no generalisation meets the criteria/);
          return;
        }
        const summary = out.applied[0]!.summary as { suppressed: number; levels: Record<string, number> };
        expect(out.table.rows).toBe(table.rows - summary.suppressed);
        expect(summary.suppressed).toBeLessThanOrEqual(Math.floor(c.limit * table.rows));
        const [before, after] = [toRecords(table), toRecords(out.table)];
        Array.from(out.truth).forEach((id, i) => expect(after[i]!.s).toBe(before[id - 1000]!.s));
        if (out.table.rows === 0) return;
        // Re-check the release itself, independently: its classes by their quasi-identifier values.
        const classes = new Map<string, string[]>();
        for (const r of after) {
          const key = JSON.stringify(names.map((n) => r[n]));
          classes.set(key, [...(classes.get(key) ?? []), String(r.s)]);
        }
        const share = (values: string[], v: string) => values.filter((x) => x === v).length / values.length;
        const everywhere = before.map((r) => String(r.s));
        const sensitiveValues = [...new Set(everywhere)];
        for (const values of classes.values()) {
          expect(values.length).toBeGreaterThanOrEqual(c.k);
          if (c.l) expect(isDiverse([...new Set(values)].map((v) => values.filter((x) => x === v).length), c.l as LDiversity)).toBe(true);
          // Equal-distance EMD to the input's distribution (half the L1 distance).
          const emd = sensitiveValues.reduce((a, v) => a + Math.abs(share(values, v) - share(everywhere, v)), 0) / 2;
          if (c.t !== undefined) expect(emd).toBeLessThanOrEqual(c.t + 1e-9);
        }
      }),
      { numRuns: 120 },
    );
  });

  test('l-diversity by hand: distinct, entropy, recursive (c,l)', () => {
    expect(isDiverse([5, 1], { variant: 'distinct', l: 2 })).toBe(true);
    expect(isDiverse([5, 1], { variant: 'entropy', l: 2 })).toBe(false);
    expect(isDiverse([1, 1], { variant: 'entropy', l: 2 })).toBe(true);
    expect(isDiverse([3, 2, 2], { variant: 'recursive', l: 2, c: 1 })).toBe(true); // 3 < 1 x (2 + 2)
    expect(isDiverse([5, 2, 2], { variant: 'recursive', l: 2, c: 1 })).toBe(false);
  });

  test('options are checked, each error naming the option', () => {
    const table = fromRecords([{ a: '1' }]);
    const base = { quasiIdentifiers: ['a'], hierarchies: { a: { rows: [['1', '*']] } } };
    const input = { table, truth: Int32Array.of(1) };
    expect(() => kAnonymise(input, { ...base, k: 0 })).toThrow(/^--k: must be/);
    expect(() => kAnonymise(input, { ...base, suppressionLimit: 1 })).toThrow(/^--suppressionLimit:/);
    expect(() => kAnonymise(input, { ...base, metric: 'nope' as MetricName })).toThrow(/^--metric: must be one of/);
    expect(() => kAnonymise(input, { ...base, lDiversity: { variant: 'distinct', l: 2 } })).toThrow(/^--sensitive: must name/);
    expect(() => kAnonymise(input, { ...base, hierarchies: {} })).toThrow(/--hierarchies: has none for quasi-identifier "a"/);
  });
});

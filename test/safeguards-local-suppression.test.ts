// Local (cell) suppression and record suppression to k-anonymity: on random tables every class of the
// release (by its quasi-identifier values, '*' a value of its own) has at least k rows, so every record
// also matches k records when '*' matches anything (sdcMicro); only '*' is written; the counts recorded
// per column are the table diff; rows of classes already of k are untouched. Checked by naive loops.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { localSuppression, type LocalSuppressionOptions } from '../safeguards/suppress/local-suppression.ts';
import { applyPipeline } from '../safeguards/registry.ts';
import { fromRecords, numberColumn, tableOf, textColumn, toRecords, type Value } from '../src/table/table.ts';

type Row = Record<string, Value>;
const key = (r: Row, qis: readonly string[]) => JSON.stringify(qis.map((q) => (r[q] === null ? null : String(r[q]))));

/** Class size of each row, naively. */
function classSizes(rows: readonly Row[], qis: readonly string[]): number[] {
  const count = new Map<string, number>();
  for (const r of rows) count.set(key(r, qis), (count.get(key(r, qis)) ?? 0) + 1);
  return rows.map((r) => count.get(key(r, qis))!);
}

/** sdcMicro's reading: '*' matches any value; the rows each row matches, itself included. */
function wildcardMatches(rows: readonly Row[], qis: readonly string[]): number[] {
  const same = (a: Value, b: Value) => a === '*' || b === '*' || (a === null ? b === null : b !== null && String(a) === String(b));
  return rows.map((r) => rows.filter((s) => qis.every((q) => same(r[q]!, s[q]!))).length);
}

const arbCase = fc.record({
  rows: fc.array(
    fc.record({
      a: fc.option(fc.constantFrom('x', 'y', 'z', '*'), { nil: null, freq: 8 }),
      b: fc.integer({ min: 0, max: 6 }),
      c: fc.constantFrom('p', 'q'),
      d: fc.integer({ min: 0, max: 3 }),
    }),
    { minLength: 0, maxLength: 70 },
  ),
  qis: fc.subarray(['a', 'b', 'c', 'd'], { minLength: 1 }),
  k: fc.integer({ min: 1, max: 6 }),
  reversed: fc.boolean(),
});

function tableFor(rows: readonly { a: string | null; b: number; c: string; d: number }[]) {
  return tableOf({
    a: textColumn(rows.map((r) => r.a)),
    b: numberColumn(rows.map((r) => r.b)),
    c: textColumn(rows.map((r) => r.c)),
    d: numberColumn(rows.map((r) => r.d)),
    payload: numberColumn(rows.map((_, i) => i * 3)),
  });
}

describe('local suppression (cells)', () => {
  test("by hand: the one odd ZIP becomes '*' and joins no class, so its age goes too; the rest untouched", () => {
    const table = fromRecords([
      { zip: '10001', age: 40 }, { zip: '10001', age: 40 }, { zip: '10001', age: 40 },
      { zip: '10002', age: 50 }, { zip: '10002', age: 50 }, { zip: '10002', age: 50 },
      { zip: '10003', age: 60 },
    ]);
    const out = localSuppression({ table, truth: Int32Array.from({ length: 7 }, (_, i) => i) }, { quasiIdentifiers: ['zip', 'age'], k: 2 });
    // No single '*' rescues row 7: '*' in age (the less important on a tie) leaves (10003, *) alone, then '*' in zip
    // gives (*, *), still alone, so the last row of the first class of 3 (which can spare one) is starred to join it.
    const after = toRecords(out.table);
    expect(after[6]).toEqual({ zip: '*', age: '*' });
    expect(after.filter((r) => r.zip === '*').length).toBe(2);
    expect(out.applied[0]!.summary).toMatchObject({ cellsSuppressed: { zip: 2, age: 2 }, totalCellsSuppressed: 4, recordsTouched: 2, recordsFullyStarredToFillUp: 1, classes: 3, smallestClass: 2 });
  });

  test('by hand: the column whose suppression merges the most small classes is chosen', () => {
    // Small rows (1, M), (2, M), (3, M): '*' in zip merges them into (*, M) x 3; '*' in sex leaves (1, *) etc. alone.
    const table = fromRecords([
      { zip: '1', sex: 'M' }, { zip: '2', sex: 'M' }, { zip: '3', sex: 'M' },
      { zip: '4', sex: 'F' }, { zip: '4', sex: 'F' }, { zip: '4', sex: 'F' },
    ]);
    const out = localSuppression({ table, truth: new Int32Array(6) }, { quasiIdentifiers: ['zip', 'sex'], k: 3 });
    expect(toRecords(out.table).map((r) => `${r.zip}${r.sex}`)).toEqual(['*M', '*M', '*M', '4F', '4F', '4F']);
    expect(out.applied[0]!.summary).toMatchObject({ cellsSuppressed: { zip: 3, sex: 0 }, recordsFullyStarredToFillUp: 0 });
  });

  test('importance breaks ties: the less important column is suppressed', () => {
    // Four singletons, k = 2: '*' in u and '*' in v each make two classes of 2 (a tie).
    const table = fromRecords([
      { u: 'a', v: 'x' }, { u: 'a', v: 'y' }, { u: 'b', v: 'x' }, { u: 'b', v: 'y' },
    ]);
    const input = { table, truth: new Int32Array(4) };
    const first = localSuppression(input, { quasiIdentifiers: ['u', 'v'], k: 2 });
    expect(first.applied[0]!.summary).toMatchObject({ cellsSuppressed: { u: 0, v: 4 } });
    const second = localSuppression(input, { quasiIdentifiers: ['u', 'v'], k: 2, importance: ['v', 'u'] });
    expect(second.applied[0]!.summary).toMatchObject({ cellsSuppressed: { u: 4, v: 0 } });
  });

  test('property: every class has k rows (so every row matches k under sdcMicro wildcards); only * is written; counts are the diff', () => {
    fc.assert(
      fc.property(arbCase, ({ rows, qis, k, reversed }) => {
        const table = tableFor(rows);
        const truth = Int32Array.from(rows, (_, i) => 100 + i);
        const options: LocalSuppressionOptions = { quasiIdentifiers: qis, k, ...(reversed ? { importance: [...qis].reverse() } : {}) };
        if (rows.length > 0 && rows.length < k) {
          expect(() => localSuppression({ table, truth }, options)).toThrow(/fewer than k/);
          return;
        }
        const out = localSuppression({ table, truth }, options);
        expect(out.truth).toBe(truth);
        expect(out.table.rows).toBe(rows.length);
        const before = toRecords(table);
        const after = toRecords(out.table);
        const sizesBefore = classSizes(before, qis);
        for (const size of classSizes(after, qis)) expect(size).toBeGreaterThanOrEqual(k);
        for (const m of wildcardMatches(after, qis)) expect(m).toBeGreaterThanOrEqual(k);
        const summary = out.applied[0]!.summary as { cellsSuppressed: Record<string, number>; totalCellsSuppressed: number; recordsTouched: number; recordsFullyStarredToFillUp: number };
        const diff: Record<string, number> = Object.fromEntries(qis.map((q) => [q, 0]));
        let touched = 0;
        before.forEach((r, i) => {
          let changed = false;
          for (const name of ['a', 'b', 'c', 'd', 'payload']) {
            const [was, is] = [r[name] === null ? null : String(r[name]), after[i]![name] === null ? null : String(after[i]![name])];
            if (was === is) continue;
            expect(qis).toContain(name); // only quasi-identifiers change
            expect(is).toBe('*');
            diff[name]!++;
            changed = true;
          }
          if (changed) touched++;
          // A row whose class already had k rows is left alone, unless rows were starred to fill the all-'*' class.
          if (sizesBefore[i]! >= k && summary.recordsFullyStarredToFillUp === 0) expect(changed).toBe(false);
        });
        expect(summary.cellsSuppressed).toEqual(diff);
        expect(summary.totalCellsSuppressed).toBe(Object.values(diff).reduce((a, b) => a + b, 0));
        expect(summary.recordsTouched).toBe(touched);
      }),
      { numRuns: 300 },
    );
  });

  test('same input, same release', () => {
    fc.assert(
      fc.property(arbCase, ({ rows, qis, k }) => {
        fc.pre(rows.length === 0 || rows.length >= k);
        const table = tableFor(rows);
        const a = localSuppression({ table, truth: new Int32Array(rows.length) }, { quasiIdentifiers: qis, k });
        const b = localSuppression({ table, truth: new Int32Array(rows.length) }, { quasiIdentifiers: qis, k });
        expect(toRecords(b.table)).toEqual(toRecords(a.table));
      }),
      { numRuns: 50 },
    );
  });
});

describe('record suppression', () => {
  test('property: exactly the rows of classes under k are dropped, truth kept aligned, the rest unchanged', () => {
    fc.assert(
      fc.property(arbCase, ({ rows, qis, k }) => {
        const table = tableFor(rows);
        const truth = Int32Array.from(rows, (_, i) => 100 + i);
        const out = localSuppression({ table, truth }, { quasiIdentifiers: qis, k, method: 'records' });
        const before = toRecords(table);
        const sizes = classSizes(before, qis);
        const kept = before.map((_, i) => i).filter((i) => sizes[i]! >= k);
        expect(Array.from(out.truth)).toEqual(kept.map((i) => 100 + i));
        expect(toRecords(out.table)).toEqual(kept.map((i) => before[i]));
        expect(out.applied[0]!.summary).toMatchObject({ recordsSuppressed: rows.length - kept.length, totalCellsSuppressed: 0 });
        for (const size of classSizes(toRecords(out.table), qis)) expect(size).toBeGreaterThanOrEqual(k);
      }),
      { numRuns: 200 },
    );
  });
});

describe('options and the registry', () => {
  const table = fromRecords([{ a: '1', b: 'x' }, { a: '1', b: 'y' }, { a: '2', b: 'y' }]);
  const input = { table, truth: Int32Array.of(1, 2, 3) };

  test('bad options name the option', () => {
    expect(() => localSuppression(input, { quasiIdentifiers: [] })).toThrow(/^--quasiIdentifiers: name at least one column/);
    expect(() => localSuppression(input, { quasiIdentifiers: ['zz'] })).toThrow(/^--quasiIdentifiers: .*no column "zz"/);
    expect(() => localSuppression(input, { quasiIdentifiers: ['a'], k: 0 })).toThrow(/^--k: must be a whole number/);
    expect(() => localSuppression(input, { quasiIdentifiers: ['a'], method: 'rows' as 'cells' })).toThrow(/^--method: "rows" is not one of cells, records/);
    expect(() => localSuppression(input, { quasiIdentifiers: ['a', 'b'], importance: ['a'] })).toThrow(/^--importance: must list each quasi-identifier once/);
    expect(() => localSuppression(input, { quasiIdentifiers: ['a'], limit: 3 } as never)).toThrow(/^--limit: unknown option/);
    expect(() => localSuppression(input, { quasiIdentifiers: ['a'], k: 4 })).toThrow(/fewer than k = 4/);
  });

  test("the registry's local-suppression step takes --qi and records itself", () => {
    const out = applyPipeline(input, [{ safeguard: 'local-suppression', options: { qi: ['a', 'b'], k: 2 } }]);
    expect(out.applied.map((a) => a.safeguard)).toEqual(['local-suppression']);
    for (const size of classSizes(toRecords(out.table), ['a', 'b'])) expect(size).toBeGreaterThanOrEqual(2);
    const dropped = applyPipeline(input, [{ safeguard: 'local-suppression', options: { qi: ['a'], k: 2, method: 'records' } }]);
    expect(Array.from(dropped.truth)).toEqual([1, 2]);
  });
});

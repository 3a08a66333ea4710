// Mondrian multidimensional k-anonymity: every class of the release has k rows, each row's value lies in
// its class's range, rows and truth are kept; and a hand example.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { mondrian } from '../safeguards/k-anonymity/mondrian.ts';
import { dateColumn, fromRecords, numberColumn, tableOf, textColumn, toRecords } from '../src/table/table.ts';

describe('mondrian', () => {
  test('by hand: 1..8 with k = 2 splits at the median into pairs', () => {
    const table = fromRecords([1, 2, 3, 4, 5, 6, 7, 8].map((a) => ({ a })));
    const out = mondrian({ table, truth: Int32Array.from({ length: 8 }, (_, i) => i) }, { quasiIdentifiers: ['a'], k: 2 });
    expect(toRecords(out.table).map((r) => r.a)).toEqual(['[1, 2]', '[1, 2]', '[3, 4]', '[3, 4]', '[5, 6]', '[5, 6]', '[7, 8]', '[7, 8]']);
    expect(out.applied[0]!.summary).toMatchObject({ classes: 4, smallestClass: 2, discernibility: 16 });
  });

  test('every class has at least k rows and contains its rows\' values; truth is untouched', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 400 }), fc.constantFrom('a', 'b', 'c', 'd')), { minLength: 1, maxLength: 80 }),
        fc.integer({ min: 1, max: 7 }),
        (rows, k) => {
          fc.pre(rows.length >= k);
          const table = tableOf({
            n: numberColumn(rows.map((r) => r[0])),
            d: dateColumn(rows.map((r) => 7000 + r[1])),
            t: textColumn(rows.map((r) => r[2])),
          });
          const truth = Int32Array.from(rows, (_, i) => 10 * i);
          const out = mondrian({ table, truth }, { quasiIdentifiers: ['n', 'd', 't'], k });
          expect(out.truth).toBe(truth);
          const before = toRecords(table);
          const after = toRecords(out.table);
          const sizes = new Map<string, number>();
          after.forEach((r, i) => {
            const key = JSON.stringify([r.n, r.d, r.t]);
            sizes.set(key, (sizes.get(key) ?? 0) + 1);
            for (const q of ['n', 'd', 't'] as const) {
              const label = String(r[q]);
              const m = /^\[(.*), (.*)\]$/.exec(label);
              const v = before[i]![q]!;
              const [lo, hi] = m ? [m[1]!, m[2]!] : [label, label];
              const within = typeof v === 'number' ? v >= Number(lo) && v <= Number(hi) : v >= lo && v <= hi;
              expect(within).toBe(true);
            }
          });
          for (const size of sizes.values()) expect(size).toBeGreaterThanOrEqual(k);
        },
      ),
      { numRuns: 200 },
    );
  });

  test('bad input: k, missing values, too few rows', () => {
    const table = fromRecords([{ a: 1 }, { a: null }]);
    const input = { table, truth: Int32Array.of(1, 2) };
    expect(() => mondrian(input, { quasiIdentifiers: ['a'], k: 0 })).toThrow(/^--k: must be/);
    expect(() => mondrian(input, { quasiIdentifiers: ['a'], k: 1 })).toThrow(/quasi-identifier "a" \(row 2 is missing\)/);
    expect(() => mondrian(input, { quasiIdentifiers: ['a'], k: 3 })).toThrow(/fewer than k = 3/);
  });
});

import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { crossTable, stridesOf } from '../safeguards/aggregate/cross-table.ts';
import { PUBLISHED, suppressSmallCells } from '../safeguards/aggregate/suppress-cells.ts';
import { smallCellRelease } from '../safeguards/aggregate/small-cell-release.ts';
import { fromRecords, tableOf, textColumn, toRecords, type Table } from '../src/table/table.ts';
import { linearRange } from './helpers/linear-range.ts';

/** A table with `counts[k]` rows in cell k of a cross product of `sizes` levels (column d0, d1, ...). */
function tableOfCounts(sizes: readonly number[], counts: readonly number[]): Table {
  const columns = sizes.map(() => [] as string[]);
  counts.forEach((n, k) => {
    for (let r = 0; r < n; r++) {
      let rest = k;
      for (let j = sizes.length - 1; j >= 0; j--) {
        columns[j]!.push(`v${rest % sizes[j]!}`);
        rest = Math.floor(rest / sizes[j]!);
      }
    }
  });
  return tableOf(Object.fromEntries(columns.map((c, j) => [`d${j}`, textColumn(c)])));
}

/** Every line of the augmented table: the entries along one dimension, the total last. */
function lines(shape: Int32Array): number[][] {
  const strides = stridesOf(shape);
  const size = shape.reduce((a, b) => a * b, 1);
  const out: number[][] = [];
  shape.forEach((len, j) => {
    for (let i = 0; i < size; i++) {
      if (Math.floor(i / strides[j]!) % len !== 0) continue;
      out.push(Array.from({ length: len }, (_, l) => i + l * strides[j]!));
    }
  });
  return out;
}

/** The feasible range of each suppressed entry given every published entry, the line sums and x >= 0, by LP. */
function attackerRanges(values: Float64Array, shape: Int32Array, status: Uint8Array): Map<number, { min: number; max: number }> {
  const unknown = [...status.keys()].filter((i) => status[i] !== PUBLISHED);
  const column = new Map(unknown.map((e, k) => [e, k]));
  const A: number[][] = [];
  const b: number[] = [];
  for (const line of lines(shape)) {
    if (!line.some((e) => column.has(e))) continue;
    const row = new Array<number>(unknown.length).fill(0);
    let rhs = 0;
    line.forEach((e, l) => {
      const sign = l === line.length - 1 ? -1 : 1; // cells minus their total = 0
      if (column.has(e)) row[column.get(e)!] = sign;
      else rhs -= sign * values[e]!;
    });
    A.push(row);
    b.push(rhs);
  }
  return new Map(unknown.map((e, k) => [e, linearRange(A, b, k)]));
}

const smallish = fc.oneof(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 60 }));
const randomTable = (maxDims: number, maxLevels: number) =>
  fc
    .array(fc.integer({ min: 1, max: maxLevels }), { minLength: 1, maxLength: maxDims })
    .chain((sizes) => fc.tuple(fc.constant(sizes), fc.array(smallish, { minLength: sizes.reduce((a, b) => a * b, 1), maxLength: sizes.reduce((a, b) => a * b, 1) })))
    .filter(([, counts]) => counts.some((c) => c > 0));

describe('small-cell suppression', () => {
  test('a hand-computed 3x3 table: the cell of 5 is protected by the cheapest rectangle (20, 40, 12)', () => {
    const t = tableOfCounts([3, 3], [5, 20, 30, 40, 12, 50, 60, 70, 15]);
    const release = smallCellRelease({ table: t, truth: new Int32Array(t.rows) }, { columns: ['d0', 'd1'] });
    const rows = toRecords(release.table);
    const status = (a: string, b: string) => rows.find((r) => r.d0 === a && r.d1 === b)!.suppressed;
    expect([status('v0', 'v0'), status('v0', 'v1'), status('v1', 'v0'), status('v1', 'v1')]).toEqual(['primary', 'complementary', 'complementary', 'complementary']);
    expect(rows.filter((r) => r.suppressed !== null)).toHaveLength(4);
    expect(rows.find((r) => r.d0 === 'All' && r.d1 === 'All')!.count).toBe(302);
    expect(release.applied[0]!.summary).toMatchObject({ cells: 9, margins: 7, primarySuppressed: 1, complementarySuppressed: 3, complementaryCount: 72 });
    expect(release.truth).toEqual(new Int32Array(16).fill(-1));
  });

  test('a 1-D table: 3 alone is protected by the smaller of the other cells, never by the total', () => {
    const t = tableOfCounts([3], [3, 50, 40]);
    const cross = crossTable(t, ['d0']);
    expect(Array.from(cross.values)).toEqual([3, 50, 40, 93]);
    expect(Array.from(suppressSmallCells(cross.values, cross.shape, 11).status)).toEqual([1, 0, 2, 0]);
  });

  test('a small margin is suppressed too, and a published 0 stays published', () => {
    const t = tableOfCounts([2, 2], [3, 4, 0, 40]);
    const cross = crossTable(t, ['d0', 'd1']);
    const { status } = suppressSmallCells(cross.values, cross.shape, 11);
    // row v0 (3, 4, total 7) is all primary; the 0 cell is published
    expect([status[0], status[1], status[2]]).toEqual([1, 1, 1]);
    expect(status[3]).toBe(PUBLISHED);
  });

  test('missing values: a level of their own by default, dropped on request; bad options are named', () => {
    const t = fromRecords([{ a: 'x' }, { a: null }, { a: 'x' }]);
    expect(crossTable(t, ['a']).levels[0]).toEqual(['x', null]);
    const dropped = smallCellRelease({ table: t, truth: new Int32Array(3) }, { columns: ['a'], missing: 'drop' });
    expect(dropped.applied[0]!.summary).toMatchObject({ rowsCounted: 2, rowsDropped: 1 });
    const input = { table: t, truth: new Int32Array(3) };
    expect(() => smallCellRelease(input, { columns: [] })).toThrow(/--columns/);
    expect(() => smallCellRelease(input, { columns: ['a'], minimumCount: 0 })).toThrow(/--minimumCount/);
    expect(() => smallCellRelease(input, { columns: ['a'], totalLabel: 'x' })).toThrow(/--totalLabel/);
    expect(() => smallCellRelease(input, { columns: ['a'], levels: { a: ['y'] } })).toThrow(/--levels.*"x"/);
    expect(() => smallCellRelease(input, { columns: ['zz'] })).toThrow(/no column "zz"/);
  });

  test('property (1-3 dimensions): no published count is 1-10, and every suppressed entry can be one more or one less given all that is published (LP bounds)', () => {
    fc.assert(
      fc.property(randomTable(3, 3), ([sizes, counts]) => {
        const cross = crossTable(tableOfCounts(sizes, counts), sizes.map((_, j) => `d${j}`));
        const { status } = suppressSmallCells(cross.values, cross.shape, 11);
        cross.values.forEach((v, i) => {
          if (status[i] === PUBLISHED) expect(v === 0 || v >= 11).toBe(true);
          else expect(v).toBeGreaterThanOrEqual(1);
        });
        for (const line of lines(cross.shape)) expect(line.filter((e) => status[e] !== PUBLISHED).length).not.toBe(1);
        for (const [e, range] of attackerRanges(cross.values, cross.shape, status)) {
          expect(range.min).toBeLessThanOrEqual(cross.values[e]! - 1 + 1e-6);
          expect(range.max).toBeGreaterThanOrEqual(cross.values[e]! + 1 - 1e-6);
        }
      }),
      { numRuns: 60 },
    );
  });

  test('property (2-D, up to 5x5): the same exact LP check on larger tables', () => {
    fc.assert(
      fc.property(fc.tuple(fc.integer({ min: 2, max: 5 }), fc.integer({ min: 2, max: 5 })).chain(([r, c]) => fc.tuple(fc.constant([r, c]), fc.array(smallish, { minLength: r * c, maxLength: r * c }))), ([sizes, counts]) => {
        fc.pre(counts.some((c) => c > 0));
        const cross = crossTable(tableOfCounts(sizes, counts), ['d0', 'd1']);
        const { status } = suppressSmallCells(cross.values, cross.shape, 11);
        for (const [e, range] of attackerRanges(cross.values, cross.shape, status)) {
          expect(range.max - range.min).toBeGreaterThanOrEqual(2 - 1e-6);
          expect(range.min).toBeLessThanOrEqual(cross.values[e]!);
          expect(range.max).toBeGreaterThanOrEqual(cross.values[e]!);
        }
      }),
      { numRuns: 60 },
    );
  });

  test('the LP check can fail: a lone suppressed cell in a row is pinned to its value', () => {
    const cross = crossTable(tableOfCounts([2, 2], [5, 30, 40, 50]), ['d0', 'd1']);
    const status = new Uint8Array(cross.values.length);
    status[0] = 1; // only the 5 suppressed
    const range = attackerRanges(cross.values, cross.shape, status).get(0)!;
    expect(range.min).toBeCloseTo(5);
    expect(range.max).toBeCloseTo(5);
  });

  test('same input, same release; row order does not matter', () => {
    fc.assert(
      fc.property(randomTable(2, 4), fc.integer(), ([sizes, counts], salt) => {
        const t = tableOfCounts(sizes, counts);
        const order = Int32Array.from({ length: t.rows }, (_, i) => i).sort((a, b) => ((a * 2654435761 + salt) >>> 0) % 997 - (((b * 2654435761 + salt) >>> 0) % 997));
        const records = toRecords(t);
        const shuffled = tableOf(Object.fromEntries(t.names.map((n) => [n, textColumn(Array.from(order, (i) => records[i]![n] as string))])));
        const a = smallCellRelease({ table: t, truth: new Int32Array(t.rows) }, { columns: t.names });
        const b = smallCellRelease({ table: shuffled, truth: new Int32Array(t.rows) }, { columns: t.names });
        expect(toRecords(b.table)).toEqual(toRecords(a.table));
      }),
      { numRuns: 25 },
    );
  });
});

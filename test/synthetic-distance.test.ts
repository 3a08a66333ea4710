// Gower-like distance and k-nearest neighbours (attacks/synthetic/distance.ts).
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { buildSpace, encode, gowerDistance, isNumericColumn, kNearest, rowDistance } from '../attacks/synthetic/distance.ts';
import { textTable } from '../src/table/text.ts';

const table = textTable({
  age: ['20', '30', '60', null],
  sex: ['F', 'M', 'F', null],
  zip: ['02139', '02139', '10001', '94110'],
});

describe('Gower distance', () => {
  const space = buildSpace([table], ['age', 'sex']);

  test('types: a column is numeric when every non-null value parses', () => {
    expect(isNumericColumn([table], 'age')).toBe(true);
    expect(isNumericColumn([table], 'sex')).toBe(false);
    expect(isNumericColumn([textTable({ x: ['1', 'a'] })], 'x')).toBe(false);
    expect(isNumericColumn([textTable({ x: [null, null] })], 'x')).toBe(false);
    expect(space.columns[0]!.range).toBe(40);
  });

  test('hand examples', () => {
    // |20-30|/40 = 0.25, F vs M = 1 -> mean 0.625
    expect(gowerDistance(space, { age: '20', sex: 'F' }, { age: '30', sex: 'M' })).toBeCloseTo(0.625, 12);
    // |20-60|/40 = 1, F = F -> 0.5
    expect(gowerDistance(space, { age: '20', sex: 'F' }, { age: '60', sex: 'F' })).toBeCloseTo(0.5, 12);
    // identical -> 0
    expect(gowerDistance(space, { age: '30', sex: 'M' }, { age: '30', sex: 'M' })).toBe(0);
    // one null -> 1 for that column; both null -> 0
    expect(gowerDistance(space, { age: null, sex: 'F' }, { age: '30', sex: 'F' })).toBeCloseTo(0.5, 12);
    expect(gowerDistance(space, { age: null, sex: null }, { age: null, sex: null })).toBe(0);
    expect(gowerDistance(space, { age: null, sex: null }, { age: '20', sex: 'F' })).toBe(1);
    // caveat of the rule: ZIP codes parse as numbers, so they are compared numerically
    const zips = buildSpace([table], ['zip']);
    expect(zips.columns[0]!.numeric).toBe(true);
  });

  test('a constant numeric column contributes 0 when equal', () => {
    const s = buildSpace([textTable({ x: ['5', '5'] })], ['x']);
    expect(gowerDistance(s, { x: '5' }, { x: '5' })).toBe(0);
  });

  test('kNearest agrees with sorting every distance (ties to the lower index)', () => {
    fc.assert(fc.property(
      fc.array(fc.tuple(fc.integer({ min: 0, max: 9 }), fc.constantFrom('a', 'b', 'c', null)), { minLength: 1, maxLength: 30 }),
      fc.array(fc.tuple(fc.integer({ min: 0, max: 9 }), fc.constantFrom('a', 'b', 'c', null)), { minLength: 1, maxLength: 8 }),
      fc.integer({ min: 1, max: 5 }),
      (cand, qs, k) => {
        const c = textTable({ x: cand.map(([x]) => String(x)), y: cand.map(([, y]) => y) });
        const q = textTable({ x: qs.map(([x]) => String(x)), y: qs.map(([, y]) => y) });
        const s = buildSpace([c, q], ['x', 'y']);
        const ce = encode(s, c);
        const qe = encode(s, q);
        const nn = kNearest(s, qe, qs.length, ce, cand.length, k);
        expect(nn.k).toBe(Math.min(k, cand.length));
        for (let i = 0; i < qs.length; i++) {
          const all = cand.map((_, j) => ({ j, d: rowDistance(s, qe, i, ce, j) })).sort((a, b) => a.d - b.d || a.j - b.j);
          for (let r = 0; r < nn.k; r++) {
            expect(nn.index[i * nn.k + r]).toBe(all[r]!.j);
            expect(nn.distance[i * nn.k + r]).toBe(all[r]!.d);
          }
        }
      },
    ), { numRuns: 100 });
  });
});

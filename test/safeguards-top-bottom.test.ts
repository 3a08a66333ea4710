// Top and bottom coding: nothing above the top or below the bottom is left, values between are
// untouched, and the counts recorded are the values changed.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { numberColumn, tableOf, textColumn, valuesOf, type NumberColumn, type Table } from '../src/table/table.ts';
import { topBottomCode } from '../safeguards/coding/top-bottom.ts';

const dataset = (t: Table) => ({ table: t, truth: Int32Array.from({ length: t.rows }, (_, i) => i) });

describe('top and bottom coding', () => {
  const t = tableOf({ pay: numberColumn([5, 120_000, null, -3, 99_999, 100_000]), sex: textColumn(['F', 'M', 'F', 'M', 'F', 'M']) });

  test('by hand: values past a threshold become it, or its label', () => {
    const out = topBottomCode(dataset(t), { columns: { pay: { top: 100_000, bottom: 0 } } });
    expect(valuesOf(out.table.columns.pay!)).toEqual([5, 100_000, null, 0, 99_999, 100_000]);
    expect(out.table.columns.sex).toBe(t.columns.sex);
    expect(out.applied[0]!.summary).toEqual({ coded: { pay: { topCoded: 1, bottomCoded: 1 } } });
    expect(out.applied[0]!.parameters).toEqual({ columns: { pay: { top: 100_000, bottom: 0 } } });
    const labelled = topBottomCode(dataset(t), { columns: { pay: { top: 100_000, topLabel: '100000+' } } });
    expect(valuesOf(labelled.table.columns.pay!)).toEqual(['5', '100000+', null, '-3', '99999', '100000']);
  });

  test('bad options name the option', () => {
    expect(() => topBottomCode(dataset(t), { columns: {} })).toThrow(/^--columns:/);
    expect(() => topBottomCode(dataset(t), { columns: { wage: { top: 1 } } })).toThrow(/^--columns:.*"wage"/);
    expect(() => topBottomCode(dataset(t), { columns: { sex: { top: 1 } } })).toThrow(/^--columns\.sex:.*text column/);
    expect(() => topBottomCode(dataset(t), { columns: { pay: {} } })).toThrow(/^--columns\.pay: needs a top or a bottom/);
    expect(() => topBottomCode(dataset(t), { columns: { pay: { top: 1, bottom: 2 } } })).toThrow(/^--columns\.pay: bottom 2 is above top 1/);
    expect(() => topBottomCode(dataset(t), { columns: { pay: { top: NaN } } })).toThrow(/^--columns\.pay\.top:/);
    expect(() => topBottomCode(dataset(t), { columns: { pay: { top: 1, bottomLabel: 'low' } } })).toThrow(/^--columns\.pay\.bottomLabel:/);
    expect(() => topBottomCode(dataset(t), { columns: { pay: { top: 1, cap: 2 } as never } })).toThrow(/^--columns\.pay\.cap: unknown/);
  });

  test('on random columns: nothing past the thresholds, the rest unchanged, counts exact', () => {
    const valueArb = fc.option(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { nil: null });
    fc.assert(
      fc.property(fc.array(valueArb, { minLength: 1, maxLength: 100 }), fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.double({ min: 0, max: 1e6, noNaN: true }), (values, bottom, width) => {
        const top = bottom + width;
        const table = tableOf({ x: numberColumn(values) });
        const out = topBottomCode(dataset(table), { columns: { x: { top, bottom } } });
        const after = (out.table.columns.x as NumberColumn).values;
        let above = 0;
        let below = 0;
        values.forEach((v, i) => {
          if (v === null) return expect(after[i]).toBeNaN();
          expect(after[i]!).toBeLessThanOrEqual(top);
          expect(after[i]!).toBeGreaterThanOrEqual(bottom);
          if (v > top) above++;
          else if (v < bottom) below++;
          else expect(after[i]).toBe(v);
        });
        expect(out.applied[0]!.summary).toEqual({ coded: { x: { topCoded: above, bottomCoded: below } } });
      }),
      { numRuns: 200 },
    );
  });
});

import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { fromArquero, toArquero } from '../src/table/arquero.ts';
import { dateColumnFromIso, drop, fromRecords, select, tableOf, takeRows, TableError, toRecords, valuesOf, withColumn, textColumn } from '../src/table/table.ts';

const record = fc.record({ zip: fc.option(fc.constantFrom('02138', '19901', '00501'), { nil: null }), age: fc.option(fc.integer({ min: 0, max: 110 }), { nil: null }) });

describe('the one table', () => {
  test('records in, records out: text keeps leading zeros, missing stays missing', () => {
    fc.assert(
      fc.property(fc.array(record, { minLength: 1, maxLength: 40 }), (rows) => {
        const withFirst = [{ zip: '02138', age: 1 }, ...rows];
        expect(toRecords(fromRecords(withFirst))).toEqual(withFirst);
      }),
    );
  });

  test('to arquero and back gives the same values, dates included', () => {
    const t = withColumn(fromRecords([{ zip: '02138', age: 70 }, { zip: null, age: null }, { zip: '19901', age: 66 }]), 'birth', dateColumnFromIso(['1950-02-28', null, '1940-12-31']));
    const back = fromArquero(toArquero(t));
    expect(back.names).toEqual(['zip', 'age', 'birth']);
    for (const n of t.names) expect(valuesOf(back.columns[n]!)).toEqual(valuesOf(t.columns[n]!));
    expect(back.columns.birth!.kind).toBe('date');
  });

  test('rows are taken in the given order; select and drop keep the rest apart', () => {
    const t = fromRecords([{ a: 'x', b: 1 }, { a: 'y', b: 2 }, { a: 'z', b: 3 }]);
    expect(toRecords(takeRows(t, [2, 0]))).toEqual([{ a: 'z', b: 3 }, { a: 'x', b: 1 }]);
    expect(select(t, ['b']).names).toEqual(['b']);
    expect(drop(t, ['a', 'nope']).names).toEqual(['b']);
  });

  test('a missing column is named, with the columns there are; lengths must agree', () => {
    const t = fromRecords([{ a: 'x' }]);
    expect(() => select(t, ['zip'])).toThrow(/no column "zip" \(columns: a\)/);
    expect(() => tableOf({ a: textColumn(['x']), b: textColumn(['x', 'y']) })).toThrow(TableError);
  });
});

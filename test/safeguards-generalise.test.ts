// Generalisation to chosen levels, built-in hierarchies over a column, and the errors that name the column.
import { describe, expect, test } from 'vitest';
import { generalise } from '../safeguards/generalise/apply.ts';
import { builtinHierarchy } from '../safeguards/generalise/builtin.ts';
import { codeHierarchy } from '../safeguards/generalise/hierarchy.ts';
import { kAnonymise } from '../safeguards/k-anonymity/k-anonymise.ts';
import { dateColumnFromIso, fromRecords, tableOf, textColumn, toRecords } from '../src/table/table.ts';

describe('generalise', () => {
  const table = tableOf({
    zip: textColumn(['10027', '10027', '94110', null]),
    birth: dateColumnFromIso(['1948-07-21', '1951-01-02', '1948-07-30', '1950-12-31']),
  });
  const hierarchies = { zip: builtinHierarchy('zip', table.columns.zip!, 'zip'), birth: builtinHierarchy('date', table.columns.birth!, 'birth') };

  test('each column goes to its level; missing stays missing; rows and truth are kept; levels recorded', () => {
    const truth = Int32Array.of(4, 3, 2, 1);
    const out = generalise({ table, truth }, { hierarchies, levels: { zip: 2, birth: 3 } });
    expect(toRecords(out.table)).toEqual([
      { zip: 'NY', birth: '1945-1949' },
      { zip: 'NY', birth: '1950-1954' },
      { zip: 'CA', birth: '1945-1949' },
      { zip: null, birth: '1950-1954' },
    ]);
    expect(out.truth).toBe(truth);
    expect(out.applied).toEqual([{ safeguard: 'generalise', parameters: { levels: { zip: 2, birth: 3 } }, summary: { columns: 2 } }]);
  });

  test('errors name the column: a level out of range, a value without a row, a bad built-in value', () => {
    expect(() => generalise({ table, truth: new Int32Array(4) }, { hierarchies, levels: { zip: 4 } })).toThrow(/level 4 of column "zip" is not one of its hierarchy's levels 0..3/);
    expect(() => codeHierarchy({ rows: [['10027', '*']] }, table.columns.zip!, 'zip')).toThrow(/the hierarchy of column "zip" has no row for the value "94110"/);
    expect(() => builtinHierarchy('zip', textColumn(['1002']), 'home')).toThrow(/column "home": the ZIP hierarchy needs 5-digit ZIP codes, not "1002"/);
  });

  test("k-anonymity with suppression 'mask' keeps every row and stars the suppressed ones' quasi-identifiers", () => {
    const t = fromRecords([{ a: '1' }, { a: '1' }, { a: '2' }, { a: '1' }]);
    const h = { a: { rows: [['1', '1'], ['2', '2']] } }; // a one-level hierarchy: only suppression can help
    const out = kAnonymise({ table: t, truth: Int32Array.of(1, 2, 3, 4) }, { quasiIdentifiers: ['a'], hierarchies: h, k: 2, suppressionLimit: 0.25, suppression: 'mask' });
    expect(toRecords(out.table).map((r) => r.a)).toEqual(['1', '1', '*', '1']);
    expect(out.applied[0]!.summary).toMatchObject({ levels: { a: 0 }, suppressed: 1, classes: 1, smallestClass: 3 });
  });
});

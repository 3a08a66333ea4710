// Utility of a release: total-variation distance by hand, the count workload's error on a row release and
// on a count table, suppression rate and removed columns.
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { fromRecords, takeRows } from '../src/table/table.ts';
import { distributionOf, totalVariation } from '../safeguards/utility/distributions.ts';
import { utilityOf } from '../safeguards/utility/utility.ts';
import { workloadError } from '../safeguards/utility/workload.ts';

const original = fromRecords([
  { state: 'DE', sex: 'F', zip: '19901' },
  { state: 'DE', sex: 'F', zip: '19901' },
  { state: 'DE', sex: 'M', zip: '19904' },
  { state: 'RI', sex: 'F', zip: '02903' },
]);

describe('utility of a release', () => {
  test('total variation by hand: {a: .5, b: .5} against {a: .25, c: .75} is 0.75', () => {
    const p = new Map([['a', 0.5], ['b', 0.5]]);
    const q = new Map([['a', 0.25], ['c', 0.75]]);
    expect(totalVariation(p, q)).toBeCloseTo(0.75, 12);
  });

  test('total variation is a distance in [0, 1]: 0 against itself, symmetric', () => {
    const values = fc.array(fc.constantFrom('a', 'b', 'c', null), { minLength: 1, maxLength: 30 });
    fc.assert(
      fc.property(values, values, (xs, ys) => {
        const p = distributionOf(fromRecords(xs.map((v) => ({ v })), ['v']), 'v');
        const q = distributionOf(fromRecords(ys.map((v) => ({ v })), ['v']), 'v');
        const d = totalVariation(p, q);
        expect(d).toBeGreaterThanOrEqual(0);
        expect(d).toBeLessThanOrEqual(1);
        expect(totalVariation(p, p)).toBeCloseTo(0, 12);
        expect(totalVariation(q, p)).toBeCloseTo(d, 12);
      }),
    );
  });

  test('a release missing a record: suppression rate, distance and the workload error of counts by state', () => {
    const release = takeRows(original, [0, 2, 3]);
    const u = utilityOf(original, release, [['state'], ['zip']]);
    expect(u.suppressionRate).toBeCloseTo(0.25, 12);
    // state: DE 3/4 -> 2/3, RI 1/4 -> 1/3: TV = 1/12
    expect(u.distance.state).toBeCloseTo(1 / 12, 12);
    // DE answered 2 of 3 (error 1/3), RI 1 of 1 (0): mean 1/6
    expect(u.workload[0]!.meanRelativeError).toBeCloseTo(1 / 6, 12);
    expect(u.workload[0]!.unanswered).toBe(0);
  });

  test('a column the release lacks answers nothing; a count table answers from its count column', () => {
    const noZip = fromRecords([{ state: 'DE' }, { state: 'DE' }, { state: 'DE' }, { state: 'RI' }]);
    expect(workloadError(original, noZip, ['zip'])).toMatchObject({ groups: 3, unanswered: 3, meanRelativeError: null });
    const counts = fromRecords([{ state: 'DE', count: 3 }, { state: 'RI', count: null }, { state: 'All', count: 4 }]);
    const u = utilityOf(original, counts, [['state']]);
    expect(u.suppressionRate).toBe(0);
    expect(u.workload[0]).toMatchObject({ groups: 2, unanswered: 1, meanRelativeError: 0 });
    expect(u.columnsRemoved).toEqual(['sex', 'zip']);
  });
});

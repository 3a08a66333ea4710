// Per-person date shifting: intervals within a person are kept, offsets lie in [-d, +d] and are
// uniform there, the same seed gives the same release, and the seed is never recorded.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { dayOf, NO_DAY } from '../src/dates.ts';
import { dateColumn, numberColumn, tableOf, textColumn, valuesOf, type DateColumn, type Table } from '../src/table/table.ts';
import { shiftDates } from '../safeguards/dates/date-shift.ts';

const truthOf = (t: Table) => Int32Array.from({ length: t.rows }, (_, i) => 7 * i);
const dataset = (t: Table) => ({ table: t, truth: truthOf(t) });
const daysIn = (t: Table, name: string) => (t.columns[name] as DateColumn).days;

const dayArb = fc.option(fc.integer({ min: dayOf(1920, 1, 1), max: dayOf(2030, 1, 1) }), { nil: NO_DAY });
const tableArb = fc
  .array(fc.record({ person: fc.option(fc.integer({ min: 0, max: 12 }), { nil: null }), from: dayArb, thru: dayArb }), { minLength: 1, maxLength: 80 })
  .map((rows) =>
    tableOf({
      bene_id: textColumn(rows.map((r) => (r.person === null ? null : `B${r.person}`))),
      clm_from_dt: dateColumn(rows.map((r) => r.from)),
      clm_thru_dt: dateColumn(rows.map((r) => r.thru)),
      amount: numberColumn(rows.map((_, i) => i)),
    }),
  );

describe('date shifting', () => {
  test('one offset per person: every interval between one person’s dates is kept; shifts stay within ±maxDays', () => {
    fc.assert(
      fc.property(tableArb, fc.integer({ min: 1, max: 400 }), fc.integer(), (t, maxDays, seed) => {
        const out = shiftDates(dataset(t), { personKey: 'bene_id', seed, maxDays });
        expect(out.truth).toEqual(truthOf(t));
        expect(out.table.names).toEqual(t.names);
        expect(out.table.columns.amount).toBe(t.columns.amount);
        const key = valuesOf(t.columns.bene_id!);
        const offsetOf = new Map<string, number>();
        for (const col of ['clm_from_dt', 'clm_thru_dt']) {
          const before = daysIn(t, col);
          const after = daysIn(out.table, col);
          for (let i = 0; i < t.rows; i++) {
            if (before[i] === NO_DAY) {
              expect(after[i]).toBe(NO_DAY);
              continue;
            }
            const shift = after[i]! - before[i]!;
            expect(Math.abs(shift)).toBeLessThanOrEqual(maxDays);
            const k = key[i] as string | null;
            if (k === null) continue;
            // The same shift for every date of the person, so all their intervals are unchanged.
            if (offsetOf.has(k)) expect(shift).toBe(offsetOf.get(k));
            else offsetOf.set(k, shift);
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  test('same seed, same release; another seed, other offsets; a number key works like text', () => {
    fc.assert(
      fc.property(tableArb, (t) => {
        const a = shiftDates(dataset(t), { personKey: 'bene_id', seed: 'k1' });
        const b = shiftDates(dataset(t), { personKey: 'bene_id', seed: 'k1' });
        expect(daysIn(a.table, 'clm_from_dt')).toEqual(daysIn(b.table, 'clm_from_dt'));
      }),
      { numRuns: 30 },
    );
    const n = 500;
    const t = tableOf({ id: numberColumn(Array.from({ length: n }, (_, i) => i)), d: dateColumn(new Array(n).fill(dayOf(2020, 1, 1))) });
    const one = daysIn(shiftDates(dataset(t), { personKey: 'id', seed: 1 }).table, 'd');
    const two = daysIn(shiftDates(dataset(t), { personKey: 'id', seed: 2 }).table, 'd');
    const same = one.filter((x, i) => x === two[i]).length;
    expect(same).toBeLessThan(10); // 500 draws from 731 values: about 0.7 agree by chance
  });

  test('offsets are uniform over [-d, +d] (chi-square over 10,000 persons, d = 4)', () => {
    const n = 10_000;
    const d = 4;
    const base = dayOf(2020, 6, 1);
    const t = tableOf({ bene_id: textColumn(Array.from({ length: n }, (_, i) => `P${i}`)), srvc_dt: dateColumn(new Array(n).fill(base)) });
    const out = shiftDates(dataset(t), { personKey: 'bene_id', seed: 99, maxDays: d });
    const counts = new Array(2 * d + 1).fill(0);
    for (const day of daysIn(out.table, 'srvc_dt')) counts[day - base + d]++;
    const expected = n / (2 * d + 1);
    const chi2 = counts.reduce((s, c) => s + (c - expected) ** 2 / expected, 0);
    expect(counts.every((c) => c > 0)).toBe(true);
    expect(chi2).toBeLessThan(26.1); // chi-square, 8 degrees of freedom, p = 0.001
  });

  test('text dates are shifted too; the record names key, range and columns but withholds the seed', () => {
    const t = tableOf({
      bene_id: textColumn(['A', 'A', null, 'B']),
      bene_birth_dt: textColumn(['19400101', '19400101', '19500601', null]),
      srvc_dt: textColumn(['20230110', '20230301', '20230505', '20231231']),
    });
    const out = shiftDates(dataset(t), { personKey: 'bene_id', seed: 'secret', maxDays: 10 });
    const birth = daysIn(out.table, 'bene_birth_dt');
    const service = daysIn(out.table, 'srvc_dt');
    expect(service[1]! - service[0]!).toBe(dayOf(2023, 3, 1) - dayOf(2023, 1, 10));
    expect(service[0]! - birth[0]!).toBe(dayOf(2023, 1, 10) - dayOf(1940, 1, 1));
    expect(birth[3]).toBe(NO_DAY);
    const [applied] = out.applied;
    expect(applied!.parameters).toEqual({ personKey: 'bene_id', maxDays: 10, columns: ['bene_birth_dt', 'srvc_dt'], seed: 'withheld' });
    expect(applied!.summary).toEqual({ persons: 2, rowsWithoutKey: 1, datesShifted: 7 });
    expect(JSON.stringify(out.applied)).not.toContain('secret');
  });

  test('bad options name the option', () => {
    const t = tableOf({ bene_id: textColumn(['A']), srvc_dt: dateColumn([dayOf(2020, 1, 1)]) });
    expect(() => shiftDates(dataset(t), { personKey: 'nope', seed: 1 })).toThrow(/^--personKey:.*bene_id, srvc_dt/);
    expect(() => shiftDates(dataset(t), { personKey: 'srvc_dt', seed: 1 })).toThrow(/^--personKey:/);
    expect(() => shiftDates(dataset(t), { personKey: 'bene_id' } as never)).toThrow(/^--seed: is required/);
    expect(() => shiftDates(dataset(t), { personKey: 'bene_id', seed: 1, maxDays: 0 })).toThrow(/^--maxDays:/);
    expect(() => shiftDates(dataset(t), { personKey: 'bene_id', seed: 1, maxDays: 2.5 })).toThrow(/^--maxDays:/);
    expect(() => shiftDates(dataset(t), { personKey: 'bene_id', seed: 1, columns: ['when'] })).toThrow(/^--columns:.*"when"/);
    expect(() => shiftDates(dataset(t), { personKey: 'bene_id', seed: 1, days: 3 } as never)).toThrow(/^--days: unknown option/);
    const bad = tableOf({ bene_id: textColumn(['A']), srvc_dt: textColumn(['2020-13-01']) });
    expect(() => shiftDates(dataset(bad), { personKey: 'bene_id', seed: 1 })).toThrow(/"srvc_dt".*"2020-13-01"/);
  });
});

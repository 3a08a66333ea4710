// HIPAA Safe Harbor and the Limited Data Set: hand-computed cases, the column map against reident's
// schemas, and properties on random tables (no restricted ZIP3, no date finer than a year, no 89+).
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { dayOf, NO_DAY } from '../src/dates.ts';
import { dateColumn, fromRecords, numberColumn, tableOf, textColumn, toRecords, valuesOf, withColumn, type Table } from '../src/table/table.ts';
import { PEOPLE_SCHEMA } from '../generators/population/people-table.ts';
import { BENEFICIARY_SCHEMA } from '../generators/medicare/beneficiaries.ts';
import { CARRIER_SCHEMA, INPATIENT_SCHEMA, OUTPATIENT_SCHEMA, PDE_SCHEMA } from '../generators/medicare/claims/schemas.ts';
import { limitedDataSet, safeHarbor } from '../safeguards/safe-harbor/safe-harbor.ts';
import { IDENTIFIER_KINDS, type IdentifierKindName } from '../safeguards/safe-harbor/identifier-kinds.ts';
import { reidentKindOf } from '../safeguards/safe-harbor/reident-columns.ts';
import { HHS_RESTRICTED_ZIP3_2010, zip3Population, zip3Releasable } from '../safeguards/safe-harbor/zip3.ts';
import { dayOfText } from '../safeguards/dates/day-values.ts';

const truthOf = (t: Table) => Int32Array.from({ length: t.rows }, (_, i) => 1000 + i);
const dataset = (t: Table) => ({ table: t, truth: truthOf(t) });
const day = (iso: string) => dayOfText(iso)!;

describe('Safe Harbor by hand', () => {
  const people = tableOf({
    person_id: numberColumn([1, 2, 3, 4]),
    first_name: textColumn(['Ann', 'Bob', 'Cy', 'Di']),
    ssn: textColumn(['900-12-3456', null, '901-00-0001', '902-11-1111']),
    street: textColumn(['1 Main St', '2 Oak Ave', '3 Elm Rd', '4 Pine Ct']),
    city: textColumn(['Boston', 'Keene', 'Las Vegas', 'Nowhere']),
    state: textColumn(['MA', 'NH', 'NV', 'ZZ']),
    zip: textColumn(['02138', '03601', '89001', null]),
    birth_date: dateColumn([day('1934-06-30'), day('1934-07-01'), day('1950-01-15'), NO_DAY]),
    age: numberColumn([90, 89, 74, 101]),
    death_date: dateColumn([NO_DAY, day('2024-06-30'), NO_DAY, NO_DAY]),
    sex: textColumn(['F', 'M', 'M', 'F']),
  });

  test('identifiers go, ZIP3 where the area has over 20,000 people else 000, years only, 90+', () => {
    const out = safeHarbor(dataset(people));
    expect(out.table.names).toEqual(['state', 'zip', 'birth_date', 'age', 'death_date', 'sex']);
    // 021 has ~600k people; 036 (<= 20,000) and 890 (on HHS's list) become 000; missing stays missing.
    expect(valuesOf(out.table.columns.zip!)).toEqual(['021', '000', '000', null]);
    // asOf defaults to the latest date (2024-06-30): born 1934-06-30 is 90 that day, 1934-07-01 is 89.
    expect(valuesOf(out.table.columns.birth_date!)).toEqual(['90+', '1934', '1950', null]);
    expect(valuesOf(out.table.columns.age!)).toEqual(['90+', '89', '74', '90+']);
    expect(valuesOf(out.table.columns.death_date!)).toEqual([null, 2024, null, null]);
    expect(out.truth).toEqual(truthOf(people));
    const [applied] = out.applied;
    expect(applied!.safeguard).toBe('safe-harbor');
    expect(applied!.parameters.asOf).toBe('2024-06-30');
    expect(applied!.summary.removed).toEqual([
      { column: 'person_id', kind: 'truth', hipaa: null },
      { column: 'first_name', kind: 'name', hipaa: 1 },
      { column: 'ssn', kind: 'ssn', hipaa: 7 },
      { column: 'street', kind: 'street-address', hipaa: 2 },
      { column: 'city', kind: 'city', hipaa: 2 },
    ]);
    expect(applied!.summary.zip3).toEqual([{ column: 'zip', recodedRecords: 2, recodedAreas: ['036', '890'] }]);
    expect(applied!.summary.agesGrouped).toEqual([{ column: 'age', records: 2 }]);
    expect(applied!.summary.birthYears).toEqual([{ column: 'birth_date', groupedRecords: 1 }]);
    expect(applied!.summary.yearOnly).toEqual(['death_date']);
  });

  test('asOf moves who counts as 90 or older; the label is an option', () => {
    const out = safeHarbor(dataset(people), { asOf: '2024-07-01', over89Label: '>=90' });
    expect(valuesOf(out.table.columns.birth_date!)).toEqual(['>=90', '>=90', '1950', null]);
    expect(valuesOf(out.table.columns.age!)).toEqual(['>=90', '89', '74', '>=90']);
  });

  test('text dates (CMS YYYYMMDD) and numeric ZIPs (leading zeros lost) are recoded too', () => {
    const t = fromRecords([
      { bene_birth_dt: '19400229', clm_from_dt: '20230105', mailing_zip: 2138 },
      { bene_birth_dt: '19300101', clm_from_dt: '20231231', mailing_zip: 10001 },
    ]);
    const out = safeHarbor(dataset(t));
    expect(toRecords(out.table)).toEqual([
      { bene_birth_dt: '1940', clm_from_dt: 2023, mailing_zip: '021' },
      { bene_birth_dt: '90+', clm_from_dt: 2023, mailing_zip: '100' },
    ]);
  });

  test('an unmapped column is an error naming it; columnKinds maps it; truth cannot be kept', () => {
    const t = withColumn(people, 'favourite_colour', textColumn(['red', 'blue', 'red', null]));
    expect(() => safeHarbor(dataset(t))).toThrow(/no identifier kind: "favourite_colour"/);
    expect(safeHarbor(dataset(t), { columnKinds: { favourite_colour: 'none' } }).table.names).toContain('favourite_colour');
    expect(safeHarbor(dataset(t), { columnKinds: { favourite_colour: 'other-unique-id' } }).table.names).not.toContain('favourite_colour');
    expect(() => safeHarbor(dataset(people), { columnKinds: { person_id: 'none' } })).toThrow(/person_id.*ground truth/);
    expect(() => limitedDataSet(dataset(t))).toThrow(/favourite_colour/);
  });

  test('bad options name the option', () => {
    expect(() => safeHarbor(dataset(people), { asOf: '2024-02-30' })).toThrow(/^--asOf:/);
    expect(() => safeHarbor(dataset(people), { columnKinds: { zip: 'postcode' } })).toThrow(/^--columnKinds:.*"zip".*postcode/);
    expect(() => safeHarbor(dataset(people), { over89Label: '90' })).toThrow(/^--over89Label:/);
    expect(() => safeHarbor(dataset(people), { seed: 1 } as never)).toThrow(/^--seed: unknown option/);
    expect(() => limitedDataSet(dataset(people), { asOf: '2024-01-01' } as never)).toThrow(/^--asOf: unknown option/);
    const birthsOnly = tableOf({ birth_date: dateColumn([day('1930-01-01')]) });
    expect(() => safeHarbor(dataset(birthsOnly))).toThrow(/^--asOf:/);
  });

  test('the Limited Data Set keeps dates, ages, city, ZIP and pseudonymous ids; drops direct identifiers and truth', () => {
    const t = withColumn(people, 'bene_id', textColumn(['a1', 'b2', 'c3', 'd4']));
    const out = limitedDataSet(dataset(t));
    expect(out.table.names).toEqual(['city', 'state', 'zip', 'birth_date', 'age', 'death_date', 'sex', 'bene_id']);
    for (const n of out.table.names) expect(out.table.columns[n]).toBe(t.columns[n]);
    expect(out.applied[0]!.summary.removed).toEqual([
      { column: 'person_id', kind: 'truth', hipaa: null },
      { column: 'first_name', kind: 'name', hipaa: 1 },
      { column: 'ssn', kind: 'ssn', hipaa: 7 },
      { column: 'street', kind: 'street-address', hipaa: 2 },
    ]);
  });
});

describe("reident's columns", () => {
  const schemas = [PEOPLE_SCHEMA, BENEFICIARY_SCHEMA, CARRIER_SCHEMA, OUTPATIENT_SCHEMA, INPATIENT_SCHEMA, PDE_SCHEMA];

  test('every column of every table has a kind, and truth columns are exactly the truth kind', () => {
    const missing: string[] = [];
    const truthMismatch: string[] = [];
    for (const s of schemas) {
      for (const c of s.columns) {
        const kind = reidentKindOf(c.name);
        if (kind === undefined) missing.push(`${s.name}.${c.name}`);
        else if ((kind === 'truth') !== (c.truth === true)) truthMismatch.push(`${s.name}.${c.name}`);
      }
    }
    expect(missing).toEqual([]);
    expect(truthMismatch).toEqual([]);
  });

  test('each schema date column is a date kind, and each of the 18 identifiers has a kind', () => {
    for (const s of schemas) for (const c of s.columns.filter((x) => x.type === 'date')) expect(['date', 'birth-date'], c.name).toContain(reidentKindOf(c.name));
    const covered = new Set<number | null>(Object.values(IDENTIFIER_KINDS).map((k) => k.hipaa));
    for (let i = 1; i <= 18; i++) expect(covered.has(i), `identifier ${i}`).toBe(true);
  });
});

describe('Safe Harbor on random tables', () => {
  const HHS = new Set(HHS_RESTRICTED_ZIP3_2010);
  // ZIPs from restricted, HHS-listed, populous and unused areas, plus junk and missing values.
  const zipArb = fc.option(
    fc.oneof(
      fc.constantFrom(...HHS_RESTRICTED_ZIP3_2010, '202', '204', '021', '100', '606', '999', '000').chain((z3) => fc.integer({ min: 0, max: 99 }).map((n) => z3 + String(n).padStart(2, '0'))),
      fc.integer({ min: 0, max: 99_999 }).map((n) => String(n).padStart(5, '0')),
      fc.constantFrom('ABCDE', '123', '021381234', '02138-1234'),
    ),
    { nil: null },
  );
  const dayArb = fc.option(fc.integer({ min: dayOf(1900, 1, 1), max: dayOf(2030, 12, 31) }), { nil: NO_DAY });
  const rowArb = fc.record({ zip: zipArb, birth: dayArb, service: dayArb, age: fc.option(fc.integer({ min: 0, max: 120 }), { nil: null }), name: fc.string() });
  const tableArb = fc.array(rowArb, { minLength: 1, maxLength: 60 }).map((rows) =>
    tableOf({
      person_id: numberColumn(rows.map((_, i) => i)),
      last_name: textColumn(rows.map((r) => r.name)),
      zip: textColumn(rows.map((r) => r.zip)),
      birth_date: dateColumn(rows.map((r) => r.birth)),
      srvc_dt: dateColumn(rows.map((r) => r.service)),
      age: numberColumn(rows.map((r) => r.age)),
      note: textColumn(rows.map((r) => r.name)),
    }),
  );
  const userKinds: Record<string, IdentifierKindName> = { note: 'other-unique-id' };

  test('no restricted ZIP3 and no date finer than a year; ages over 89 and their birth years grouped', () => {
    fc.assert(
      fc.property(tableArb, fc.option(fc.integer({ min: dayOf(2000, 1, 1), max: dayOf(2030, 1, 1) }), { nil: undefined }), (t, asOf) => {
        const asOfIso = asOf === undefined ? undefined : toRecords(tableOf({ d: dateColumn([asOf]) }))[0]!.d as string;
        const out = safeHarbor(dataset(t), { columnKinds: userKinds, asOf: asOfIso });
        expect(out.table.rows).toBe(t.rows);
        expect(out.truth).toEqual(truthOf(t));
        expect(out.table.names).toEqual(['zip', 'birth_date', 'srvc_dt', 'age']);
        for (const z of valuesOf(out.table.columns.zip!)) {
          if (z === null) continue;
          expect(z).toMatch(/^\d{3}$/);
          if (z !== '000') {
            expect(HHS.has(z as string)).toBe(false);
            expect(zip3Population(z as string)!).toBeGreaterThan(20_000);
          }
        }
        for (const name of out.table.names) expect(out.table.columns[name]!.kind).not.toBe('date');
        for (const y of valuesOf(out.table.columns.srvc_dt!)) if (y !== null) expect(typeof y === 'number' && Number.isInteger(y) && y >= 1900 && y <= 2030).toBe(true);
        const births = valuesOf(out.table.columns.birth_date!);
        const ages = valuesOf(out.table.columns.age!);
        const asOfDay = asOf ?? Math.max(...Array.from((t.columns.srvc_dt as { days: Int32Array }).days).filter((d) => d !== NO_DAY));
        births.forEach((b, i) => {
          const bd = (t.columns.birth_date as { days: Int32Array }).days[i]!;
          if (bd === NO_DAY) return expect(b).toBeNull();
          expect(b === '90+' || /^\d{4}$/.test(b as string)).toBe(true);
          // Anyone 90 or older on asOf, or by the age column, has the one birth-year category.
          const old = ((t.columns.age as { values: Float64Array }).values[i]! >= 90) || (Number.isFinite(asOfDay) && asOfDay - bd >= 366 * 90);
          if (old) expect(b).toBe('90+');
        });
        ages.forEach((a) => {
          if (a !== null && a !== '90+') expect(Number(a)).toBeLessThanOrEqual(89);
        });
      }),
      { numRuns: 150 },
    );
  });

  test('the Limited Data Set removes exactly the direct identifiers and truth, keeping the rest untouched', () => {
    fc.assert(
      fc.property(tableArb, (t) => {
        const out = limitedDataSet(dataset(t), { columnKinds: userKinds });
        expect(out.table.names).toEqual(['zip', 'birth_date', 'srvc_dt', 'age', 'note']);
        for (const n of out.table.names) expect(out.table.columns[n]).toBe(t.columns[n]);
        expect(out.truth).toEqual(truthOf(t));
      }),
      { numRuns: 50 },
    );
  });

  test('every ZIP3 HHS restricts is restricted here, and so is every area missing from the 2010 ZCTAs', () => {
    for (const z of HHS_RESTRICTED_ZIP3_2010) expect(zip3Releasable(z), z).toBe(false);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999 }), (n) => {
        const z = String(n).padStart(3, '0');
        const p = zip3Population(z);
        expect(zip3Releasable(z)).toBe(p !== undefined && p > 20_000 && !HHS.has(z));
      }),
    );
  });
});

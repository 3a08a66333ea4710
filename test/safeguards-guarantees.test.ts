// The safeguards' guarantees the other files do not yet pin, as properties on random tables, each checked
// by a definition written here (not the safeguard's own code): l-diversity of kAnonymise's classes by the
// textbook definitions; k-anonymity after suppression by masking; Safe Harbor's "no date finer than a year"
// for dates written as text or numbers. (Pinned elsewhere: k-anonymity after kAnonymise and mondrian,
// safeguards-kanon / -mondrian; Safe Harbor ZIP3s and date columns, -safe-harbor; cell suppression against
// the margins, -suppression; HMAC independence, -hmac-independence; DP noise scale, -dp; local
// suppression, -local-suppression.)
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { kAnonymise } from '../safeguards/k-anonymity/k-anonymise.ts';
import type { KAnonymityOptions } from '../safeguards/k-anonymity/options.ts';
import type { Hierarchy } from '../safeguards/generalise/hierarchy.ts';
import { safeHarbor } from '../safeguards/safe-harbor/safe-harbor.ts';
import { numberColumn, tableOf, textColumn, toRecords, type Value } from '../src/table/table.ts';

const QIS = ['q0', 'q1', 'q2'];
/** v0..v5 -> bands of `width` -> '*'. */
const hierarchy = (width: number): Hierarchy => ({ rows: [0, 1, 2, 3, 4, 5].map((v) => [`v${v}`, `b${Math.floor(v / width)}`, '*']) });

const arbKAnonCase = fc.record({
  rows: fc.array(fc.tuple(fc.nat(5), fc.nat(5), fc.nat(5), fc.nat(4)), { minLength: 1, maxLength: 60 }),
  widths: fc.array(fc.integer({ min: 2, max: 3 }), { minLength: 3, maxLength: 3 }),
  k: fc.integer({ min: 1, max: 4 }),
  limit: fc.constantFrom(0, 0.1, 0.3),
  l: fc.oneof(
    fc.record({ variant: fc.constant('distinct' as const), l: fc.integer({ min: 2, max: 3 }) }),
    fc.record({ variant: fc.constant('entropy' as const), l: fc.integer({ min: 2, max: 3 }) }),
    fc.record({ variant: fc.constant('recursive' as const), l: fc.integer({ min: 2, max: 3 }), c: fc.constantFrom(1, 2, 3) }),
  ),
});

function kAnonInput(rows: readonly [number, number, number, number][], widths: readonly number[]) {
  const columns = Object.fromEntries(QIS.map((n, j) => [n, textColumn(rows.map((r) => `v${r[j]}`))]));
  const table = tableOf({ ...columns, s: textColumn(rows.map((r) => `s${r[3]}`)) });
  const hierarchies = Object.fromEntries(QIS.map((n, j) => [n, hierarchy(widths[j]!)]));
  return { input: { table, truth: Int32Array.from(rows, (_, i) => 500 + i) }, hierarchies };
}

/** Sensitive values of each class of the release, by the quasi-identifiers' values. */
function classesOf(records: readonly Record<string, Value>[]): Map<string, string[]> {
  const classes = new Map<string, string[]>();
  for (const r of records) {
    const key = JSON.stringify(QIS.map((q) => r[q]));
    classes.set(key, [...(classes.get(key) ?? []), String(r.s)]);
  }
  return classes;
}

/** l-diversity by its definitions (Machanavajjhala et al. 2007): distinct values; entropy (log base 2); recursive (c,l). */
function diverse(values: readonly string[], d: KAnonCase['l']): boolean {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  const r = [...counts.values()].sort((a, b) => b - a);
  if (d.variant === 'distinct') return r.length >= d.l;
  if (d.variant === 'entropy') {
    let h = 0;
    for (const x of r) h -= (x / values.length) * Math.log2(x / values.length);
    return h >= Math.log2(d.l) - 1e-9;
  }
  let tail = 0;
  for (let i = d.l - 1; i < r.length; i++) tail += r[i]!;
  return r.length >= d.l && r[0]! < d.c * tail;
}
type KAnonCase = { l: { variant: 'distinct'; l: number } | { variant: 'entropy'; l: number } | { variant: 'recursive'; l: number; c: number } };

/** The release, or null when no node meets the criteria within the limit (an error the safeguard names). */
function tryKAnonymise(input: Parameters<typeof kAnonymise>[0], options: KAnonymityOptions) {
  try {
    return kAnonymise(input, options);
  } catch (e) {
    expect((e as Error).message).toMatch(/^--suppressionLimit: no generalisation meets the criteria/);
    return null;
  }
}

describe('k-anonymisation guarantees, checked by definition', () => {
  test('l-diversity holds when asked: every class of the release is distinct-, entropy- or recursive-(c,l)-diverse, and has k rows', () => {
    fc.assert(
      fc.property(arbKAnonCase, ({ rows, widths, k, limit, l }) => {
        const { input, hierarchies } = kAnonInput(rows, widths);
        const out = tryKAnonymise(input, { quasiIdentifiers: QIS, hierarchies, k, suppressionLimit: limit, sensitive: 's', lDiversity: l });
        if (!out) return;
        for (const values of classesOf(toRecords(out.table)).values()) {
          expect(values.length).toBeGreaterThanOrEqual(k);
          expect(diverse(values, l)).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });

  test("suppression by masking: exactly the rows 'remove' drops have every quasi-identifier '*'; the others are the same rows, in classes of k", () => {
    fc.assert(
      fc.property(arbKAnonCase, fc.boolean(), ({ rows, widths, k, limit, l }, withL) => {
        const { input, hierarchies } = kAnonInput(rows, widths);
        const options: KAnonymityOptions = { quasiIdentifiers: QIS, hierarchies, k, suppressionLimit: limit, ...(withL ? { sensitive: 's', lDiversity: l } : {}) };
        const removed = tryKAnonymise(input, options);
        if (!removed) return;
        const masked = kAnonymise(input, { ...options, suppression: 'mask' });
        expect(masked.truth).toBe(input.truth);
        const kept = new Map(Array.from(removed.truth, (id, i) => [id, toRecords(removed.table)[i]!]));
        const all = toRecords(masked.table);
        let starred = 0;
        all.forEach((r, i) => {
          const same = kept.get(input.truth[i]!);
          if (same) expect(r).toEqual(same);
          else {
            expect(QIS.map((q) => r[q])).toEqual(['*', '*', '*']);
            starred++;
          }
        });
        expect(starred).toBe(rows.length - removed.table.rows);
        expect(starred).toBeLessThanOrEqual(Math.floor(limit * rows.length));
        for (const values of classesOf([...kept.values()]).values()) expect(values.length).toBeGreaterThanOrEqual(k);
      }),
      { numRuns: 150 },
    );
  });
});

describe('Safe Harbor: no date finer than a year, however the date is written', () => {
  // Days from 1900-01-01 to 2030-12-31 as calendar dates, computed here from a UTC timestamp.
  const isoOf = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);
  const dayArb = fc.integer({ min: -25_567, max: 22_279 });

  test('dates as YYYY-MM-DD text, YYYYMMDD text and YYYYMMDD numbers become their year; birth dates a year or 90+', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(dayArb, dayArb, fc.option(dayArb, { nil: null })), { minLength: 1, maxLength: 40 }), (rows) => {
        const iso = rows.map(([a, b, c]) => [isoOf(a), isoOf(b), c === null ? null : isoOf(c)] as const);
        const table = tableOf({
          seen_iso: textColumn(iso.map((r) => r[0])),
          seen_compact: textColumn(iso.map((r) => r[1].replaceAll('-', ''))),
          seen_number: numberColumn(iso.map((r) => Number(r[0].replaceAll('-', '')))),
          born: textColumn(iso.map((r) => r[2])),
        });
        const columnKinds = { seen_iso: 'date', seen_compact: 'date', seen_number: 'date', born: 'birth-date' };
        const out = toRecords(safeHarbor({ table, truth: new Int32Array(rows.length) }, { columnKinds, asOf: '2031-01-01' }).table);
        out.forEach((r, i) => {
          expect(r.seen_iso).toBe(Number(iso[i]![0].slice(0, 4)));
          expect(r.seen_compact).toBe(Number(iso[i]![1].slice(0, 4)));
          expect(r.seen_number).toBe(Number(iso[i]![0].slice(0, 4)));
          const born = iso[i]![2];
          if (born === null) expect(r.born).toBeNull();
          else expect(r.born).toBe(born <= '1941-01-01' ? '90+' : born.slice(0, 4));
        });
      }),
      { numRuns: 150 },
    );
  });
});

import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { damerauLevenshtein, jaro, jaroWinkler, levenshtein } from '../attacks/link/compare-strings.ts';
import { blockPairs } from '../attacks/link/blocking.ts';
import { textTable } from '../src/table/text.ts';

/** Text columns with their length, as the naive loops read them. */
interface LinkTable {
  records: number;
  columns: Record<string, (string | null)[]>;
}
import { levelGammas } from '../attacks/link/gamma.ts';
import { peopleSettingsExample, SettingsError, settingsJsonSchema, validateSettings } from '../attacks/link/settings.ts';

describe('string comparators', () => {
  test('Jaro-Winkler pins from REFERENCE section 6', () => {
    expect(jaroWinkler('MARTHA', 'MARHTA')).toBeCloseTo(0.961, 3);
    expect(jaroWinkler('DWAYNE', 'DUANE')).toBeCloseTo(0.84, 3);
    expect(jaroWinkler('DIXON', 'DICKSONX')).toBeCloseTo(0.813, 3);
    // Jaro by hand: MARTHA/MARHTA m=6, t=1 -> (1 + 1 + 5/6)/3
    expect(jaro('MARTHA', 'MARHTA')).toBeCloseTo((1 + 1 + 5 / 6) / 3, 12);
    // DuckDB's jaro_similarity('', '') is 0, not 1 (checked in DuckDB 1.5; test/link-comparators-duckdb.test.ts).
    expect(jaro('', '')).toBe(0);
    expect(jaro('A', '')).toBe(0);
    // Transpositions are floor(out-of-order / 2): 'Amber ' vs 'Arabella ' matches A, b, e, r, ' ' (m = 5),
    // 3 of them out of order, t = 1 (not 1.5), so J = (5/6 + 5/9 + 4/5) / 3 and JW = J + 0.1 (1 - J),
    // 0.75667 as in DuckDB (the fractional rule gave J = 0.6963, below the 0.7 boost threshold).
    expect(jaro('Amber ', 'Arabella ')).toBeCloseTo((5 / 6 + 5 / 9 + 4 / 5) / 3, 12);
    expect(jaroWinkler('Amber ', 'Arabella ')).toBeCloseTo(0.7566666666666668, 12);
    expect(jaroWinkler('ABC', 'XYZ')).toBe(0);
    // DuckDB (Splink's default back-end) boosts only when J > 0.7: ABXY/ABZW has J = 2/3, prefix 2.
    expect(jaroWinkler('ABXY', 'ABZW')).toBeCloseTo(2 / 3, 12);
    expect(jaroWinkler('ABXY', 'ABZW', 0.1, 0)).toBeCloseTo(2 / 3 + 0.2 / 3, 12);
  });

  test('Levenshtein and Damerau-Levenshtein pins (by hand)', () => {
    expect(levenshtein('kitten', 'sitting')).toBe(3); // k->s, e->i, +g
    expect(levenshtein('flaw', 'lawn')).toBe(2); // -f, +n
    expect(levenshtein('', 'abc')).toBe(3);
    expect(levenshtein('ab', 'ba')).toBe(2);
    expect(damerauLevenshtein('ab', 'ba')).toBe(1); // one transposition
    // Unrestricted Damerau-Levenshtein, as DuckDB's damerau_levenshtein (2 there): CA -> AC -> ABC.
    // Optimal string alignment, which never edits a transposed pair again, would say 3.
    expect(damerauLevenshtein('CA', 'ABC')).toBe(2);
    expect(damerauLevenshtein('SMITH', 'SMIHT')).toBe(1);
    expect(damerauLevenshtein('19570312', '19573012')).toBe(1);
    expect(damerauLevenshtein('kitten', 'sitting')).toBe(3);
  });

  test('comparators are symmetric and bounded (property)', () => {
    const s = fc.string({ maxLength: 12, unit: fc.constantFrom('a', 'b', 'c', 'd') });
    fc.assert(
      fc.property(s, s, (a, b) => {
        expect(jaroWinkler(a, b)).toBeCloseTo(jaroWinkler(b, a), 12);
        const j = jaroWinkler(a, b);
        expect(j).toBeGreaterThanOrEqual(0);
        expect(j).toBeLessThanOrEqual(1 + 1e-12);
        expect(levenshtein(a, b)).toBe(levenshtein(b, a));
        expect(damerauLevenshtein(a, b)).toBeLessThanOrEqual(levenshtein(a, b));
        expect(levenshtein(a, b)).toBeLessThanOrEqual(Math.max(a.length, b.length));
      }),
    );
  });
});

describe('settings', () => {
  test('the example validates and the schema names every level type', () => {
    expect(validateSettings(peopleSettingsExample)).toBe(peopleSettingsExample);
    const types = settingsJsonSchema.properties.comparisons.items.properties.levels.items.oneOf.map((o) => o.properties.type.const);
    expect(types).toEqual(['null', 'exact', 'jaro_winkler', 'levenshtein', 'date_diff', 'sql', 'else']);
  });

  test('errors name the path at fault', () => {
    const bad = (patch: (s: any) => void) => {
      const s = structuredClone(peopleSettingsExample) as any;
      patch(s);
      try {
        validateSettings(s);
      } catch (e) {
        expect(e).toBeInstanceOf(SettingsError);
        return (e as Error).message;
      }
      throw new Error('expected a SettingsError');
    };
    expect(bad((s) => (s.link_type = 'link_and_dedupe'))).toMatch(/^settings\.link_type:/);
    expect(bad((s) => (s.comparisons[1].levels[2].threshold = 2))).toMatch(/settings\.comparisons\[1\]\.levels\[2\]\.threshold/);
    expect(bad((s) => s.comparisons[0].levels.pop())).toMatch(/comparisons\[0\]\.levels\[2\]: the last level must be 'else'/);
    expect(bad((s) => (s.comparisons[2].levels[3].unit = 'week'))).toMatch(/comparisons\[2\]\.levels\[3\]\.unit/);
    expect(bad((s) => (s.blocking[1][0] = 3))).toMatch(/blocking\[1\]\[0\]/);
    expect(bad((s) => (s.comparisons[3].levels[1].m = 1.5))).toMatch(/comparisons\[3\]\.levels\[1\]\.m/);
    expect(bad((s) => (s.lambda = 0))).toMatch(/settings\.lambda/);
  });

  test('gamma convention follows Splink: null -1, else 0, most similar highest', () => {
    expect(Array.from(levelGammas(peopleSettingsExample.comparisons[0]!))).toEqual([-1, 2, 1, 0]);
    expect(Array.from(levelGammas(peopleSettingsExample.comparisons[2]!))).toEqual([-1, 3, 2, 1, 0]);
  });
});

describe('blocking', () => {
  const value = fc.option(fc.constantFrom('a', 'b', 'c'), { nil: null, freq: 4 });
  const table = (n: number) =>
    fc.record({ x: fc.array(value, { minLength: n, maxLength: n }), y: fc.array(value, { minLength: n, maxLength: n }), z: fc.array(value, { minLength: n, maxLength: n }) });
  const tableArb = fc.integer({ min: 0, max: 14 }).chain((n) => table(n).map((columns): LinkTable => ({ records: n, columns })));
  const rulesArb = fc.array(fc.subarray(['x', 'y', 'z'], { minLength: 1 }), { minLength: 1, maxLength: 4 });

  function naive(l: LinkTable, r: LinkTable, rules: string[][], dedupe: boolean): string[] {
    const out: string[] = [];
    for (let i = 0; i < l.records; i++) {
      for (let j = dedupe ? i + 1 : 0; j < r.records; j++) {
        const k = rules.findIndex((rule) => rule.every((c) => l.columns[c]![i] !== null && l.columns[c]![i] === r.columns[c]![j]));
        if (k >= 0) out.push(`${i},${j},${k}`);
      }
    }
    return out.sort();
  }

  test('link_only union equals a naive nested loop, without duplicates (property)', () => {
    fc.assert(
      fc.property(tableArb, tableArb, rulesArb, (l, r, rules) => {
        const p = blockPairs(textTable(l.columns), textTable(r.columns), rules, 'link_only');
        const got = Array.from(p.left, (i, k) => `${i},${p.right[k]},${p.rule[k]}`).sort();
        expect(new Set(got).size).toBe(got.length);
        expect(got).toEqual(naive(l, r, rules, false));
      }),
    );
  });

  test('dedupe_only union equals a naive i < j loop, without duplicates (property)', () => {
    fc.assert(
      fc.property(tableArb, rulesArb, (t, rules) => {
        const p = blockPairs(textTable(t.columns), null, rules, 'dedupe_only');
        const got = Array.from(p.left, (i, k) => `${i},${p.right[k]},${p.rule[k]}`).sort();
        expect(new Set(got).size).toBe(got.length);
        expect(got).toEqual(naive(t, t, rules, true));
      }),
    );
  });

  test('an unknown column is a clear error', () => {
    const t = textTable({ x: ['a'] });
    expect(() => blockPairs(t, t, [['q']], 'link_only')).toThrow(/left table has no column 'q'/);
  });
});

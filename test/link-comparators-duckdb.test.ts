// The string comparators against DuckDB itself (Splink evaluates DuckDB's functions): random pairs of
// strings (ASCII, Latin accents, CJK, astral emoji, combining marks, empty, trailing spaces, repeated
// letters, strings past 64 bytes), each batch computed in one DuckDB query.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { damerauLevenshtein, jaccard, jaro, jaroWinkler, levenshtein } from '../attacks/link/compare-strings.ts';

let instance: DuckDBInstance;
let db: DuckDBConnection;
beforeAll(async () => {
  instance = await DuckDBInstance.create(':memory:');
  db = await instance.connect();
});
afterAll(() => {
  db.closeSync();
  instance.closeSync();
});

interface DuckDBRow {
  jaro: number;
  jw: number;
  lev: number;
  dl: number;
  /** null when either string is empty: DuckDB's jaccard raises an error there. */
  jac: number | null;
}

const literal = (s: string): string => `'${s.replaceAll("'", "''")}'`;

/** All five DuckDB functions on each pair, in one query. */
async function duckdb(pairs: readonly (readonly [string, string])[]): Promise<DuckDBRow[]> {
  const values = pairs.map(([a, b], i) => `(${i}, ${literal(a)}, ${literal(b)})`).join(',\n');
  const sql = `SELECT jaro_similarity(a, b) AS jaro, jaro_winkler_similarity(a, b) AS jw,
      levenshtein(a, b) AS lev, damerau_levenshtein(a, b) AS dl,
      CASE WHEN a <> '' AND b <> '' THEN jaccard(a, b) END AS jac
    FROM (VALUES ${values}) AS t(i, a, b) ORDER BY i`;
  const rows = (await db.runAndReadAll(sql)).getRowObjects();
  return rows.map((r) => ({ jaro: r.jaro as number, jw: r.jw as number, lev: Number(r.lev), dl: Number(r.dl), jac: r.jac as number | null }));
}

/** Compares reident with DuckDB on every pair; returns the disagreements (empty when all agree). */
async function disagreements(pairs: readonly (readonly [string, string])[]): Promise<string[]> {
  const want = await duckdb(pairs);
  const out: string[] = [];
  pairs.forEach(([a, b], i) => {
    const w = want[i]!;
    const say = (what: string, got: unknown, expected: unknown) => out.push(`${what}(${JSON.stringify(a)}, ${JSON.stringify(b)}) = ${got}, DuckDB ${expected}`);
    const close = (x: number, y: number) => Math.abs(x - y) < 1e-12;
    if (!close(jaro(a, b), w.jaro)) say('jaro', jaro(a, b), w.jaro);
    if (!close(jaroWinkler(a, b), w.jw)) say('jaroWinkler', jaroWinkler(a, b), w.jw);
    if (levenshtein(a, b) !== w.lev) say('levenshtein', levenshtein(a, b), w.lev);
    if (damerauLevenshtein(a, b) !== w.dl) say('damerauLevenshtein', damerauLevenshtein(a, b), w.dl);
    if (w.jac === null) {
      if (!(a === '' || b === '')) say('jaccard', '?', 'NULL');
      else expect(() => jaccard(a, b)).toThrow(RangeError);
    } else if (!close(jaccard(a, b), w.jac)) say('jaccard', jaccard(a, b), w.jac);
  });
  return out;
}

// Code points of several UTF-8 widths: ASCII (1 byte, with a quote and a space), Latin accents (2,
// sharing the lead byte 0xC3), CJK (3), astral emoji and a math letter (4), a combining acute accent.
const unit = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'A', 'B', ' ', "'", 'é', 'è', 'ü', 'ñ', 'ß', 'Å', '日', '本', '中', '😀', '😁', '👍', '𝔸', '\u0301');
const names = fc.constantFrom('MARTHA', 'MARHTA', 'DIXON', 'DICKSONX', 'Amber', 'Arabella', 'Dwayne', 'Duane', 'José', 'Jose', 'Zoë', "O'Brien", '李小龍', 'Émilie', 'aaaa', 'abababab', '');
const word = fc.oneof(
  { weight: 5, arbitrary: fc.string({ unit, maxLength: 10 }) },
  { weight: 3, arbitrary: names },
  // Repeated letters: many equal bytes within the Jaro window.
  { weight: 2, arbitrary: fc.string({ unit: fc.constantFrom('a', 'b', 'é'), maxLength: 14 }) },
  // Long strings: more than 64 bytes takes DuckDB's Jaro down its multi-word path.
  { weight: 1, arbitrary: fc.string({ unit, minLength: 20, maxLength: 60 }) },
);
const padded = fc.tuple(word, fc.nat({ max: 2 })).map(([w, k]) => w + ' '.repeat(k));

type Edit = [kind: 'swap' | 'delete' | 'insert' | 'double', at: number, code: string];
const edits = fc.array(fc.tuple(fc.constantFrom('swap', 'delete', 'insert', 'double'), fc.nat(), unit) as fc.Arbitrary<Edit>, { maxLength: 3 });

/** A typo'd copy of s, edited by code point so that no surrogate pair is split. */
function applyEdits(s: string, list: Edit[]): string {
  const cps = Array.from(s);
  for (const [kind, at, code] of list) {
    const i = cps.length ? at % cps.length : 0;
    if (kind === 'insert') cps.splice(i, 0, code);
    else if (cps.length === 0) continue;
    else if (kind === 'delete') cps.splice(i, 1);
    else if (kind === 'double') cps.splice(i, 0, cps[i]!);
    else if (i + 1 < cps.length) [cps[i], cps[i + 1]] = [cps[i + 1]!, cps[i]!];
  }
  return cps.join('');
}

const pair: fc.Arbitrary<[string, string]> = fc.oneof(
  fc.tuple(padded, padded),
  fc.tuple(padded, edits).map(([a, e]): [string, string] => [a, applyEdits(a, e)]),
);

describe('string comparators equal DuckDB 1.5', () => {
  test('fixed cases: published and DuckDB values', async () => {
    const fixed: [string, string][] = [
      ['Amber ', 'Arabella '],
      ['MARTHA', 'MARHTA'],
      ['DIXON', 'DICKSONX'],
      ['', ''],
      ['CA', 'ABC'],
      ['é', 'e'],
      ['😀', '😁'],
    ];
    expect(await disagreements(fixed)).toEqual([]);
    // DuckDB's values, pinned so that a change in either side is seen.
    expect(jaroWinkler('Amber ', 'Arabella ')).toBeCloseTo(0.75667, 5);
    expect(jaroWinkler('MARTHA', 'MARHTA')).toBeCloseTo(0.961, 3); // Winkler's published value
    expect(jaroWinkler('DIXON', 'DICKSONX')).toBeCloseTo(0.813, 3);
    expect(jaro('', '')).toBe(0);
    expect(jaroWinkler('', '')).toBe(0);
    expect(levenshtein('', '')).toBe(0);
    expect(damerauLevenshtein('', '')).toBe(0);
    expect(() => jaccard('', '')).toThrow(/empty string/);
    expect(damerauLevenshtein('CA', 'ABC')).toBe(2);
    expect(levenshtein('é', 'e')).toBe(2); // bytes: C3 A9 vs 65
    expect(levenshtein('😀', '😁')).toBe(1); // F0 9F 98 80 vs F0 9F 98 81
  });

  test('random pairs: every function agrees with DuckDB (property, 4 x 250 pairs)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(pair, { minLength: 250, maxLength: 250 }), async (pairs) => {
        expect(await disagreements(pairs)).toEqual([]);
      }),
      { numRuns: 4, seed: 11, endOnFailure: true }, // the message lists every disagreement; no slow shrinking
    );
  });

  test('random pairs, unseeded (property, 2 x 250 pairs)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(pair, { minLength: 250, maxLength: 250 }), async (pairs) => {
        expect(await disagreements(pairs)).toEqual([]);
      }),
      { numRuns: 2, endOnFailure: true },
    );
  });
});

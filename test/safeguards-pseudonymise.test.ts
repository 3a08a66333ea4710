// Identifier safeguards: drop, and pseudonyms by plain hash, salted hash, keyed HMAC and random token,
// checked against node:crypto (an independent SHA-256 / HMAC) and, as properties, on random tables.
import { createHash, createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { dropIdentifiers, pseudonymise, pseudonymsOf, tokenise, type PseudonymiseOptions } from '../safeguards/identifiers/index.ts';
import type { Dataset } from '../safeguards/types.ts';
import { fromRecords, numberColumn, tableOf, takeRows, textColumn, toRecords, valueAt, valuesOf, type Table, type TextColumn } from '../src/table/table.ts';

const sha256 = (text: string | Buffer) => createHash('sha256').update(text).digest('hex');
const KEY = 'k7Qf2v9XzP4mR1sT8wYb3nLc6dHj0eGa';
const SALT = new Uint8Array(16).map((_, i) => 200 - i);
const dataset = (table: Table): Dataset => ({ table, truth: Int32Array.from({ length: table.rows }, (_, i) => 1000 + i) });
const people = dataset(fromRecords([
  { ssn: '123-45-6789', name: 'Ann Lee', age: 70 },
  { ssn: '123456789', name: 'ann  lee ', age: 71 },
  { ssn: null, name: 'Bo Chan', age: 80 },
  { ssn: 'n/a', name: 'Cy Diaz', age: null },
  { ssn: '987-65-4320', name: 'Bo Chan', age: 66 },
]));
const column = (t: Table, name: string) => valuesOf(t.columns[name]!);

describe('pseudonymise: each method against an independent computation', () => {
  test("plain hash: SHA-256 hex of the SSN's digits; equal SSNs written two ways get one pseudonym; missing and empty stay missing", () => {
    const r = pseudonymise(people, { column: 'ssn', method: 'hash', normalise: 'digits' });
    expect(column(r.table, 'ssn')).toEqual([sha256('123456789'), sha256('123456789'), null, null, sha256('987654320')]);
    expect(r.table.names).toEqual(['ssn', 'name', 'age']);
    expect(column(r.table, 'name')).toEqual(column(people.table, 'name'));
    expect(r.truth).toBe(people.truth);
    expect(r.applied).toEqual([{ safeguard: 'pseudonymise', parameters: { column: 'ssn', method: 'hash', normalise: 'digits' }, summary: { rows: 5, pseudonymised: 3, missing: 2, distinctValues: 2, distinctPseudonyms: 2 } }]);
  });

  test('trim-upper normalisation: trimmed, white space collapsed, upper case', () => {
    const r = pseudonymise(people, { column: 'name', method: 'hash', as: 'name_id' });
    expect(r.table.names).toEqual(['ssn', 'name_id', 'age']);
    expect(column(r.table, 'name_id')).toEqual(['ANN LEE', 'ANN LEE', 'BO CHAN', 'CY DIAZ', 'BO CHAN'].map((n) => sha256(n)));
  });

  test('salted hash, one salt per release: SHA-256(salt || value), equal values stay linkable', () => {
    const r = pseudonymise(people, { column: 'ssn', method: 'salted-hash', normalise: 'digits', salt: SALT });
    const expected = (v: string) => sha256(Buffer.concat([Buffer.from(SALT), Buffer.from(v)]));
    expect(column(r.table, 'ssn')).toEqual([expected('123456789'), expected('123456789'), null, null, expected('987654320')]);
    expect(r.applied[0]!.parameters).toEqual({ column: 'ssn', method: 'salted-hash', normalise: 'digits', saltScope: 'release' });
  });

  test('salted hash, one salt per record: equal values get unrelated pseudonyms; same seed, same output', () => {
    const o: PseudonymiseOptions = { column: 'ssn', method: 'salted-hash', normalise: 'digits', saltScope: 'record', seed: 7 };
    const [a, b, missing, empty] = column(pseudonymise(people, o).table, 'ssn');
    expect(a).not.toBe(b);
    expect([missing, empty]).toEqual([null, null]);
    expect(toRecords(pseudonymise(people, o).table)).toEqual(toRecords(pseudonymise(people, o).table));
    expect(column(pseudonymise(people, { ...o, seed: 8 }).table, 'ssn')[0]).not.toBe(a);
  });

  test('keyed HMAC-SHA256 equals node:crypto HMAC of the normalised value', () => {
    const r = pseudonymise(people, { column: 'ssn', method: 'hmac', normalise: 'digits', key: KEY });
    expect(column(r.table, 'ssn')[0]).toBe(createHmac('sha256', KEY).update('123456789').digest('hex'));
    expect(column(r.table, 'ssn')[1]).toBe(column(r.table, 'ssn')[0]);
  });

  test('the key, salt and seed are never recorded in the release', () => {
    for (const o of [{ method: 'hmac', key: KEY }, { method: 'salted-hash', salt: 'a-salt-of-sixteen-bytes' }, { method: 'token', seed: 'seed-kept-secret' }] as const) {
      const text = JSON.stringify(pseudonymise(people, { column: 'ssn', ...o }).applied);
      expect(text).not.toMatch(/k7Qf2v9X|a-salt-of|seed-kept-secret/);
      expect(text).not.toMatch(/"(key|salt|seed)"/);
    }
  });

  test("the release's dictionary holds only pseudonyms of the rows it has", () => {
    const subset = { table: takeRows(people.table, [4]), truth: Int32Array.of(1004) }; // dictionary still shared with dropped rows
    const r = pseudonymise(subset, { column: 'ssn', method: 'hash', normalise: 'digits' });
    expect((r.table.columns.ssn as TextColumn).dictionary).toEqual([sha256('987654320')]);
    const t = tokenise(subset, { column: 'ssn', normalise: 'digits', seed: 1 });
    expect(toRecords(t.crosswalk).map((x) => x.value)).toEqual(['987654320']);
  });

  test('numbers and dates are pseudonymised as their text', () => {
    const r = pseudonymise(people, { column: 'age', method: 'hash' });
    expect(column(r.table, 'age')).toEqual([sha256('70'), sha256('71'), sha256('80'), null, sha256('66')]);
  });

  test('bad options are errors naming the option', () => {
    expect(() => pseudonymise(people, { column: 'sn', method: 'hash' })).toThrow(/--column: .*no column "sn".*ssn, name, age/);
    expect(() => pseudonymise(people, { column: 'ssn' })).toThrow(/--key: is required/);
    expect(() => pseudonymise(people, { column: 'ssn', key: 'short' })).toThrow(/--key: must be at least 16 bytes, got 5/);
    expect(() => pseudonymise(people, { column: 'ssn', method: 'md5' as 'hash' })).toThrow(/--method: "md5" is not one of hash, salted-hash, hmac, token/);
    expect(() => pseudonymise(people, { column: 'ssn', method: 'salted-hash' })).toThrow(/--salt: give a salt/);
    expect(() => pseudonymise(people, { column: 'ssn', method: 'salted-hash', saltScope: 'record', seed: 1, salt: SALT })).toThrow(/--salt: a per-record salt/);
    expect(() => pseudonymise(people, { column: 'ssn', method: 'hash', normalise: 'lower' as 'none' })).toThrow(/--normalise/);
    expect(() => pseudonymise(people, { column: 'ssn', method: 'hash', as: 'name' })).toThrow(/--as: the table already has a column "name"/);
    expect(() => pseudonymise(people, { column: 'ssn', method: 'token' })).toThrow(/--seed: is required/);
  });

  test('pseudonymsOf gives what the table safeguard gives', () => {
    const values = ['123-45-6789', null, '555'];
    expect(pseudonymsOf(values, { method: 'hash', normalise: 'digits' })).toEqual([sha256('123456789'), null, sha256('555')]);
  });
});

describe('tokens and their crosswalk', () => {
  test('one token per distinct value, 12 hex digits, unique; the crosswalk maps each value to its token and is not in the release', () => {
    const { release, crosswalk } = tokenise(people, { column: 'name', seed: 3 });
    const tokens = column(release.table, 'name') as string[];
    expect(tokens.every((t) => /^[0-9a-f]{12}$/.test(t))).toBe(true);
    expect(tokens[0]).toBe(tokens[1]);
    expect(tokens[2]).toBe(tokens[4]);
    expect(new Set(tokens).size).toBe(3);
    const map = new Map(toRecords(crosswalk).map((r) => [r.value, r.token]));
    expect([...map.keys()]).toEqual(['ANN LEE', 'BO CHAN', 'CY DIAZ']);
    expect(tokens).toEqual(['ANN LEE', 'ANN LEE', 'BO CHAN', 'CY DIAZ', 'BO CHAN'].map((n) => map.get(n)));
    expect(Object.keys(release)).toEqual(['table', 'truth', 'applied']);
    expect(release.applied[0]).toMatchObject({ safeguard: 'pseudonymise', parameters: { column: 'name', method: 'token', normalise: 'trim-upper' } });
  });

  test("tokens do not depend on row order, do depend on the seed, and pseudonymise('token') is the same release", () => {
    const reversed = { table: takeRows(people.table, [4, 3, 2, 1, 0]), truth: people.truth.slice().reverse() };
    const a = tokenise(people, { column: 'name', seed: 3 });
    const b = tokenise(reversed, { column: 'name', seed: 3 });
    expect(toRecords(b.crosswalk)).toEqual(toRecords(a.crosswalk));
    expect(toRecords(tokenise(people, { column: 'name', seed: 4 }).crosswalk)).not.toEqual(toRecords(a.crosswalk));
    expect(toRecords(pseudonymise(people, { column: 'name', method: 'token', seed: 3 }).table)).toEqual(toRecords(a.release.table));
  });
});

describe('drop', () => {
  test('the named columns are gone, the rest and the truth untouched', () => {
    const r = dropIdentifiers(people, { columns: ['ssn', 'name'] });
    expect(r.table.names).toEqual(['age']);
    expect(r.truth).toBe(people.truth);
    expect(r.applied[0]).toEqual({ safeguard: 'drop-identifiers', parameters: { columns: ['ssn', 'name'] }, summary: { columnsDropped: 2, columnsLeft: 1 } });
  });

  test('a misspelt or missing column is an error, not a silent no-op', () => {
    expect(() => dropIdentifiers(people, { columns: ['SSN'] })).toThrow(/--columns: .*no column "SSN"/);
    expect(() => dropIdentifiers(people, { columns: [] })).toThrow(/--columns: name at least one column/);
  });
});

// Random tables: an identifier column (small alphabet so values repeat, some missing) and a number column.
const identifier = fc.option(fc.stringMatching(/^[ab1-]{0,4}$/), { nil: null, freq: 5 });
const randomTable = fc.array(fc.tuple(identifier, fc.option(fc.integer({ min: 0, max: 9 }), { nil: null })), { minLength: 1, maxLength: 40 }).map((rows) =>
  dataset(tableOf({ id: textColumn(rows.map((r) => r[0])), other: numberColumn(rows.map((r) => r[1])) })),
);
const linkable: PseudonymiseOptions[] = [
  { column: 'id', method: 'hash', normalise: 'digits' },
  { column: 'id', method: 'salted-hash', salt: SALT, normalise: 'trim-upper' },
  { column: 'id', method: 'hmac', key: KEY, normalise: 'none' },
  { column: 'id', method: 'token', seed: 11, normalise: 'digits' },
];
const norm = { digits: (s: string) => s.replace(/\D/g, ''), 'trim-upper': (s: string) => s.trim().toUpperCase(), none: (s: string) => s };

describe('properties on random tables', () => {
  test('missing iff the value is missing or normalises to nothing; equal pseudonyms iff equal normalised values; the rest untouched', () => {
    fc.assert(
      fc.property(randomTable, fc.constantFrom(...linkable), (d, o) => {
        const r = pseudonymise(d, o);
        const before = column(d.table, 'id');
        const after = column(r.table, 'id');
        const normal = before.map((v) => (v === null ? null : norm[o.normalise!](v as string) || null));
        for (let i = 0; i < d.table.rows; i++) {
          expect(after[i] === null).toBe(normal[i] === null);
          for (let j = 0; j < i; j++) if (normal[i] !== null && normal[j] !== null) expect(after[i] === after[j]).toBe(normal[i] === normal[j]);
        }
        expect(column(r.table, 'other')).toEqual(column(d.table, 'other'));
        expect(r.truth).toEqual(d.truth);
        expect(toRecords(pseudonymise(d, o).table)).toEqual(toRecords(r.table)); // same options, same output
      }),
      { numRuns: 60 },
    );
  });

  test('per-record salts: no two present rows share a pseudonym', () => {
    fc.assert(
      fc.property(randomTable, fc.integer(), (d, seed) => {
        const after = column(pseudonymise(d, { column: 'id', method: 'salted-hash', saltScope: 'record', seed, normalise: 'none' }).table, 'id').filter((v) => v !== null);
        expect(new Set(after).size).toBe(after.length);
      }),
      { numRuns: 40 },
    );
  });

  test("a release's dictionary never holds a value of the input", () => {
    fc.assert(
      fc.property(randomTable, fc.constantFrom(...linkable), (d, o) => {
        const r = pseudonymise(d, o);
        const dict = (r.table.columns.id as TextColumn).dictionary;
        for (let i = 0; i < d.table.rows; i++) expect(dict).not.toContain(valueAt(d.table.columns.id!, i));
      }),
      { numRuns: 40 },
    );
  });
});

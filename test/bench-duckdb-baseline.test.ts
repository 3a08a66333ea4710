// The DuckDB baseline of the bench writes rows of the people table's columns (names, order, types)
// with values from reident's vocabularies: checked by reading its CSV back with DuckDB and against
// the vocabularies and schema in JS.
import { describe, expect, test } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { duckdbPeopleCsv } from '../bench/duckdb-baseline.ts';
import { PEOPLE_SCHEMA } from '../generators/population/people-table.ts';
import { firstNameModelOf, surnameDictionary } from '../generators/population/names.ts';
import { geography } from '../generators/calibration/tables.ts';

describe('bench: DuckDB people baseline', () => {
  test('writes n rows with the people columns in order, typed as the schema says, values from the vocabularies', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'reident-duckdb-baseline-'));
    try {
      const path = join(dir, 'people.csv');
      const n = 5000;
      const r = await duckdbPeopleCsv(n, path, 2);
      expect(r.rows).toBe(n);
      const db = await DuckDBInstance.create(':memory:');
      const con = await db.connect();
      const types = Object.fromEntries(PEOPLE_SCHEMA.columns.map((c) => [c.name, c.type === 'int' ? 'BIGINT' : c.type === 'date' ? 'DATE' : 'VARCHAR']));
      const read = `read_csv('${path}', header = true, columns = ${JSON.stringify(types).replaceAll('"', "'")})`;
      const header = (await con.runAndReadAll(`SELECT column_name FROM (DESCRIBE SELECT * FROM ${read})`)).getRows().map((row) => String(row[0]));
      expect(header).toEqual(PEOPLE_SCHEMA.columns.map((c) => c.name));
      const rows = (await con.runAndReadAll(`SELECT count(*), count(DISTINCT person_id), min(person_id), max(person_id) FROM ${read}`)).getRows()[0]!;
      expect(rows.map(Number)).toEqual([n, n, 0, n - 1]);
      const names = (await con.runAndReadAll(`SELECT DISTINCT first_name, last_name, zip, city FROM ${read}`)).getRows();
      const firsts = new Set(firstNameModelOf().dictionary);
      const lasts = new Set(surnameDictionary());
      const cityOfZip = new Map(geography.zctas.zcta.map((z, k) => [z, geography.cities[geography.zctas.city[k]]]));
      for (const [first, last, zip, city] of names) {
        expect(firsts.has(String(first))).toBe(true);
        expect(lasts.has(String(last))).toBe(true);
        expect(cityOfZip.get(String(zip))).toBe(String(city));
      }
      con.closeSync();
      db.closeSync();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

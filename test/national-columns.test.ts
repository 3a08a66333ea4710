// generate --columns: only the columns asked for, the same values as the full table; the tables
// default to those holding a column asked for; unknown columns and tables without one are refused.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { chosenTables } from '../src/cli/generate.ts';
import { SCHEMAS } from '../generators/world.ts';
import { TABLE_NAMES, type TableName } from '../generators/world-types.ts';
import { readColumns } from '../src/io/read-columns.ts';
import { textAt } from '../src/table/table.ts';
import { cli } from './helpers/cli.ts';

const root = mkdtempSync(join(tmpdir(), 'reident-columns-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const world = ['--states', 'WY', '--scale', '0.005', '--seed', '3', '--quiet'];
const full = join(root, 'full');

beforeAll(async () => {
  const r = await cli('generate', ...world, '--tables', 'people,beneficiaries', '--out', full);
  expect(r.code, r.stderr).toBe(0);
}, 60_000);

describe('generate --columns', () => {
  for (const extra of [[], ['--format', 'parquet'], ['--format', 'parquet', '--partition', 'state', '--part-people', '1000']]) {
    test(`zip,sex,birth_date ${extra.join(' ') || '(csv)'}: only those columns, in the schema's order, holding the full table's values`, async () => {
      const out = join(root, `qi-${extra.length}`);
      const r = await cli('generate', ...world, '--columns', 'birth_date,zip,sex', '--out', out, ...extra);
      expect(r.code, r.stderr).toBe(0);
      const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
      expect(Object.keys(manifest.tables)).toEqual(['people']); // no other table has these columns
      expect(manifest.tables.people.columns.map((c: { name: string }) => c.name)).toEqual(['sex', 'birth_date', 'zip']);
      const entry = manifest.tables.people;
      const got = await readColumns(join(out, entry.layout === 'hive' ? 'people' : entry.file), { columns: 'all' });
      const want = await readColumns(join(full, 'people.csv'), { columns: ['sex', 'birth_date', 'zip'] });
      expect(got.names).toEqual(['sex', 'birth_date', 'zip']);
      expect(got.rows).toBe(want.rows);
      for (const name of want.names) {
        for (let i = 0; i < want.rows; i++) if (textAt(got.columns[name]!, i) !== textAt(want.columns[name]!, i)) expect.fail(`${name}, row ${i}`);
      }
    }, 60_000);
  }

  test('a column in two tables is written in both (person_id with --tables people,beneficiaries)', async () => {
    const out = join(root, 'ids');
    const r = await cli('generate', ...world, '--tables', 'people,beneficiaries', '--columns', 'person_id', '--out', out);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(join(out, 'beneficiaries.csv'), 'utf8')).toBe(
      readFileSync(join(full, 'beneficiaries.csv'), 'utf8')
        .split('\n')
        .map((line) => line.split(',')[0])
        .join('\n'),
    );
  });

  test('an unknown column is refused (exit 2), naming it and listing the known columns; nothing is written', async () => {
    const out = join(root, 'bad');
    const r = await cli('generate', ...world, '--columns', 'zip,zodiac', '--out', out);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--columns has an unknown column "zodiac"');
    expect(r.stderr).toMatch(/known: person_id, household_id, first_name, .*zip/);
    const t = await cli('generate', ...world, '--tables', 'beneficiaries', '--columns', 'zip', '--out', out);
    expect(t.code).toBe(2);
    expect(t.stderr).toContain('the tables chosen (beneficiaries) has no such column');
    const e = await cli('generate', ...world, '--tables', 'people,beneficiaries', '--columns', 'zip', '--out', out);
    expect(e.code).toBe(2);
    expect(e.stderr).toContain('--columns names no column of beneficiaries');
  });

  test('property: the tables chosen are exactly those (of --tables) holding a column asked for', () => {
    const all = TABLE_NAMES.flatMap((t) => SCHEMAS[t].columns.map((c) => c.name));
    fc.assert(
      fc.property(fc.uniqueArray(fc.constantFrom(...all), { minLength: 1, maxLength: 6 }), (columns) => {
        const got = chosenTables({ tables: [...TABLE_NAMES], columns }, SCHEMAS);
        const want: TableName[] = [];
        for (const t of TABLE_NAMES) {
          let holds = false;
          for (const c of SCHEMAS[t].columns) for (const asked of columns) if (c.name === asked) holds = true;
          if (holds) want.push(t);
        }
        expect(got).toEqual(want);
      }),
    );
  });
});

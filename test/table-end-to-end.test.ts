// The one table end to end: a CSV file and a Parquet file of the same data read to the same table; a
// world read back from disk is the world generated in memory, table for table; and tables round-trip
// through row objects and through CSV, missing values included (fast-check).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { cli } from './helpers/cli.ts';
import { readColumns } from '../src/io/read-columns.ts';
import { tableCsv } from '../src/io/table-file.ts';
import { openWorld, readWorldTable } from '../src/io/world-tables.ts';
import { generatedWorld } from '../src/scenarios/world-memory.ts';
import { fromRecords, textColumn, tableOf, toRecords, type Table, type TextColumn } from '../src/table/table.ts';

const root = mkdtempSync(join(tmpdir(), 'reident-table-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const csvWorld = join(root, 'csv');
const parquetWorld = join(root, 'parquet');
const PEOPLE = 3000;

beforeAll(async () => {
  for (const [dir, format] of [[csvWorld, 'csv'], [parquetWorld, 'parquet']] as const) {
    const r = await cli('generate', '--people', String(PEOPLE), '--seed', '7', '--states', 'all', '--calibration', 'census2010', '--tables', 'people,beneficiaries', '--format', format, '--out', dir, '--quiet');
    expect(r.code, r.stderr).toBe(0);
  }
});

/** Row i of a column as text, read naively from its codes (null when missing). */
const cell = (c: TextColumn, i: number) => (c.codes[i]! < 0 ? null : c.dictionary[c.codes[i]!]!);

/** Both tables have the same column names and rows, and every cell's text is the same. */
function expectSameText(a: Table, b: Table): void {
  expect(b.names).toEqual(a.names);
  expect(b.rows).toBe(a.rows);
  for (const n of a.names) {
    const x = a.columns[n] as TextColumn;
    const y = b.columns[n] as TextColumn;
    expect([x.kind, y.kind], n).toEqual(['text', 'text']);
    for (let i = 0; i < a.rows; i++) if (cell(x, i) !== cell(y, i)) expect(`${n}[${i}] = ${cell(y, i)}`).toBe(`${n}[${i}] = ${cell(x, i)}`);
  }
}

describe('readers', () => {
  test('a CSV file and a Parquet file of the same world read to the same table (same codes, same dictionaries)', async () => {
    for (const t of ['people', 'beneficiaries']) {
      const csv = await readColumns(join(csvWorld, `${t}.csv`), { columns: 'all' });
      const parquet = await readColumns(join(parquetWorld, `${t}.parquet`), { columns: 'all' });
      expectSameText(csv, parquet);
      for (const n of csv.names) {
        expect((parquet.columns[n] as TextColumn).dictionary, `${t}.${n}`).toEqual((csv.columns[n] as TextColumn).dictionary);
        expect(Array.from((parquet.columns[n] as TextColumn).codes), `${t}.${n}`).toEqual(Array.from((csv.columns[n] as TextColumn).codes));
      }
    }
  });

  test('a world read from disk equals the world generated in memory, as tables', async () => {
    const world = await openWorld(csvWorld);
    const memory = generatedWorld({ seed: 7, people: PEOPLE, scale: 1, states: 'all', calibration: 'census2010' }, ['beneficiaries']);
    expect(memory.people.rows).toBe(PEOPLE);
    expectSameText(await readWorldTable(world, 'people'), memory.people);
    expectSameText(await readWorldTable(world, 'beneficiaries'), memory.beneficiaries!);
  });
});

describe('round trips (property)', () => {
  // Text that a CSV cell can hold, and null for missing; '' reads back as missing, so it is not drawn.
  const text = fc.oneof(fc.constantFrom('a', 'B', '02138', 'x,y', 'say "hi"', ' lead', 'ü'), fc.string({ minLength: 1, maxLength: 6 }).filter((s) => !/[\r\n]/.test(s) && s.trim() === s));
  const value = fc.option(text, { nil: null, freq: 4 });
  // At least two columns: a one-column row with its value missing is an empty line, which CSV cannot tell from a blank one.
  const tableArb = fc.integer({ min: 2, max: 4 }).chain((columns) =>
    fc.integer({ min: 1, max: 25 }).chain((rows) =>
      fc.array(fc.array(value, { minLength: rows, maxLength: rows }), { minLength: columns, maxLength: columns }).map((cols) =>
        tableOf(Object.fromEntries(cols.map((c, j) => [`c${j}`, textColumn(c)]))),
      ),
    ),
  );
  const recordsOf = (t: Table) => toRecords(t);

  test('fromRecords(toRecords(t)) gives the same records and the same codes', () => {
    fc.assert(
      fc.property(tableArb, (t) => {
        const back = fromRecords(toRecords(t), t.names);
        expect(recordsOf(back)).toEqual(recordsOf(t));
        for (const n of t.names) {
          const [x, y] = [t.columns[n] as TextColumn, back.columns[n] as TextColumn];
          // a column with only missing values has no kind to guess from: it is text
          expect(y.kind).toBe('text');
          expect(Array.from(y.codes)).toEqual(Array.from(x.codes));
        }
      }),
      { numRuns: 200 },
    );
  });

  test('writing a table as CSV and reading it back gives the same table', async () => {
    let k = 0;
    await fc.assert(
      fc.asyncProperty(tableArb, async (t) => {
        const file = join(root, `round-${k++}.csv`);
        writeFileSync(file, tableCsv(t));
        const back = await readColumns(file, { columns: 'all', delimiter: ',' });
        expectSameText(t, back);
      }),
      { numRuns: 60 },
    );
  });
});

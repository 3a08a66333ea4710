import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { csvBytes } from '../src/io/csv-bytes.ts';
import { csvRows } from '../src/io/format-csv.ts';
import { jsonRows } from '../src/io/format-json.ts';
import { NO_DAY } from '../src/dates.ts';
import { chunkOf, coded, dayColumn, col, plainColumn, type TableSchema } from '../src/table/schema.ts';
import { planWorld } from '../generators/world.ts';
import { writeWorld } from '../src/io/world-writer.ts';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const SCHEMA: TableSchema = {
  name: 't',
  description: 'mixed column forms',
  columns: [col('id', 'int', ''), col('name', 'string', ''), col('coded', 'string', ''), col('day', 'date', ''), col('cents', 'money', ''), col('small', 'int', '')],
};
const DICT = ['Ann', 'O"Neil, Jr', 'Zoë', 'plain'];

const row = fc.record({
  id: fc.oneof(fc.integer({ min: -1e12, max: 1e12 }), fc.constant(null)),
  name: fc.oneof(fc.string(), fc.constant(null), fc.constantFrom('a,b', 'q"uote', 'line\nbreak', 'café')),
  code: fc.integer({ min: -1, max: DICT.length - 1 }),
  day: fc.oneof(fc.integer({ min: -40000, max: 60000 }), fc.constant(NO_DAY)),
  cents: fc.oneof(fc.integer({ min: -1e9, max: 1e9 }), fc.constant(null)),
  small: fc.integer({ min: 0, max: 200 }),
});

describe('CSV bytes', () => {
  test('byte encoding equals the string encoding for every column form (fast-check)', () => {
    fc.assert(
      fc.property(fc.array(row, { minLength: 0, maxLength: 2500 }), (rows) => {
        const chunk = chunkOf(SCHEMA, rows.length, {
          id: rows.map((r) => r.id),
          name: rows.map((r) => r.name),
          coded: coded(Int32Array.from(rows, (r) => r.code), DICT),
          day: dayColumn(Int32Array.from(rows, (r) => r.day), 'iso'),
          cents: rows.map((r) => r.cents),
          small: Uint8Array.from(rows, (r) => r.small),
        });
        expect(new TextDecoder().decode(csvBytes(SCHEMA, chunk))).toBe(csvRows(SCHEMA, chunk));
        // JSON of coded and day columns matches JSON of their plain values
        const plain = { rows: chunk.rows, columns: chunk.columns.map(plainColumn) };
        expect(jsonRows(SCHEMA, chunk, true)).toBe(jsonRows(SCHEMA, plain, true));
      }),
      { numRuns: 40 },
    );
  });

  test('a bad money value names the column', () => {
    const chunk = chunkOf(SCHEMA, 1, { id: [1], name: ['x'], coded: coded([0], DICT), day: dayColumn([0], 'iso'), cents: ['12.5'], small: [1] });
    expect(() => csvBytes(SCHEMA, chunk)).toThrow(/column cents/);
  });
});

describe('parallel generation', () => {
  test('worker threads write byte-identical files to a single-thread run', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'reident-par-'));
    try {
      const plan = planWorld({ seed: 'par', people: 3000 });
      const tables = ['people', 'beneficiaries', 'claims_carrier', 'claims_pde'] as const;
      const one = await writeWorld(plan, { outDir: join(dir, 'one'), format: 'csv', tables: [...tables], batchSize: 700, workers: 1 });
      const two = await writeWorld(plan, { outDir: join(dir, 'two'), format: 'csv', tables: [...tables], batchSize: 700, workers: 2 });
      expect(two.tables.map((t) => t.sha256)).toEqual(one.tables.map((t) => t.sha256));
      expect(await readFile(join(dir, 'two', 'manifest.json'), 'utf8')).toBe(await readFile(join(dir, 'one', 'manifest.json'), 'utf8'));
      const json1 = await writeWorld(plan, { outDir: join(dir, 'j1'), format: 'json', tables: ['beneficiaries'], batchSize: 700, workers: 1 });
      const json2 = await writeWorld(plan, { outDir: join(dir, 'j2'), format: 'json', tables: ['beneficiaries'], batchSize: 700, workers: 2 });
      expect(json2.tables[0]!.sha256).toBe(json1.tables[0]!.sha256);
      JSON.parse(await readFile(join(dir, 'j2', 'beneficiaries.json'), 'utf8'));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

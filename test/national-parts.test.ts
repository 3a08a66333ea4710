// Properties of the national-scale pieces: DuckDB data chunks filled from typed columns hold exactly
// the values given (strings inline or not, ASCII or not, nulls, negative cents, dates), and the
// partition plan cuts a complete world into contiguous parts, each inside one state.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import fc from 'fast-check';
import { afterAll, describe, expect, test } from 'vitest';
import { planWorld } from '../generators/world.ts';
import { geography } from '../generators/calibration/tables.ts';
import { isoDate, NO_DAY } from '../src/dates.ts';
import { ParquetSession } from '../src/io/format-parquet.ts';
import { partitionByState } from '../src/io/partition-plan.ts';
import { coded, col, dayColumn, type TableChunk } from '../src/table/schema.ts';

const root = mkdtempSync(join(tmpdir(), 'reident-parts-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const text = fc.oneof(fc.string({ maxLength: 20 }), fc.string({ unit: 'grapheme', maxLength: 8 }), fc.constantFrom('', 'é', '12345678901', '123456789012', '1234567890123'));
const row = fc.record({
  s: fc.option(text, { nil: null }),
  k: fc.integer({ min: -1, max: 3 }),
  n: fc.option(fc.integer({ min: -2147483648, max: 2147483647 }), { nil: null }),
  m: fc.option(fc.integer({ min: -99_999_999_999_99, max: 99_999_999_999_99 }), { nil: null }),
  d: fc.oneof(fc.integer({ min: -40000, max: 60000 }), fc.constant(NO_DAY)),
});
const DICT = ['a', 'a much longer dictionary entry', 'ü', ''];
const columns = [col('s', 'string', ''), col('k', 'string', ''), col('n', 'int', ''), col('m', 'money', ''), col('d', 'date', '')];

describe('typed data chunks', () => {
  test('property: what is appended is what DuckDB writes to Parquet, row for row (over several 2,048-row vectors)', async () => {
    const session = await ParquetSession.open();
    const db = await (await DuckDBInstance.create(':memory:')).connect();
    let file = 0;
    try {
      await fc.assert(
        fc.asyncProperty(fc.array(row, { minLength: 0, maxLength: 5000 }), async (rows) => {
          const chunk: TableChunk = {
            rows: rows.length,
            columns: [rows.map((r) => r.s), coded(Int32Array.from(rows, (r) => r.k), DICT), rows.map((r) => r.n), rows.map((r) => r.m), dayColumn(Int32Array.from(rows, (r) => r.d), 'iso')],
          };
          const sink = await session.sink('t', columns);
          sink.append(chunk);
          const path = join(root, `p${file++}.parquet`);
          await sink.finish(path);
          const got = (await db.runAndReadAll(`SELECT s, k, n, CAST(m AS VARCHAR), CAST(d AS VARCHAR) FROM read_parquet('${path}')`)).getRows();
          const want = rows.map((r) => [r.s, r.k < 0 ? null : DICT[r.k]!, r.n, r.m === null ? null : cents(r.m), r.d === NO_DAY ? null : isoDate(r.d)]);
          expect(got).toEqual(want);
        }),
        { numRuns: 25 },
      );
    } finally {
      session.close();
    }
  }, 60_000);
});

/** Cents as DuckDB prints a DECIMAL(14,2), computed digit by digit (not by the writer's code). */
function cents(c: number): string {
  const sign = c < 0 ? '-' : '';
  const a = Math.abs(c);
  return `${sign}${Math.floor(a / 100)}.${String(a % 100).padStart(2, '0')}`;
}

describe('partition plan', () => {
  test('property: parts are contiguous, in person order, at most partPeople each, each inside one state, covering the world', () => {
    const small = ['DC', 'DE', 'RI', 'VT', 'WY', 'ND', 'AK'];
    fc.assert(
      fc.property(fc.subarray(small, { minLength: 1, maxLength: 3 }), fc.integer({ min: 500, max: 20_000 }), (states, partPeople) => {
        const plan = planWorld({ seed: 1, states, scale: 0.02, calibration: 'census2010' });
        const parts = partitionByState(plan, partPeople);
        const frame = plan.context.frame;
        let next = 0;
        for (const p of parts) {
          expect(p.start).toBe(next);
          expect(p.end - p.start).toBeGreaterThan(0);
          expect(p.end - p.start).toBeLessThanOrEqual(partPeople);
          const s = frame.stateFrameOf[geography.states.findIndex((g) => g.abbr === p.state)]!;
          expect(p.start).toBeGreaterThanOrEqual(s.start);
          expect(p.end).toBeLessThanOrEqual(s.start + s.count);
          next = p.end;
        }
        expect(next).toBe(plan.totalPeople);
        expect(new Set(parts.map((p) => p.id)).size).toBe(parts.length);
      }),
      { numRuns: 8 },
    );
  }, 60_000);

  test('a weighted draw (--people) has no state layout', () => {
    expect(() => partitionByState(planWorld({ seed: 1, people: 100 }), 1000)).toThrow(/--partition: the state layout needs complete states/);
  });
});

// Claim rows written straight from the simulation's stores (src/io/claims-csv.ts) must be byte-identical to
// the table chunk the claims generator builds, encoded by the general CSV encoder and by the string
// reference (csvRows), for any seed and any range of people.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { generateWorld, planWorld } from '../generators/world.ts';
import { claimRowsOf } from '../generators/medicare/claims/materialise.ts';
import { CLAIM_SCHEMAS } from '../generators/medicare/claims/schemas.ts';
import { ByteBuffer } from '../src/io/byte-buffer.ts';
import { appendClaimCsv } from '../src/io/claims-csv.ts';
import { appendCsvBytes } from '../src/io/csv-bytes.ts';
import { csvRows } from '../src/io/format-csv.ts';
import type { TableChunk, TableSchema } from '../src/table/schema.ts';

const NAMES = Object.keys(CLAIM_SCHEMAS) as (keyof typeof CLAIM_SCHEMAS)[];
const text = (b: ByteBuffer) => new TextDecoder().decode(b.bytes.subarray(0, b.length));

/** Each claim table's CSV three ways: direct from the stores, the chunk by the byte encoder, the chunk by the string reference. */
function threeWays(seed: number, start: number, end: number) {
  const plan = planWorld({ seed, people: end });
  const out = Object.fromEntries(NAMES.map((n) => [n, { direct: new ByteBuffer(), encoded: new ByteBuffer(), reference: '' }]));
  for (const s of generateWorld(plan, { start, end, tables: new Set(NAMES), batchSize: 2_000 })) {
    for (const n of NAMES) {
      const chunk = s.chunks[n]!;
      expect(claimRowsOf(chunk)).toBeDefined();
      appendCsvBytes(plan.schemas[n], chunk, out[n]!.direct); // the fast path (before the columns are read)
      const plain: TableChunk = { rows: chunk.rows, columns: chunk.columns };
      expect(claimRowsOf(plain)).toBeUndefined();
      appendCsvBytes(plan.schemas[n], plain, out[n]!.encoded);
      out[n]!.reference += csvRows(plan.schemas[n], plain);
    }
  }
  return out;
}

describe('claim rows -> CSV from the stores', () => {
  test('equal the chunk encoders on a 6,000-person world, every table non-empty', () => {
    const out = threeWays(7, 0, 6_000);
    for (const n of NAMES) {
      const { direct, encoded, reference } = out[n]!;
      expect(direct.length, n).toBeGreaterThan(0);
      expect(text(direct), n).toBe(reference);
      expect(Buffer.compare(direct.bytes.subarray(0, direct.length), encoded.bytes.subarray(0, encoded.length)), n).toBe(0);
    }
    // the tables the fast path must cover: empty line slots, unused diagnoses, null physicians
    expect(text(out.claims_carrier!.direct)).toMatch(/,,,,/);
    expect(text(out.claims_inpatient!.direct).split('\n').length).toBeGreaterThan(5);
  });

  test('equal the string reference for any seed and range of people (fast-check)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 0, max: 3_000 }), fc.integer({ min: 1, max: 1_500 }), (seed, start, count) => {
        const out = threeWays(seed, start, start + count);
        for (const n of NAMES) expect(text(out[n]!.direct), n).toBe(out[n]!.reference);
      }),
      { numRuns: 6 },
    );
  });

  test('a schema other than the full table layout is left to the chunk encoder', () => {
    const plan = planWorld({ seed: 3, people: 500 });
    const s = generateWorld(plan, { start: 0, end: 500, tables: new Set(['claims_pde']), batchSize: 500 }).next().value!;
    const chunk = s.chunks.claims_pde!;
    const full = CLAIM_SCHEMAS.claims_pde;
    const renamed: TableSchema = { ...full, columns: full.columns.map((c, j) => (j === 3 ? { ...c, name: 'other' } : c)) };
    const out = new ByteBuffer();
    expect(appendClaimCsv(renamed, claimRowsOf(chunk)!, out)).toBe(false);
    expect(out.length).toBe(0);
    expect(appendClaimCsv(full, claimRowsOf(chunk)!, out)).toBe(true);
    expect(out.length).toBeGreaterThan(0);
  });

  test('a lazy claim chunk clones with its columns (worker messages) and builds them once', () => {
    const plan = planWorld({ seed: 5, people: 800 });
    const s = generateWorld(plan, { start: 0, end: 800, tables: new Set(['claims_carrier']), batchSize: 800 }).next().value!;
    const chunk = s.chunks.claims_carrier!;
    expect(chunk.columns).toBe(chunk.columns);
    const copy = structuredClone(chunk) as TableChunk;
    expect(copy.rows).toBe(chunk.rows);
    expect(copy.columns.length).toBe(CLAIM_SCHEMAS.claims_carrier.columns.length);
    expect(copy.columns[2]).toEqual(chunk.columns[2]);
  });
});

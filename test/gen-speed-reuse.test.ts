// Memory reused across batches (output buffers handed back, claim stores started at the size the last
// one reached, and the stores themselves reused once a slice's rows are written) must never change a
// batch's bytes: each batch, made in any order by one formatter that recycles its buffers, equals the
// same batch made by a fresh formatter, and the CSV text reference.
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { generateWorld, planWorld } from '../generators/world.ts';
import { TABLE_NAMES, type TableName } from '../generators/world-types.ts';
import { BatchFormatter } from '../src/io/format-batch.ts';
import { csvRows } from '../src/io/format-csv.ts';

const PEOPLE = 2400;
const BATCH = 400;
const plan = planWorld({ seed: 11, people: PEOPLE });
const tables: TableName[] = [...TABLE_NAMES];

/** Every batch's bytes per table, each made by a fresh formatter (nothing reused from another batch). */
function fresh(): Map<number, Record<string, Uint8Array>> {
  const out = new Map<number, Record<string, Uint8Array>>();
  for (let a = 0; a < PEOPLE; a += BATCH) {
    const making = new BatchFormatter(plan, tables, 'csv').batch(a, a + BATCH);
    let r = making.next();
    while (!r.done) r = making.next();
    out.set(a, Object.fromEntries(tables.map((t) => [t, r.value.bytes[t]!.slice()])));
  }
  return out;
}

describe('reused memory in generation', () => {
  const reference = fresh();

  test('fresh formatters write the CSV text reference (an independent, string-based encoder)', () => {
    const decoder = new TextDecoder();
    for (const [a, bytes] of reference) {
      const [whole] = [...generateWorld(plan, { start: a, end: a + BATCH, tables: new Set(tables), batchSize: BATCH })];
      for (const t of tables) expect(decoder.decode(bytes[t])).toBe(csvRows(plan.schemas[t], whole!.chunks[t]!));
    }
  });

  test('one formatter recycling its buffers makes the same bytes in any batch order (fast-check)', () => {
    const starts = [...reference.keys()];
    fc.assert(
      fc.property(fc.shuffledSubarray(starts, { minLength: 2 }), fc.boolean(), (order, recycleLate) => {
        const formatter = new BatchFormatter(plan, tables, 'csv');
        let held: ArrayBuffer[] = [];
        let heldBytes: { a: number; bytes: Partial<Record<TableName, Uint8Array>> } | null = null;
        for (const a of order) {
          const making = formatter.batch(a, a + BATCH);
          let r = making.next();
          while (!r.done) r = making.next();
          // Buffer.equals: vitest's toEqual walks a typed array element by element (seconds per batch)
          for (const t of tables) expect(Buffer.from(r.value.bytes[t]!).equals(reference.get(a)![t]!), `${t}, batch at ${a}`).toBe(true);
          const buffers = Object.values(r.value.bytes).map((b) => b!.buffer as ArrayBuffer);
          // hand buffers back at once, or one batch later (as the writer thread does)
          if (recycleLate) {
            // the batch held back must be untouched while the next one was made
            for (const t of tables) if (heldBytes) expect(Buffer.from(heldBytes.bytes[t]!).equals(reference.get(heldBytes.a)![t]!)).toBe(true);
            formatter.recycle(held);
            held = buffers;
            heldBytes = { a, bytes: r.value.bytes };
          } else formatter.recycle(buffers);
        }
      }),
      { numRuns: 8 },
    );
  }, 90_000);
});

test('a slice released after its rows were written refuses to have its claim chunks read (their stores are reused)', () => {
  const [slice] = [...generateWorld(plan, { start: 0, end: 300, tables: new Set(tables), batchSize: 300 })];
  const carrier = slice!.chunks.claims_carrier!;
  expect(carrier.rows).toBeGreaterThan(0);
  slice!.release!();
  expect(() => carrier.columns).toThrow(/carrier chunk was read after its slice released its stores/);
  const next = [...generateWorld(plan, { start: 300, end: 600, tables: new Set(tables), batchSize: 300 })][0]!;
  expect(csvRows(plan.schemas.claims_carrier, next.chunks.claims_carrier!)).toBe(csvRows(plan.schemas.claims_carrier, [...generateWorld(planWorld({ seed: 11, people: PEOPLE }), { start: 300, end: 600, tables: new Set(tables), batchSize: 300 })][0]!.chunks.claims_carrier!));
});

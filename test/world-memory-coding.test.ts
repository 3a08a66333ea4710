// chunkView codes generated chunks as the world's files would read back: equal texts share a code,
// in order of first appearance, whether a value came as text, a whole number or a fraction.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { chunkView } from '../src/scenarios/world-memory.ts';
import { col, type Cell, type TableSchema } from '../src/table/schema.ts';
import { textColumn } from '../src/table/table.ts';

const schema: TableSchema = { name: 't', description: 't', columns: [col('v', 'string', 'a value')] };
const cell = fc.oneof(
  fc.constant(null),
  fc.integer({ min: 0, max: 3000 }),
  fc.integer({ min: 0, max: 3000 }).map(String),
  fc.constantFrom(-0, 0.5, -3, 2 ** 24, 2 ** 24 + 1, 2 ** 31, 1e21, '007', '1e3', 'x', ''),
);

describe('chunkView', () => {
  it('codes mixed numbers and texts as one text column of their String() values', () => {
    fc.assert(
      fc.property(fc.array(fc.array(cell, { maxLength: 20 }), { maxLength: 5 }), (chunks: Cell[][]) => {
        const view = chunkView(schema, chunks.map((c) => ({ rows: c.length, columns: [c] })));
        const expected = textColumn(chunks.flat().map((v) => (v === null ? null : String(v))));
        const got = view.columns.v!;
        expect(got.kind).toBe('text');
        if (got.kind !== 'text') return;
        expect(got.dictionary).toEqual(expected.dictionary);
        expect([...got.codes]).toEqual([...expected.codes]);
      }),
      { numRuns: 500 },
    );
  });
});

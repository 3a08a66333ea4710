// A world packed for a worker thread unpacks to the same tables, whatever the dictionaries hold.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { packWorld, unpackWorld } from '../src/io/world-message.ts';
import { dateColumn, numberColumn, tableOf, textColumn } from '../src/table/table.ts';
import type { ScenarioWorld } from '../src/scenarios/scenario.ts';

describe('packWorld / unpackWorld', () => {
  it('round-trips text (any characters, separators included), dates and numbers, through a structured clone', () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.string({ unit: 'binary' }), { nil: null }), { maxLength: 30 }), (values) => {
        const people = tableOf({
          name: textColumn(values),
          born: dateColumn(values.map((_, i) => i * 17)),
          income: numberColumn(values.map((_, i) => (i % 3 === 0 ? null : i / 7))),
        });
        const world: ScenarioWorld = { source: 'test', people };
        const back = unpackWorld(structuredClone(packWorld(world)));
        expect(back.source).toBe('test');
        expect(back.people.rows).toBe(people.rows);
        expect(back.people.names).toEqual(people.names);
        for (const n of people.names) {
          const [a, b] = [back.people.columns[n]!, people.columns[n]!] as const;
          expect(a.kind).toBe(b.kind);
          if (a.kind === 'text' && b.kind === 'text') {
            expect([...a.codes]).toEqual([...b.codes]);
            expect(a.dictionary).toEqual(b.dictionary);
          } else expect(a).toEqual(b);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('puts typed columns in shared memory and sends a dictionary as one string', () => {
    const world: ScenarioWorld = { source: 's', people: tableOf({ id: textColumn(['a', 'b', 'a']) }) };
    const packed = packWorld(world).people as { columns: Record<string, { codes: Int32Array; joined?: string }> };
    expect(packed.columns.id!.codes.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect(packed.columns.id!.joined).toBe('a\u0000b');
  });
});

// The population speed-ups (shared index hash, household draws made once, tabulated hazards, shared
// street and SSN texts) change no value: pinned digests from the code before them, and naive recomputations.
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { indexHash, mix32, u32, u32At, uniform, uniformAt } from '../src/random/prng.ts';
import { planWorld } from '../generators/world.ts';
import { peopleBatch } from '../generators/population/people.ts';
import { PEOPLE_SCHEMA, peopleChunk } from '../generators/population/people-table.ts';
import { drawAddress, streetText } from '../generators/population/address.ts';
import { formatSsn } from '../generators/population/ssn.ts';
import { cellAt } from '../src/table/schema.ts';
import { peopleColumnsDigest } from '../bench/people-digest.ts';

/** sha256 over every coded column of peopleBatch, batch by batch. */
const columnsDigest = (plan: ReturnType<typeof planWorld>, n: number, batch: number) => peopleColumnsDigest(plan, n, batch).sha256;

describe('population speed-ups keep every value', () => {
  test('u32At(key, indexHash(key, index), k) is the two-round hash u32 was (naive formula)', () => {
    fc.assert(
      fc.property(fc.nat(2 ** 32 - 1), fc.nat(2 ** 32 - 1), fc.nat(1000), (key, index, k) => {
        const naive = mix32((mix32((key + Math.imul(index, 0x9e3779b9)) >>> 0) ^ Math.imul(k + 1, 0x85ebca6b)) + key);
        expect(u32At(key, indexHash(key, index), k)).toBe(naive);
        expect(u32(key, index, k)).toBe(naive);
        expect(uniformAt(key, indexHash(key, index), k)).toBe(uniform(key, index, k));
      }),
    );
  });

  test('digests of all coded columns equal those of the code before the change (sample and complete mode)', () => {
    // Pinned from commit a059488 (before the speed-ups); batches cut households.
    expect(columnsDigest(planWorld({ seed: 3, people: 20_000 }), 20_000, 7_001)).toBe('d55a3b0b2ea833c452d433e0c5e59f37f2b2f11bd8e5f61e2a35c78f60e2db6c');
    const vt = planWorld({ seed: 'vt', states: ['VT'], scale: 0.03 });
    expect(vt.context.frame.totalPeople).toBe(18_703);
    expect(columnsDigest(vt, 18_703, 5_003)).toBe('2949c6c1ea29d65b2712f6d8564b1a7e7f21db52c4aa5c2fc3f21f533a329bfa');
  });

  test('every row holds the address drawn from its own head, whether drawn or copied from the row above', () => {
    const plan = planWorld({ seed: 11, people: 5_000 });
    const b = peopleBatch(plan.context, 1_234, 4_321);
    const street = new Int32Array(1);
    const number = new Int32Array(1);
    const unit = new Int32Array(1);
    const county = new Int32Array(1);
    let copied = 0;
    for (let i = 0; i < b.n; i++) {
      if (i > 0 && b.head[i - 1] === b.head[i]) copied++;
      drawAddress(plan.context.key.address, b.head[i], 0, b.zcta[i], 0, street, number, unit, county);
      expect([b.streetCode[i], b.streetNumber[i], b.unit[i], b.county[i]]).toEqual([street[0], number[0], unit[0], county[0]]);
      if (b.prevZcta[i] >= 0) {
        drawAddress(plan.context.key.move, b.head[i], 4, b.prevZcta[i], 0, street, number, unit, null);
        expect([b.prevStreetCode[i], b.prevStreetNumber[i], b.prevUnit[i]]).toEqual([street[0], number[0], unit[0]]);
      }
    }
    expect(copied).toBeGreaterThan(1_000); // the copy path is exercised
  });

  test('street and SSN texts of the people chunk equal the texts made row by row', () => {
    const plan = planWorld({ seed: 5, people: 3_000 });
    const b = peopleBatch(plan.context, 0, 3_000);
    const chunk = peopleChunk(b);
    const at = (name: string, i: number) => cellAt(chunk.columns[PEOPLE_SCHEMA.columns.findIndex((c) => c.name === name)]!, i);
    for (let i = 0; i < b.n; i++) {
      expect(at('street', i)).toBe(streetText(b.streetCode[i], b.streetNumber[i], b.unit[i]));
      expect(at('prev_street', i)).toBe(b.prevZcta[i] >= 0 ? streetText(b.prevStreetCode[i], b.prevStreetNumber[i], b.prevUnit[i]) : null);
      expect(at('ssn', i)).toBe(b.ssn[i] ? formatSsn(b.ssn[i]) : null);
      expect(at('ssn_recorded', i)).toBe(b.ssnRecorded[i] ? formatSsn(b.ssnRecorded[i]) : null);
    }
  });
});

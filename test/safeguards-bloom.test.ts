// Bloom-filter CLK encodings: q-grams and bit positions against a computation by hand with node:crypto's
// HMAC (an independent implementation), Dice similarity, and the safeguard on random tables.
import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { bloomEncode, clkEncoder, decodeBits, dice, diceOfEncodings, digestMod, encodeBits, popcount, qgrams, type BloomEncodeOptions } from '../safeguards/identifiers/index.ts';
import { hasBit } from '../safeguards/identifiers/bit-strings.ts';
import type { Dataset } from '../safeguards/types.ts';
import { dateColumnFromIso, fromRecords, tableOf, textColumn, toRecords, valuesOf } from '../src/table/table.ts';

const K1 = 'first-key-of-32-bytes-0123456789';
const K2 = 'second-key-of-32-bytes-012345678';
const keys = [new TextEncoder().encode(K1), new TextEncoder().encode(K2)] as const;
const encoder = (o: { q?: number; k?: number; length?: number; padded?: boolean } = {}) => clkEncoder({ keys, q: o.q ?? 2, k: o.k ?? 20, length: o.length ?? 1000, padded: o.padded ?? true });
const bitsOf = (f: Uint8Array, l: number) => Array.from({ length: l }, (_, j) => j).filter((j) => hasBit(f, j));

describe('q-grams', () => {
  test("padded bigrams of 'SMITH' (Schnell et al.'s example form), unpadded, trigrams, repeats once", () => {
    expect(qgrams('SMITH', 2, true)).toEqual(['_S', 'SM', 'MI', 'IT', 'TH', 'H_']);
    expect(qgrams('SMITH', 2, false)).toEqual(['SM', 'MI', 'IT', 'TH']);
    expect(qgrams('ANN', 3, true)).toEqual(['__A', '_AN', 'ANN', 'NN_', 'N__']);
    expect(qgrams('AAAA', 2, false)).toEqual(['AA']);
    expect(qgrams('A', 2, false)).toEqual(['A']);
    expect(qgrams('', 2, true)).toEqual([]);
    expect(qgrams('ÉÉ', 2, false)).toEqual(['ÉÉ']);
  });
});

describe('bit positions, by hand', () => {
  test('a digest read as a 256-bit integer, mod l, equals BigInt arithmetic', () => {
    fc.assert(
      fc.property(fc.uint32Array({ minLength: 8, maxLength: 8 }), fc.integer({ min: 1, max: 2 ** 20 }), (words, m) => {
        const big = words.reduce((acc, w) => (acc << 32n) | BigInt(w), 0n);
        expect(digestMod(words, m)).toBe(Number(big % BigInt(m)));
      }),
    );
  });

  test("'SM' sets bits (h1 + i h2) mod l, h1 and h2 from node:crypto HMAC-SHA256 under the two keys", () => {
    const l = 1000;
    const h = (key: string) => Number(BigInt('0x' + createHmac('sha256', key).update('SM').digest('hex')) % BigInt(l));
    const h1 = h(K1), h2 = h(K2);
    expect(Array.from(encoder({ k: 5 }).positions('SM'))).toEqual([0, 1, 2, 3, 4].map((i) => (h1 + i * h2) % l));
  });

  test("the filter of 'SMITH' has exactly the bits of its six bigrams, and two fields share one filter", () => {
    const e = encoder({ k: 3, length: 64 });
    const expected = new Set(['_S', 'SM', 'MI', 'IT', 'TH', 'H_'].flatMap((g) => Array.from(e.positions(g))));
    expect(bitsOf(e.encode(['SMITH'])!, 64)).toEqual([...expected].sort((a, b) => a - b));
    const both = new Set([...expected, ...['_A', 'AN', 'NN', 'N_'].flatMap((g) => Array.from(e.positions(g)))]);
    expect(bitsOf(e.encode(['SMITH', null, 'ANN'])!, 64)).toEqual([...both].sort((a, b) => a - b));
    expect(e.encode([null, null])).toBeNull();
  });

  test('hex and base64 hold the same bits; malformed text is refused', () => {
    const f = encoder().encode(['SMITH'])!;
    expect(f.length).toBe(125);
    expect(decodeBits(encodeBits(f, 'hex'), 'hex')).toEqual(f);
    expect(decodeBits(encodeBits(f, 'base64'), 'base64')).toEqual(f);
    expect(encodeBits(Uint8Array.of(0x80, 0x01), 'hex')).toBe('8001');
    expect(encodeBits(Uint8Array.of(0xff, 0, 0xff), 'base64')).toBe('/wD/');
    expect(() => decodeBits('zz', 'hex')).toThrow(/not a hex bit string/);
    expect(() => decodeBits('*', 'base64')).toThrow(/not a base64 bit string/);
  });
});

describe('Dice similarity', () => {
  test('by hand: {0,1,2} and {1,2,3} share 2 of 3 + 3 bits', () => {
    expect(dice(Uint8Array.of(0b1110_0000), Uint8Array.of(0b0111_0000))).toBeCloseTo(4 / 6, 12);
    expect(dice(Uint8Array.of(0), Uint8Array.of(0))).toBe(0);
    expect(() => dice(Uint8Array.of(0), Uint8Array.of(0, 0))).toThrow(/cannot be compared/);
  });

  const name = fc.stringMatching(/^[A-Z]{1,12}$/);
  test('identical inputs have Dice 1', () => {
    const e = encoder();
    fc.assert(fc.property(name, name, (a, b) => {
      expect(dice(e.encode([a, b])!, e.encode([a, b])!)).toBe(1);
    }));
  });

  test('disjoint q-gram sets have Dice close to 0: no more than chance overlap of the filled bits', () => {
    const e = encoder({ k: 10 });
    // Letters from two disjoint alphabets: no bigram (padded or not) in common.
    const left = fc.stringMatching(/^[A-L]{1,6}$/);
    const right = fc.stringMatching(/^[M-Z]{1,6}$/);
    const scores: number[] = [];
    fc.assert(
      fc.property(left, right, (a, b) => {
        const fa = e.encode([a])!, fb = e.encode([b])!;
        const d = dice(fa, fb);
        scores.push(d);
        // Chance shared bits for independent filters: |A||B|/l; allow 5 standard deviations above it.
        const chance = (popcount(fa) * popcount(fb)) / 1000;
        expect(d).toBeLessThanOrEqual((2 * (chance + 5 * Math.sqrt(chance) + 1)) / (popcount(fa) + popcount(fb)));
        expect(d).toBeLessThan(0.35);
      }),
      { numRuns: 200 },
    );
    expect(scores.reduce((s, d) => s + d, 0) / scores.length).toBeLessThan(0.08);
  });

  test('a one-letter typo stays much closer than another name', () => {
    const e = encoder();
    const d = (a: string, b: string) => diceOfEncodings(encodeBits(e.encode([a])!, 'hex'), encodeBits(e.encode([b])!, 'hex'), 'hex');
    expect(d('SMITH', 'SMYTH')).toBeGreaterThan(0.5);
    expect(d('SMITH', 'SMYTH')).toBeGreaterThan(d('SMITH', 'JONES') + 0.4);
  });
});

const options: BloomEncodeOptions = { fields: ['first', 'last', 'dob'], keys: [K1, K2] };
const people: Dataset = {
  table: tableOf({
    id: textColumn(['a', 'b', 'c']),
    first: textColumn(['Ann', ' ann', null]),
    last: textColumn(['Lee', 'LEE', null]),
    dob: dateColumnFromIso(['1950-01-02', '1950-01-02', null]),
    zip: textColumn(['02138', '02139', '02140']),
  }),
  truth: Int32Array.of(7, 8, 9),
};

describe('the bloomEncode safeguard', () => {
  test('the fields become one CLK column in the place of the first; keys are not recorded', () => {
    const r = bloomEncode(people, options);
    expect(r.table.names).toEqual(['id', 'clk', 'zip']);
    const clk = valuesOf(r.table.columns.clk!);
    expect(clk[0]).toBe(clk[1]); // ' ann' / 'LEE' normalise to the same text
    expect(clk[2]).toBeNull(); // every field missing
    const e = encoder();
    expect(decodeBits(clk[0] as string, 'base64')).toEqual(e.encode(['ANN', 'LEE', '1950-01-02']));
    expect(r.truth).toBe(people.truth);
    const a = r.applied[0]!;
    expect(a.parameters).toEqual({ fields: ['first', 'last', 'dob'], q: 2, k: 20, length: 1000, padded: true, normalise: 'trim-upper', encoding: 'base64', as: 'clk', keepFields: false });
    expect(a.summary).toMatchObject({ rows: 3, encoded: 2, missing: 1, distinctEncodings: 1 });
    expect(JSON.stringify(a)).not.toMatch(/first-key|second-key/);
  });

  test('other keys give other filters; the same keys, the same release', () => {
    const a = toRecords(bloomEncode(people, options).table);
    expect(toRecords(bloomEncode(people, options).table)).toEqual(a);
    const other = toRecords(bloomEncode(people, { ...options, keys: [K2, K1] }).table);
    expect(other[0]!.clk).not.toBe(a[0]!.clk);
  });

  test('bad options are errors naming the option', () => {
    expect(() => bloomEncode(people, { ...options, fields: ['first', 'nme'] })).toThrow(/--fields: .*no column "nme"/);
    expect(() => bloomEncode(people, { ...options, keys: [K1] as never })).toThrow(/--keys: give two secret keys/);
    expect(() => bloomEncode(people, { ...options, keys: [K1, 'short'] })).toThrow(/--keys: must be at least 16 bytes/);
    expect(() => bloomEncode(people, { ...options, q: 0 })).toThrow(/--q: must be an integer from 1 to 5/);
    expect(() => bloomEncode(people, { ...options, length: 2 ** 21 })).toThrow(/--length/);
    expect(() => bloomEncode(people, { ...options, encoding: 'bits' as 'hex' })).toThrow(/--encoding/);
    expect(() => bloomEncode(people, { ...options, as: 'zip' })).toThrow(/--as: the table already has a column "zip"/);
  });

  test('on random tables: each row holds exactly the union of its fields’ q-gram positions; missing iff all fields are', () => {
    const cell = fc.option(fc.stringMatching(/^[a-c ]{0,5}$/), { nil: null, freq: 4 });
    fc.assert(
      fc.property(fc.array(fc.tuple(cell, cell), { minLength: 1, maxLength: 25 }), fc.constantFrom<'hex' | 'base64'>('hex', 'base64'), (rows, encoding) => {
        const table = fromRecords(rows.map(([x, y]) => ({ x, y, other: 1 })), ['x', 'y', 'other']);
        const r = bloomEncode({ table, truth: Int32Array.from(rows, (_, i) => i) }, { fields: ['x', 'y'], keys: [K1, K2], k: 4, length: 128, encoding });
        const e = clkEncoder({ keys, q: 2, k: 4, length: 128, padded: true });
        const clk = valuesOf(r.table.columns.clk!);
        rows.forEach(([x, y], i) => {
          const texts = [x, y].map((v) => (v === null ? null : v.trim().replace(/\s+/g, ' ').toUpperCase() || null));
          const expected = e.encode(texts);
          if (expected === null) expect(clk[i]).toBeNull();
          else expect(decodeBits(clk[i] as string, encoding)).toEqual(expected);
        });
        expect(r.table.names).toEqual(['clk', 'other']);
      }),
      { numRuns: 50 },
    );
  });
});

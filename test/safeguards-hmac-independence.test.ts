// Without the key, a keyed HMAC pseudonym says nothing about its input: over many distinct inputs every
// output bit is set about half the time and is unrelated to the input, one changed character changes
// about half the bits, and the same input under two keys gives unrelated outputs. Bounds are 5 standard
// deviations of the binomial (a failure by chance has probability below 1e-4 for the whole file).
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { pseudonymsOf } from '../safeguards/identifiers/index.ts';
import { below, streamKey } from '../src/random/prng.ts';

const BITS = 256;
const bit = (hex: string, j: number) => (parseInt(hex[j >> 2]!, 16) >> (3 - (j & 3))) & 1;
const hamming = (a: string, b: string) => {
  let d = 0;
  for (let j = 0; j < BITS; j++) d += bit(a, j) ^ bit(b, j);
  return d;
};
const keyed = (values: string[], key: Uint8Array) => pseudonymsOf(values, { method: 'hmac', normalise: 'none', key }) as string[];
/** n distinct SSN-shaped inputs: consecutive numbers, the most structured input an adversary could hope for. */
const ssns = (n: number, from: number) => Array.from({ length: n }, (_, i) => String(from + i).padStart(9, '0'));
const key32 = fc.uint8Array({ minLength: 32, maxLength: 32 });

describe('HMAC pseudonyms are independent of the input without the key', () => {
  test('every output bit is set about half the time over 2,000 consecutive SSNs', () => {
    fc.assert(
      fc.property(key32, fc.integer({ min: 0, max: 999_000_000 }), (key, from) => {
        const n = 2000;
        const out = keyed(ssns(n, from), key);
        const tolerance = 5 * Math.sqrt(n / 4);
        for (let j = 0; j < BITS; j++) {
          let ones = 0;
          for (const h of out) ones += bit(h, j);
          expect(Math.abs(ones - n / 2)).toBeLessThan(tolerance);
        }
      }),
      { numRuns: 3 },
    );
  });

  test("no output bit follows the input's parity or size (agreement about half, correlation near 0)", () => {
    fc.assert(
      fc.property(key32, (key) => {
        const n = 2000;
        const inputs = ssns(n, 123_450_000);
        const out = keyed(inputs, key);
        const tolerance = 5 * Math.sqrt(n / 4);
        for (let j = 0; j < BITS; j++) {
          let agree = 0;
          for (let i = 0; i < n; i++) agree += Number(bit(out[i]!, j) === (i & 1));
          expect(Math.abs(agree - n / 2)).toBeLessThan(tolerance);
        }
        // Pearson correlation of the input number with the output's first 32 bits: |r| < 5 / sqrt(n).
        const y = out.map((h) => parseInt(h.slice(0, 8), 16));
        const mean = (a: number[]) => a.reduce((s, v) => s + v, 0) / a.length;
        const x = inputs.map(Number);
        const mx = mean(x), my = mean(y);
        let sxy = 0, sxx = 0, syy = 0;
        for (let i = 0; i < n; i++) {
          sxy += (x[i]! - mx) * (y[i]! - my);
          sxx += (x[i]! - mx) ** 2;
          syy += (y[i]! - my) ** 2;
        }
        expect(Math.abs(sxy / Math.sqrt(sxx * syy))).toBeLessThan(5 / Math.sqrt(n));
      }),
      { numRuns: 2 },
    );
  });

  test('inputs differing in one character give outputs differing in about half the bits', () => {
    fc.assert(
      fc.property(key32, fc.nat(), (key, seed) => {
        const n = 400;
        const stream = streamKey(seed, 'one-character');
        const a = ssns(n, 200_000_000 + below(stream, 0, 0, 1e6));
        const b = a.map((s, i) => {
          const at = below(stream, i, 1, 9);
          const digit = (Number(s[at]) + 1 + below(stream, i, 2, 9)) % 10;
          return s.slice(0, at) + digit + s.slice(at + 1);
        });
        const ha = keyed(a, key);
        const hb = keyed(b, key);
        const distances = ha.map((h, i) => hamming(h, hb[i]!));
        for (const d of distances) expect(Math.abs(d - BITS / 2)).toBeLessThan(5 * Math.sqrt(BITS / 4) + 20); // per pair: 128 +- 60
        const mean = distances.reduce((s, d) => s + d, 0) / n;
        expect(Math.abs(mean - BITS / 2)).toBeLessThan(5 * Math.sqrt(BITS / 4 / n)); // mean: 128 +- 2
      }),
      { numRuns: 3 },
    );
  });

  test('the same input under two keys gives unrelated outputs (about half the bits differ)', () => {
    fc.assert(
      fc.property(key32, key32, (k1, k2) => {
        fc.pre(k1.some((v, i) => v !== k2[i]));
        const n = 400;
        const inputs = ssns(n, 555_000_000);
        const a = keyed(inputs, k1);
        const b = keyed(inputs, k2);
        const mean = a.reduce((s, h, i) => s + hamming(h, b[i]!), 0) / n;
        expect(Math.abs(mean - BITS / 2)).toBeLessThan(5 * Math.sqrt(BITS / 4 / n));
        expect(a.filter((h, i) => h === b[i])).toEqual([]);
      }),
      { numRuns: 3 },
    );
  });
});

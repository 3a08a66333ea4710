// The 4-lane WebAssembly SHA-256 against the scalar one, and the enumeration on lanes against the
// one-at-a-time scan: same digests, same matches in the same order, same count tried.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { digestIndex, sha256x4, wordIndex } from '../src/crypto/sha256-x4.ts';
import { SHA256_IV, sha256Compress } from '../src/crypto/sha256.ts';
import { hmacSha256Hex } from '../src/crypto/hmac-sha256.ts';
import { sha256Hex } from '../src/crypto/sha256.ts';
import { scanTargets, scanTargetsScalar } from '../attacks/hash/invert.ts';
import { formatCandidate, ssnAt, SYNTHETIC_SPACE, type SsnFormat } from '../attacks/hash/ssn-space.ts';
import { targetSet } from '../attacks/hash/targets.ts';

describe('sha256x4', () => {
  it('compresses each lane as the scalar SHA-256 does, from any state', () => {
    const x = sha256x4()!;
    expect(x).not.toBeNull();
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ minLength: 64, maxLength: 64 }), { minLength: 1, maxLength: 40 }), fc.array(fc.nat(), { minLength: 8, maxLength: 8 }), (blocks, state) => {
        const start = state.map((v) => v >>> 0);
        x.setState(start);
        blocks.forEach((b, i) => {
          for (let j = 0; j < 16; j++) x.words[wordIndex(i >> 2, j, i & 3)] = ((b[4 * j]! << 24) | (b[4 * j + 1]! << 16) | (b[4 * j + 2]! << 8) | b[4 * j + 3]!) >>> 0;
        });
        x.run(Math.ceil(blocks.length / 4));
        blocks.forEach((b, i) => {
          const s = Uint32Array.from(start);
          sha256Compress(s, b, 0, new Int32Array(64));
          expect(Array.from({ length: 8 }, (_, j) => x.digest[digestIndex(i >> 2, j, i & 3)])).toEqual([...s]);
        });
      }),
      { numRuns: 60 },
    );
    x.setState(SHA256_IV);
  });

  it('refuses more quads than it holds', () => {
    expect(() => sha256x4()!.run(1e6)).toThrow(/quads/);
  });
});

describe('scanTargets on SIMD lanes', () => {
  it('finds what the scalar scan finds, in the same order, having tried as many', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: SYNTHETIC_SPACE.size - 30_000 }),
        fc.integer({ min: 1, max: 25_000 }),
        fc.array(fc.integer({ min: 0, max: 29_999 }), { maxLength: 6 }),
        fc.constantFrom<SsnFormat>('digits', 'dashed'),
        fc.constantFrom('sha256', 'hmac-sha256'),
        fc.boolean(),
        (start, length, offsets, format, algorithm, stopWhenAllFound) => {
          const key = 'guessed key';
          const digests = offsets.map((o) => {
            const m = formatCandidate(ssnAt(SYNTHETIC_SPACE, start + o), format);
            return algorithm === 'sha256' ? sha256Hex(m) : hmacSha256Hex(key, m);
          });
          const t = targetSet(algorithm as 'sha256', digests);
          const o = { algorithm: algorithm as 'sha256', format, start, end: start + length, key, stopWhenAllFound };
          expect(scanTargets(t, SYNTHETIC_SPACE, o)).toEqual(scanTargetsScalar(t, SYNTHETIC_SPACE, o));
        },
      ),
      { numRuns: 40 },
    );
  });
});

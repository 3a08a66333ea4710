// Digest vectors for the pure-JS SHA-256, MD5 and HMAC-SHA256 (src/crypto), checked against FIPS 180-2,
// RFC 1321, RFC 4231 and node:crypto on random short strings.
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { sha256Hex, sha256PadShort, sha256Short, wordsToHexBE } from '../src/crypto/sha256.ts';
import { md5Hex, md5PadShort, md5Short, wordsToHexLE } from '../src/crypto/md5.ts';
import { hmacSha256Hex } from '../src/crypto/hmac-sha256.ts';
import { shortHasher } from '../attacks/hash/short-hasher.ts';

describe('digest vectors', () => {
  test('SHA-256 (FIPS 180-2)', () => {
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe('248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1');
  });

  test('MD5 (RFC 1321)', () => {
    expect(md5Hex('')).toBe('d41d8cd98f00b204e9800998ecf8427e');
    expect(md5Hex('abc')).toBe('900150983cd24fb0d6963f7d28e17f72');
    expect(md5Hex('12345678901234567890123456789012345678901234567890123456789012345678901234567890')).toBe('57edf4a22be3c955ac49da2e2107b67a');
  });

  test('HMAC-SHA256 (RFC 4231 cases 1 and 2)', () => {
    expect(hmacSha256Hex(new Uint8Array(20).fill(0x0b), 'Hi There')).toBe('b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7');
    expect(hmacSha256Hex('Jefe', 'what do ya want for nothing?')).toBe('5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843');
  });

  test('the one-block paths agree with node:crypto on random short strings (0-55 bytes)', () => {
    const block = new Uint8Array(64);
    const w = new Int32Array(64);
    const x = new Int32Array(16);
    const s = new Uint32Array(8);
    const m = new Uint32Array(4);
    for (let n = 0; n <= 55; n++) {
      for (let rep = 0; rep < 4; rep++) {
        const msg = randomBytes(n);
        block.set(msg);
        sha256PadShort(block, n);
        sha256Short(block, w, s);
        expect(wordsToHexBE(s)).toBe(createHash('sha256').update(msg).digest('hex'));
        md5PadShort(block, n);
        md5Short(block, x, m);
        expect(wordsToHexLE(m)).toBe(createHash('md5').update(msg).digest('hex'));
        const key = randomBytes(1 + rep * 30);
        const h = shortHasher('hmac-sha256', block, n, key);
        h.hash(block, h.out);
        expect(wordsToHexBE(h.out)).toBe(createHmac('sha256', key).update(msg).digest('hex'));
      }
    }
  });

  test('the general helpers agree with node:crypto on multi-block and non-ASCII text', () => {
    for (const t of ['a'.repeat(56), 'a'.repeat(64), 'b'.repeat(119), 'c'.repeat(1000), 'ÉLODIE|Müller|1950-01-01']) {
      expect(sha256Hex(t)).toBe(createHash('sha256').update(t).digest('hex'));
      expect(md5Hex(t)).toBe(createHash('md5').update(t).digest('hex'));
      expect(hmacSha256Hex('k'.repeat(100), t)).toBe(createHmac('sha256', 'k'.repeat(100)).update(t).digest('hex'));
    }
  });

  test('a message longer than one block is refused by the one-block path', () => {
    expect(() => sha256PadShort(new Uint8Array(64), 56)).toThrow(/55 bytes/);
    expect(() => md5PadShort(new Uint8Array(64), 56)).toThrow(/55 bytes/);
  });
});

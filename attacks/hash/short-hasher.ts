// One hasher interface over MD5, SHA-256 and HMAC-SHA256 for one-block messages, so every enumeration
// (SSNs, names + birth dates) hashes candidates the same allocation-free way.
import { md5PadShort, md5Short } from '../../src/crypto/md5.ts';
import { sha256PadShort, sha256Short } from '../../src/crypto/sha256.ts';
import { hmacOuterBlock, hmacPrepare, hmacShort } from '../../src/crypto/hmac-sha256.ts';
import type { HashAlgorithm } from './targets.ts';

/** A hash of one short message in block[0..length), writing the digest words into out; allocation-free. */
export type ShortHasher = (block: Uint8Array, out: Uint32Array) => void;

/** Pads block for messages of `length` bytes and returns the matching hasher and digest buffer. */
export function shortHasher(algorithm: HashAlgorithm, block: Uint8Array, length: number, key?: string | Uint8Array): { hash: ShortHasher; out: Uint32Array } {
  if (algorithm === 'md5') {
    md5PadShort(block, length);
    const x = new Int32Array(16);
    return { hash: (b, out) => md5Short(b, x, out), out: new Uint32Array(4) };
  }
  const w = new Int32Array(64);
  if (algorithm === 'sha256') {
    sha256PadShort(block, length);
    return { hash: (b, out) => sha256Short(b, w, out), out: new Uint32Array(8) };
  }
  if (key === undefined) throw new Error("algorithm 'hmac-sha256' needs a key (the adversary's guess of the secret)");
  sha256PadShort(block, length, 64);
  const k = hmacPrepare(key);
  const outer = hmacOuterBlock();
  return { hash: (b, out) => hmacShort(k, b, outer, w, out), out: new Uint32Array(8) };
}


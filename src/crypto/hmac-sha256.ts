// HMAC-SHA256 (RFC 2104) over sha256.ts, shared by the keyed pseudonyms (safeguards/) and their inversion (attacks/).
// hmacPrepare keys once (two compressions); hmacShort then costs two compressions per short message, allocation-free.
import { SHA256_IV, sha256Compress, sha256CompressAll, sha256Padded, sha256PadShort, sha256Words, SHA256_SHORT_MAX, wordsToBytesBE, wordsToHexBE } from './sha256.ts';

export interface HmacKeyState {
  /** SHA-256 state after the block K ^ ipad. */
  readonly inner: Uint32Array;
  /** SHA-256 state after the block K ^ opad. */
  readonly outer: Uint32Array;
}

const encoder = new TextEncoder();
const asBytes = (v: string | Uint8Array) => (typeof v === 'string' ? encoder.encode(v) : v);

export function hmacPrepare(key: string | Uint8Array): HmacKeyState {
  let k = asBytes(key);
  if (k.length > 64) {
    const d = sha256Words(k);
    k = new Uint8Array(32);
    for (let i = 0; i < 8; i++) for (let j = 0; j < 4; j++) k[4 * i + j] = (d[i]! >>> (24 - 8 * j)) & 0xff;
  }
  const w = new Int32Array(64);
  const pad = new Uint8Array(64);
  const state = (byte: number) => {
    for (let i = 0; i < 64; i++) pad[i] = (k[i] ?? 0) ^ byte;
    const s = Uint32Array.from(SHA256_IV);
    sha256Compress(s, pad, 0, w);
    return s;
  };
  return { inner: state(0x36), outer: state(0x5c) };
}

/**
 * HMAC-SHA256 of a one-block message padded with sha256PadShort(block, length, 64) into out[0..8).
 * `outerBlock` is a scratch 64-byte block prepared by hmacOuterBlock. Allocation-free.
 */
export function hmacShort(key: HmacKeyState, block: Uint8Array, outerBlock: Uint8Array, w: Int32Array, out: Uint32Array): void {
  out.set(key.inner);
  sha256Compress(out, block, 0, w);
  for (let i = 0; i < 8; i++) {
    const v = out[i]!;
    outerBlock[4 * i] = v >>> 24; outerBlock[4 * i + 1] = (v >>> 16) & 0xff; outerBlock[4 * i + 2] = (v >>> 8) & 0xff; outerBlock[4 * i + 3] = v & 0xff;
  }
  out.set(key.outer);
  sha256Compress(out, outerBlock, 0, w);
}

/** A scratch block for hmacShort's outer hash: 32 digest bytes, then padding for 64 + 32 bytes. */
export function hmacOuterBlock(): Uint8Array {
  const b = new Uint8Array(64);
  sha256PadShort(b, 32, 64);
  return b;
}

// Scratch for one-block messages (JS runs one call at a time, so sharing is safe).
const shortBlock = new Uint8Array(64);
const shortSchedule = new Int32Array(64);
const shortOuter = hmacOuterBlock();

/** HMAC-SHA256 of a message of any length under a prepared key, as 8 big-endian words. */
export function hmacWords(key: HmacKeyState, message: string | Uint8Array, out: Uint32Array = new Uint32Array(8)): Uint32Array {
  const m = asBytes(message);
  if (m.length <= SHA256_SHORT_MAX) {
    shortBlock.set(m);
    sha256PadShort(shortBlock, m.length, 64);
    hmacShort(key, shortBlock, shortOuter, shortSchedule, out);
    return out;
  }
  const w = new Int32Array(64);
  // Inner hash over (K ^ ipad) || m: the key block is already in key.inner; the rest is padded for 64 + |m| bytes.
  const inner = sha256CompressAll(Uint32Array.from(key.inner), sha256Padded(m, 64), w);
  const ob = hmacOuterBlock();
  ob.set(wordsToBytesBE(inner));
  out.set(key.outer);
  sha256Compress(out, ob, 0, w);
  return out;
}

/** HMAC-SHA256 of text under key (UTF-8 for strings), as 64 hex digits. */
export function hmacSha256Hex(key: string | Uint8Array, text: string | Uint8Array): string {
  return wordsToHexBE(hmacWords(hmacPrepare(key), text));
}

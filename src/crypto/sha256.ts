// SHA-256 (FIPS 180-4) in plain JS, built for enumeration: the hot path compresses one 64-byte block
// held in a caller's Uint8Array, with a caller's Int32Array (16+ words) schedule, into a caller's Uint32Array.
// Nothing is allocated per hash. Messages of up to 55 bytes fit one block once padded (sha256PadShort).
// sha256Hex / sha256Bytes handle any length for everyday use.

const K = new Int32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01,
  0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc,
  0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147,
  0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08,
  0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
  0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

/** The round constants K. */
export const SHA256_K: Int32Array = K;

/** The initial hash value H(0). */
export const SHA256_IV: readonly number[] = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];

/** Longest message that fits one padded block. */
export const SHA256_SHORT_MAX = 55;

/** Compresses the 64-byte block at block[offset..] into state (8 words, updated in place); w needs 16 words or more. */
export function sha256Compress(state: Uint32Array, block: Uint8Array, offset: number, w: Int32Array): void {
  for (let i = 0; i < 16; i++) {
    const j = offset + 4 * i;
    w[i] = (block[j]! << 24) | (block[j + 1]! << 16) | (block[j + 2]! << 8) | block[j + 3]!;
  }
  let a = state[0]! | 0, b = state[1]! | 0, c = state[2]! | 0, d = state[3]! | 0;
  let e = state[4]! | 0, f = state[5]! | 0, g = state[6]! | 0, h = state[7]! | 0;
  // The schedule is computed as the rounds go, in a 16-word ring (w[0..16) only).
  for (let i = 0; i < 64; i++) {
    let wi: number;
    if (i < 16) wi = w[i]!;
    else {
      const x = w[(i - 15) & 15]!;
      const y = w[(i - 2) & 15]!;
      const s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3);
      const s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10);
      wi = (w[i & 15]! + s0 + w[(i - 7) & 15]! + s1) | 0;
      w[i & 15] = wi;
    }
    const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
    const t1 = (h + S1 + (g ^ (e & (f ^ g))) + K[i]! + wi) | 0;
    const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
    const t2 = (S0 + ((a & b) | (c & (a | b)))) | 0;
    h = g;
    g = f;
    f = e;
    e = (d + t1) | 0;
    d = c;
    c = b;
    b = a;
    a = (t1 + t2) | 0;
  }
  state[0] = state[0]! + a; state[1] = state[1]! + b; state[2] = state[2]! + c; state[3] = state[3]! + d;
  state[4] = state[4]! + e; state[5] = state[5]! + f; state[6] = state[6]! + g; state[7] = state[7]! + h;
}

/**
 * Pads a message of `length` bytes (<= 55) already in block[0..length) into one block, for a hash
 * of `prefixBytes + length` bytes in all (prefixBytes > 0 when a keyed block came first, as in HMAC).
 * Only block[length..64) is written, so a caller can rewrite the message bytes and hash again.
 */
export function sha256PadShort(block: Uint8Array, length: number, prefixBytes = 0): void {
  if (length > SHA256_SHORT_MAX) throw new RangeError(`a one-block SHA-256 message holds at most 55 bytes, not ${length}`);
  block[length] = 0x80;
  block.fill(0, length + 1, 56);
  const bits = (prefixBytes + length) * 8;
  block[56] = 0; block[57] = 0; block[58] = 0;
  block[59] = Math.floor(bits / 2 ** 32) & 0xff;
  block[60] = bits >>> 24; block[61] = (bits >>> 16) & 0xff; block[62] = (bits >>> 8) & 0xff; block[63] = bits & 0xff;
}

/** SHA-256 of a padded one-block message (see sha256PadShort) into out[0..8). Allocation-free. */
export function sha256Short(block: Uint8Array, w: Int32Array, out: Uint32Array): void {
  out[0] = 0x6a09e667; out[1] = 0xbb67ae85; out[2] = 0x3c6ef372; out[3] = 0xa54ff53a;
  out[4] = 0x510e527f; out[5] = 0x9b05688c; out[6] = 0x1f83d9ab; out[7] = 0x5be0cd19;
  sha256Compress(out, block, 0, w);
}

/** The message in whole 64-byte blocks, padded for a hash of `prefixBytes + message.length` bytes in all. */
export function sha256Padded(message: Uint8Array, prefixBytes = 0): Uint8Array {
  const blocks = Math.floor((message.length + 8) / 64) + 1;
  const padded = new Uint8Array(blocks * 64);
  padded.set(message);
  padded[message.length] = 0x80;
  const bits = (prefixBytes + message.length) * 8;
  const end = padded.length;
  padded[end - 5] = Math.floor(bits / 2 ** 32) & 0xff;
  padded[end - 4] = bits >>> 24; padded[end - 3] = (bits >>> 16) & 0xff; padded[end - 2] = (bits >>> 8) & 0xff; padded[end - 1] = bits & 0xff;
  return padded;
}

/** Compresses every block of a padded message into state (updated in place). */
export function sha256CompressAll(state: Uint32Array, padded: Uint8Array, w: Int32Array = new Int32Array(64)): Uint32Array {
  for (let offset = 0; offset < padded.length; offset += 64) sha256Compress(state, padded, offset, w);
  return state;
}

// Scratch for one-block messages in the everyday helpers (JS runs one call at a time, so sharing is safe).
const shortBlock = new Uint8Array(64);
const shortSchedule = new Int32Array(64);

/** SHA-256 of any byte string, as 8 big-endian words. */
export function sha256Words(message: Uint8Array, out: Uint32Array = new Uint32Array(8)): Uint32Array {
  if (message.length <= SHA256_SHORT_MAX) {
    shortBlock.set(message);
    sha256PadShort(shortBlock, message.length);
    sha256Short(shortBlock, shortSchedule, out);
    return out;
  }
  out.set(SHA256_IV);
  return sha256CompressAll(out, sha256Padded(message));
}

/** Big-endian bytes of digest words (SHA-256's byte order). */
export function wordsToBytesBE(words: Uint32Array): Uint8Array {
  const bytes = new Uint8Array(words.length * 4);
  for (let i = 0; i < words.length; i++) {
    bytes[4 * i] = words[i]! >>> 24; bytes[4 * i + 1] = (words[i]! >>> 16) & 0xff;
    bytes[4 * i + 2] = (words[i]! >>> 8) & 0xff; bytes[4 * i + 3] = words[i]! & 0xff;
  }
  return bytes;
}

/** Hex of big-endian digest words. */
export function wordsToHexBE(words: Uint32Array): string {
  let s = '';
  for (let i = 0; i < words.length; i++) s += words[i]!.toString(16).padStart(8, '0');
  return s;
}

const encoder = new TextEncoder();

/** SHA-256 of the UTF-8 bytes of text, as 64 hex digits. */
export function sha256Hex(text: string): string {
  return wordsToHexBE(sha256Words(encoder.encode(text)));
}

/** SHA-256 of the UTF-8 bytes of text, as 32 bytes. */
export function sha256Bytes(text: string | Uint8Array): Uint8Array {
  return wordsToBytesBE(sha256Words(typeof text === 'string' ? encoder.encode(text) : text));
}

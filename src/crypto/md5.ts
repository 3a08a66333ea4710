// MD5 (RFC 1321) in plain JS, built for enumeration like sha256.ts: one 64-byte block in a caller's
// Uint8Array, a caller's Int32Array(16) of message words, the digest into a caller's Uint32Array(4)
// as little-endian words (MD5's byte order). Messages of up to 55 bytes fit one padded block.

const S = [7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20,
  4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21];
const T = new Int32Array(64).map((_, i) => Math.floor(Math.abs(Math.sin(i + 1)) * 2 ** 32) | 0);
const SH = new Int32Array(S);
/** Message word used in round i. */
const G = new Int32Array(64).map((_, i) => (i < 16 ? i : i < 32 ? (5 * i + 1) % 16 : i < 48 ? (3 * i + 5) % 16 : (7 * i) % 16));

export const MD5_IV: readonly number[] = [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476];
export const MD5_SHORT_MAX = 55;

/** Compresses the 64-byte block at block[offset..] into state (4 words, updated in place). */
export function md5Compress(state: Uint32Array, block: Uint8Array, offset: number, x: Int32Array): void {
  for (let i = 0; i < 16; i++) {
    const j = offset + 4 * i;
    x[i] = block[j]! | (block[j + 1]! << 8) | (block[j + 2]! << 16) | (block[j + 3]! << 24);
  }
  let a = state[0]! | 0, b = state[1]! | 0, c = state[2]! | 0, d = state[3]! | 0;
  // Four loops, one per round function, so no round tests which function to use.
  for (let i = 0; i < 16; i++) {
    const t = (a + ((b & c) | (~b & d)) + T[i]! + x[i]!) | 0;
    const s = SH[i]!;
    a = d; d = c; c = b;
    b = (b + ((t << s) | (t >>> (32 - s)))) | 0;
  }
  for (let i = 16; i < 32; i++) {
    const t = (a + ((d & b) | (~d & c)) + T[i]! + x[G[i]!]!) | 0;
    const s = SH[i]!;
    a = d; d = c; c = b;
    b = (b + ((t << s) | (t >>> (32 - s)))) | 0;
  }
  for (let i = 32; i < 48; i++) {
    const t = (a + (b ^ c ^ d) + T[i]! + x[G[i]!]!) | 0;
    const s = SH[i]!;
    a = d; d = c; c = b;
    b = (b + ((t << s) | (t >>> (32 - s)))) | 0;
  }
  for (let i = 48; i < 64; i++) {
    const t = (a + (c ^ (b | ~d)) + T[i]! + x[G[i]!]!) | 0;
    const s = SH[i]!;
    a = d; d = c; c = b;
    b = (b + ((t << s) | (t >>> (32 - s)))) | 0;
  }
  state[0] = state[0]! + a; state[1] = state[1]! + b; state[2] = state[2]! + c; state[3] = state[3]! + d;
}

/** Pads a message of `length` bytes (<= 55) in block[0..length) into one block; writes block[length..64) only. */
export function md5PadShort(block: Uint8Array, length: number): void {
  if (length > MD5_SHORT_MAX) throw new RangeError(`a one-block MD5 message holds at most 55 bytes, not ${length}`);
  block[length] = 0x80;
  block.fill(0, length + 1, 64);
  const bits = length * 8;
  block[56] = bits & 0xff; block[57] = (bits >>> 8) & 0xff; block[58] = (bits >>> 16) & 0xff; block[59] = bits >>> 24;
}

/** MD5 of a padded one-block message into out[0..4). Allocation-free. */
export function md5Short(block: Uint8Array, x: Int32Array, out: Uint32Array): void {
  out[0] = 0x67452301; out[1] = 0xefcdab89; out[2] = 0x98badcfe; out[3] = 0x10325476;
  md5Compress(out, block, 0, x);
}

/** MD5 of any byte string, as 4 little-endian words. */
export function md5Words(message: Uint8Array, out: Uint32Array = new Uint32Array(4)): Uint32Array {
  const blocks = Math.floor((message.length + 8) / 64) + 1;
  const padded = new Uint8Array(blocks * 64);
  padded.set(message);
  padded[message.length] = 0x80;
  const bits = message.length * 8;
  const at = padded.length - 8;
  padded[at] = bits & 0xff; padded[at + 1] = (bits >>> 8) & 0xff; padded[at + 2] = (bits >>> 16) & 0xff; padded[at + 3] = bits >>> 24;
  padded[at + 4] = Math.floor(bits / 2 ** 32) & 0xff;
  out.set(MD5_IV);
  const x = new Int32Array(16);
  for (let b = 0; b < blocks; b++) md5Compress(out, padded, b * 64, x);
  return out;
}

/** Hex of little-endian digest words (MD5's byte order). */
export function wordsToHexLE(words: Uint32Array): string {
  let s = '';
  for (let i = 0; i < words.length; i++) {
    const v = words[i]!;
    for (let k = 0; k < 4; k++) s += ((v >>> (8 * k)) & 0xff).toString(16).padStart(2, '0');
  }
  return s;
}

const encoder = new TextEncoder();

/** MD5 of the UTF-8 bytes of text, as 32 hex digits. */
export function md5Hex(text: string): string {
  return wordsToHexLE(md5Words(encoder.encode(text)));
}

// Bloom filters as bytes (bit j is byte j >> 3, most significant bit first) and as the text a release
// holds (hex or base64), with the Dice similarity linkage compares them by.

export type BitEncoding = 'hex' | 'base64';
export const BIT_ENCODINGS: readonly BitEncoding[] = ['hex', 'base64'];

export const bytesFor = (bits: number) => Math.ceil(bits / 8);

export function setBit(filter: Uint8Array, j: number): void {
  filter[j >> 3] = filter[j >> 3]! | (0x80 >> (j & 7));
}

export function hasBit(filter: Uint8Array, j: number): boolean {
  return (filter[j >> 3]! & (0x80 >> (j & 7))) !== 0;
}

const ONES = Uint8Array.from({ length: 256 }, (_, b) => {
  let n = 0;
  for (let x = b; x; x &= x - 1) n++;
  return n;
});

/** Bits set. */
export function popcount(filter: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < filter.length; i++) n += ONES[filter[i]!]!;
  return n;
}

/** Dice coefficient 2|A and B| / (|A| + |B|): 1 for equal filters, 0 when no bit is shared (0 for two empty filters). */
export function dice(a: Uint8Array, b: Uint8Array): number {
  if (a.length !== b.length) throw new RangeError(`filters of ${a.length} and ${b.length} bytes cannot be compared`);
  let both = 0;
  let total = 0;
  for (let i = 0; i < a.length; i++) {
    both += ONES[a[i]! & b[i]!]!;
    total += ONES[a[i]!]! + ONES[b[i]!]!;
  }
  return total === 0 ? 0 : (2 * both) / total;
}

export function encodeBits(filter: Uint8Array, encoding: BitEncoding): string {
  if (encoding === 'hex') {
    let s = '';
    for (let i = 0; i < filter.length; i++) s += filter[i]!.toString(16).padStart(2, '0');
    return s;
  }
  let binary = '';
  for (let i = 0; i < filter.length; i++) binary += String.fromCharCode(filter[i]!);
  return btoa(binary);
}

/** The bytes of an encoded filter; malformed text is an error naming the encoding. */
export function decodeBits(text: string, encoding: BitEncoding): Uint8Array {
  if (encoding === 'hex') {
    if (text.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(text)) throw new Error(`'${text.slice(0, 20)}' is not a hex bit string`);
    return Uint8Array.from({ length: text.length / 2 }, (_, i) => parseInt(text.slice(2 * i, 2 * i + 2), 16));
  }
  let binary: string;
  try {
    binary = atob(text);
  } catch {
    throw new Error(`'${text.slice(0, 20)}' is not a base64 bit string`);
  }
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

/** Dice similarity of two encoded filters (as a release holds them). */
export function diceOfEncodings(a: string, b: string, encoding: BitEncoding): number {
  return dice(decodeBits(a, encoding), decodeBits(b, encoding));
}

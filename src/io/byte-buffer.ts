// A growable byte buffer with direct writes of bytes, ASCII text and integers.

const encoder = new TextEncoder();

export class ByteBuffer {
  bytes: Uint8Array;
  length = 0;

  constructor(capacity = 1 << 16) {
    this.bytes = new Uint8Array(Math.max(16, capacity));
  }

  /** Makes room for `extra` more bytes. */
  reserve(extra: number): void {
    const need = this.length + extra;
    if (need <= this.bytes.length) return;
    let cap = this.bytes.length * 2;
    while (cap < need) cap *= 2;
    const next = new Uint8Array(cap);
    next.set(this.bytes.subarray(0, this.length));
    this.bytes = next;
  }

  byte(c: number): void {
    if (this.length === this.bytes.length) this.reserve(1);
    this.bytes[this.length++] = c;
  }

  /** Copies bytes in (a loop: most pieces are a few bytes long). */
  append(src: Uint8Array, from = 0, to = src.length): void {
    const n = to - from;
    if (this.length + n > this.bytes.length) this.reserve(n);
    const b = this.bytes;
    let at = this.length;
    if (n > 64) b.set(src.subarray(from, to), at);
    else for (let k = from; k < to; k++) b[at++] = src[k]!;
    this.length += n;
  }

  /** Text as UTF-8 (short ASCII text is copied character by character: cheaper than a native call). */
  text(s: string): void {
    const n = s.length;
    this.reserve(n * 3);
    const b = this.bytes;
    let at = this.length;
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c >= 128) {
        this.length += encoder.encodeInto(s, b.subarray(this.length)).written;
        return;
      }
      b[at++] = c;
    }
    this.length = at;
  }

  /** An integer in decimal (safe integers digit by digit; anything else through String). */
  number(v: number): void {
    if (v >= 0 && v < 2147483648 && v === (v | 0)) return this.uint31(v);
    if (!Number.isFinite(v)) throw new Error(`number must be finite, got ${v}`);
    if (!Number.isSafeInteger(v)) return this.text(String(v));
    this.reserve(17);
    const b = this.bytes;
    if (v < 0) {
      b[this.length++] = 45; // '-'
      v = -v;
    }
    let digits = 1;
    for (let x = v; x >= 10; x = Math.floor(x / 10)) digits++;
    let at = this.length + digits;
    this.length = at;
    for (let x = v, k = 0; k < digits; k++, x = Math.floor(x / 10)) b[--at] = 48 + (x % 10);
  }

  /** A non-negative 31-bit integer, with integer arithmetic only. */
  uint31(v: number): void {
    if (this.length + 10 > this.bytes.length) this.reserve(10);
    const b = this.bytes;
    if (v < 10) {
      b[this.length++] = 48 + v;
      return;
    }
    let digits = 1;
    for (let x = v; x >= 10; x = (x / 10) | 0) digits++;
    let at = this.length + digits;
    this.length = at;
    for (let x = v; at > this.length - digits; x = (x / 10) | 0) b[--at] = 48 + (x % 10);
  }

  /** Integer cents as 'd.cc', exactly. */
  money(cents: number): void {
    if (!Number.isSafeInteger(cents)) throw new Error(`money must be integer cents, got ${cents}`);
    if (cents < 0) {
      this.byte(45);
      cents = -cents;
    }
    const frac = cents % 100;
    this.number((cents - frac) / 100);
    this.reserve(3);
    this.bytes[this.length++] = 46; // '.'
    this.bytes[this.length++] = 48 + Math.floor(frac / 10);
    this.bytes[this.length++] = 48 + (frac % 10);
  }

  /** A copy of the bytes written so far. */
  copy(): Uint8Array {
    return this.bytes.slice(0, this.length);
  }
}

export function utf8(s: string): Uint8Array {
  return encoder.encode(s);
}

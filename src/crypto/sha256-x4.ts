// SHA-256 of four one-block messages at once, in WebAssembly SIMD (one i32x4 lane per message). The
// module is assembled here from its instructions (a few hundred bytes, no toolchain, no binary in the
// repository); it compresses a run of 4-lane blocks in one call, so enumeration pays the JS-to-wasm
// crossing once per run. Browser-safe: WebAssembly SIMD is in every current browser and in Node >= 16.4.
// Where it is missing, `sha256x4()` returns null and callers keep the scalar path (sha256.ts).
import { SHA256_IV, SHA256_K } from './sha256.ts';

/** Blocks of 4 lanes hashed per call at most. */
export const X4_CAPACITY = 1024;

// Memory layout, in bytes: the 64 round constants splatted (v128 each), the initial state splatted,
// then per quad 64 v128 schedule slots (the caller writes slots 0-15) and 8 v128 output words.
const K_AT = 0;
const STATE_AT = K_AT + 64 * 16;
const QUADS_AT = STATE_AT + 8 * 16;
const QUAD_BYTES = 64 * 16;
const OUT_AT = QUADS_AT + X4_CAPACITY * QUAD_BYTES;
const MEMORY_BYTES = OUT_AT + X4_CAPACITY * 8 * 16;

export interface Sha256x4 {
  /** Message words: word j of lane l of quad q is at words[wordIndex(q, j, l)]. Write words 0-15. */
  readonly words: Uint32Array;
  /** Digest words after `run`: word j of lane l of quad q is at digest[digestIndex(q, j, l)]. */
  readonly digest: Uint32Array;
  /** Compresses quads [0, quads) from the initial state (SHA-256's IV unless set with `setState`). */
  run(quads: number): void;
  setState(state: ArrayLike<number>): void;
}

export const wordIndex = (q: number, j: number, lane: number): number => (QUADS_AT + q * QUAD_BYTES) / 4 + j * 4 + lane;
export const digestIndex = (q: number, j: number, lane: number): number => (q * 8 + j) * 4 + lane;

let cached: WebAssembly.Module | null | undefined;

/** A 4-lane SHA-256 compressor with its own memory, or null where WebAssembly SIMD is not available. */
export function sha256x4(): Sha256x4 | null {
  if (cached === undefined) {
    const bytes = moduleBytes();
    cached = typeof WebAssembly === 'object' && WebAssembly.validate(bytes) ? new WebAssembly.Module(bytes) : null;
  }
  if (cached === null) return null;
  const memory = new WebAssembly.Memory({ initial: Math.ceil(MEMORY_BYTES / 65536) });
  const instance = new WebAssembly.Instance(cached, { env: { memory } });
  const all = new Uint32Array(memory.buffer);
  for (let i = 0; i < 64; i++) all.fill(SHA256_K[i]! >>> 0, (K_AT / 4) + 4 * i, (K_AT / 4) + 4 * i + 4);
  const setState = (state: ArrayLike<number>) => {
    for (let j = 0; j < 8; j++) all.fill(state[j]! >>> 0, STATE_AT / 4 + 4 * j, STATE_AT / 4 + 4 * j + 4);
  };
  setState(SHA256_IV);
  const run = instance.exports.run as (quads: number) => void;
  return {
    words: all,
    digest: new Uint32Array(memory.buffer, OUT_AT, X4_CAPACITY * 32),
    run(quads) {
      if (!(quads >= 0 && quads <= X4_CAPACITY)) throw new RangeError(`quads must be within 0-${X4_CAPACITY}, got ${quads}`);
      run(quads);
    },
    setState,
  };
}

// ---- the assembler: just the encodings this module uses -------------------------------------------

const uleb = (n: number): number[] => {
  const out: number[] = [];
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n !== 0) b |= 0x80;
    out.push(b);
  } while (n !== 0);
  return out;
};
const sleb = (n: number): number[] => {
  const out: number[] = [];
  for (;;) {
    const b = n & 0x7f;
    n >>= 7;
    if ((n === 0 && (b & 0x40) === 0) || (n === -1 && (b & 0x40) !== 0)) return [...out, b];
    out.push(b | 0x80);
  }
};
const section = (id: number, body: number[]) => [id, ...uleb(body.length), ...body];
const vector = (items: number[][]) => [...uleb(items.length), ...items.flat()];
const name = (s: string) => [...uleb(s.length), ...[...s].map((c) => c.charCodeAt(0))];

const I32 = 0x7f, V128 = 0x7b;
const get = (l: number) => [0x20, ...uleb(l)];
const set = (l: number) => [0x21, ...uleb(l)];
const i32 = (v: number) => [0x41, ...sleb(v)];
const simd = (op: number, ...imm: number[]) => [0xfd, ...uleb(op), ...imm];
const memarg = (offset: number) => [4, ...uleb(offset)]; // align 2^4 = 16 bytes
const load = (offset: number) => simd(0x00, ...memarg(offset));
const store = (offset: number) => simd(0x0b, ...memarg(offset));
const OR = simd(0x50), XOR = simd(0x51), SELECT = simd(0x52), ADD = simd(0xae);
const SHL = simd(0xab), SHR = simd(0xad);

// Locals: 0 quads (param), 1 quad pointer, 2 end pointer, 3 round pointer; 4-11 a-h; 12 t1.
const QUADS = 0, P = 1, END = 2, R = 3, A = 4, T1 = 12;

/** x rotated right by n, x given as code that pushes it. */
const rotr = (x: number[], n: number) => [...x, ...i32(n), ...SHR, ...x, ...i32(32 - n), ...SHL, ...OR];
const shr = (x: number[], n: number) => [...x, ...i32(n), ...SHR];
const xor3 = (a: number[], b: number[], c: number[]) => [...a, ...b, ...XOR, ...c, ...XOR];

function body(): number[] {
  const code: number[] = [];
  // end = QUADS_AT + quads * QUAD_BYTES; p walks the quads
  code.push(...i32(QUADS_AT), ...set(P), ...get(QUADS), ...i32(QUAD_BYTES), 0x6c, ...i32(QUADS_AT), 0x6a, ...set(END));
  code.push(0x02, 0x40, 0x03, 0x40); // block, loop
  code.push(...get(P), ...get(END), 0x4f, 0x0d, 1); // p >= end: break
  // schedule: for r = p; r < p + 48 * 16; r += 16: W[i] at r + 256 from W[i-16], W[i-15], W[i-7], W[i-2]
  code.push(...get(P), ...set(R), 0x03, 0x40);
  const w = (slot: number) => [...get(R), ...load(slot * 16)];
  code.push(...get(R));
  code.push(...xor3(rotr(w(14), 17), rotr(w(14), 19), shr(w(14), 10)), ...w(9), ...ADD);
  code.push(...xor3(rotr(w(1), 7), rotr(w(1), 18), shr(w(1), 3)), ...ADD, ...w(0), ...ADD, ...store(256));
  code.push(...get(R), ...i32(16), 0x6a, ...set(R), ...get(R), ...get(P), ...i32(48 * 16), 0x6a, 0x49, 0x0d, 0, 0x0b);
  // state
  for (let k = 0; k < 8; k++) code.push(...i32(0), ...load(STATE_AT + 16 * k), ...set(A + k));
  // rounds, 8 per pass with the names a-h rotated instead of moved: r walks W and K together
  code.push(...i32(0), ...set(R), 0x03, 0x40);
  for (let i = 0; i < 8; i++) {
    const at = (k: number) => A + ((k - i + 8) & 7); // local holding the round's k-th variable (0 = a)
    const a = get(at(0)), e = get(at(4));
    code.push(...get(at(7)), ...xor3(rotr(e, 6), rotr(e, 11), rotr(e, 25)), ...ADD);
    code.push(...get(at(5)), ...get(at(6)), ...e, ...SELECT, ...ADD); // Ch(e, f, g) = bitselect(f, g, e)
    code.push(...get(R), ...load(K_AT + 16 * i), ...ADD, ...get(R), ...get(P), 0x6a, ...load(16 * i), ...ADD, ...set(T1));
    code.push(...get(at(3)), ...get(T1), ...ADD, ...set(at(3))); // d += t1: the next e
    code.push(...get(T1), ...xor3(rotr(a, 2), rotr(a, 13), rotr(a, 22)), ...ADD, ...get(at(1)), ...a, ...a, ...get(at(2)), ...XOR, ...SELECT, ...ADD, ...set(at(7))); // h = t1 + S0 + Maj(a, b, c): the next a
  }
  code.push(...get(R), ...i32(8 * 16), 0x6a, ...set(R), ...get(R), ...i32(64 * 16), 0x49, 0x0d, 0, 0x0b);
  // out[quad] = state + a..h
  const outOf = [...get(P), ...i32(QUADS_AT), 0x6b, ...i32(QUAD_BYTES / 128), 0x6e]; // (p - QUADS_AT) / 8: 128 bytes per quad
  for (let k = 0; k < 8; k++) code.push(...outOf, ...i32(0), ...load(STATE_AT + 16 * k), ...get(A + k), ...ADD, ...store(OUT_AT + 16 * k));
  code.push(...get(P), ...i32(QUAD_BYTES), 0x6a, ...set(P), 0x0c, 0, 0x0b, 0x0b); // p += QUAD_BYTES; continue; end loop; end block
  return [...vector([[3, I32], [9, V128]]), ...code, 0x0b];
}

function moduleBytes(): Uint8Array<ArrayBuffer> {
  const pages = Math.ceil(MEMORY_BYTES / 65536);
  const fn = body();
  return new Uint8Array([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, vector([[0x60, 1, I32, 0]])), // type 0: (i32) -> ()
    ...section(2, vector([[...name('env'), ...name('memory'), 0x02, 0x00, ...uleb(pages)]])),
    ...section(3, vector([[0]])),
    ...section(7, vector([[...name('run'), 0x00, 0]])),
    ...section(10, vector([[...uleb(fn.length), ...fn]])),
  ]);
}

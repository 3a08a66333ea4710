// Privacy-preserving record linkage by Dice similarity of Bloom-filter encodings: records are compared
// only within a block (e.g. the same birth year), a pair whose similarity (the mean Dice of its filters,
// one per encoded field or one CLK) reaches the threshold is a candidate, and candidates are taken
// best first, each record linked at most once (greedy one-to-one). Pure and browser-safe.
import type { Links } from '../score/links.ts';
import { dice } from '../../safeguards/identifiers/bit-strings.ts';

/** A record's filters (the same number on both sides), or null when it has nothing encoded. */
export type EncodedRecord = readonly Uint8Array[] | null;

export interface DiceLinkOptions {
  /** Pairs below this similarity are not linked. */
  readonly threshold: number;
  /** Block key of each record on either side; null: the record is compared with nobody. */
  readonly blockLeft: readonly (string | null)[];
  readonly blockRight: readonly (string | null)[];
}

/** Bits set in a 32-bit word. */
function bits32(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24);
}

/** A record's filters as 32-bit words with their popcounts, so a comparison only counts shared bits. */
interface Prepared {
  readonly words: Uint32Array[];
  readonly ones: number[];
}

function prepare(filters: readonly Uint8Array[]): Prepared {
  const words = filters.map((f) => {
    const w = new Uint32Array(Math.ceil(f.length / 4));
    new Uint8Array(w.buffer).set(f);
    return w;
  });
  return { words, ones: words.map((w) => w.reduce((a, x) => a + bits32(x), 0)) };
}

/** Mean Dice of prepared records (equal to `similarity` of their filters). */
function preparedSimilarity(a: Prepared, b: Prepared): number {
  let s = 0;
  for (let j = 0; j < a.words.length; j++) {
    const x = a.words[j]!;
    const y = b.words[j]!;
    let both = 0;
    for (let i = 0; i < x.length; i++) both += bits32(x[i]! & y[i]!);
    const total = a.ones[j]! + b.ones[j]!;
    s += total === 0 ? 0 : (2 * both) / total;
  }
  return a.words.length ? s / a.words.length : 0;
}

/** Mean Dice similarity of two records' filters. */
export function similarity(a: readonly Uint8Array[], b: readonly Uint8Array[]): number {
  if (a.length !== b.length) throw new RangeError(`records of ${a.length} and ${b.length} filters cannot be compared`);
  let s = 0;
  for (let j = 0; j < a.length; j++) s += dice(a[j]!, b[j]!);
  return a.length ? s / a.length : 0;
}

function blocks(keys: readonly (string | null)[], records: readonly EncodedRecord[]): Map<string, number[]> {
  const out = new Map<string, number[]>();
  keys.forEach((k, i) => {
    if (k === null || !records[i]) return;
    const list = out.get(k);
    if (list) list.push(i);
    else out.set(k, [i]);
  });
  return out;
}

export function diceLink(left: readonly EncodedRecord[], right: readonly EncodedRecord[], o: DiceLinkOptions): Links & { score: Float64Array } {
  if (!(o.threshold >= 0 && o.threshold <= 1)) throw new RangeError(`diceLink: threshold must lie in [0, 1], got ${o.threshold}`);
  const rightBlocks = blocks(o.blockRight, right);
  const preparedRight = new Map<number, Prepared>();
  for (const rows of rightBlocks.values()) for (const r of rows) preparedRight.set(r, prepare(right[r]!));
  const candidates: { l: number; r: number; s: number }[] = [];
  for (const [key, rows] of blocks(o.blockLeft, left)) {
    const others = rightBlocks.get(key);
    if (!others) continue;
    for (const l of rows) {
      if (left[l]!.length !== right[others[0]!]!.length) throw new RangeError(`records of ${left[l]!.length} and ${right[others[0]!]!.length} filters cannot be compared`);
      const pl = prepare(left[l]!);
      for (const r of others) {
        const s = preparedSimilarity(pl, preparedRight.get(r)!);
        if (s >= o.threshold) candidates.push({ l, r, s });
      }
    }
  }
  candidates.sort((a, b) => b.s - a.s || a.l - b.l || a.r - b.r);
  const usedLeft = new Uint8Array(left.length);
  const usedRight = new Uint8Array(right.length);
  const l: number[] = [];
  const r: number[] = [];
  const s: number[] = [];
  for (const c of candidates) {
    if (usedLeft[c.l] || usedRight[c.r]) continue;
    usedLeft[c.l] = usedRight[c.r] = 1;
    l.push(c.l);
    r.push(c.r);
    s.push(c.s);
  }
  return { left: Int32Array.from(l), right: Int32Array.from(r), score: Float64Array.from(s) };
}

/** Exact matching on plain identifiers: a key (normalised fields joined) linked when it occurs once on each side. */
export function exactLink(leftKeys: readonly (string | null)[], rightKeys: readonly (string | null)[]): Links {
  const count = (keys: readonly (string | null)[]) => {
    const m = new Map<string, { n: number; row: number }>();
    keys.forEach((k, i) => {
      if (k === null) return;
      const e = m.get(k);
      if (e) e.n++;
      else m.set(k, { n: 1, row: i });
    });
    return m;
  };
  const a = count(leftKeys);
  const b = count(rightKeys);
  const l: number[] = [];
  const r: number[] = [];
  for (const [k, e] of a) {
    const f = b.get(k);
    if (e.n === 1 && f?.n === 1) {
      l.push(e.row);
      r.push(f.row);
    }
  }
  return { left: Int32Array.from(l), right: Int32Array.from(r) };
}

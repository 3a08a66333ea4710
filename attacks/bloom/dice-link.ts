// Privacy-preserving record linkage by Dice similarity of Bloom-filter encodings: records are compared
// only within a block (e.g. the same birth year), a pair whose similarity (the mean Dice of its filters,
// one per encoded field or one CLK) reaches the threshold is a candidate, and candidates are taken
// best first, each record linked at most once (greedy one-to-one). Pure and browser-safe.
import type { Links } from '../score/links.ts';
import { dice } from '../../safeguards/identifiers/bit-strings.ts';
import { groupByCode } from '../risk/group-tuples.ts';
import { doubled } from '../../src/typed-arrays.ts';

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

/**
 * One side's records packed for comparison: every record's filters as 32-bit words in one array
 * (record-major, `filters` filters of `wordsPer` words each), with each filter's popcount.
 */
interface Packed {
  readonly words: Uint32Array;
  readonly ones: Int32Array;
}

/** The shape every encoded record must share: filters per record and bytes per filter. */
interface Shape {
  filters: number;
  bytes: number;
}

function shapeOf(left: readonly EncodedRecord[], right: readonly EncodedRecord[]): Shape | null {
  let shape: Shape | null = null;
  for (const r of [...left, ...right]) {
    if (!r) continue;
    if (!shape) shape = { filters: r.length, bytes: r[0]?.length ?? 0 };
    if (r.length !== shape.filters) throw new RangeError(`records of ${shape.filters} and ${r.length} filters cannot be compared`);
    for (const f of r) if (f.length !== shape.bytes) throw new RangeError(`filters of ${shape.bytes} and ${f.length} bytes cannot be compared`);
  }
  return shape;
}

function pack(records: readonly EncodedRecord[], shape: Shape): Packed {
  const wordsPer = Math.ceil(shape.bytes / 4);
  const words = new Uint32Array(records.length * shape.filters * wordsPer);
  const bytes = new Uint8Array(words.buffer);
  const ones = new Int32Array(records.length * shape.filters);
  records.forEach((r, i) => {
    r?.forEach((f, j) => {
      const at = (i * shape.filters + j) * wordsPer;
      bytes.set(f, at * 4);
      let n = 0;
      for (let w = at; w < at + wordsPer; w++) n += bits32(words[w]!);
      ones[i * shape.filters + j] = n;
    });
  });
  return { words, ones };
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

/** Candidate pairs as growable parallel typed arrays. */
class Candidates {
  l = new Int32Array(1024);
  r = new Int32Array(1024);
  s = new Float64Array(1024);
  n = 0;
  push(l: number, r: number, s: number): void {
    if (this.n === this.l.length) {
      this.l = doubled(this.l);
      this.r = doubled(this.r);
      this.s = doubled(this.s);
    }
    this.l[this.n] = l;
    this.r[this.n] = r;
    this.s[this.n++] = s;
  }
}

/** Candidate indices best first; equal scores keep their order of generation (stable grouping by the rank of the score). */
function bestFirst(found: Candidates): Int32Array {
  const distinct = [...new Set(found.s.subarray(0, found.n))].sort((x, y) => y - x);
  const rankOf = new Map(distinct.map((s, rank) => [s, rank]));
  return groupByCode(Int32Array.from(found.s.subarray(0, found.n), (s) => rankOf.get(s)!), distinct.length).order;
}

export function diceLink(left: readonly EncodedRecord[], right: readonly EncodedRecord[], o: DiceLinkOptions): Links & { score: Float64Array } {
  const threshold = o.threshold;
  if (!(threshold >= 0 && threshold <= 1)) throw new RangeError(`diceLink: threshold must lie in [0, 1], got ${threshold}`);
  const shape = shapeOf(left, right);
  const found = new Candidates();
  if (shape) {
    const F = shape.filters;
    const W = Math.ceil(shape.bytes / 4);
    const { words: aw, ones: ao } = pack(left, shape);
    const { words: bw, ones: bo } = pack(right, shape);
    const rightBlocks = blocks(o.blockRight, right);
    const bounds = new Float64Array(F);
    // Left rows in order and right rows in order within a block: candidates come in (left, right) order.
    for (let l = 0; l < left.length; l++) {
      const key = o.blockLeft[l];
      const others = key === null || key === undefined || !left[l] ? undefined : rightBlocks.get(key);
      if (!others) continue;
      for (const r of others) {
        // Dice of a filter is at most 2 min(|a|, |b|) / (|a| + |b|); a pair stops as soon as the filters
        // compared so far plus the bounds of the rest cannot reach the threshold.
        for (let j = 0; j < F; j++) {
          const x = ao[l * F + j]!;
          const y = bo[r * F + j]!;
          bounds[j] = x + y === 0 ? 0 : (2 * Math.min(x, y)) / (x + y);
        }
        let s = 0;
        let reachable = true;
        for (let j = 0; j < F && reachable; j++) {
          let best = s;
          for (let k = j; k < F; k++) best += bounds[k]!;
          if (best / F < threshold) reachable = false;
          else {
            const x = (l * F + j) * W;
            const y = (r * F + j) * W;
            let both = 0;
            for (let w = 0; w < W; w++) both += bits32(aw[x + w]! & bw[y + w]!);
            const total = ao[l * F + j]! + bo[r * F + j]!;
            s += total === 0 ? 0 : (2 * both) / total;
          }
        }
        if (reachable && s / F >= threshold) found.push(l, r, s / F);
      }
    }
  }
  const usedLeft = new Uint8Array(left.length);
  const usedRight = new Uint8Array(right.length);
  const l: number[] = [];
  const r: number[] = [];
  const s: number[] = [];
  for (const c of bestFirst(found)) {
    const cl = found.l[c]!;
    const cr = found.r[c]!;
    if (usedLeft[cl] || usedRight[cr]) continue;
    usedLeft[cl] = usedRight[cr] = 1;
    l.push(cl);
    r.push(cr);
    s.push(found.s[c]!);
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

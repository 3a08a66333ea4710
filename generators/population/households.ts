// Households as runs of consecutive person indices. Each segment is cut into blocks of BLOCK people
// aligned at the segment start; inside a block, household sizes are drawn in order from the block's own
// stream. So any person's household is a pure function of the index: shards see the same households.
import { aliasTable, aliasPick } from '../../src/random/alias.ts';
import { streamKey, uniform } from '../../src/random/prng.ts';
import type { Segment } from './frame.ts';
import { HOUSEHOLD_SIZE_SHARES } from './rates.ts';

export const BLOCK = 64;
const SIZE_ALIAS = aliasTable(HOUSEHOLD_SIZE_SHARES);

export interface HouseholdColumns {
  /** Person index of the household's first member (the household id). */
  readonly head: Float64Array;
  /** Position inside the household (0 = head). */
  readonly position: Uint8Array;
  readonly size: Uint8Array;
  /** ZCTA of the segment, or -1 when drawn per household. */
  readonly segmentZcta: Int32Array;
}

/** Households of the people [start, end); segments must be sorted and cover the range. */
export function householdsOf(seed: number | string, segments: readonly Segment[], start: number, end: number): HouseholdColumns {
  const n = end - start;
  const head = new Float64Array(n);
  const position = new Uint8Array(n);
  const size = new Uint8Array(n);
  const segmentZcta = new Int32Array(n);
  const key = streamKey(seed, 'household-size');
  let seg = firstSegment(segments, start);
  for (let p = start; p < end; ) {
    while (segments[seg].end <= p) seg++;
    const s = segments[seg];
    const blockStart = s.start + Math.floor((p - s.start) / BLOCK) * BLOCK;
    const blockEnd = Math.min(blockStart + BLOCK, s.end);
    // Replay the block's households and keep the members inside [start, end).
    for (let h = blockStart, k = 0; h < blockEnd; k += 2) {
      const hs = Math.min(1 + aliasPick(SIZE_ALIAS, uniform(key, blockStart, k), uniform(key, blockStart, k + 1)), blockEnd - h);
      for (let m = 0; m < hs; m++) {
        const q = h + m;
        if (q >= start && q < end) {
          const i = q - start;
          head[i] = h;
          position[i] = m;
          size[i] = hs;
          segmentZcta[i] = s.zcta;
        }
      }
      h += hs;
    }
    p = Math.min(blockEnd, end);
  }
  return { head, position, size, segmentZcta };
}

function firstSegment(segments: readonly Segment[], p: number): number {
  let lo = 0;
  let hi = segments.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (segments[mid].end <= p) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

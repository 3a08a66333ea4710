// Small-cell suppression of a count table with complementary suppression. Primary: every entry (cell
// or margin) from 1 to minimumCount - 1 is suppressed; 0 is published (the CMS rule suppresses 1-10).
// Complementary: each suppressed entry is made a corner of a "box" of suppressed entries — for each
// dimension a second coordinate (another level or the total), the 2^d entries of those coordinates —
// all of them >= 1. Adding +1/-1 alternately over a box's corners keeps every line total, so each
// suppressed entry could be one more or one less without changing anything published: it is not
// derivable from the released cells and margins (in 2-D a box is a rectangle, a 4-cycle).
import { coordinatesOf, stridesOf } from './cross-table.ts';

export const PUBLISHED = 0;
export const PRIMARY = 1;
export const COMPLEMENTARY = 2;

export interface Suppression {
  /** Per entry of the table: PUBLISHED, PRIMARY or COMPLEMENTARY. */
  readonly status: Uint8Array;
  readonly primary: number;
  readonly complementary: number;
  /** The sum of the complementary entries' counts: what the protection cost. */
  readonly complementaryCount: number;
}

/**
 * Suppress counts 1..minimumCount-1, then protect each suppressed entry (smallest first) by the
 * cheapest box: the one whose not-yet-suppressed corners have the least total count (ties: fewest new
 * entries); boxes with a published 0 corner are not used, so every suppressed entry is >= 1. Greedy,
 * not optimal. One always exists (the box towards the totals). Cost per entry: O(prod(levels) x 2^d).
 */
export function suppressSmallCells(values: Float64Array, shape: Int32Array, minimumCount: number): Suppression {
  const status = new Uint8Array(values.length);
  const primary: number[] = [];
  for (let i = 0; i < values.length; i++) {
    if (values[i]! > 0 && values[i]! < minimumCount) {
      status[i] = PRIMARY;
      primary.push(i);
    }
  }
  primary.sort((a, b) => values[a]! - values[b]! || a - b);
  const strides = stridesOf(shape);
  let complementary = 0;
  let complementaryCount = 0;
  for (const target of primary) {
    for (const corner of cheapestBox(target, values, status, shape, strides)) {
      if (status[corner] !== PUBLISHED) continue;
      status[corner] = COMPLEMENTARY;
      complementary++;
      complementaryCount += values[corner]!;
    }
  }
  return { status, primary: primary.length, complementary, complementaryCount };
}

/** The corners of the cheapest box through `target` (target first). */
export function cheapestBox(target: number, values: Float64Array, status: Uint8Array, shape: Int32Array, strides: Int32Array): number[] {
  const d = shape.length;
  const at = coordinatesOf(target, shape, strides);
  const other = new Int32Array(d); // the box's second coordinate per dimension
  for (let j = 0; j < d; j++) other[j] = at[j] === 0 ? 1 : 0;
  const corners = new Float64Array(1 << d);
  corners[0] = target;
  let best: number[] = [];
  let bestCost = Infinity;
  let bestAdded = Infinity;
  for (;;) {
    let cost = 0;
    let added = 0;
    for (let mask = 1; mask < 1 << d && cost <= bestCost; mask++) {
      const j = 31 - Math.clz32(mask & -mask);
      const corner = corners[mask & (mask - 1)]! + (other[j]! - at[j]!) * strides[j]!;
      corners[mask] = corner;
      if (status[corner] !== PUBLISHED) continue;
      cost += values[corner]! > 0 ? values[corner]! : Infinity;
      added++;
    }
    if (cost < bestCost || (cost === bestCost && added < bestAdded && cost < Infinity)) {
      bestCost = cost;
      bestAdded = added;
      best = Array.from(corners);
    }
    if (!nextOther(other, at, shape)) break;
  }
  return best;
}

/** Advance the odometer of second coordinates, skipping each dimension's own coordinate. */
function nextOther(other: Int32Array, at: Int32Array, shape: Int32Array): boolean {
  for (let j = other.length - 1; j >= 0; j--) {
    let next = other[j]! + 1;
    if (next === at[j]) next++;
    if (next < shape[j]!) {
      other[j] = next;
      return true;
    }
    other[j] = at[j] === 0 ? 1 : 0;
  }
  return false;
}

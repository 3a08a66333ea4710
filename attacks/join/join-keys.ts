// The keys a join compares: each row's values over paired columns of two tables, as integer ids shared
// by both sides (equal combinations, equal ids). Each column pair is coded through its dictionaries
// (a value normalised once per distinct value), then the code tuples are grouped: no string key per
// row. Browser-safe.
import { groupTuples } from '../risk/group-tuples.ts';
import type { Table } from '../../src/table/table.ts';
import { sharedCodes, textColumnOf } from '../../src/table/text.ts';

export interface JoinKeys {
  /** Key id of each left row and each right row; -1 when a part of the key is missing. */
  readonly left: Int32Array;
  readonly right: Int32Array;
  /** Ids run from 0 to distinct - 1. */
  readonly distinct: number;
}

/**
 * Ids of each row's combination of the `on` columns ([left column, right column] pairs). A value is
 * missing when it is null or '' (before normalising), or when `normalise` makes it null.
 */
export function joinKeys(left: Table, right: Table, on: readonly (readonly [string, string])[], normalise: (s: string) => string | null = (s) => s, what = 'join'): JoinKeys {
  const nl = left.rows;
  const nr = right.rows;
  const key = (v: string) => (v === '' ? null : normalise(v));
  const codes: Int32Array[] = [];
  const sizes: number[] = [];
  const missing = new Uint8Array(nl + nr);
  for (const [l, r] of on) {
    const shared = sharedCodes(textColumnOf(left, l, `${what}: the left table`), textColumnOf(right, r, `${what}: the right table`), key);
    const stacked = new Int32Array(nl + nr);
    stacked.set(shared.left);
    stacked.set(shared.right, nl);
    for (let i = 0; i < nl + nr; i++) if (stacked[i]! < 0) missing[i] = 1;
    codes.push(stacked);
    sizes.push(shared.distinct);
  }
  const groups = groupTuples(codes, sizes, nl + nr);
  const ids = Int32Array.from(groups.ids, (g, i) => (missing[i] ? -1 : g));
  return { left: ids.subarray(0, nl), right: ids.subarray(nl), distinct: groups.distinct };
}

/** Rows of each key id, in row order: rows of id k are order[start[k]..start[k+1]). */
export function rowsByKey(ids: Int32Array, distinct: number): { start: Int32Array; order: Int32Array } {
  const start = new Int32Array(distinct + 1);
  for (let i = 0; i < ids.length; i++) if (ids[i]! >= 0) start[ids[i]! + 1]!++;
  for (let k = 0; k < distinct; k++) start[k + 1]! += start[k]!;
  const fill = start.slice(0, distinct);
  const order = new Int32Array(start[distinct]!);
  for (let i = 0; i < ids.length; i++) if (ids[i]! >= 0) order[fill[ids[i]!]!++] = i;
  return { start, order };
}

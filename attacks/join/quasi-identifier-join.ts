// The quasi-identifier join (Sweeney): records of a de-identified extract linked to a named list
// (a voter roll) on shared quasi-identifiers such as {ZIP, sex, birth date}. The uniqueness rule is
// explicit: link only when the combination is unique in the named list ('unique-right'), or unique on
// both sides ('unique-both', the stricter rule an analyst would trust).
import type { Table } from '../../src/table/table.ts';
import { joinKeys } from './join-keys.ts';
import { linksOf, type Links } from './links.ts';

export type UniquenessRule = 'unique-right' | 'unique-both';

export interface QuasiIdentifierJoinOptions {
  /** Pairs of [left column, right column] compared for equality. */
  readonly on: readonly (readonly [string, string])[];
  readonly rule?: UniquenessRule;
  /** Applied to both sides before comparing (default: trim and upper-case). */
  readonly normalise?: (s: string) => string;
}

export interface QuasiIdentifierJoin {
  readonly links: Links;
  readonly rule: UniquenessRule;
  /** Left records whose combination appears in the right table at all, and how many of them linked. */
  readonly matchedAny: number;
  readonly linked: number;
  readonly leftWithKey: number;
}

const defaultNormalise = (s: string) => s.trim().toUpperCase();

export function quasiIdentifierJoin(left: Table, right: Table, o: QuasiIdentifierJoinOptions): QuasiIdentifierJoin {
  if (o.on.length === 0) throw new Error('quasi-identifier join: no columns to join on');
  const normalise = o.normalise ?? defaultNormalise;
  const rule = o.rule ?? 'unique-both';
  const nl = left.rows;
  // Equal combinations on the two sides share a key id (join-keys.ts): no string key per row.
  const keys = joinKeys(left, right, o.on, normalise, 'quasi-identifier join');
  const onLeft = new Int32Array(keys.distinct);
  const onRight = new Int32Array(keys.distinct);
  const rightRow = new Int32Array(keys.distinct).fill(-1);
  for (let i = 0; i < nl; i++) if (keys.left[i]! >= 0) onLeft[keys.left[i]!]!++;
  for (let i = 0; i < right.rows; i++) {
    const g = keys.right[i]!;
    if (g < 0) continue;
    onRight[g]!++;
    rightRow[g] = i;
  }
  const a: number[] = [];
  const b: number[] = [];
  let matchedAny = 0;
  let leftWithKey = 0;
  for (let i = 0; i < nl; i++) {
    const g = keys.left[i]!;
    if (g < 0) continue;
    leftWithKey++;
    if (onRight[g] === 0) continue;
    matchedAny++;
    if (onRight[g] !== 1 || (rule === 'unique-both' && onLeft[g] !== 1)) continue;
    a.push(i);
    b.push(rightRow[g]!);
  }
  return { links: linksOf(a, b), rule, matchedAny, linked: a.length, leftWithKey };
}

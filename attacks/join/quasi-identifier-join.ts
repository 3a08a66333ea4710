// The quasi-identifier join (Sweeney): records of a de-identified extract linked to a named list
// (a voter roll) on shared quasi-identifiers such as {ZIP, sex, birth date}. The uniqueness rule is
// explicit: link only when the combination is unique in the named list ('unique-right'), or unique on
// both sides ('unique-both', the stricter rule an analyst would trust).
import { indexBy, keyOf, linksOf, type Links } from './links.ts';
import type { Columns } from '../../generators/adversary/types.ts';

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

export function quasiIdentifierJoin(left: Columns, right: Columns, o: QuasiIdentifierJoinOptions): QuasiIdentifierJoin {
  if (o.on.length === 0) throw new Error('quasi-identifier join: no columns to join on');
  const column = (t: Columns, name: string, side: string) => {
    const c = t[name];
    if (!c) throw new Error(`quasi-identifier join: the ${side} table has no column "${name}"`);
    return c;
  };
  const lc = o.on.map(([l]) => column(left, l, 'left'));
  const rc = o.on.map(([, r]) => column(right, r, 'right'));
  const normalise = o.normalise ?? defaultNormalise;
  const rule = o.rule ?? 'unique-both';
  const rightIndex = indexBy(rc, rc[0]!.length, normalise);
  const leftIndex = rule === 'unique-both' ? indexBy(lc, lc[0]!.length, normalise) : null;
  const a: number[] = [];
  const b: number[] = [];
  let matchedAny = 0;
  let leftWithKey = 0;
  for (let i = 0; i < lc[0]!.length; i++) {
    const k = keyOf(lc, i, normalise);
    if (k === null) continue;
    leftWithKey++;
    const rows = rightIndex.get(k);
    if (!rows) continue;
    matchedAny++;
    if (rows.length !== 1) continue;
    if (leftIndex && leftIndex.get(k)!.length !== 1) continue;
    a.push(i);
    b.push(rows[0]!);
  }
  return { links: linksOf(a, b), rule, matchedAny, linked: a.length, leftWithKey };
}

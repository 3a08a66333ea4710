// The quasi-identifier join (Sweeney): records of a de-identified extract linked to a named list
// (a voter roll) on shared quasi-identifiers such as {ZIP, sex, birth date}. The uniqueness rule is
// explicit: link only when the combination is unique in the named list ('unique-right'), or unique on
// both sides ('unique-both', the stricter rule an analyst would trust).
import { groupTuples } from '../risk/group-tuples.ts';
import { linksOf, type Links } from './links.ts';
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
  const nl = lc[0]!.length;
  const nr = rc[0]!.length;
  // Code both sides' values with one dictionary per column pair, then group the stacked code tuples
  // (left rows first): equal combinations on the two sides share a group id. No string key per row.
  const codes: Int32Array[] = [];
  const sizes: number[] = [];
  const missing = new Uint8Array(nl + nr);
  lc.forEach((l, j) => {
    const dictionary = new Map<string, number>();
    const out = new Int32Array(nl + nr);
    const code = (v: string | null | undefined, row: number) => {
      if (v === null || v === undefined || v === '') {
        missing[row] = 1;
        return -1;
      }
      const t = normalise(v);
      let k = dictionary.get(t);
      if (k === undefined) dictionary.set(t, (k = dictionary.size));
      return k;
    };
    for (let i = 0; i < nl; i++) out[i] = code(l[i], i);
    const r = rc[j]!;
    for (let i = 0; i < nr; i++) out[nl + i] = code(r[i], nl + i);
    codes.push(out);
    sizes.push(dictionary.size);
  });
  const groups = groupTuples(codes, sizes, nl + nr);
  const onLeft = new Int32Array(groups.distinct);
  const onRight = new Int32Array(groups.distinct);
  const rightRow = new Int32Array(groups.distinct).fill(-1);
  for (let i = 0; i < nl + nr; i++) {
    if (missing[i]) continue;
    const g = groups.ids[i]!;
    if (i < nl) onLeft[g]!++;
    else {
      onRight[g]!++;
      rightRow[g] = i - nl;
    }
  }
  const a: number[] = [];
  const b: number[] = [];
  let matchedAny = 0;
  let leftWithKey = 0;
  for (let i = 0; i < nl; i++) {
    if (missing[i]) continue;
    leftWithKey++;
    const g = groups.ids[i]!;
    if (onRight[g] === 0) continue;
    matchedAny++;
    if (onRight[g] !== 1 || (rule === 'unique-both' && onLeft[g] !== 1)) continue;
    a.push(i);
    b.push(rightRow[g]!);
  }
  return { links: linksOf(a, b), rule, matchedAny, linked: a.length, leftWithKey };
}

// The attacker who names someone for every record it can match: each record of the release is linked to
// one of the named records that share its quasi-identifiers, drawn at random when several do (score
// 1/m for m candidates). Against a k-anonymous release this is right about 1/k of the time, and every
// other name it gives is a wrong one: the harm k-anonymity leaves. Browser-safe.
import type { Columns } from '../../generators/adversary/types.ts';
import { below, streamKey } from '../../src/random/prng.ts';
import { keyOf, linksOf, type Links } from './links.ts';

export interface GuessJoinOptions {
  readonly on: readonly (readonly [string, string])[];
  readonly seed: number | string;
}

const normalise = (s: string) => s.trim().toUpperCase();

export function guessJoin(left: Columns, right: Columns, o: GuessJoinOptions): Links {
  const column = (t: Columns, name: string, side: string) => {
    const c = t[name];
    if (!c) throw new Error(`guess join: the ${side} table has no column "${name}"`);
    return c;
  };
  const lc = o.on.map(([l]) => column(left, l, 'left'));
  const rc = o.on.map(([, r]) => column(right, r, 'right'));
  const candidates = new Map<string, number[]>();
  for (let j = 0; j < rc[0]!.length; j++) {
    const k = keyOf(rc, j, normalise);
    if (k === null) continue;
    const list = candidates.get(k);
    if (list) list.push(j);
    else candidates.set(k, [j]);
  }
  const key = streamKey(o.seed, 'guess-join');
  const l: number[] = [];
  const r: number[] = [];
  const score: number[] = [];
  for (let i = 0; i < lc[0]!.length; i++) {
    const k = keyOf(lc, i, normalise);
    const list = k === null ? undefined : candidates.get(k);
    if (!list) continue;
    l.push(i);
    r.push(list[below(key, i, 0, list.length)]!);
    score.push(1 / list.length);
  }
  return linksOf(l, r, score);
}

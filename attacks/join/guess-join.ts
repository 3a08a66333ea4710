// The attacker who names someone for every record it can match: each record of the release is linked to
// one of the named records that share its quasi-identifiers, drawn at random when several do (score
// 1/m for m candidates). Against a k-anonymous release this is right about 1/k of the time, and every
// other name it gives is a wrong one: the harm k-anonymity leaves. Browser-safe.
import { below, streamKey } from '../../src/random/prng.ts';
import type { Table } from '../../src/table/table.ts';
import { joinKeys, rowsByKey } from './join-keys.ts';
import { linksOf, type Links } from './links.ts';

export interface GuessJoinOptions {
  readonly on: readonly (readonly [string, string])[];
  readonly seed: number | string;
}

const normalise = (s: string) => s.trim().toUpperCase();

export function guessJoin(left: Table, right: Table, o: GuessJoinOptions): Links {
  const keys = joinKeys(left, right, o.on, normalise, 'guess join');
  const candidates = rowsByKey(keys.right, keys.distinct);
  const key = streamKey(o.seed, 'guess-join');
  const l: number[] = [];
  const r: number[] = [];
  const score: number[] = [];
  for (let i = 0; i < left.rows; i++) {
    const k = keys.left[i]!;
    if (k < 0) continue;
    const from = candidates.start[k]!;
    const m = candidates.start[k + 1]! - from;
    if (m === 0) continue;
    l.push(i);
    r.push(candidates.order[from + below(key, i, 0, m)]!);
    score.push(1 / m);
  }
  return linksOf(l, r, score);
}

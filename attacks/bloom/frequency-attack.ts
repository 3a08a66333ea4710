// The frequency attack on Bloom-filter encodings (Kuzu et al. 2011; Christen et al. 2017): an attacker
// holds the encodings but not the key, and knows how often each name occurs in the population (a
// public name list, a voter roll). Equal names give equal encodings under one key, so the attacker
// groups equal encodings, ranks the groups by size and the public names by frequency, and aligns the
// two rankings: the most frequent encoding is taken to be the most frequent name, and so on. A
// refinement uses what the filter length l, the hash count k and q (public parameters of the scheme)
// say about a filter: a name of g distinct q-grams sets about l(1 - (1 - 1/l)^(kg)) bits, so among the
// unassigned names near its rank, the encoding takes the one whose expected fill is closest to its own.
// Pure and browser-safe; the attacker sees no person ids, and scoring is left to the caller.
import { popcount } from '../../safeguards/identifiers/bit-strings.ts';
import { qgrams } from '../../safeguards/identifiers/qgrams.ts';

/** The encoding scheme's public parameters (Kerckhoffs: only the keys are secret). */
export interface BloomScheme {
  readonly q: number;
  readonly k: number;
  readonly length: number;
  readonly padded: boolean;
}

export interface FrequencyAttackOptions {
  /** Groups of fewer equal encodings carry no frequency signal and are left alone (default 2). */
  readonly minCount?: number;
  /** Align at most this many of the most frequent groups (default: every group of minCount or more). */
  readonly top?: number;
  /** Fill refinement: look this many ranks beyond the group's own among the unassigned names (default 0: rank alone). */
  readonly window?: number;
  /** Needed for the fill refinement (window > 0). */
  readonly scheme?: BloomScheme;
}

/** One group of equal encodings and the name the attacker gave it. */
export interface Alignment {
  /** Rank of the group by size (0 = largest). */
  readonly rank: number;
  readonly records: number;
  readonly bitsSet: number;
  readonly name: string;
  /** How often the public list has that name. */
  readonly publicCount: number;
}

export interface FrequencyAttackResult {
  /** Per encoding (row-aligned with the input): the name the attacker believes it encodes, or null. */
  readonly guesses: (string | null)[];
  readonly alignments: readonly Alignment[];
}

/** Bits a value of `grams` distinct q-grams is expected to set (hash positions drawn at random). */
export function expectedBits(grams: number, scheme: BloomScheme): number {
  return scheme.length * (1 - (1 - 1 / scheme.length) ** (scheme.k * grams));
}

/** Names of a public list with their counts, most frequent first (ties: alphabetical, so the result is deterministic). */
export function rankedNames(names: readonly (string | null)[]): { name: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const n of names) if (n !== null && n !== '') counts.set(n, (counts.get(n) ?? 0) + 1);
  return [...counts].map(([name, count]) => ({ name, count })).sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function keyOf(filter: Uint8Array): string {
  let s = '';
  for (let i = 0; i < filter.length; i++) s += String.fromCharCode(filter[i]!);
  return s;
}

export function frequencyAttack(encodings: readonly (Uint8Array | null)[], publicNames: readonly (string | null)[], o: FrequencyAttackOptions = {}): FrequencyAttackResult {
  const minCount = o.minCount ?? 2;
  const window = o.window ?? 0;
  if (!(Number.isInteger(minCount) && minCount >= 1)) throw new RangeError(`frequencyAttack: minCount must be a whole number >= 1, got ${minCount}`);
  if (!(Number.isInteger(window) && window >= 0)) throw new RangeError(`frequencyAttack: window must be a whole number >= 0, got ${window}`);
  if (window > 0 && !o.scheme) throw new RangeError('frequencyAttack: the fill refinement (window > 0) needs the scheme (q, k, length)');

  // Equal encodings grouped, largest group first (ties: first seen, a stable order the attacker can reproduce).
  const groups = new Map<string, { rows: number[]; bitsSet: number; first: number }>();
  encodings.forEach((f, i) => {
    if (!f) return;
    const key = keyOf(f);
    const g = groups.get(key);
    if (g) g.rows.push(i);
    else groups.set(key, { rows: [i], bitsSet: popcount(f), first: i });
  });
  const ranked = [...groups.values()].filter((g) => g.rows.length >= minCount).sort((a, b) => b.rows.length - a.rows.length || a.first - b.first);
  const attacked = ranked.slice(0, o.top ?? ranked.length);

  const names = rankedNames(publicNames);
  const fill = o.scheme ? names.map((n) => expectedBits(qgrams(n.name, o.scheme!.q, o.scheme!.padded).length, o.scheme!)) : [];
  const taken = new Uint8Array(names.length);
  const guesses: (string | null)[] = new Array(encodings.length).fill(null);
  const alignments: Alignment[] = [];
  let next = 0; // the most frequent name not yet taken
  attacked.forEach((g, rank) => {
    while (next < names.length && taken[next]) next++;
    if (next >= names.length) return;
    let pick = next;
    if (window > 0) {
      // Among the unassigned names up to `window` ranks further, the one whose expected fill is closest.
      let seen = 0;
      for (let j = next; j < names.length && seen <= window; j++) {
        if (taken[j]) continue;
        seen++;
        if (Math.abs(fill[j]! - g.bitsSet) < Math.abs(fill[pick]! - g.bitsSet)) pick = j;
      }
    }
    taken[pick] = 1;
    const { name, count } = names[pick]!;
    for (const r of g.rows) guesses[r] = name;
    alignments.push({ rank, records: g.rows.length, bitsSet: g.bitsSet, name, publicCount: count });
  });
  return { guesses, alignments };
}

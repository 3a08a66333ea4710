// Attribute inference from a released table (Machanavajjhala et al.): an adversary who knows a target's
// quasi-identifiers finds the target's class and guesses the class's most common sensitive value.
// Homogeneity: when a class has one value, k-anonymity protects nothing. Background knowledge: the
// adversary also knows another attribute of the target and keeps only the records that share it.
import { joinKeys } from '../join/join-keys.ts';
import type { Table } from '../../src/table/table.ts';
import { textReader } from '../../src/table/text.ts';

export interface ClassGuessOptions {
  /** Quasi-identifier columns, named the same in the release and in the targets. */
  readonly qi: readonly string[];
  readonly sensitive: string;
  /** A further column the adversary knows about each target (background knowledge). */
  readonly background?: string;
}

export interface ClassGuesses {
  /** Target rows guessed (targets whose class is in the release) and the guessed values. */
  readonly rows: Int32Array;
  readonly values: string[];
  /** For each guess, the share of the class (after background filtering) holding the guessed value. */
  readonly confidence: Float64Array;
  /** Targets whose class holds a single sensitive value (homogeneity). */
  readonly homogeneous: number;
}

export function classGuess(release: Table, targets: Table, o: ClassGuessOptions): ClassGuesses {
  // A target's class is the release's records with the same quasi-identifiers (ids shared by both tables).
  const keys = joinKeys(release, targets, o.qi.map((n) => [n, n] as const), undefined, 'inference');
  const sens = textReader(release, o.sensitive, 'inference: the release');
  const relBg = o.background ? textReader(release, o.background, 'inference: the release') : null;
  const tarBg = o.background ? textReader(targets, o.background, 'inference: the target table') : null;
  // class -> (background value -> sensitive value -> count)
  const classes = new Map<number, Map<string, Map<string, number>>>();
  for (let i = 0; i < release.rows; i++) {
    const k = keys.left[i]!;
    const v = sens(i);
    if (k < 0 || v === null) continue;
    let byBg = classes.get(k);
    if (!byBg) classes.set(k, (byBg = new Map()));
    const bg = relBg ? (relBg(i) ?? '') : '';
    let counts = byBg.get(bg);
    if (!counts) byBg.set(bg, (counts = new Map()));
    counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  const rows: number[] = [];
  const values: string[] = [];
  const confidence: number[] = [];
  let homogeneous = 0;
  for (let t = 0; t < targets.rows; t++) {
    const k = keys.right[t]!;
    const byBg = k < 0 ? undefined : classes.get(k);
    if (!byBg) continue;
    const counts = tarBg ? byBg.get(tarBg(t) ?? '') : merge(byBg);
    if (!counts || counts.size === 0) continue;
    let best = '';
    let bestCount = -1;
    let total = 0;
    for (const [v, c] of counts) {
      total += c;
      if (c > bestCount || (c === bestCount && v < best)) {
        best = v;
        bestCount = c;
      }
    }
    if (counts.size === 1) homogeneous++;
    rows.push(t);
    values.push(best);
    confidence.push(bestCount / total);
  }
  return { rows: Int32Array.from(rows), values, confidence: Float64Array.from(confidence), homogeneous };
}

function merge(byBg: Map<string, Map<string, number>>): Map<string, number> {
  const out = new Map<string, number>();
  for (const counts of byBg.values()) for (const [v, c] of counts) out.set(v, (out.get(v) ?? 0) + c);
  return out;
}

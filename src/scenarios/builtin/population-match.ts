// Each released record looked up in the population on the released quasi-identifiers: how many people
// share its combination (F) and, when exactly one does, who that is (from the population's truth, which
// the adversary's census or voter roll carries as a name). Browser-safe.
import type { Columns } from '../../../generators/adversary/types.ts';

export interface PopulationMatch {
  /** F of each record: people in the population with the record's combination (0 when none). */
  readonly frequency: Int32Array;
  /** The one person with the record's combination when F = 1, else -1. */
  readonly onlyPerson: Int32Array;
}

const keyOf = (cols: readonly (readonly (string | null)[])[], i: number) => cols.map((c) => c[i] ?? '\u0000').join('\u0001');

/** `qi` names columns present in both tables; missing values count as a value of their own. */
export function matchInPopulation(release: Columns, population: Columns, populationTruth: Int32Array, qi: readonly string[]): PopulationMatch {
  const pop = qi.map((q) => population[q]!);
  const rel = qi.map((q) => release[q]!);
  const people = new Map<string, { n: number; person: number }>();
  for (let i = 0; i < populationTruth.length; i++) {
    const k = keyOf(pop, i);
    const e = people.get(k);
    if (e) e.n++;
    else people.set(k, { n: 1, person: populationTruth[i]! });
  }
  const n = rel[0]?.length ?? 0;
  const frequency = new Int32Array(n);
  const onlyPerson = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    const e = people.get(keyOf(rel, i));
    frequency[i] = e?.n ?? 0;
    if (e?.n === 1) onlyPerson[i] = e.person;
  }
  return { frequency, onlyPerson };
}

// Each released record looked up in the population on the released quasi-identifiers: how many people
// share its combination (F) and, when exactly one does, who that is (from the population's truth, which
// the adversary's census or voter roll carries as a name). Browser-safe.
import { groupTuples } from '../../../attacks/risk/group-tuples.ts';
import type { Table } from '../../table/table.ts';
import { sharedCodes, textColumnOf } from '../../table/text.ts';

export interface PopulationMatch {
  /** F of each record: people in the population with the record's combination (0 when none). */
  readonly frequency: Int32Array;
  /** The one person with the record's combination when F = 1, else -1. */
  readonly onlyPerson: Int32Array;
}

/**
 * `qi` names columns present in both tables; missing values count as a value of their own. Both sides
 * are coded in one space per column (through the dictionaries) and the code tuples grouped: no string
 * key per record.
 */
export function matchInPopulation(release: Table, population: Table, populationTruth: Int32Array, qi: readonly string[]): PopulationMatch {
  const nr = release.rows;
  const np = population.rows;
  const stacked: Int32Array[] = [];
  const sizes: number[] = [];
  for (const q of qi) {
    const shared = sharedCodes(textColumnOf(release, q), textColumnOf(population, q));
    const missing = shared.distinct; // missing: a value of its own
    const out = new Int32Array(nr + np);
    for (let i = 0; i < nr; i++) out[i] = shared.left[i]! < 0 ? missing : shared.left[i]!;
    for (let i = 0; i < np; i++) out[nr + i] = shared.right[i]! < 0 ? missing : shared.right[i]!;
    stacked.push(out);
    sizes.push(shared.distinct + 1);
  }
  const groups = groupTuples(stacked, sizes, nr + np);
  const people = new Int32Array(groups.distinct);
  const person = new Int32Array(groups.distinct).fill(-1);
  for (let i = 0; i < np; i++) {
    const g = groups.ids[nr + i]!;
    if (people[g]!++ === 0) person[g] = populationTruth[i]!;
  }
  const frequency = new Int32Array(nr);
  const onlyPerson = new Int32Array(nr).fill(-1);
  for (let i = 0; i < nr; i++) {
    const g = groups.ids[i]!;
    frequency[i] = people[g]!;
    if (people[g] === 1) onlyPerson[i] = person[g]!;
  }
  return { frequency, onlyPerson };
}

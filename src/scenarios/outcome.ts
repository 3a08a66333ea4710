// One outcome of a scenario, put together the same way in every scenario: the headline risk (people
// re-identified, with its interval), the other figures, the utility lost and who is harmed. Browser-safe.
import type { Applied } from '../../safeguards/types.ts';
import type { Table } from '../table/table.ts';
import { rateFigure } from './figures.ts';
import { harmOf } from './harm.ts';
import type { Figure, Outcome, UtilityLost } from './result.ts';
import { utilityLost } from './utility-lost.ts';

export interface OutcomeInput {
  name: string;
  description: string;
  parameters?: Record<string, unknown>;
  applied?: readonly Applied[];
  /** People the attack re-identified, of how many it targeted, and what those are ("beneficiaries in the extract"). */
  reidentified: { k: number; n: number; of: string };
  /** Person ids of those wrongly named, and of those re-identified (from the truth). */
  wronglyNamedPeople: Iterable<number>;
  reidentifiedPeople: Iterable<number>;
  figures?: readonly Figure[];
  /** The original and what was released (null: nothing), or a utility already measured. */
  utility: { original: Table; release: Table | null } | UtilityLost;
  people: Table;
}

export function outcomeOf(o: OutcomeInput): Outcome {
  const wrong = [...o.wronglyNamedPeople];
  const harm = harmOf(o.people, wrong, o.reidentifiedPeople);
  const risk = rateFigure('reidentified', 're-identified', o.reidentified.k, o.reidentified.n, `Re-identified: {rate} ${o.reidentified.of}.`);
  const utility = 'lost' in o.utility ? o.utility : utilityLost(o.utility.original, o.utility.release);
  return {
    name: o.name,
    description: o.description,
    parameters: o.parameters ?? {},
    applied: o.applied ?? [],
    risk,
    wronglyNamed: new Set(wrong).size,
    figures: [risk, ...(o.figures ?? [])],
    utility,
    harm,
  };
}

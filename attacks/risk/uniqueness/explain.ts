// One sentence per estimate: what the number means for a person in the data (DESIGN contract 6).

import type { Explained } from '../types.ts';
import type { UniquenessEstimate } from './input.ts';
import { count, percent } from '../../../src/report/numbers.ts';

/** The estimate as an Explained figure: U, with a sentence on what it means, or why there is none. */
export function explainUniques(e: UniquenessEstimate, model: string, populationSize: number): Explained<number | null> {
  if (e.uniques === null || e.fraction === null) {
    return { value: null, explanation: `The ${model} model gives no estimate of population uniques: ${e.message ?? 'it failed'}.` };
  }
  return {
    value: e.uniques,
    explanation:
      `About ${count(e.uniques)} of ${count(populationSize)} people (${percent(e.fraction)}) are estimated ` +
      `(${model} model) to be the only person in the whole population with their combination of quasi-identifiers, ` +
      `so anyone who knows those few facts about them, and finds a match in the release, has found them.`,
  };
}

// One sentence per estimate: what the number means for a person in the data (DESIGN contract 6).

import type { Explained } from '../types.ts';
import type { UniquenessEstimate } from './input.ts';

/** The estimate as an Explained figure: U, with a sentence on what it means, or why there is none. */
export function explainUniques(e: UniquenessEstimate, model: string, populationSize: number): Explained<number | null> {
  if (e.uniques === null || e.fraction === null) {
    return { value: null, explanation: `The ${model} model gives no estimate of population uniques: ${e.message ?? 'it failed'}.` };
  }
  const people = Math.round(e.uniques).toLocaleString('en-US');
  const share = (100 * e.fraction).toPrecision(3);
  return {
    value: e.uniques,
    explanation:
      `About ${people} of ${Math.round(populationSize).toLocaleString('en-US')} people (${share}%) are estimated ` +
      `(${model} model) to be the only person in the whole population with their combination of quasi-identifiers, ` +
      `so anyone who knows those few facts about them, and finds a match in the release, has found them.`,
  };
}

// The pseudonymise safeguard on a bare list of values, for callers that hold no table (an attack's
// demonstration of what a holder would ship): same methods, same options, same output.
import { textColumn, tableOf, valueAt } from '../../src/table/table.ts';
import { pseudonymise, type PseudonymiseOptions } from './pseudonymise.ts';

const COLUMN = 'value';

/** values[i]'s pseudonym (null where the value is missing or normalises to nothing). */
export function pseudonymsOf(values: readonly (string | null)[], options: Omit<PseudonymiseOptions, 'column' | 'as'>): (string | null)[] {
  const table = tableOf({ [COLUMN]: textColumn(values) });
  // No person stands behind a bare value: the row index stands in for the truth.
  const release = pseudonymise({ table, truth: Int32Array.from(values, (_, i) => i) }, { ...options, column: COLUMN });
  const out = release.table.columns[COLUMN]!;
  return values.map((_, i) => valueAt(out, i) as string | null);
}

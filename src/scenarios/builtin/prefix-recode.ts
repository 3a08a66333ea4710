// A code column cut to its first digits (an NPI to its first 4): a recode the holder makes when no
// hierarchy fits, recorded in the release like any safeguard. Browser-safe.
import { asText, textColumn, withColumn } from '../../table/table.ts';
import { released, type Dataset, type Release } from '../../../safeguards/types.ts';

export const prefixOf = (value: string, digits: number) => value.slice(0, digits);

export function keepPrefix(input: Dataset | Release, column: string, digits: number): Release {
  const c = asText(input.table.columns[column]!);
  const recoded = textColumn(Array.from(c.codes, (k) => (k < 0 ? null : prefixOf(c.dictionary[k]!, digits))));
  const before = new Set(c.dictionary).size;
  const after = new Set(recoded.dictionary).size;
  return released(input, withColumn(input.table, column, recoded), input.truth, {
    safeguard: 'prefix',
    parameters: { column, digits },
    summary: { distinctBefore: before, distinctAfter: after },
  });
}

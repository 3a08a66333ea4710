// The release after one column's values were replaced by pseudonyms: the column is replaced in place
// (renamed when asked; the original never stays), with what was done recorded and nothing secret.
import { OptionError } from '../options.ts';
import { tableOf, type Column, type TextColumn } from '../../src/table/table.ts';
import { released, type Dataset, type Release } from '../types.ts';
import { presence } from './recode.ts';

/** Validates the output name: the column itself, or a name no other column has. */
export function outputName(input: Dataset, column: string, as: string | undefined): string {
  if (as === undefined || as === column) return column;
  if (typeof as !== 'string' || as === '') throw new OptionError('as', 'must be a non-empty column name');
  if (input.table.names.includes(as)) throw new OptionError('as', `the table already has a column "${as}"`);
  return as;
}

export function pseudonymRelease(
  input: Dataset | Release,
  safeguard: string,
  column: string,
  as: string,
  pseudonyms: TextColumn,
  parameters: Record<string, unknown>,
  distinctValues: number,
): Release {
  const columns: Record<string, Column> = {};
  for (const n of input.table.names) {
    if (n === column) columns[as] = pseudonyms;
    else columns[n] = input.table.columns[n]!;
  }
  const { rows, distinct } = presence(pseudonyms);
  return released(input, tableOf(columns, input.table.rows), input.truth, {
    safeguard,
    parameters: { column, ...(as !== column ? { as } : {}), ...parameters },
    summary: { rows: input.table.rows, pseudonymised: rows, missing: input.table.rows - rows, distinctValues, distinctPseudonyms: distinct },
  });
}

/** Distinct non-null entries (the distinct normalised values a column holds). */
export function distinctCount(texts: readonly (string | null)[]): number {
  return new Set(texts.filter((t) => t !== null)).size;
}

// Applies the shared corruption model to an adversary dataset: typos, nicknames, name swaps, date
// slips and missing values at the documented default rates (corrupt/rates.ts), or none. The edited
// text is then coded into the one table.
import { textTable } from '../../src/table/text.ts';
import { corruptTable, type ColumnSpec } from './corrupt/corrupt.ts';
import type { AdversaryDataset, DraftDataset } from './types.ts';

/** Per column of the dataset, how it may be corrupted; false for a clean copy. */
export type ErrorSpec = Record<string, ColumnSpec> | false;

export function withErrors(d: DraftDataset, spec: ErrorSpec, seed: number | string): AdversaryDataset {
  if (spec === false) return { ...d, table: textTable(d.table) };
  for (const c of Object.keys(spec)) if (!d.table[c]) throw new Error(`${d.name}: cannot corrupt column "${c}": no such column`);
  const { columns, log } = corruptTable(d.table, spec, { seed, stream: d.name });
  return { ...d, table: textTable({ ...d.table, ...columns }), errors: log };
}

/** Default error specs: names get typos, nicknames and swaps, dates slips, addresses typos. */
export const PERSON_ERRORS = {
  names: { first_name: { kind: 'given_name', swapWith: 'last_name' }, last_name: { kind: 'surname' } } satisfies Record<string, ColumnSpec>,
  birthDate: { birth_date: { kind: 'date' } } satisfies Record<string, ColumnSpec>,
  street: { street: { kind: 'text' } } satisfies Record<string, ColumnSpec>,
};

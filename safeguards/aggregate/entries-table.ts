// A count table's entries as a long Table: one row per cell and per margin, one text column per
// dimension (the total level written as the total label), plus the caller's value columns.
import { tableOf, type Column, type Table, type TextColumn } from '../../src/table/table.ts';
import { OptionError } from '../options.ts';
import { coordinatesOf, type CrossTable } from './cross-table.ts';

/** No single person stands behind an aggregate row: its truth entry. */
export const NO_PERSON = -1;

/** The entries of `cross` with the given value columns (each as long as cross.values). */
export function entriesTable(cross: CrossTable, totalLabel: string, values: Record<string, Column>): Table {
  const columns: Record<string, Column> = {};
  cross.dimensions.forEach((name, j) => {
    if (cross.levels[j]!.includes(totalLabel)) throw new OptionError('totalLabel', `"${totalLabel}" is also a value of column "${name}"; choose another`);
    if (name in values) throw new OptionError('columns', `"${name}" clashes with an output column of the same name`);
    columns[name] = dimensionColumn(cross, j, totalLabel);
  });
  return tableOf({ ...columns, ...values }, cross.values.length);
}

function dimensionColumn(cross: CrossTable, j: number, totalLabel: string): TextColumn {
  const levels = cross.levels[j]!;
  const dictionary: string[] = [];
  const codeOfLevel = levels.map((v) => (v === null ? -1 : dictionary.push(v) - 1));
  codeOfLevel.push(dictionary.push(totalLabel) - 1);
  const codes = new Int32Array(cross.values.length);
  for (let i = 0; i < codes.length; i++) codes[i] = codeOfLevel[coordinatesOf(i, cross.shape, cross.strides)[j]!]!;
  return { kind: 'text', codes, dictionary };
}

/** A truth array for an aggregate table: no person per row. */
export function noPersons(rows: number): Int32Array {
  return new Int32Array(rows).fill(NO_PERSON);
}

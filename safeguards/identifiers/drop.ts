// The simplest identifier safeguard: the named columns are not released at all.
import { drop } from '../../src/table/table.ts';
import { released, type Dataset, type Release } from '../types.ts';
import { columnsOf } from '../options.ts';

export interface DropOptions {
  /** Columns to remove (each must exist: a misspelt name must not leave an identifier in). */
  readonly columns: readonly string[] | string;
}

export function dropIdentifiers(input: Dataset | Release, options: DropOptions): Release {
  const columns = columnsOf('columns', input.table, options?.columns);
  const table = drop(input.table, columns);
  return released(input, table, input.truth, { safeguard: 'drop-identifiers', parameters: { columns }, summary: { columnsDropped: columns.length, columnsLeft: table.names.length } });
}

// Each column of a table with its identifier kind: the user's map first, then reident's own. An
// unmapped column is an error naming it: passing an unknown column through would defeat Safe Harbor.
// Browser-safe.
import { TableError, type Table } from '../../src/table/table.ts';
import type { IdentifierKindName } from './identifier-kinds.ts';
import { reidentKindOf } from './reident-columns.ts';

/** Column name -> kind for every column of the table, in the table's order. */
export function resolveColumnKinds(table: Table, userKinds: Readonly<Record<string, IdentifierKindName>>): Map<string, IdentifierKindName> {
  const kinds = new Map<string, IdentifierKindName>();
  const unknown: string[] = [];
  for (const column of table.names) {
    const ours = reidentKindOf(column);
    const theirs = Object.hasOwn(userKinds, column) ? userKinds[column] : undefined;
    // Ground truth never leaves, whatever a caller maps it to.
    if (ours === 'truth' && theirs !== undefined && theirs !== 'truth') {
      throw new TableError(`column "${column}" is ground truth and is always removed; columnKinds cannot make it "${theirs}"`);
    }
    const kind = theirs ?? ours;
    if (kind === undefined) unknown.push(column);
    else kinds.set(column, kind);
  }
  if (unknown.length > 0) {
    throw new TableError(
      `columns with no identifier kind: ${unknown.map((c) => `"${c}"`).join(', ')}; say what each is with columnKinds (e.g. { "${unknown[0]}": "none" } for a column that identifies no one)`,
    );
  }
  return kinds;
}

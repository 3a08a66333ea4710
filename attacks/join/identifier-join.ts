// The exact identifier join: a list of identifiers (an agency's SSNs) matched against a table that
// carries them (Medicare's HICN holds the wage earner's SSN), returning every match and what the
// joiner would believe it found: the address on the matched record.
import type { Table } from '../../src/table/table.ts';
import { joinKeys, rowsByKey } from './join-keys.ts';
import { linksOf, type Links } from './links.ts';

export interface IdentifierJoinOptions {
  /** Identifier column on each side. */
  readonly leftKey: string;
  readonly rightKey: string;
  /** Applied to both sides before comparing (default: digits only, first 9: an SSN from 'AAA-GG-SSSS' or a HICN). */
  readonly normalise?: (s: string) => string;
}

export const ssnDigits = (s: string): string => s.replace(/\D/g, '').slice(0, 9);

export interface IdentifierJoin {
  readonly links: Links;
  /** Left rows with an identifier that matched nothing, and rows with no identifier at all. */
  readonly unmatched: number;
  readonly withoutIdentifier: number;
  /** Left rows whose identifier matched more than one right record (the joiner cannot tell which). */
  readonly ambiguous: number;
}

export function identifierJoin(left: Table, right: Table, o: IdentifierJoinOptions): IdentifierJoin {
  const normalise = o.normalise ?? ssnDigits;
  // An identifier that normalises to nothing is no identifier.
  const keys = joinKeys(left, right, [[o.leftKey, o.rightKey]], (v) => normalise(v) || null, 'identifier join');
  const index = rowsByKey(keys.right, keys.distinct);
  const a: number[] = [];
  const b: number[] = [];
  let unmatched = 0;
  let withoutIdentifier = 0;
  let ambiguous = 0;
  for (let i = 0; i < left.rows; i++) {
    const k = keys.left[i]!;
    if (k < 0) {
      withoutIdentifier++;
      continue;
    }
    const from = index.start[k]!;
    const to = index.start[k + 1]!;
    if (from === to) {
      unmatched++;
      continue;
    }
    if (to - from > 1) ambiguous++;
    for (let p = from; p < to; p++) {
      a.push(i);
      b.push(index.order[p]!);
    }
  }
  return { links: linksOf(a, b), unmatched, withoutIdentifier, ambiguous };
}

// The exact identifier join: a list of identifiers (an agency's SSNs) matched against a table that
// carries them (Medicare's HICN holds the wage earner's SSN), returning every match and what the
// joiner would believe it found: the address on the matched record.
import { indexBy, linksOf, type Links } from './links.ts';
import type { Columns } from '../../generators/adversary/types.ts';

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

export function identifierJoin(left: Columns, right: Columns, o: IdentifierJoinOptions): IdentifierJoin {
  const l = left[o.leftKey];
  const r = right[o.rightKey];
  if (!l) throw new Error(`identifier join: the left table has no column "${o.leftKey}"`);
  if (!r) throw new Error(`identifier join: the right table has no column "${o.rightKey}"`);
  const normalise = o.normalise ?? ssnDigits;
  const index = indexBy([r], r.length, normalise);
  const a: number[] = [];
  const b: number[] = [];
  let unmatched = 0;
  let withoutIdentifier = 0;
  let ambiguous = 0;
  for (let i = 0; i < l.length; i++) {
    const v = l[i];
    if (v === null || v === undefined || normalise(v) === '') {
      withoutIdentifier++;
      continue;
    }
    const rows = index.get(normalise(v));
    if (!rows) {
      unmatched++;
      continue;
    }
    if (new Set(rows).size > 1) ambiguous++;
    for (const j of rows) {
      a.push(i);
      b.push(j);
    }
  }
  return { links: linksOf(a, b), unmatched, withoutIdentifier, ambiguous };
}

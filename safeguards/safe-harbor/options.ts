// Options of the Safe Harbor and Limited Data Set transforms: plain objects, validated once, with
// defaults; an error names the option at fault. Browser-safe.
import { dayOfText } from '../dates/day-values.ts';
import { IDENTIFIER_KINDS, isIdentifierKind, type IdentifierKindName } from './identifier-kinds.ts';

import { OptionError, rejectUnknown } from '../options.ts';

export { OptionError };

export interface LimitedDataSetOptions {
  /** Kinds of columns reident does not know (or overrides of its own map): column name -> kind. */
  readonly columnKinds?: Readonly<Record<string, string>>;
}

export interface SafeHarborOptions extends LimitedDataSetOptions {
  /** Day ('YYYY-MM-DD') on which ages are computed from birth dates; default: the latest date in the table's date columns. */
  readonly asOf?: string;
  /** What a grouped age (and the birth year of someone 90 or older) reads; default '90+'. */
  readonly over89Label?: string;
}

export interface ValidSafeHarborOptions {
  readonly columnKinds: Readonly<Record<string, IdentifierKindName>>;
  readonly asOf: string | null;
  readonly over89Label: string;
}

function checkColumnKinds(raw: unknown): Record<string, IdentifierKindName> {
  if (raw === undefined) return {};
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new OptionError('columnKinds', 'must be an object mapping column names to kinds');
  }
  const out: Record<string, IdentifierKindName> = {};
  for (const [column, kind] of Object.entries(raw)) {
    if (typeof kind !== 'string' || !isIdentifierKind(kind)) {
      throw new OptionError('columnKinds', `column "${column}" has kind ${JSON.stringify(kind)}; kinds are ${Object.keys(IDENTIFIER_KINDS).join(', ')}`);
    }
    out[column] = kind;
  }
  return out;
}

/** Validated Safe Harbor options (also serves the Limited Data Set, which reads only columnKinds). */
export function safeHarborOptions(raw: SafeHarborOptions | undefined = {}): ValidSafeHarborOptions {
  rejectUnknown(raw, ['columnKinds', 'asOf', 'over89Label']);
  const { asOf, over89Label = '90+' } = raw;
  if (asOf !== undefined && (typeof asOf !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(asOf) || dayOfText(asOf) === null)) {
    throw new OptionError('asOf', `must be a date YYYY-MM-DD, got ${JSON.stringify(asOf)}`);
  }
  if (typeof over89Label !== 'string' || over89Label.trim() === '' || /^\d+$/.test(over89Label)) {
    throw new OptionError('over89Label', `must be a non-empty label that is not a plain number, got ${JSON.stringify(over89Label)}`);
  }
  return { columnKinds: checkColumnKinds(raw.columnKinds), asOf: asOf ?? null, over89Label };
}

/** Validated Limited Data Set options: only columnKinds. */
export function limitedDataSetOptions(raw: LimitedDataSetOptions | undefined = {}): { readonly columnKinds: Readonly<Record<string, IdentifierKindName>> } {
  rejectUnknown(raw, ['columnKinds']);
  return { columnKinds: checkColumnKinds(raw.columnKinds) };
}

// The options of k-anonymisation: a plain object, validated, with defaults; each error names the option.
import { kOption, OptionError } from '../options.ts';
import type { Hierarchy } from '../generalise/hierarchy.ts';
import type { Criteria, LDiversity } from './criteria.ts';
import { METRICS, type MetricName } from './metrics.ts';

export interface KAnonymityOptions {
  readonly quasiIdentifiers: readonly string[];
  /** A hierarchy per quasi-identifier (ARX CSV via parseArxHierarchy, or builtinHierarchy). */
  readonly hierarchies: Readonly<Record<string, Hierarchy>>;
  /** Default 5. */
  readonly k?: number;
  /** Largest share of rows that may be suppressed, in [0, 1); default 0 (ARX: floor(limit x rows) rows). */
  readonly suppressionLimit?: number;
  /** Default 'entropy' (ARX's monotonic non-uniform entropy). */
  readonly metric?: MetricName;
  /** Needed by lDiversity and tCloseness. */
  readonly sensitive?: string;
  readonly lDiversity?: LDiversity;
  /** Ordered distance when `ordered` (default: for number columns), else equal distance. */
  readonly tCloseness?: { readonly t: number; readonly ordered?: boolean };
  /** 'remove' drops suppressed rows (default); 'mask' keeps them with every quasi-identifier '*' (as ARX does). */
  readonly suppression?: 'remove' | 'mask';
}

export interface ResolvedKAnonymity extends Required<Omit<KAnonymityOptions, 'sensitive' | 'lDiversity' | 'tCloseness'>> {
  readonly sensitive?: string;
  readonly criteria: Criteria;
}

export { OptionError };

export function resolveKAnonymity(o: KAnonymityOptions): ResolvedKAnonymity {
  const k = kOption(o.k ?? 5);
  const suppressionLimit = o.suppressionLimit ?? 0;
  if (!(suppressionLimit >= 0 && suppressionLimit < 1)) throw new OptionError('suppressionLimit', `must be in [0, 1), not ${suppressionLimit}`);
  const metric = o.metric ?? 'entropy';
  if (!METRICS.includes(metric)) throw new OptionError('metric', `must be one of ${METRICS.join(', ')}, not "${metric}"`);
  const suppression = o.suppression ?? 'remove';
  if (suppression !== 'remove' && suppression !== 'mask') throw new OptionError('suppression', `must be remove or mask, not "${suppression}"`);
  if (!Array.isArray(o.quasiIdentifiers) || o.quasiIdentifiers.length === 0) throw new OptionError('quasiIdentifiers', 'must name at least one column');
  for (const q of o.quasiIdentifiers) if (!o.hierarchies?.[q]) throw new OptionError('hierarchies', `has none for quasi-identifier "${q}"`);
  const l = o.lDiversity;
  if (l) {
    if (!['distinct', 'entropy', 'recursive'].includes(l.variant)) throw new OptionError('lDiversity.variant', `must be distinct, entropy or recursive, not "${l.variant}"`);
    if (!(Number.isInteger(l.l) && l.l >= 2)) throw new OptionError('lDiversity.l', `must be a whole number of at least 2, not ${l.l}`);
    if (l.variant === 'recursive' && !(l.c > 0)) throw new OptionError('lDiversity.c', `must be positive, not ${l.c}`);
  }
  if (o.tCloseness && !(o.tCloseness.t >= 0 && o.tCloseness.t <= 1)) throw new OptionError('tCloseness.t', `must be in [0, 1], not ${o.tCloseness.t}`);
  if (o.tCloseness?.ordered !== undefined && typeof o.tCloseness.ordered !== 'boolean') throw new OptionError('tCloseness.ordered', `must be true or false, not ${o.tCloseness.ordered}`);
  if ((l || o.tCloseness) && !o.sensitive) throw new OptionError('sensitive', 'must name the column that lDiversity and tCloseness protect');
  return {
    quasiIdentifiers: o.quasiIdentifiers,
    hierarchies: o.hierarchies,
    k,
    suppressionLimit,
    metric,
    suppression,
    sensitive: o.sensitive,
    criteria: { k, lDiversity: l, tCloseness: o.tCloseness },
  };
}

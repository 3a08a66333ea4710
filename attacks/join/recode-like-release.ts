// The attacker's first step against a generalised release: write its own list in the release's terms.
// Hierarchies are public (ZIP -> ZIP3 -> state, date -> month -> year -> 5-year band), so each of the
// list's values is replaced by the first of its generalisations that the release's column holds; a
// value none of whose generalisations appears cannot match (null). Suppressed values ('*') are never
// matched unless the whole column is '*'. Browser-safe.
import { dateLevels, zipLevels } from '../../safeguards/generalise/builtin.ts';

/** The value and its generalisations, most specific first, in every coding reident's safeguards write. */
export function generalisations(value: string): string[] {
  if (/^\d{5}$/.test(value)) {
    const zip3 = value.slice(0, 3);
    return [...zipLevels(value).slice(0, -1), zip3, '000', '*'];
  }
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const levels = dateLevels(value);
    return [...levels.slice(0, -1), '90+', '*'];
  }
  return [value, '*'];
}

/** `list` recoded to the values `releaseColumn` holds. */
export function recodeLikeRelease(list: readonly (string | null)[], releaseColumn: readonly (string | null)[]): (string | null)[] {
  const held = new Set<string>();
  for (const v of releaseColumn) if (v !== null) held.add(v);
  const allStars = held.size === 1 && held.has('*');
  return list.map((v) => {
    if (v === null) return null;
    for (const g of generalisations(v)) if (held.has(g) && (g !== '*' || allStars)) return g;
    return null;
  });
}

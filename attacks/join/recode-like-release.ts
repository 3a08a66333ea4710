// The attacker's first step against a generalised release: write its own list in the release's terms.
// Hierarchies are public (ZIP -> ZIP3 -> state, date -> month -> year -> 5-year band), so each of the
// list's values is replaced by the first of its generalisations that the release's column holds; a
// value none of whose generalisations appears cannot match (null). Suppressed values ('*') are never
// matched unless the whole column is '*'. Browser-safe.
import { dateLevels, zipLevels } from '../../safeguards/generalise/builtin.ts';
import type { TextColumn } from '../../src/table/table.ts';
import { mapText } from '../../src/table/text.ts';

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

/** `list` recoded to the values `releaseColumn` holds (each distinct value of the list recoded once). */
export function recodeLikeRelease(list: TextColumn, releaseColumn: TextColumn): TextColumn {
  const held = new Set<string>();
  for (let i = 0; i < releaseColumn.codes.length; i++) if (releaseColumn.codes[i]! >= 0) held.add(releaseColumn.dictionary[releaseColumn.codes[i]!]!);
  const allStars = held.size === 1 && held.has('*');
  return mapText(list, (v) => {
    for (const g of generalisations(v)) if (held.has(g) && (g !== '*' || allStars)) return g;
    return null;
  });
}

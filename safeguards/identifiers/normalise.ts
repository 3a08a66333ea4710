// How an identifier is written before it is hashed, so that '123-45-6789' and '123456789', or ' smith'
// and 'SMITH', give the same pseudonym. A value that normalises to '' is treated as missing.
import { asText, type Column } from '../../src/table/table.ts';

export type Normalisation = 'none' | 'trim-upper' | 'digits';
export const NORMALISATIONS: readonly Normalisation[] = ['none', 'trim-upper', 'digits'];

/** 'none': as written; 'trim-upper': trimmed, inner white space collapsed to one space, upper case; 'digits': digits only (SSN, phone). */
export function normalised(text: string, how: Normalisation): string {
  if (how === 'none') return text;
  if (how === 'digits') return text.replace(/\D+/g, '');
  return text.trim().replace(/\s+/g, ' ').toUpperCase();
}

/** The column's distinct used values, normalised: entry d of `texts` is the text of code d, or null when unused or empty. */
export function normalisedEntries(c: Column, how: Normalisation): { codes: Int32Array; texts: (string | null)[] } {
  const t = asText(c);
  const used = new Uint8Array(t.dictionary.length);
  for (let i = 0; i < t.codes.length; i++) if (t.codes[i]! >= 0) used[t.codes[i]!] = 1;
  const texts = t.dictionary.map((v, d) => {
    if (!used[d]) return null;
    const n = normalised(v, how);
    return n === '' ? null : n;
  });
  return { codes: t.codes, texts };
}

// Typing errors in SSNs that keep the number in the space it came from (the synthetic-SSN promise):
// a mistyped synthetic SSN is still a synthetic SSN, a mistyped ITIN still an ITIN, so no corrupted
// file can hold a number that could be a real person's SSN. The error is still a realistic one: a digit
// replaced or two neighbours swapped, only never at a digit that would leave the space (the leading 9
// of a synthetic area, an ITIN's group); such a draw moves to the next position that works
// (population/ssn.ts `mistype`). A value in no known space is left to the generic typo.
import { formatSsn, ISSUABLE_SPACE, ITIN_SPACE, mistype, SYNTHETIC_SPACE, type SsnSpace } from '../../population/ssn.ts';
import type { TypoKind } from './typo.ts';

const SSN_TEXT = /^(\d{3})(-?)(\d{2})\2(\d{4})$/;

/** The number behind 'AAA-GG-SSSS' or 'AAAGGSSSS'; null for anything else. */
export function parseSsnText(text: string): number | null {
  const m = SSN_TEXT.exec(text);
  return m ? Number(m[1]! + m[3]! + m[4]!) : null;
}

/** The space a number was drawn from: synthetic SSNs, ITINs, or (realistic worlds) issuable SSNs. */
export function ssnSpaceOf(ssn: number): SsnSpace | null {
  for (const space of [SYNTHETIC_SPACE, ITIN_SPACE, ISSUABLE_SPACE]) if (space.contains(ssn)) return space;
  return null;
}

/** A mistyped copy of an SSN text, in its space and its layout (dashes or not); null when `text` is not an SSN of a known space. */
export function mistypeSsnText(text: string, u1: number, u2: number, u3: number): { value: string; kind: TypoKind } | null {
  const ssn = parseSsnText(text);
  const space = ssn === null ? null : ssnSpaceOf(ssn);
  if (ssn === null || space === null) return null;
  const typed = mistype(ssn, u1, u2, u3, space);
  if (typed === ssn) return null;
  const formatted = formatSsn(typed);
  const value = text.includes('-') ? formatted : formatted.replaceAll('-', '');
  const changed = [...value].filter((c, i) => c !== text[i]).length;
  return { value, kind: changed === 1 ? 'substitute' : 'transpose' };
}

/**
 * A generic typo of an SSN text kept in the original's space: a typo that still reads as 9 digits but
 * left the space is replaced by a digit error inside it (a dropped or extra digit is no SSN and stays).
 */
export function keepInSsnSpace(original: string, typed: string, u: readonly [number, number, number]): { value: string; kind: TypoKind } | null {
  const before = parseSsnText(original);
  const space = before === null ? null : ssnSpaceOf(before);
  const after = parseSsnText(typed.replaceAll('-', ''));
  if (space === null || after === null || space.contains(after)) return null;
  return mistypeSsnText(original, ...u);
}

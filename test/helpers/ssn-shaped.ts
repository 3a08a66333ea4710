// Finds every SSN-shaped value in written text, to check the synthetic-SSN promise on real output.
// SSN-shaped: 9 digits as AAA-GG-SSSS or AAAGGSSSS, optionally followed by a HICN code (A, B1, TA...),
// standing as a token (no letter, digit or dash next to it): a whole CSV/JSON cell or a word in text.
// A 9-digit run inside a longer id (a hex bene_id, a 10-digit NPI) is not SSN-shaped.
import { ITIN_SPACE, SYNTHETIC_SPACE } from '../../generators/population/ssn.ts';

const SSN_SHAPED = /(?<![0-9A-Za-z-])(\d{3})(-?)(\d{2})\2(\d{4})(?:[A-Z][A-Z0-9]?)?(?![0-9A-Za-z-])/g;

/** Every SSN-shaped token in the text, as written. */
export function ssnShapedTokens(text: string): { token: string; number: number }[] {
  return [...text.matchAll(SSN_SHAPED)].map((m) => ({ token: m[0], number: Number(m[1]! + m[3]! + m[4]!) }));
}

/** True for a number a synthetic world may write: a synthetic SSN, or an ITIN (area 9xx: never an SSN). */
export function isSyntheticOrItin(n: number): boolean {
  return SYNTHETIC_SPACE.contains(n) || ITIN_SPACE.contains(n);
}

/** The SSN-shaped tokens of a text outside the synthetic space (with the line they are on, for messages). */
export function ssnsOutsideSyntheticSpace(text: string): string[] {
  const bad: string[] = [];
  for (const line of text.split('\n')) {
    for (const t of ssnShapedTokens(line)) if (!isSyntheticOrItin(t.number)) bad.push(`${t.token} in: ${line.slice(0, 200)}`);
  }
  return bad;
}

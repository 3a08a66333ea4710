// Default corruption rates per kind of field, with where each number comes from. Every rate is the
// probability that one event happens to one non-missing cell; events are drawn independently, in the
// order listed in corrupt.ts, and a blanked cell gets no other event. These are modelling
// assumptions for a testbed, informed by the sources named here, not measurements of a real file.
import type { TypoKind } from './typo.ts';

export type FieldKind = 'name' | 'given_name' | 'surname' | 'date' | 'zip' | 'ssn' | 'text';

export interface FieldRates {
  /** Cell left blank (null). */
  missing: number;
  /** Value replaced by another record's original value of the same column (FEBRL "swap"; stale data). */
  valueSwap: number;
  /** Given name replaced by a nickname or, for a nickname, its formal name (name kinds only). */
  nickname: number;
  /** Given name and surname exchanged (given_name columns with `swapWith` only); logged in both cells. */
  nameSwap: number;
  /** Day and month transposed, when that gives a different valid date (date kind). */
  transposeDayMonth: number;
  /** Day off by one, either way (date kind). */
  dayOffByOne: number;
  /** Year off by one, either way (date kind). */
  yearOffByOne: number;
  /** One typing error. */
  typo: number;
  /** Relative weights of the typing errors. */
  typoMix: Readonly<Record<TypoKind, number>>;
  /** Share of substitutions/insertions that hit a QWERTY neighbour (REFERENCE 6: 70%). */
  keyboardShare: number;
  /** Weight of the first letter relative to any other position (0.2: five times rarer). */
  firstLetterWeight: number;
}

/**
 * Typing-error mix for letters. Damerau (1964) found ~80% of misspellings to be one insertion,
 * deletion, substitution or transposition; substitutions are the most common (Kukich 1992 survey).
 * The split below is an assumption in that spirit.
 */
export const LETTER_TYPO_MIX = { insert: 0.2, delete: 0.2, substitute: 0.45, transpose: 0.15 } as const;

/** Digits are keyed, not spelled: mostly wrong digit or swapped pair, rarely a dropped/extra one (assumption). */
export const DIGIT_TYPO_MIX = { insert: 0.05, delete: 0.1, substitute: 0.5, transpose: 0.35 } as const;

const NONE: FieldRates = {
  missing: 0, valueSwap: 0, nickname: 0, nameSwap: 0, transposeDayMonth: 0, dayOffByOne: 0, yearOffByOne: 0,
  typo: 0, typoMix: LETTER_TYPO_MIX, keyboardShare: 0.7,
  // Pollock & Zamora (1984): the first letter is wrong far less often than later ones (~7% of errors).
  firstLetterWeight: 0.2,
};

/** All event rates zero (corruption is then the identity); the shape the defaults override. */
export const NO_CORRUPTION: Readonly<FieldRates> = NONE;

/**
 * Defaults per kind. Sources and assumptions:
 * - names: typo 5%, missing 1%, value swap 0.5%: of the order FEBRL/GeCo examples use for personal
 *   names (Christen 2005; Christen & Vatsalan 2013), assumed; nicknames 10% of given names (assumption:
 *   informal names are common on voter rolls and broker files); name swap 5% (REFERENCE 6).
 * - dates: day/month transposed 2%, day off by one 2%, year off by one 1%, missing 2% (assumptions;
 *   REFERENCE 6 lists the error types, not their rates).
 * - ZIP: missing 2%, typo 2%, swap 1% (a stale ZIP after a move looks like another person's ZIP).
 * - SSN: missing 5% (many lists never had one), typo 1% with the digit mix, swap 0.2%. A typo that
 *   still reads as 9 digits stays in the number's space (a synthetic SSN stays synthetic: ssn-typo.ts).
 * - text: missing 2%, typo 3%, swap 0.5%.
 */
export const DEFAULT_RATES: Readonly<Record<FieldKind, Readonly<FieldRates>>> = {
  name: { ...NONE, missing: 0.01, valueSwap: 0.005, nickname: 0.1, typo: 0.05 },
  given_name: { ...NONE, missing: 0.01, valueSwap: 0.005, nickname: 0.1, nameSwap: 0.05, typo: 0.05 },
  surname: { ...NONE, missing: 0.01, valueSwap: 0.005, typo: 0.05 },
  date: { ...NONE, missing: 0.02, valueSwap: 0.002, transposeDayMonth: 0.02, dayOffByOne: 0.02, yearOffByOne: 0.01 },
  zip: { ...NONE, missing: 0.02, valueSwap: 0.01, typo: 0.02, typoMix: DIGIT_TYPO_MIX },
  ssn: { ...NONE, missing: 0.05, valueSwap: 0.002, typo: 0.01, typoMix: DIGIT_TYPO_MIX },
  text: { ...NONE, missing: 0.02, valueSwap: 0.005, typo: 0.03 },
};

const PROBABILITIES = ['missing', 'valueSwap', 'nickname', 'nameSwap', 'transposeDayMonth', 'dayOffByOne', 'yearOffByOne', 'typo', 'keyboardShare'] as const;

/** Defaults for a kind overridden by `rates`; every probability is checked to lie in [0, 1]. */
export function resolveRates(kind: FieldKind, rates: Partial<FieldRates> = {}, column = '?'): FieldRates {
  const base = DEFAULT_RATES[kind];
  if (!base) throw new Error(`corrupt: column "${column}" has unknown kind "${kind}"`);
  const r: FieldRates = { ...base, ...rates };
  for (const name of PROBABILITIES) {
    const v = r[name];
    if (!(v >= 0 && v <= 1)) throw new Error(`corrupt: column "${column}" rate ${name} must lie in [0, 1], got ${v}`);
  }
  if (!(r.firstLetterWeight >= 0)) throw new Error(`corrupt: column "${column}" firstLetterWeight must be >= 0, got ${r.firstLetterWeight}`);
  return r;
}

// The corruption model adversary datasets share (FEBRL style, REFERENCE 6).
export { corruptTable, describeCorruption, Corruption, type ColumnSpec, type CorruptOptions, type CorruptedTable, type CorruptionName } from './corrupt.ts';
export { DEFAULT_RATES, NO_CORRUPTION, LETTER_TYPO_MIX, DIGIT_TYPO_MIX, resolveRates, type FieldKind, type FieldRates } from './rates.ts';
export { typo, editDistance, TYPO_DRAWS, type Typo, type TypoKind, type TypoOptions } from './typo.ts';
export { keyboardNeighbours, isNeighbour } from './keyboard.ts';
export { nicknamesOf, formalNamesOf, nameVariants, nicknameSwap, nicknamePairs } from './nicknames.ts';
export { transposeDayMonth, shiftDay, shiftYear, editDate, parseDate, isValidDate, type DateEdit } from './dates.ts';
export { otherRow, swappedValue, swapNames } from './fields.ts';

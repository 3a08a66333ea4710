// Identifier safeguards: drop, pseudonymise (plain, salted or keyed hash, random token), Bloom-filter CLK.
export { dropIdentifiers, type DropOptions } from './drop.ts';
export { pseudonymise, saltedHash, PSEUDONYM_METHODS, SALT_SCOPES, type PseudonymiseOptions, type PseudonymMethod, type SaltScope } from './pseudonymise.ts';
export { tokenise, type TokeniseOptions, type Tokenised } from './tokenise.ts';
export { pseudonymsOf } from './pseudonyms-of.ts';
export { normalised, NORMALISATIONS, type Normalisation } from './normalise.ts';
export { bloomEncode, type BloomEncodeOptions } from './bloom-encode.ts';
export { clkEncoder, digestMod, type ClkEncoder, type ClkParameters } from './clk-encoder.ts';
export { qgrams } from './qgrams.ts';
export { dice, diceOfEncodings, decodeBits, encodeBits, popcount, BIT_ENCODINGS, type BitEncoding } from './bit-strings.ts';

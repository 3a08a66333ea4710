// Random tokens with a kept crosswalk: each distinct (normalised) value gets a token drawn from the seed,
// unique by construction (a keyed permutation of 2^48), unrelated to the value. The crosswalk value ->
// token is returned apart from the release: it is what lets the holder re-link, and it is never released.
import { permutation } from '../../src/random/permutation.ts';
import { streamKey } from '../../src/random/prng.ts';
import { tableOf, textColumn, type Table } from '../../src/table/table.ts';
import type { Dataset, Release } from '../types.ts';
import { NORMALISATIONS, normalisedEntries, type Normalisation } from './normalise.ts';
import { oneColumn, oneOf, seedOption } from '../options.ts';
import { outputName, pseudonymRelease } from './pseudonym-release.ts';
import { recoded } from './recode.ts';

export interface TokeniseOptions {
  readonly column: string;
  /** How values are written before tokens are given (default 'trim-upper'). */
  readonly normalise?: Normalisation;
  /** The tokens are a pure function of the seed and the set of values: keep it as secret as the crosswalk. */
  readonly seed?: number | string;
  /** Name of the token column (default: the column's own name). */
  readonly as?: string;
}

export interface Tokenised {
  readonly release: Release;
  /** value (normalised) -> token, one row per distinct value, in value order. Never part of a release. */
  readonly crosswalk: Table;
}

const TOKEN_SPACE = 2 ** 48;
const TOKEN_DIGITS = 12;

export function tokenise(input: Dataset | Release, options: TokeniseOptions): Tokenised {
  const columnName = oneColumn('column', input.table, options?.column);
  const normalise = oneOf('normalise', options.normalise, NORMALISATIONS, 'trim-upper');
  const seed = seedOption('seed', options.seed);
  const as = outputName(input, columnName, options.as);
  const { codes, texts } = normalisedEntries(input.table.columns[columnName]!, normalise);
  // Tokens go by rank in value order, so they depend on the values present, not on row order.
  const values = [...new Set(texts.filter((t): t is string => t !== null))].sort();
  const shuffle = permutation(TOKEN_SPACE, streamKey(seed, 'identifier-token'));
  const tokens = values.map((_, rank) => shuffle.apply(rank).toString(16).padStart(TOKEN_DIGITS, '0'));
  const tokenOf = new Map(values.map((v, i) => [v, tokens[i]!]));
  const column = recoded(codes, texts.map((t) => (t === null ? null : tokenOf.get(t)!)));
  const release = pseudonymRelease(input, 'pseudonymise', columnName, as, column, { method: 'token', normalise }, values.length);
  return { release, crosswalk: tableOf({ value: textColumn(values), token: textColumn(tokens) }) };
}

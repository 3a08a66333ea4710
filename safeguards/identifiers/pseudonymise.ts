// Pseudonymising one identifier column: the values are replaced by a plain SHA-256, a salted SHA-256,
// a keyed HMAC-SHA256 (lower-case hex) or a random token. Only the keyed HMAC (with a secret key) and
// the token resist enumeration: an SSN's plain or published-salt hash is inverted by trying every SSN.
// Missing values stay missing; the key, salt and seed are never recorded in the release.
import { hmacPrepare, hmacWords } from '../../src/crypto/hmac-sha256.ts';
import { sha256Words, wordsToHexBE } from '../../src/crypto/sha256.ts';
import { streamKey, u32 } from '../../src/random/prng.ts';
import { textColumn } from '../../src/table/table.ts';
import type { Dataset, Release } from '../types.ts';
import { NORMALISATIONS, normalisedEntries, type Normalisation } from './normalise.ts';
import { oneColumn, oneOf, OptionError, secretBytes, seedOption } from '../options.ts';
import { distinctCount, outputName, pseudonymRelease } from './pseudonym-release.ts';
import { recoded } from './recode.ts';
import { tokenise } from './tokenise.ts';

export type PseudonymMethod = 'hash' | 'salted-hash' | 'hmac' | 'token';
export const PSEUDONYM_METHODS: readonly PseudonymMethod[] = ['hash', 'salted-hash', 'hmac', 'token'];
/** 'release': one salt for every record (equal values stay linkable); 'record': a salt per row (nothing links). */
export type SaltScope = 'release' | 'record';
export const SALT_SCOPES: readonly SaltScope[] = ['release', 'record'];

export interface PseudonymiseOptions {
  readonly column: string;
  /** Default 'hmac'. */
  readonly method?: PseudonymMethod;
  /** How values are written before hashing (default 'trim-upper'; 'digits' for SSNs). */
  readonly normalise?: Normalisation;
  /** 'hmac': the secret key, at least 16 bytes (32 random bytes recommended). */
  readonly key?: Uint8Array | string;
  /** 'salted-hash', scope 'release': the salt (at least 16 bytes); drawn from `seed` when absent. */
  readonly salt?: Uint8Array | string;
  /** 'salted-hash': default 'release'. */
  readonly saltScope?: SaltScope;
  /** 'token', and 'salted-hash' without a salt: the draws' seed. */
  readonly seed?: number | string;
  /** Name of the pseudonym column (default: the column's own name). */
  readonly as?: string;
}

export const MIN_SECRET_BYTES = 16;
const SALT_BYTES = 16;
const encoder = new TextEncoder();

/** One pseudonymised column; see PseudonymiseOptions for the methods. */
export function pseudonymise(input: Dataset | Release, options: PseudonymiseOptions): Release {
  const method = oneOf('method', options?.method, PSEUDONYM_METHODS, 'hmac');
  if (method === 'token') return tokenise(input, options).release;
  const column = oneColumn('column', input.table, options.column);
  const normalise = oneOf('normalise', options.normalise, NORMALISATIONS, 'trim-upper');
  const as = outputName(input, column, options.as);
  const { codes, texts } = normalisedEntries(input.table.columns[column]!, normalise);
  const distinct = distinctCount(texts);
  if (method === 'hash') {
    const hashed = recoded(codes, texts.map((t) => (t === null ? null : wordsToHexBE(sha256Words(encoder.encode(t))))));
    return pseudonymRelease(input, 'pseudonymise', column, as, hashed, { method, normalise }, distinct);
  }
  if (method === 'hmac') {
    const key = hmacPrepare(secretBytes('key', options.key, MIN_SECRET_BYTES));
    const keyed = recoded(codes, texts.map((t) => (t === null ? null : wordsToHexBE(hmacWords(key, t)))));
    return pseudonymRelease(input, 'pseudonymise', column, as, keyed, { method, normalise }, distinct);
  }
  const saltScope = oneOf('salt-scope', options.saltScope, SALT_SCOPES, 'release');
  const salted = saltScope === 'release' ? releaseSalted(codes, texts, releaseSalt(options)) : perRecordSalted(codes, texts, seedOption('seed', options.seed), options.salt);
  return pseudonymRelease(input, 'pseudonymise', column, as, salted, { method, normalise, saltScope }, distinct);
}

/** SHA-256(salt || UTF-8 of the value), as hex. */
export function saltedHash(salt: Uint8Array, text: string): string {
  const value = encoder.encode(text);
  const message = new Uint8Array(salt.length + value.length);
  message.set(salt);
  message.set(value, salt.length);
  return wordsToHexBE(sha256Words(message));
}

function releaseSalt(options: PseudonymiseOptions): Uint8Array {
  if (options.salt !== undefined) return secretBytes('salt', options.salt, MIN_SECRET_BYTES);
  if (options.seed === undefined) throw new OptionError('salt', 'give a salt (at least 16 bytes) or a seed to draw one from');
  return drawnBytes(streamKey(seedOption('seed', options.seed), 'identifier-salt'), 0);
}

/** Every row under the one salt: equal values give equal pseudonyms. */
function releaseSalted(codes: Int32Array, texts: readonly (string | null)[], salt: Uint8Array) {
  return recoded(codes, texts.map((t) => (t === null ? null : saltedHash(salt, t))));
}

/** Each row under its own salt drawn from the seed: equal values give unrelated pseudonyms. */
function perRecordSalted(codes: Int32Array, texts: readonly (string | null)[], seed: number | string, salt: unknown) {
  if (salt !== undefined) throw new OptionError('salt', "a per-record salt is drawn from the seed; a given salt is for salt scope 'release'");
  const key = streamKey(seed, 'identifier-record-salt');
  return textColumn(Array.from(codes, (c, i) => (c < 0 || texts[c] === null ? null : saltedHash(drawnBytes(key, i), texts[c]!))));
}

/** 16 bytes drawn for one index of a stream. */
function drawnBytes(key: number, index: number): Uint8Array {
  const bytes = new Uint8Array(SALT_BYTES);
  const view = new DataView(bytes.buffer);
  for (let k = 0; k < SALT_BYTES / 4; k++) view.setUint32(4 * k, u32(key, index, k));
  return bytes;
}

// The Bloom-filter safeguard for privacy-preserving record linkage: the chosen fields (names, birth date,
// ...) are replaced by one CLK column, a bit string two holders can compare by Dice similarity without
// sharing the values. Errors in a name change few q-grams, so near matches stay near.
import { tableOf, textColumn, type Column } from '../../src/table/table.ts';
import { released, type Dataset, type Release } from '../types.ts';
import { BIT_ENCODINGS, bytesFor, encodeBits, popcount, setBit, type BitEncoding } from './bit-strings.ts';
import { clkEncoder, MAX_FILTER_BITS } from './clk-encoder.ts';
import { NORMALISATIONS, normalisedEntries, type Normalisation } from './normalise.ts';
import { columnsOf, integerIn, oneOf, OptionError, secretBytes } from '../options.ts';
import { MIN_SECRET_BYTES } from './pseudonymise.ts';

export interface BloomEncodeOptions {
  /** Columns encoded together into one filter. */
  readonly fields: readonly string[] | string;
  /** Two secret keys for the two HMACs of double hashing (each at least 16 bytes). */
  readonly keys: readonly [Uint8Array | string, Uint8Array | string];
  /** q-gram length (default 2). */
  readonly q?: number;
  /** Hash functions per q-gram (default 20). */
  readonly k?: number;
  /** Filter length in bits (default 1000). */
  readonly length?: number;
  /** Pad values with q-1 '_' at each end (default true). */
  readonly padded?: boolean;
  /** How values are written before splitting (default 'trim-upper'). */
  readonly normalise?: Normalisation;
  /** Text form of the filter (default 'base64'). */
  readonly encoding?: BitEncoding;
  /** Name of the filter column (default 'clk'); it takes the place of the first field. */
  readonly as?: string;
  /** Keep the encoded fields in the release too (default false: they are what the encoding hides). */
  readonly keepFields?: boolean;
}

export function bloomEncode(input: Dataset | Release, options: BloomEncodeOptions): Release {
  const fields = columnsOf('fields', input.table, options?.fields);
  if (!Array.isArray(options.keys) || options.keys.length !== 2) throw new OptionError('keys', 'give two secret keys (one per HMAC of double hashing)');
  const keys = [secretBytes('keys', options.keys[0], MIN_SECRET_BYTES), secretBytes('keys', options.keys[1], MIN_SECRET_BYTES)] as const;
  const q = integerIn('q', options.q, 1, 5, 2);
  const k = integerIn('k', options.k, 1, 100, 20);
  const length = integerIn('length', options.length, 8, MAX_FILTER_BITS, 1000);
  const padded = options.padded ?? true;
  if (typeof padded !== 'boolean') throw new OptionError('padded', 'must be true or false');
  const normalise = oneOf('normalise', options.normalise, NORMALISATIONS, 'trim-upper');
  const encoding = oneOf('encoding', options.encoding, BIT_ENCODINGS, 'base64');
  const keepFields = options.keepFields ?? false;
  const as = options.as ?? 'clk';
  if (input.table.names.includes(as) && !(fields.includes(as) && !keepFields)) throw new OptionError('as', `the table already has a column "${as}"`);

  const encoder = clkEncoder({ keys, q, k, length, padded });
  // Each field's distinct values are split and hashed once; rows only OR their positions together.
  const perField = fields.map((f) => {
    const { codes, texts } = normalisedEntries(input.table.columns[f]!, normalise);
    return { codes, positions: texts.map((t) => (t === null ? null : encoder.valuePositions(t))) };
  });
  const filter = new Uint8Array(bytesFor(length));
  const out: (string | null)[] = new Array(input.table.rows);
  let bitsSet = 0;
  let encoded = 0;
  for (let i = 0; i < input.table.rows; i++) {
    filter.fill(0);
    let any = false;
    for (const { codes, positions } of perField) {
      const at = codes[i]! < 0 ? null : positions[codes[i]!];
      if (!at) continue;
      any = true;
      for (let j = 0; j < at.length; j++) setBit(filter, at[j]!);
    }
    out[i] = any ? encodeBits(filter, encoding) : null;
    if (any) {
      encoded++;
      bitsSet += popcount(filter);
    }
  }
  const clk = textColumn(out);
  const columns: Record<string, Column> = {};
  for (const n of input.table.names) {
    if (n === fields[0]) columns[as] = clk;
    if (keepFields || !fields.includes(n)) columns[n] = input.table.columns[n]!;
  }
  return released(input, tableOf(columns, input.table.rows), input.truth, {
    safeguard: 'bloom-encode',
    parameters: { fields, q, k, length, padded, normalise, encoding, as, keepFields },
    summary: { rows: input.table.rows, encoded, missing: input.table.rows - encoded, meanFill: encoded ? bitsSet / encoded / length : 0, distinctEncodings: clk.dictionary.length },
  });
}

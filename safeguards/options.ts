// The option checks every safeguard shares: each failure is an OptionError whose message starts with the
// option's name (`--minimumCount: ...`, `--key: ...`), so the CLI and scenarios can pass a user's options
// straight through and report a bad one by its name. Checks that belong to one safeguard alone live
// beside it (k-anonymity/options.ts, safe-harbor/options.ts). Browser-safe.
import { OptionError } from '../generators/world-types.ts';
import { columnOf, type Table } from '../src/table/table.ts';

export { OptionError };

/** Throws on a key of `raw` that is not one of `known`. */
export function rejectUnknown(raw: object, known: readonly string[]): void {
  for (const key of Object.keys(raw)) {
    if (!known.includes(key)) throw new OptionError(key, `unknown option (options are ${known.join(', ')})`);
  }
}

/** A finite number > 0 (or >= 0 when zero is allowed). */
export function positiveNumber(option: string, value: unknown, allowZero = false): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || (!allowZero && value === 0)) {
    throw new OptionError(option, `must be a finite number ${allowZero ? '>= 0' : '> 0'}, got ${String(value)}`);
  }
  return value;
}

/** A whole number >= min. */
export function wholeNumber(option: string, value: unknown, min: number): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min) {
    throw new OptionError(option, `must be a whole number >= ${min}, got ${String(value)}`);
  }
  return value;
}

/** An integer in [min, max], the default when undefined. */
export function integerIn(option: string, value: number | undefined, min: number, max: number, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < min || value > max) throw new OptionError(option, `must be an integer from ${min} to ${max}, got ${value}`);
  return value;
}

/** A probability in [0, 1) (delta). */
export function probability(option: string, value: unknown): number {
  if (typeof value !== 'number' || !(value >= 0 && value < 1)) throw new OptionError(option, `must be a number in [0, 1), got ${String(value)}`);
  return value;
}

/** The option's value when it is one of `allowed`; the fallback (if given) when it is undefined. */
export function oneOf<T extends string>(option: string, value: unknown, allowed: readonly T[], fallback?: T): T {
  if (value === undefined && fallback !== undefined) return fallback;
  if (!allowed.includes(value as T)) throw new OptionError(option, `"${String(value)}" is not one of ${allowed.join(', ')}`);
  return value as T;
}

/** A non-empty list of distinct column names (not checked against a table). */
export function columnList(option: string, value: unknown): string[] {
  if (!Array.isArray(value) || value.length === 0 || value.some((c) => typeof c !== 'string' || c === '')) {
    throw new OptionError(option, `must be a non-empty list of column names, got ${JSON.stringify(value)}`);
  }
  const seen = new Set<string>();
  for (const c of value as string[]) {
    if (seen.has(c)) throw new OptionError(option, `lists "${c}" twice`);
    seen.add(c);
  }
  return [...(value as string[])];
}

/** Column names the table has (at least one, no repeats). */
export function columnsOf(option: string, table: Table, names: readonly string[] | string | undefined): string[] {
  const list = typeof names === 'string' ? [names] : [...(names ?? [])];
  if (list.length === 0) throw new OptionError(option, `name at least one column (columns: ${table.names.join(', ') || 'none'})`);
  const repeated = list.find((n, i) => list.indexOf(n) !== i);
  if (repeated !== undefined) throw new OptionError(option, `column "${repeated}" is named twice`);
  for (const n of list) {
    try {
      columnOf(table, n);
    } catch (e) {
      throw new OptionError(option, (e as Error).message);
    }
  }
  return list;
}

/** One column name the table has. */
export function oneColumn(option: string, table: Table, name: string | undefined): string {
  if (typeof name !== 'string') throw new OptionError(option, `name the column (columns: ${table.names.join(', ') || 'none'})`);
  return columnsOf(option, table, [name])[0]!;
}

/** A seed as the random helpers take it: an integer or a string; required. */
export function seedOption(option: string, value: unknown): number | string {
  if (value === undefined) throw new OptionError(option, 'is required (the draws are a pure function of it; keep it secret)');
  if (typeof value === 'string' || (typeof value === 'number' && Number.isSafeInteger(value))) return value;
  throw new OptionError(option, `must be an integer or a string, got ${String(value)}`);
}

/** Secret bytes (a key or salt) of at least `minBytes`; strings are taken as UTF-8. */
export function secretBytes(option: string, value: Uint8Array | string | undefined, minBytes: number): Uint8Array {
  if (value === undefined) throw new OptionError(option, `is required (at least ${minBytes} random bytes, kept apart from the release)`);
  const bytes = typeof value === 'string' ? new TextEncoder().encode(value) : value;
  if (!(bytes instanceof Uint8Array)) throw new OptionError(option, 'must be bytes (a Uint8Array) or text');
  if (bytes.length < minBytes) throw new OptionError(option, `must be at least ${minBytes} bytes, got ${bytes.length}`);
  return bytes;
}

/** k of a k-anonymity criterion: a whole number of at least 1. */
export function kOption(value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) throw new OptionError('k', `must be a whole number of at least 1, not ${String(value)}`);
  return value;
}

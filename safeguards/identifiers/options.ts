// Validation of identifier-safeguard options: each check names the option (as the CLI flag) at fault,
// so the CLI can pass a user's options straight through.
import { OptionError } from '../../generators/world-types.ts';
import { columnOf, type Table } from '../../src/table/table.ts';

/** The option's value when it is one of `allowed`, the default when it is undefined. */
export function oneOf<T extends string>(option: string, value: T | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (!allowed.includes(value)) throw new OptionError(option, `"${value}" is not one of ${allowed.join(', ')}`);
  return value;
}

/** An integer in [min, max], the default when undefined. */
export function integerIn(option: string, value: number | undefined, min: number, max: number, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < min || value > max) throw new OptionError(option, `must be an integer from ${min} to ${max}, got ${value}`);
  return value;
}

/** Secret bytes (a key or salt) of at least `minBytes`; strings are taken as UTF-8. */
export function secretBytes(option: string, value: Uint8Array | string | undefined, minBytes: number): Uint8Array {
  if (value === undefined) throw new OptionError(option, `is required (at least ${minBytes} random bytes, kept apart from the release)`);
  const bytes = typeof value === 'string' ? new TextEncoder().encode(value) : value;
  if (!(bytes instanceof Uint8Array)) throw new OptionError(option, 'must be bytes (a Uint8Array) or text');
  if (bytes.length < minBytes) throw new OptionError(option, `must be at least ${minBytes} bytes, got ${bytes.length}`);
  return bytes;
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

/** A seed as the random helpers take it. */
export function seedOption(option: string, value: number | string | undefined): number | string {
  if (value === undefined) throw new OptionError(option, 'is required (the draws are a pure function of it; keep it secret)');
  if (typeof value === 'number' && !Number.isSafeInteger(value)) throw new OptionError(option, `must be an integer or a string, got ${value}`);
  return value;
}

/** One column name the table has. */
export function oneColumn(option: string, table: Table, name: string | undefined): string {
  if (typeof name !== 'string') throw new OptionError(option, `name the column (columns: ${table.names.join(', ') || 'none'})`);
  return columnsOf(option, table, [name])[0]!;
}

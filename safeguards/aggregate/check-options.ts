// Option checks shared by the aggregate and DP safeguards: each failure is an OptionError naming the
// option, so the CLI can pass options straight through and report a bad one by its name.
import { OptionError } from '../../generators/world-types.ts';

export { OptionError };

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

/** A probability in [0, 1) (delta). */
export function probability(option: string, value: unknown): number {
  if (typeof value !== 'number' || !(value >= 0 && value < 1)) throw new OptionError(option, `must be a number in [0, 1), got ${String(value)}`);
  return value;
}

/** One of the allowed words. */
export function oneOf<T extends string>(option: string, value: unknown, allowed: readonly T[]): T {
  if (!allowed.includes(value as T)) throw new OptionError(option, `must be one of ${allowed.join(', ')}, got ${String(value)}`);
  return value as T;
}

/** A non-empty list of distinct column names. */
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

/** A seed: an integer or a string. */
export function seedOption(option: string, value: unknown): number | string {
  if (typeof value === 'string' || (typeof value === 'number' && Number.isSafeInteger(value))) return value;
  throw new OptionError(option, `must be an integer or a string, got ${String(value)}`);
}

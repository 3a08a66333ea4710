// --memory-limit: how much memory the DuckDB engine may use before it spills to a temporary folder.
import { Option } from 'commander';
import { UsageError } from './errors.ts';

export function memoryLimitOption(): Option {
  return new Option('--memory-limit <size>', "the most memory the DuckDB engine may use, e.g. 2GB or 512MB; past it, it spills to a temporary folder (implies --engine duckdb; default: DuckDB's, 80% of RAM)");
}

const SIZE = /^\s*\d+(\.\d+)?\s*(B|KB|MB|GB|TB|KiB|MiB|GiB|TiB)\s*$/i;

/** The limit as DuckDB reads it, or undefined when not given; a size DuckDB would not read is refused by name. */
export function parseMemoryLimit(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!SIZE.test(value)) throw new UsageError(`--memory-limit must be a size such as 2GB, 512MB or 1.5GiB, got '${value}'`);
  const size = value.replace(/\s+/g, '');
  if (Number.parseFloat(size) === 0) throw new UsageError(`--memory-limit must be more than 0, got '${value}'`);
  return size;
}

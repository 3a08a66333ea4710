// Which engine runs a command when --engine is not given: by the size of its input files. The memory
// engine holds about 4 bytes per value read, so it is the faster choice until the input nears the
// machine's memory; past DUCKDB_FROM_BYTES the DuckDB engine streams the files instead.
import { statSync } from 'node:fs';
import { UsageError } from '../cli/errors.ts';
import { tableFormatOf } from '../io/table-format.ts';
import { parquetFiles } from './file-source.ts';

export type EngineName = 'memory' | 'duckdb';

/** Input bytes (Parquet counted PARQUET_FACTOR times: it is compressed) from which DuckDB is chosen: 1 GiB. */
export const DUCKDB_FROM_BYTES = 2 ** 30;
export const PARQUET_FACTOR = 5;

/** The effective size of the inputs: CSV bytes plus `parquetFactor` x Parquet bytes, a folder's Parquet files included (missing files count 0: the command reports them). */
export function inputWeight(files: readonly string[], parquetFactor = PARQUET_FACTOR): number {
  let total = 0;
  for (const f of files) {
    try {
      if (statSync(f).isDirectory()) {
        for (const p of parquetFiles(f)) total += parquetFactor * statSync(p).size;
        continue;
      }
      const size = statSync(f).size;
      total += tableFormatOf(f) === 'parquet' ? parquetFactor * size : size;
    } catch {
      // an unreadable file is reported by the command that reads it, naming its flag
    }
  }
  return total;
}

/** Said with the choice: DuckDB's own default takes up to 80% of RAM (16.9 GiB was seen on the national table). */
const MEMORY_HINT = 'reident: DuckDB may use up to 80% of this machine\'s memory; bound it with --memory-limit SIZE (e.g. 4GB)\n';

function isFolder(f: string): boolean {
  try {
    return statSync(f).isDirectory();
  } catch {
    return false;
  }
}

/** --engine as given, or chosen by size; `say` receives the one line printed on stderr when DuckDB is picked (memory, the ordinary path, goes unsaid). */
export function chooseEngine(flag: string | undefined, files: readonly string[], say: (line: string) => void, fromBytes = DUCKDB_FROM_BYTES): EngineName {
  if (flag !== undefined) {
    if (flag !== 'memory' && flag !== 'duckdb') throw new UsageError(`--engine must be memory or duckdb, got "${flag}"`);
    return flag;
  }
  const mb = (x: number) => `${(x / 2 ** 20).toFixed(1)} MiB`;
  const folder = files.find((f) => isFolder(f));
  if (folder) {
    say(`reident: engine duckdb (${folder} is a folder of Parquet files, which only the DuckDB engine reads; input ${mb(inputWeight(files, 1))} on disk)\n${MEMORY_HINT}`);
    return 'duckdb';
  }
  const weight = inputWeight(files);
  const engine: EngineName = weight >= fromBytes ? 'duckdb' : 'memory';
  if (engine === 'duckdb') say(`reident: engine ${engine} (input ${mb(weight)}, Parquet counted x${PARQUET_FACTOR}; duckdb from ${mb(fromBytes)}; choose with --engine memory|duckdb)\n${MEMORY_HINT}`);
  return engine;
}

/** The threshold, from REIDENT_DUCKDB_FROM_BYTES when set (tests, and users who know their memory). */
export function duckdbFromBytes(env: NodeJS.ProcessEnv): number {
  const v = env.REIDENT_DUCKDB_FROM_BYTES;
  if (v === undefined) return DUCKDB_FROM_BYTES;
  const x = Number(v);
  if (!(Number.isFinite(x) && x >= 0)) throw new UsageError(`REIDENT_DUCKDB_FROM_BYTES must be a number of bytes, got "${v}"`);
  return x;
}

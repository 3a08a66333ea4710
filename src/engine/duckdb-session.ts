// One DuckDB connection for an engine run: every statement goes through `run`/`columns`, so --print-sql
// can show exactly the SQL that ran (and a user can run it elsewhere). Results come back as columns.
import type { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';

export interface SqlSession {
  /** Runs statements that return nothing worth reading (views, temp tables, COPY). */
  run(sql: string): Promise<void>;
  /** Runs a query and returns its columns by name (BIGINT as bigint, DOUBLE as number). */
  columns(sql: string): Promise<Record<string, unknown[]>>;
  /** As `columns`, but not shown by --print-sql (checks such as DESCRIBE, not part of the work). */
  peek(sql: string): Promise<Record<string, unknown[]>>;
  close(): void;
}

export interface SessionOptions {
  /** Called with each statement before it runs (--print-sql). */
  onSql?: (sql: string) => void;
  /** DuckDB's threads (default: its own choice, one per core). */
  threads?: number;
  /** DuckDB's memory limit, e.g. '8GB'; it spills to temp_directory past it. */
  memoryLimit?: string;
  tempDirectory?: string;
}

export async function openSession(o: SessionOptions = {}): Promise<SqlSession> {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const config: Record<string, string> = {};
  if (o.threads) config.threads = String(o.threads);
  if (o.memoryLimit) config.memory_limit = o.memoryLimit;
  if (o.tempDirectory) config.temp_directory = o.tempDirectory;
  const instance: DuckDBInstance = await DuckDBInstance.create(':memory:', config);
  const connection: DuckDBConnection = await instance.connect();
  const show = o.onSql ?? (() => {});
  return {
    async run(sql) {
      show(sql);
      await connection.run(sql);
    },
    async columns(sql) {
      show(sql);
      const reader = await connection.runAndReadAll(sql);
      return reader.getColumnsObjectJS() as Record<string, unknown[]>;
    },
    async peek(sql) {
      return (await connection.runAndReadAll(sql)).getColumnsObjectJS() as Record<string, unknown[]>;
    },
    close() {
      connection.closeSync();
      instance.closeSync();
    },
  };
}

/** A BIGINT or number column as doubles (counts stay exact below 2^53). */
export function asNumbers(values: readonly unknown[]): Float64Array {
  return Float64Array.from(values, (v) => (v === null ? NaN : Number(v as number | bigint)));
}

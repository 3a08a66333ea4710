// One DuckDB connection for an engine run: every statement goes through `run`/`columns`, so --print-sql
// can show exactly the SQL that ran (and a user can run it elsewhere). Results come back as columns.
import type { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CliIO } from '../cli/io.ts';
import { sqlProgress } from '../cli/progress.ts';

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
  /** Where DuckDB spills (default: a new folder in the OS temp folder, removed on close). */
  tempDirectory?: string;
  /** Called while a statement runs (every `progressEveryMs`, default 500) with its number (1, 2, ...) and DuckDB's estimate of the percent done. */
  onProgress?: (statement: number, percent: number) => void;
  progressEveryMs?: number;
}

export async function openSession(o: SessionOptions = {}): Promise<SqlSession> {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const config: Record<string, string> = {};
  if (o.threads) config.threads = String(o.threads);
  if (o.memoryLimit) config.memory_limit = o.memoryLimit;
  // An in-memory database would spill to ./.tmp, in the user's folder.
  const ownTemp = o.tempDirectory ? null : mkdtempSync(join(tmpdir(), 'reident-duckdb-'));
  config.temp_directory = o.tempDirectory ?? ownTemp!;
  const removeTemp = () => ownTemp && rmSync(ownTemp, { recursive: true, force: true });
  let instance: DuckDBInstance;
  try {
    instance = await DuckDBInstance.create(':memory:', config);
  } catch (e) {
    removeTemp();
    throw e;
  }
  const connection: DuckDBConnection = await instance.connect();
  const show = o.onSql ?? (() => {});
  const tracked = await progressTracker(connection, o);
  return {
    async run(sql) {
      show(sql);
      await tracked(() => connection.run(sql));
    },
    async columns(sql) {
      show(sql);
      const reader = await tracked(() => connection.runAndReadAll(sql));
      return reader.getColumnsObjectJS() as Record<string, unknown[]>;
    },
    async peek(sql) {
      return (await connection.runAndReadAll(sql)).getColumnsObjectJS() as Record<string, unknown[]>;
    },
    close() {
      connection.closeSync();
      instance.closeSync();
      removeTemp();
    },
  };
}

/** Runs a statement, polling DuckDB's progress estimate meanwhile (it tracks progress only when told to, and must not draw its own bar). */
async function progressTracker(connection: DuckDBConnection, o: SessionOptions): Promise<<T>(work: () => Promise<T>) => Promise<T>> {
  const report = o.onProgress;
  if (!report) return (work) => work();
  await connection.run('SET enable_progress_bar = true');
  await connection.run('SET enable_progress_bar_print = false');
  let statements = 0;
  return async (work) => {
    const statement = ++statements;
    let reported = false;
    const timer = setInterval(() => {
      const percent = connection.progress.percentage;
      if (percent < 0) return;
      report(statement, Math.min(100, percent));
      reported = true;
    }, o.progressEveryMs ?? 500);
    try {
      const result = await work();
      if (reported) report(statement, 100); // a statement shown running is shown done
      return result;
    } finally {
      clearInterval(timer);
    }
  };
}

/**
 * The session of an engine command: --print-sql shows its statements on stderr, --memory-limit bounds it,
 * and DuckDB's estimate of each long statement's percent done is drawn (not with --quiet or --json) until
 * the session is closed.
 */
export async function openEngineSession(flags: { printSql?: boolean; memoryLimit?: string | undefined; quiet?: boolean; json?: boolean }, io: CliIO): Promise<SqlSession> {
  const progress = sqlProgress(io, flags);
  const opened = await openSession({
    ...(flags.printSql ? { onSql: (sql: string) => io.stderr.write(sql.trimEnd().replace(/;?$/, ';') + '\n') } : {}),
    ...(flags.memoryLimit ? { memoryLimit: flags.memoryLimit } : {}),
    onProgress: progress.onProgress,
  });
  const session: SqlSession = {
    ...opened,
    close() {
      progress.stop();
      opened.close();
    },
  };
  if (!flags.memoryLimit) return session;
  // DuckDB's own advice names its SET statements; say which flag of ours sets the limit.
  const told = <T>(work: Promise<T>): Promise<T> =>
    work.catch((e: Error) => {
      if (/Out of Memory Error/.test(e.message)) e.message = `${e.message}\n(--memory-limit ${flags.memoryLimit} is too small for this work: give a larger one, or leave it out for DuckDB's default)`;
      throw e;
    });
  return { run: (sql) => told(session.run(sql)), columns: (sql) => told(session.columns(sql)), peek: (sql) => told(session.peek(sql)), close: session.close };
}

/** A BIGINT or number column as doubles (counts stay exact below 2^53). */
export function asNumbers(values: readonly unknown[]): Float64Array {
  return Float64Array.from(values, (v) => (v === null ? NaN : Number(v as number | bigint)));
}

// Parquet written from the generated columns: rows go into a DuckDB table through an appender fed
// typed data chunks (duckdb-chunk-fill.ts), then one COPY writes the table as zstd Parquet with real
// types (DATE, INTEGER, DECIMAL(14,2), VARCHAR). No text is made per cell and no CSV is written.
import { DuckDBInstance, type DuckDBAppender, type DuckDBConnection } from '@duckdb/node-api';
import { isDays, type ColumnSpec, type TableChunk } from '../table/schema.ts';
import { ChunkFiller, SQL_TYPE } from './duckdb-chunk-fill.ts';
import { CMS_DATES_KEY } from './parquet-metadata.ts';

export { SQL_TYPE };

/** Rows per Parquet row group: fixed, so the same rows always give the same bytes. */
export const ROW_GROUP_ROWS = 122_880;

/** A SQL string literal. */
export function sqlString(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}

/** A SQL identifier. */
export function sqlName(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

/** One table being written: rows appended in order, then written out as one Parquet file. */
export interface ParquetSink {
  append(chunk: TableChunk): void;
  /** Writes the rows to `path` and forgets them. */
  finish(path: string): Promise<void>;
  /** Forgets the rows without writing. */
  discard(): Promise<void>;
}

/**
 * One DuckDB instance for a thread's Parquet files. threads=1 and preserve_insertion_order keep row
 * order and row groups fixed, so the same rows always give byte-identical Parquet. Tables held before
 * COPY spill to `spillDir` beyond `memoryLimit` (a whole single-file world does not fit in memory).
 */
export class ParquetSession {
  private tables = 0;

  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly connection: DuckDBConnection,
  ) {}

  static async open(o: { spillDir?: string; memoryLimit?: string } = {}): Promise<ParquetSession> {
    const instance = await DuckDBInstance.create(':memory:', {
      threads: '1',
      preserve_insertion_order: 'true',
      memory_limit: o.memoryLimit ?? '2GB',
      ...(o.spillDir ? { temp_directory: o.spillDir } : {}),
    });
    return new ParquetSession(instance, await instance.connect());
  }

  /**
   * A sink for a table with these columns; `pick[j]` is the index, in the chunks given to append, of
   * the column feeding columns[j] (default: the same index). `cmsDates` lists YYYYMMDD-style date columns.
   */
  async sink(tableName: string, columns: readonly ColumnSpec[], pick?: readonly number[]): Promise<ParquetSink> {
    const raw = `t${this.tables++}_${tableName.replace(/\W/g, '_')}`;
    const name = sqlName(raw);
    const connection = this.connection;
    await connection.run(`CREATE TABLE ${name} (${columns.map((c) => `${sqlName(c.name)} ${SQL_TYPE[c.type]}`).join(', ')})`);
    const appender: DuckDBAppender = await connection.createAppender(raw);
    const filler = new ChunkFiller(appender, columns);
    const order = pick ?? columns.map((_, j) => j);
    const styles = new DateStyles(columns, order);
    let open = true;
    const close = () => {
      if (open) appender.closeSync();
      open = false;
    };
    return {
      append(chunk) {
        styles.see(chunk);
        filler.appendChunk(chunk, order);
      },
      async finish(path) {
        close();
        const cms = styles.cmsColumns();
        const metadata = cms.length > 0 ? `, KV_METADATA {${CMS_DATES_KEY}: ${sqlString(cms.join(','))}}` : '';
        try {
          await connection.run(`COPY ${name} TO ${sqlString(path)} (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE ${ROW_GROUP_ROWS}${metadata})`);
        } catch (e) {
          throw new Error(`table ${tableName}: writing Parquet failed: ${e instanceof Error ? e.message : String(e)}`);
        } finally {
          await connection.run(`DROP TABLE IF EXISTS ${name}`);
        }
      },
      async discard() {
        try {
          close();
        } catch {
          // the appender may already have failed
        }
        await connection.run(`DROP TABLE IF EXISTS ${name}`).catch(() => undefined);
      },
    };
  }

  close(): void {
    this.connection.closeSync();
    this.instance.closeSync();
  }
}

/** Which date columns the generator writes YYYYMMDD (CMS style): told by the first chunk that has a value in them. */
class DateStyles {
  private readonly style = new Map<number, 'iso' | 'cms'>();
  constructor(
    private readonly columns: readonly ColumnSpec[],
    private readonly pick: readonly number[],
  ) {}

  see(chunk: TableChunk): void {
    this.columns.forEach((c, j) => {
      if (c.type !== 'date' || this.style.has(j)) return;
      const col = chunk.columns[this.pick[j]!]!;
      if (isDays(col)) this.style.set(j, col.style);
      else if (!('codes' in col)) {
        const values = col as ArrayLike<unknown>;
        for (let i = 0; i < values.length; i++) {
          const v = values[i];
          if (typeof v === 'string' && v !== '') {
            this.style.set(j, v.includes('-') ? 'iso' : 'cms');
            break;
          }
        }
      }
    });
  }

  cmsColumns(): string[] {
    return this.columns.filter((_, j) => this.style.get(j) === 'cms').map((c) => c.name);
  }
}

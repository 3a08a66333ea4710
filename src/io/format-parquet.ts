// CSV temp file -> Parquet through DuckDB, with column types taken from the schema.
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type { ColumnType, TableSchema } from '../table/schema.ts';

const SQL_TYPE: Record<ColumnType, string> = {
  string: 'VARCHAR',
  int: 'BIGINT',
  money: 'DECIMAL(14,2)',
  date: 'VARCHAR',
};

/** A SQL string literal. */
export function sqlString(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}

/** The read_csv call that reads a CSV written by format-csv.ts back with the schema's types (no sniffing). */
export function readCsvSql(csvPath: string, schema: TableSchema): string {
  const columns = schema.columns.map((c) => `${sqlString(c.name)}: ${sqlString(SQL_TYPE[c.type])}`).join(', ');
  return (
    `read_csv(${sqlString(csvPath)}, header=true, auto_detect=false, delim=',', quote='"', escape='"', ` +
    `new_line='\\n', allow_quoted_nulls=false, parallel=false, columns={${columns}})`
  );
}

/**
 * One DuckDB instance for a run's Parquet conversions. threads=1 and preserve_insertion_order keep
 * row order and row groups fixed, so the same CSV always gives byte-identical Parquet.
 */
export class ParquetConverter {
  private constructor(
    private readonly instance: DuckDBInstance,
    private readonly connection: DuckDBConnection,
  ) {}

  static async open(): Promise<ParquetConverter> {
    const instance = await DuckDBInstance.create(':memory:', { threads: '1', preserve_insertion_order: 'true' });
    const connection = await instance.connect();
    return new ParquetConverter(instance, connection);
  }

  /** Writes csvPath (header + rows, as format-csv.ts writes them) to parquetPath. */
  async convert(csvPath: string, schema: TableSchema, parquetPath: string): Promise<void> {
    const sql =
      `COPY (SELECT * FROM ${readCsvSql(csvPath, schema)}) TO ${sqlString(parquetPath)} ` +
      `(FORMAT parquet, COMPRESSION zstd)`;
    try {
      await this.connection.run(sql);
    } catch (e) {
      throw new Error(`table ${schema.name}: Parquet conversion failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  close(): void {
    this.connection.closeSync();
    this.instance.closeSync();
  }
}

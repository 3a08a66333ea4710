// The one SQL dialect layer: every statement the DuckDB engine runs is built from these pieces, kept to
// what both DuckDB and Spark SQL accept (docs/spark.md). Only `sourceView` differs by engine: how a
// file becomes a view with a row index. Node shell (no DuckDB import here: the text is portable).

export type SqlEngine = 'duckdb' | 'spark';

/** A column or view name. Spark quotes with backticks, DuckDB with double quotes, neither takes the other's: names are checked and left bare. */
export function ident(name: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new Error(`column "${name}": the SQL engines take plain names (letters, digits, _), rename it`);
  return name;
}

/** A string literal ('' escapes a quote; Spark also reads '' as one quote inside a literal). */
export function str(value: string): string {
  if (/\\/.test(value)) throw new Error(`"${value}": a backslash reads differently in DuckDB and Spark string literals`);
  return `'${value.replace(/'/g, "''")}'`;
}

/** A numeric literal: an integer as is; any other double as text cast to DOUBLE, which both engines parse to the same (correctly rounded) double (a bare 0.1 would be a DECIMAL first). */
export function num(x: number): string {
  if (!Number.isFinite(x)) throw new Error(`${x} is not a finite number`);
  if (Number.isInteger(x) && Math.abs(x) < 2 ** 53) return String(x);
  return `CAST('${String(x)}' AS DOUBLE)`;
}

/** A value as text (DuckDB and Spark both take STRING as the name of the text type). */
export function asText(expr: string): string {
  return `CAST(${expr} AS STRING)`;
}

/** Equal and present on both sides (NULL never matches, as a blocking rule or an exact level wants). */
export function equalPresent(a: string, b: string): string {
  return `${a} = ${b}`;
}

/** Equal, with NULL equal to NULL (missing values as a category of their own). */
export function equalNullSafe(a: string, b: string): string {
  return `${a} IS NOT DISTINCT FROM ${b}`;
}

/** A condition that is FALSE, never NULL, when its operands are missing. */
export function definitely(condition: string): string {
  return `COALESCE(${condition}, FALSE)`;
}

export function and(conditions: readonly string[]): string {
  return conditions.length === 0 ? 'TRUE' : conditions.length === 1 ? conditions[0]! : conditions.map((c) => `(${c})`).join(' AND ');
}

export function or(conditions: readonly string[]): string {
  return conditions.length === 0 ? 'FALSE' : conditions.length === 1 ? conditions[0]! : conditions.map((c) => `(${c})`).join(' OR ');
}

/** CASE WHEN c1 THEN v1 ... ELSE e END: the first condition that holds wins. */
export function caseWhen(branches: readonly (readonly [string, string])[], otherwise: string): string {
  return `CASE ${branches.map(([c, v]) => `WHEN ${c} THEN ${v}`).join(' ')} ELSE ${otherwise} END`;
}

/** String similarity functions under their DuckDB names; Spark has levenshtein built in, the others as UDFs of the same name (docs/spark.md). */
export const STRING_FUNCTIONS = {
  jaroWinkler: 'jaro_winkler_similarity',
  levenshtein: 'levenshtein',
} as const;

export function call(fn: string, args: readonly string[]): string {
  return `${fn}(${args.join(', ')})`;
}

/** An inline table: (VALUES (..), (..)) AS name(col, ...), which both engines read. */
export function valuesTable(name: string, columns: readonly string[], rows: readonly (readonly string[])[]): string {
  if (rows.length === 0) throw new Error(`${name}: an inline table needs at least one row`);
  return `(VALUES ${rows.map((r) => `(${r.join(', ')})`).join(', ')}) AS ${name}(${columns.map(ident).join(', ')})`;
}

/** A view, temporary in both engines (Spark's plain CREATE VIEW would need a catalog). */
export function createView(name: string, query: string): string {
  return `CREATE OR REPLACE TEMPORARY VIEW ${ident(name)} AS ${query};`;
}

/**
 * A query's result kept for the statements after it: DuckDB's temporary table (it spills to disk past
 * memory). On Spark the same query is cached with `CACHE TABLE name AS query` (docs/spark.md).
 */
export function createTable(name: string, query: string): string {
  return `CREATE OR REPLACE TEMPORARY TABLE ${ident(name)} AS\n${query};`;
}

/** Where a view's rows come from: a CSV or Parquet file (or a hive-partitioned folder of Parquet files). */
export interface FileSource {
  readonly path: string;
  readonly format: 'csv' | 'parquet';
  /** CSV only: field separator (default ','), and values that mean missing besides the empty field. */
  readonly delimiter?: string;
  readonly naTokens?: readonly string[];
}

/**
 * CREATE VIEW name AS the file's rows with a 0-based row index `row_ix` in file order (the row numbers
 * the memory engine reports). DuckDB: read_csv / read_parquet; Spark: a temporary view over the file.
 * Every CSV value is text (all_varchar), as the memory engine reads it.
 */
export function sourceView(name: string, source: FileSource, engine: SqlEngine = 'duckdb'): string {
  if (engine === 'spark') {
    const options = source.format === 'csv' ? `header 'true', sep ${str(source.delimiter ?? ',')}, inferSchema 'false'` : '';
    const raw = `${name}_file`;
    return (
      `CREATE OR REPLACE TEMPORARY VIEW ${raw} USING ${source.format} OPTIONS (path ${str(source.path)}${options ? `, ${options}` : ''});\n` +
      createView(name, `SELECT row_number() OVER (ORDER BY monotonically_increasing_id()) - 1 AS row_ix, * FROM ${raw}`)
    );
  }
  const reader =
    source.format === 'parquet'
      ? `read_parquet(${str(source.path)}${/\*/.test(source.path) ? ', hive_partitioning = true' : ''})`
      : `read_csv(${str(source.path)}, header = true, all_varchar = true, delim = ${str(source.delimiter ?? ',')}, quote = '"', escape = '"'${source.naTokens?.length ? `, nullstr = [${['', ...source.naTokens].map(str).join(', ')}]` : ''})`;
  return createView(name, `SELECT row_number() OVER () - 1 AS row_ix, * FROM ${reader}`);
}

// The SQL of `reident risk --engine duckdb`: class-size histograms, the only summaries the risk
// mathematics needs (attacks/risk/uniqueness reads the histogram; prosecutor and journalist figures are
// sums over it). Built from the dialect layer, so the text runs on DuckDB and on Spark SQL.
import { asText, equalNullSafe, ident } from './dialect.ts';

/** Class sizes of `view` on the quasi-identifiers (NULL is a value of its own), then how many classes have each size. */
export function classSizeHistogramSql(view: string, qis: readonly string[]): string {
  const keys = qis.map(ident).join(', ');
  return [
    'SELECT class_size, count(*) AS classes',
    `FROM (SELECT count(*) AS class_size FROM ${ident(view)} GROUP BY ${keys}) AS c`,
    'GROUP BY class_size',
    'ORDER BY class_size',
  ].join('\n');
}

/** One side's classes keyed by the quasi-identifiers as text (q0, q1, ...), so a CSV and a typed Parquet file compare by value. */
function classesAsText(view: string, qis: readonly string[], sizeName: string): string {
  const keys = qis.map((q) => asText(ident(q)));
  return `SELECT ${keys.map((k, j) => `${k} AS q${j}`).join(', ')}, count(*) AS ${sizeName} FROM ${ident(view)} GROUP BY ${keys.join(', ')}`;
}

/**
 * Each sample class's size f beside its size F in the population (0 when absent), counted:
 * (class_size, population_size, classes). Journalist and marketer risk and the ground truth come from it.
 */
export function samplePopulationSizesSql(sample: string, population: string, qis: readonly string[]): string {
  const on = qis.map((_, j) => equalNullSafe(`s.q${j}`, `p.q${j}`)).join(' AND ');
  return [
    'SELECT s.class_size AS class_size, COALESCE(p.population_size, 0) AS population_size, count(*) AS classes',
    `FROM (${classesAsText(sample, qis, 'class_size')}) AS s`,
    `LEFT JOIN (${classesAsText(population, qis, 'population_size')}) AS p`,
    `ON ${on}`,
    'GROUP BY s.class_size, COALESCE(p.population_size, 0)',
    'ORDER BY class_size, population_size',
  ].join('\n');
}

/** The non-missing values of each quasi-identifier (one scan): a quasi-identifier with none is refused, as the memory engine does. */
export function presentCountsSql(view: string, qis: readonly string[]): string {
  return `SELECT ${qis.map((q, j) => `count(${ident(q)}) AS q${j}`).join(', ')} FROM ${ident(view)}`;
}

// A Splink 4 settings dictionary or saved model -> reident settings (still to be validated by
// validateSettings). Comparison levels keep their SQL (evaluated by sql-eval.ts); blocking rules become
// column names where they are `l."a" = r."a"`, SQL terms otherwise. Anything outside what reident
// evaluates is refused naming the comparison, the level and the construct. Browser-safe.

import { SettingsError, type Comparison, type ComparisonLevel, type LinkSettings } from '../settings.ts';
import { parseSql, SqlError, type SqlNode } from './sql-parse.ts';
import { conjuncts, sqlOf } from './sql-print.ts';

/** Splink's prior when a settings dictionary leaves it out (SettingsCreator's default). */
export const SPLINK_DEFAULT_PRIOR = 0.0001;

/** Top-level keys of Splink settings that only shape Splink's own output or training; they do not change a pair's weight. */
const IGNORED_KEYS = new Set([
  'em_convergence',
  'max_iterations',
  'retain_matching_columns',
  'retain_intermediate_calculation_columns',
  'additional_columns_to_retain',
  'sql_dialect',
  'linker_uid',
  'source_dataset_column_name',
  'match_weight_column_prefix',
  'bayes_factor_column_prefix',
  'term_frequency_adjustment_column_prefix',
  'comparison_vector_value_column_prefix',
]);
const LEVEL_KEYS = new Set([
  'sql_condition',
  'label_for_charts',
  'm_probability',
  'u_probability',
  'is_null_level',
  'tf_adjustment_column',
  'tf_adjustment_weight',
  'tf_minimum_u_value',
  'fix_m_probability',
  'fix_u_probability',
  'comparison_vector_value',
  'disable_tf_exact_match_detection',
]);

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** Splink's shape: comparisons with comparison_levels, or one of its top-level names. */
export function isSplinkSettings(raw: unknown): raw is Record<string, unknown> {
  if (!isObject(raw)) return false;
  if ('probability_two_random_records_match' in raw || 'blocking_rules_to_generate_predictions' in raw) return true;
  return Array.isArray(raw.comparisons) && raw.comparisons.some((c) => isObject(c) && 'comparison_levels' in c);
}

function checkDialect(value: unknown, path: string): void {
  if (value !== undefined && value !== 'duckdb') {
    throw new SettingsError(path, `is ${JSON.stringify(value)}; reident reads the SQL Splink writes for DuckDB (sql_dialect "duckdb")`);
  }
}

/** A blocking rule's conjuncts: `l."a" = r."a"` becomes the column name a, anything else stays SQL. */
function blockingRule(raw: unknown, path: string): string[] {
  let sql = raw;
  if (isObject(raw)) {
    for (const key of Object.keys(raw)) {
      if (key === 'arrays_to_explode') throw new SettingsError(`${path}.arrays_to_explode`, 'blocking on exploded arrays is not supported');
      if (key !== 'blocking_rule' && key !== 'sql_dialect') throw new SettingsError(`${path}.${key}`, 'is not a known setting of a blocking rule');
    }
    checkDialect(raw.sql_dialect, `${path}.sql_dialect`);
    sql = raw.blocking_rule;
  }
  if (typeof sql !== 'string' || sql.trim() === '') throw new SettingsError(path, 'must be a SQL condition on l and r, or {"blocking_rule": ...}');
  let tree: SqlNode;
  try {
    tree = parseSql(sql, 'qualified');
  } catch (e) {
    if (e instanceof SqlError) throw new SettingsError(path, e.message);
    throw e;
  }
  return conjuncts(tree).map((t) =>
    t.kind === 'compare' && t.op === '=' && t.left.kind === 'column' && t.right.kind === 'column' && t.left.name === t.right.name && t.left.side !== t.right.side
      ? t.left.name
      : sqlOf(t, 'qualified'),
  );
}

function optionalProbability(x: unknown, path: string): number | undefined {
  if (x === undefined || x === null) return undefined;
  if (typeof x !== 'number' || !(x >= 0 && x <= 1)) throw new SettingsError(path, `must be a probability in [0, 1], got ${JSON.stringify(x)}`);
  return x;
}

function level(raw: unknown, where: string, path: string): ComparisonLevel {
  if (!isObject(raw)) throw new SettingsError(path, 'must be an object');
  for (const key of Object.keys(raw)) if (!LEVEL_KEYS.has(key)) throw new SettingsError(`${where}`, `${key} is not a known setting of a comparison level`);
  if (raw.disable_tf_exact_match_detection === true) throw new SettingsError(where, 'disable_tf_exact_match_detection is not supported');
  const sql = raw.sql_condition;
  if (typeof sql !== 'string' || sql.trim() === '') throw new SettingsError(where, 'sql_condition must be a SQL condition');
  const label = typeof raw.label_for_charts === 'string' ? { label: raw.label_for_charts } : {};
  const m = optionalProbability(raw.m_probability, `${path}.m_probability`);
  const u = optionalProbability(raw.u_probability, `${path}.u_probability`);
  const mu = { ...(m === undefined ? {} : { m }), ...(u === undefined ? {} : { u }) };
  if (sql.trim().toUpperCase() === 'ELSE') return { type: 'else', ...mu, ...label };
  try {
    parseSql(sql, 'suffix');
  } catch (e) {
    if (e instanceof SqlError) throw new SettingsError(where, e.message);
    throw e;
  }
  if (raw.is_null_level === true) return { type: 'null', sql, ...label };
  const tf: { tf_column?: string; tf_adjustment?: number; tf_minimum_u?: number } = {};
  if (raw.tf_adjustment_column !== undefined && raw.tf_adjustment_column !== null) {
    if (typeof raw.tf_adjustment_column !== 'string') throw new SettingsError(`${path}.tf_adjustment_column`, 'must be a column name');
    const weight = raw.tf_adjustment_weight ?? 1;
    if (typeof weight !== 'number' || !(weight >= 0 && weight <= 1)) throw new SettingsError(`${path}.tf_adjustment_weight`, 'must be a weight in [0, 1]');
    if (weight > 0) {
      tf.tf_column = raw.tf_adjustment_column;
      tf.tf_adjustment = weight;
      const floor = optionalProbability(raw.tf_minimum_u_value, `${path}.tf_minimum_u_value`);
      if (floor) tf.tf_minimum_u = floor;
    }
  }
  return { type: 'sql', sql, ...tf, ...mu, ...label };
}

function comparison(raw: unknown, c: number): Comparison {
  const path = `.comparisons[${c}]`;
  if (!isObject(raw)) throw new SettingsError(path, 'must be an object');
  for (const key of Object.keys(raw)) {
    if (!['output_column_name', 'column_name', 'comparison_levels', 'comparison_description', 'input_columns_used_by_case_statement'].includes(key)) {
      throw new SettingsError(`${path}.${key}`, 'is not a known setting of a Splink comparison');
    }
  }
  const name = raw.output_column_name ?? raw.column_name;
  if (typeof name !== 'string' || name === '') throw new SettingsError(`${path}.output_column_name`, 'must be a name (Splink writes it in a saved model)');
  if (!Array.isArray(raw.comparison_levels) || raw.comparison_levels.length < 2) {
    throw new SettingsError(`${path}.comparison_levels`, 'must be an array of at least two levels');
  }
  const levels = raw.comparison_levels.map((l, k) => level(l, `${path} (${name}) level ${k}`, `${path}.comparison_levels[${k}]`));
  return { column: name, levels };
}

/** Translates a Splink 4 settings dictionary or saved model; a SettingsError names what is refused. */
export function settingsFromSplink(raw: Record<string, unknown>): LinkSettings {
  const known = new Set(['link_type', 'probability_two_random_records_match', 'unique_id_column_name', 'blocking_rules_to_generate_predictions', 'comparisons']);
  for (const key of Object.keys(raw)) {
    if (!known.has(key) && !IGNORED_KEYS.has(key)) throw new SettingsError(`.${key}`, 'is not a known Splink setting');
  }
  checkDialect(raw.sql_dialect, '.sql_dialect');
  if (raw.link_type === 'link_and_dedupe') {
    throw new SettingsError('.link_type', "link_and_dedupe is not supported: reident links two tables (link_only) or deduplicates one (dedupe_only)");
  }
  if (raw.link_type !== 'link_only' && raw.link_type !== 'dedupe_only') {
    throw new SettingsError('.link_type', `must be 'link_only' or 'dedupe_only', got ${JSON.stringify(raw.link_type)}`);
  }
  const prior = raw.probability_two_random_records_match ?? SPLINK_DEFAULT_PRIOR;
  if (typeof prior !== 'number' || !(prior > 0 && prior < 1)) {
    throw new SettingsError('.probability_two_random_records_match', `must be a probability in (0, 1), got ${JSON.stringify(prior)}`);
  }
  const id = raw.unique_id_column_name;
  if (id !== undefined && (typeof id !== 'string' || id === '')) throw new SettingsError('.unique_id_column_name', 'must be a column name');
  const rules = raw.blocking_rules_to_generate_predictions;
  if (!Array.isArray(rules) || rules.length === 0) {
    throw new SettingsError('.blocking_rules_to_generate_predictions', 'must list at least one blocking rule (reident does not compare all pairs)');
  }
  if (!Array.isArray(raw.comparisons) || raw.comparisons.length === 0) throw new SettingsError('.comparisons', 'must be a non-empty array');
  return {
    link_type: raw.link_type,
    lambda: prior,
    blocking: rules.map((r, k) => blockingRule(r, `.blocking_rules_to_generate_predictions[${k}]`)),
    comparisons: raw.comparisons.map(comparison),
    source: 'splink',
    ...(id === undefined ? {} : { unique_id_column: id }),
  };
}

// reident settings and parameters (given or trained) -> a Splink 4 saved model (the shape of Splink's
// saved_model_from_demo.json), with sql_conditions in DuckDB's SQL, which both Splink and reident run.
// Browser-safe.

import type { FSParameters } from '../fellegi-sunter.ts';
import { levelGammas } from '../gamma.ts';
import type { Comparison, ComparisonLevel, LinkSettings } from '../settings.ts';
import { isSqlBlockingTerm } from './sql-parse.ts';

const q = (name: string): string => `"${name.replaceAll('"', '""')}"`;

/**
 * A date as reident's date_diff level reads it: YYYY-MM-DD or YYYYMMDD (NULL otherwise), as a
 * DuckDB timestamp.
 */
function dateSql(column: string, side: 'l' | 'r'): string {
  const c = q(`${column}_${side}`);
  return `coalesce(try_strptime(${c}, '%Y-%m-%d'), try_strptime(${c}, '%Y%m%d'))`;
}

/** Splink's sql_condition and label of a level. */
function conditionOf(level: ComparisonLevel, column: string): { sql: string; label: string } {
  const l = q(`${column}_l`);
  const r = q(`${column}_r`);
  switch (level.type) {
    case 'null':
      return { sql: level.sql ?? `${l} IS NULL OR ${r} IS NULL`, label: `${column} is NULL` };
    case 'exact':
      return { sql: `${l} = ${r}`, label: `Exact match on ${column}` };
    case 'jaro_winkler':
      return { sql: `jaro_winkler_similarity(${l}, ${r}) >= ${level.threshold}`, label: `Jaro-Winkler distance of ${column} >= ${level.threshold}` };
    case 'levenshtein':
      return { sql: `levenshtein(${l}, ${r}) <= ${level.threshold}`, label: `Levenshtein distance of ${column} <= ${level.threshold}` };
    case 'date_diff':
      return {
        sql: `abs(date_diff('${level.unit}', ${dateSql(column, 'l')}, ${dateSql(column, 'r')})) <= ${level.threshold}`,
        label: `Abs date difference of ${column} <= ${level.threshold} ${level.unit}`,
      };
    case 'sql':
      return { sql: level.sql, label: level.sql };
    case 'else':
      return { sql: 'ELSE', label: 'All other comparisons' };
  }
}

function splinkLevel(level: ComparisonLevel, comp: Comparison, gamma: number, c: number, params: FSParameters): Record<string, unknown> {
  const { sql, label } = conditionOf(level, comp.column);
  const out: Record<string, unknown> = { sql_condition: sql, label_for_charts: level.label ?? label };
  if (level.type === 'null') {
    out.is_null_level = true;
  } else {
    out.m_probability = params.m[c]![gamma]!;
    out.u_probability = params.u[c]![gamma]!;
  }
  out.fix_m_probability = false;
  out.fix_u_probability = false;
  const tfColumn = level.type === 'exact' ? comp.column : level.type === 'sql' ? level.tf_column : undefined;
  const weight = level.type === 'exact' ? (level.tf_adjustment ?? 0) : level.type === 'sql' ? (level.tf_adjustment ?? 1) : 0;
  if (tfColumn !== undefined && weight > 0 && (level.type === 'exact' || level.type === 'sql')) {
    out.tf_adjustment_column = tfColumn;
    out.tf_adjustment_weight = weight;
    if (level.tf_minimum_u) out.tf_minimum_u_value = level.tf_minimum_u;
  }
  return out;
}

/** A blocking rule as Splink's block_on writes it: `(l."a" = r."a") AND (l."b" = r."b")`. */
export function splinkBlockingRule(rule: string[]): string {
  const terms = rule.map((t) => (isSqlBlockingTerm(t) ? t : `l.${q(t)} = r.${q(t)}`));
  return terms.length === 1 ? terms[0]! : terms.map((t) => `(${t})`).join(' AND ');
}

/** The Splink 4 saved model of these settings with these parameters (lambda, m and u per gamma). */
export function splinkModel(settings: LinkSettings, params: FSParameters): Record<string, unknown> {
  return {
    link_type: settings.link_type,
    probability_two_random_records_match: params.lambda,
    retain_matching_columns: true,
    retain_intermediate_calculation_columns: true,
    additional_columns_to_retain: [],
    sql_dialect: 'duckdb',
    em_convergence: 0.0001,
    max_iterations: 25,
    match_weight_column_prefix: 'mw_',
    term_frequency_adjustment_column_prefix: 'tf_',
    comparison_vector_value_column_prefix: 'gamma_',
    unique_id_column_name: settings.unique_id_column ?? 'unique_id',
    source_dataset_column_name: 'source_dataset',
    blocking_rules_to_generate_predictions: settings.blocking.map((rule) => ({ blocking_rule: splinkBlockingRule(rule), sql_dialect: 'duckdb' })),
    comparisons: settings.comparisons.map((comp, c) => {
      const gammas = levelGammas(comp);
      return {
        output_column_name: comp.column,
        comparison_levels: comp.levels.map((level, k) => splinkLevel(level, comp, gammas[k]!, c, params)),
        comparison_description: `reident comparison of ${comp.column}`,
      };
    }),
  };
}

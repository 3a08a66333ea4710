// Splink 4's predict written out as DuckDB SQL from a model JSON (an oracle independent of reident's
// TypeScript): blocking rules as self-joins with "first rule wins", CASE WHEN <sql_condition> THEN
// <gamma>, log2(m/u), term-frequency adjustments (Splink's formula), log2 prior odds.
import { DuckDBInstance } from '@duckdb/node-api';

interface SplinkLevel {
  sql_condition: string;
  m_probability?: number;
  u_probability?: number;
  is_null_level?: boolean;
  tf_adjustment_column?: string;
  tf_adjustment_weight?: number;
  tf_minimum_u_value?: number;
}
export interface SplinkModel {
  link_type: string;
  probability_two_random_records_match: number;
  blocking_rules_to_generate_predictions: { blocking_rule: string }[];
  comparisons: { output_column_name: string; comparison_levels: SplinkLevel[] }[];
}

/** Splink's comparison_vector_value: null level -1, the others counting down to 0 (ELSE). */
function gammaValues(levels: SplinkLevel[]): number[] {
  let next = levels.filter((l) => !l.is_null_level).length - 1;
  return levels.map((l) => (l.is_null_level ? -1 : next--));
}

/** Splink 4's predict, written out as one DuckDB query from the model JSON. */
export function splinkPredictSql(model: SplinkModel): string {
  const rules = model.blocking_rules_to_generate_predictions.map((r) => r.blocking_rule);
  const columns = new Set<string>();
  for (const c of model.comparisons) for (const l of c.comparison_levels) for (const m of l.sql_condition.matchAll(/"(\w+)_[lr]"/g)) columns.add(m[1]!);
  const tfColumns = [...new Set(model.comparisons.flatMap((c) => c.comparison_levels.flatMap((l) => (l.tf_adjustment_column ? [l.tf_adjustment_column] : []))))];
  const tfTables = tfColumns.map(
    (t) => `tf_${t} AS (SELECT "${t}", CAST(count(*) AS DOUBLE) / (SELECT count("${t}") FROM df) AS tf FROM df WHERE "${t}" IS NOT NULL GROUP BY "${t}")`,
  );
  // each rule's pairs, less those an earlier rule made (Splink's AND NOT (COALESCE((earlier), false)))
  const blocked = rules.map((rule, k) => {
    const earlier = rules.slice(0, k).map((e) => ` AND NOT COALESCE((${e}), false)`).join('');
    return `SELECT l.unique_id AS id_l, r.unique_id AS id_r, ${k} AS match_key FROM df AS l JOIN df AS r ON (${rule}) WHERE l.unique_id < r.unique_id${earlier}`;
  });
  const pairColumns = [
    ...[...columns].flatMap((c) => [`l."${c}" AS "${c}_l"`, `r."${c}" AS "${c}_r"`]),
    ...tfColumns.flatMap((t) => [`tf_${t}_l.tf AS "tf_${t}_l"`, `tf_${t}_r.tf AS "tf_${t}_r"`]),
  ];
  const tfJoins = tfColumns.flatMap((t) => [
    `LEFT JOIN tf_${t} AS tf_${t}_l ON l."${t}" = tf_${t}_l."${t}"`,
    `LEFT JOIN tf_${t} AS tf_${t}_r ON r."${t}" = tf_${t}_r."${t}"`,
  ]);
  const gammas = model.comparisons.map((c, ci) => {
    const g = gammaValues(c.comparison_levels);
    const whens = c.comparison_levels.map((l, k) => (l.sql_condition.trim().toUpperCase() === 'ELSE' ? `ELSE ${g[k]}` : `WHEN ${l.sql_condition} THEN ${g[k]}`));
    return `CASE ${whens.join(' ')} END AS gamma_${ci}`;
  });
  const terms: string[] = [];
  model.comparisons.forEach((c, ci) => {
    const g = gammaValues(c.comparison_levels);
    const bf = c.comparison_levels.map((l, k) =>
      l.is_null_level ? `WHEN gamma_${ci} = ${g[k]} THEN 0.0` : `WHEN gamma_${ci} = ${g[k]} THEN log2(greatest(${l.m_probability}, 1e-300) / greatest(${l.u_probability}, 1e-300))`,
    );
    terms.push(`CASE ${bf.join(' ')} END`);
    c.comparison_levels.forEach((l, k) => {
      if (!l.tf_adjustment_column || l.is_null_level || (l.tf_adjustment_weight ?? 1) === 0) return;
      const t = l.tf_adjustment_column;
      // u of the exact-match level on the tf column
      const exact = c.comparison_levels.find((e) => e.sql_condition.replaceAll(' ', '') === `"${t}_l"="${t}_r"`)!;
      const lr = `COALESCE("tf_${t}_l", "tf_${t}_r")`;
      const rl = `COALESCE("tf_${t}_r", "tf_${t}_l")`;
      terms.push(
        `CASE WHEN gamma_${ci} = ${g[k]} AND ${lr} IS NOT NULL THEN ${l.tf_adjustment_weight ?? 1} * (log2(${exact.u_probability}) - log2(greatest(${lr}, ${rl}, ${l.tf_minimum_u_value ?? 0}))) ELSE 0.0 END`,
      );
    });
  });
  const prior = model.probability_two_random_records_match;
  return `
    WITH ${tfTables.join(',\n')},
    blocked AS (${blocked.join('\nUNION ALL\n')}),
    pairs AS (SELECT b.id_l, b.id_r, ${pairColumns.join(', ')} FROM blocked AS b JOIN df AS l ON l.unique_id = b.id_l JOIN df AS r ON r.unique_id = b.id_r ${tfJoins.join(' ')}),
    vectors AS (SELECT *, ${gammas.join(', ')} FROM pairs)
    SELECT id_l, id_r, ${model.comparisons.map((_, ci) => `gamma_${ci}`).join(', ')}, log2(${prior} / (1 - ${prior})) + ${terms.join(' + ')} AS match_weight FROM vectors`;
}

export interface OraclePair {
  gammas: number[];
  weight: number;
}

/**
 * Splink's predictions for dedupe_only on a CSV (read as text, as Splink's demo has it; unique_id as
 * an integer): pair "id_l,id_r" -> gammas and match weight.
 */
export async function splinkPredictions(csv: string, model: SplinkModel): Promise<Map<string, OraclePair>> {
  const db = await DuckDBInstance.create(':memory:');
  const c = await db.connect();
  await c.run(`CREATE TABLE df AS SELECT * REPLACE (CAST(unique_id AS BIGINT) AS unique_id) FROM read_csv('${csv}', all_varchar = true, header = true)`);
  const rows = (await c.runAndReadAll(splinkPredictSql(model))).getRowObjects();
  c.closeSync();
  return new Map(rows.map((r) => [`${r.id_l},${r.id_r}`, { gammas: model.comparisons.map((_, ci) => Number(r[`gamma_${ci}`])), weight: Number(r.match_weight) }]));
}

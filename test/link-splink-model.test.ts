// Splink's demo model on Splink's demo data: reident's pairs and match weights against Splink's
// predictions computed independently in DuckDB from the same JSON (the SQL Splink 4 generates:
// blocking rules as self-joins with "first rule wins", CASE WHEN <sql_condition> THEN <gamma>,
// log2(m/u), term-frequency adjustments, log2 prior odds).
import { readFileSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';
import { beforeAll, describe, expect, test } from 'vitest';
import { linkTables, type LinkResult } from '../attacks/link/link.ts';
import { validateSettings } from '../attacks/link/settings.ts';
import { readColumns } from '../src/io/read-columns.ts';
import { asText } from '../src/table/table.ts';

const DIR = 'test/fixtures/splink';
const CSV = `${DIR}/fake_1000_from_splink_demos.csv`;
const MODEL_FILE = `${DIR}/saved_model_from_demo.json`;

interface SplinkLevel {
  sql_condition: string;
  m_probability?: number;
  u_probability?: number;
  is_null_level?: boolean;
  tf_adjustment_column?: string;
  tf_adjustment_weight?: number;
  tf_minimum_u_value?: number;
}
interface SplinkModel {
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
function splinkPredictSql(model: SplinkModel): string {
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

interface OraclePair {
  gammas: number[];
  weight: number;
}

describe("Splink's demo model on fake_1000 (DuckDB as the oracle)", () => {
  const model = JSON.parse(readFileSync(MODEL_FILE, 'utf8')) as SplinkModel;
  let oracle: Map<string, OraclePair>;
  let ours: LinkResult;

  beforeAll(async () => {
    const db = await DuckDBInstance.create(':memory:');
    const c = await db.connect();
    // all text, as Splink's demo has it (pandas strings), ids as integers
    await c.run(`CREATE TABLE df AS SELECT * REPLACE (CAST(unique_id AS BIGINT) AS unique_id) FROM read_csv('${CSV}', all_varchar = true, header = true)`);
    const rows = (await c.runAndReadAll(splinkPredictSql(model))).getRowObjects();
    oracle = new Map(
      rows.map((r) => [`${r.id_l},${r.id_r}`, { gammas: model.comparisons.map((_, ci) => Number(r[`gamma_${ci}`])), weight: Number(r.match_weight) }]),
    );
    const table = await readColumns(CSV, { columns: 'all' });
    // unique_id is the row number in this file, so reident's row indices name the same records
    expect(Array.from(asText(table.columns.unique_id!).codes, (k) => Number(asText(table.columns.unique_id!).dictionary[k]))).toEqual(Array.from({ length: table.rows }, (_, i) => i));
    ours = linkTables(table, null, validateSettings(model));
  }, 60_000);

  test('the same 4,532 candidate pairs', () => {
    expect(oracle.size).toBe(4532);
    expect(ours.candidatePairs).toBe(4532);
    const keys = new Set(Array.from(ours.left, (l, k) => `${l},${ours.right[k]}`));
    expect(keys).toEqual(new Set(oracle.keys()));
  });

  test('the same match weight on every pair (|diff| < 1e-9)', () => {
    let worst = 0;
    const differing: string[] = [];
    for (let k = 0; k < ours.count; k++) {
      const key = `${ours.left[k]},${ours.right[k]}`;
      const d = Math.abs(ours.weight[k]! - oracle.get(key)!.weight);
      worst = Math.max(worst, d);
      if (!(d < 1e-9)) differing.push(key);
    }
    expect(differing.length, `pairs with a different weight (largest difference ${worst})`).toBe(0);
  });

  test('where the comparison levels agree, the weights agree; levels differ only on Jaro-Winkler levels', () => {
    const jw = model.comparisons.map((c) => c.comparison_levels.some((l) => l.sql_condition.includes('jaro_winkler_similarity')));
    let agreeing = 0;
    for (let k = 0; k < ours.count; k++) {
      const o = oracle.get(`${ours.left[k]},${ours.right[k]}`)!;
      const g = ours.gamma.map((v) => v[k]!);
      const differs = g.map((v, ci) => v !== o.gammas[ci]);
      differs.forEach((d, ci) => {
        if (d) expect(jw[ci], `comparison ${model.comparisons[ci]!.output_column_name} differs on pair ${ours.left[k]},${ours.right[k]}`).toBe(true);
      });
      if (differs.some(Boolean)) continue;
      agreeing++;
      expect(Math.abs(ours.weight[k]! - o.weight)).toBeLessThan(1e-9);
    }
    expect(agreeing).toBeGreaterThan(4400);
  });
});

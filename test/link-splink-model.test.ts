// Splink's demo model on Splink's demo data: reident's pairs and match weights against Splink's
// predictions computed independently in DuckDB from the same JSON (helpers/splink-oracle.ts).
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, test } from 'vitest';
import { linkTables, type LinkResult } from '../attacks/link/link.ts';
import { validateSettings } from '../attacks/link/settings.ts';
import { readColumns } from '../src/io/read-columns.ts';
import { asText } from '../src/table/table.ts';
import { splinkPredictions, type OraclePair, type SplinkModel } from './helpers/splink-oracle.ts';

const DIR = 'test/fixtures/splink';
const CSV = `${DIR}/fake_1000_from_splink_demos.csv`;
const MODEL_FILE = `${DIR}/saved_model_from_demo.json`;

describe("Splink's demo model on fake_1000 (DuckDB as the oracle)", () => {
  const model = JSON.parse(readFileSync(MODEL_FILE, 'utf8')) as SplinkModel;
  let oracle: Map<string, OraclePair>;
  let ours: LinkResult;

  beforeAll(async () => {
    oracle = await splinkPredictions(CSV, model);
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

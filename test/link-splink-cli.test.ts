// `reident link` with Splink's model files: a model saved by Splink as --settings, refusals naming the
// comparison, level and construct, and --save-model written in Splink's format, read back with the
// same weights and run in DuckDB (Splink's engine) with the same weights.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { cli } from './helpers/cli.ts';
import { splinkPredictions, type SplinkModel } from './helpers/splink-oracle.ts';
import { linkTables } from '../attacks/link/link.ts';
import { validateSettings, type LinkSettings } from '../attacks/link/settings.ts';
import { readColumns } from '../src/io/read-columns.ts';
import { splinkModel } from '../attacks/link/splink/to-splink.ts';

const DIR = 'test/fixtures/splink';
const DATA = `${DIR}/fake_1000_from_splink_demos.csv`;
const MODEL = `${DIR}/saved_model_from_demo.json`;
const root = mkdtempSync(join(tmpdir(), 'reident-splink-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** pairs.csv rows as "left,right" -> the rest of the row (weight, probability, gammas). */
function pairsOf(file: string): Map<string, string[]> {
  const [, ...lines] = readFileSync(file, 'utf8').trim().split('\n');
  return new Map(lines.map((l) => l.split(',')).map((f) => [`${f[0]},${f[1]}`, f.slice(2)]));
}

describe('reident link with Splink model files', () => {
  test('a model saved by Splink links its demo data: every candidate pair, with the weights the linkage engine gives', async () => {
    const out = join(root, 'pairs.csv');
    const r = await cli('link', '--left', DATA, '--dedupe', '--settings', MODEL, '--out', out, '--quiet', '--json');
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).candidatePairs).toBe(4532);
    const head = readFileSync(out, 'utf8').split('\n')[0];
    expect(head).toBe('left_row,right_row,match_weight,match_probability,gamma_first_name,gamma_surname,gamma_dob,gamma_city,gamma_email');
    const pairs = pairsOf(out);
    expect(pairs.size).toBe(4532);
    // the engine's weights are checked against DuckDB in link-splink-model.test.ts; here the CLI must write them unchanged
    const api = linkTables(await readColumns(DATA, { columns: 'all' }), null, validateSettings(JSON.parse(readFileSync(MODEL, 'utf8'))));
    for (let k = 0; k < api.count; k++) expect(Number(pairs.get(`${api.left[k]},${api.right[k]}`)![0])).toBe(api.weight[k]);
  });

  test('an unsupported construct, or link_and_dedupe, exits 2 naming the comparison, level and construct', async () => {
    const model = JSON.parse(readFileSync(MODEL, 'utf8'));
    model.comparisons[0].comparison_levels[3].sql_condition = `regexp_replace("first_name_l", 'a', 'b') = regexp_replace("first_name_r", 'a', 'b')`;
    const bad = join(root, 'bad.json');
    writeFileSync(bad, JSON.stringify(model));
    const out = join(root, 'bad.csv');
    let r = await cli('link', '--left', DATA, '--dedupe', '--settings', bad, '--out', out, '--quiet');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('bad.json: settings.comparisons[0] (first_name) level 3: regexp_replace is not supported');
    writeFileSync(bad, JSON.stringify({ ...JSON.parse(readFileSync(MODEL, 'utf8')), link_type: 'link_and_dedupe' }));
    r = await cli('link', '--left', DATA, '--dedupe', '--settings', bad, '--out', out, '--quiet');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/settings\.link_type: link_and_dedupe is not supported/);
    // a comparison reading two columns (Splink's ColumnsReversedLevel) links with its m and u, and trains
    const reversed = JSON.parse(readFileSync(MODEL, 'utf8'));
    reversed.comparisons[1].comparison_levels[2].sql_condition = '"first_name_l" = "surname_r" AND "first_name_r" = "surname_l"';
    writeFileSync(bad, JSON.stringify(reversed));
    expect(existsSync(out)).toBe(false);
    r = await cli('link', '--left', DATA, '--dedupe', '--settings', bad, '--train', '--out', join(root, 'reversed-trained.csv'), '--quiet');
    expect(r.code).toBe(0);
    expect((await cli('link', '--left', DATA, '--dedupe', '--settings', bad, '--out', join(root, 'reversed.csv'), '--quiet')).code).toBe(0);
    expect(readFileSync(join(root, 'reversed-trained.csv'), 'utf8')).not.toBe(readFileSync(join(root, 'reversed.csv'), 'utf8'));
  });

  test('--save-model writes the given model in Splink format; read back, every pair has the same weight', async () => {
    const first = join(root, 'first.csv');
    const saved = join(root, 'saved.json');
    expect((await cli('link', '--left', DATA, '--dedupe', '--settings', MODEL, '--out', first, '--quiet')).code).toBe(0);
    expect(existsSync(saved)).toBe(false);
    const r = await cli('link', '--left', DATA, '--dedupe', '--settings', MODEL, '--out', first, '--save-model', saved, '--quiet');
    expect(r.code, r.stderr).toBe(0);
    const model = JSON.parse(readFileSync(saved, 'utf8'));
    expect(model.probability_two_random_records_match).toBe(JSON.parse(readFileSync(MODEL, 'utf8')).probability_two_random_records_match);
    const again = join(root, 'again.csv');
    expect((await cli('link', '--left', DATA, '--dedupe', '--settings', saved, '--out', again, '--quiet')).code).toBe(0);
    expect(pairsOf(again)).toEqual(pairsOf(first));
  });

  test('a model trained here, saved in Splink format, reads back with identical weights and runs in DuckDB with the same weights', async () => {
    const settings: LinkSettings = {
      link_type: 'dedupe_only',
      blocking: [['first_name', 'city'], ['surname'], ['dob']],
      comparisons: [
        { column: 'first_name', levels: [{ type: 'null' }, { type: 'exact', tf_adjustment: 1 }, { type: 'jaro_winkler', threshold: 0.9 }, { type: 'else' }] },
        { column: 'surname', levels: [{ type: 'null' }, { type: 'exact', tf_adjustment: 1 }, { type: 'levenshtein', threshold: 2 }, { type: 'else' }] },
        { column: 'dob', levels: [{ type: 'null' }, { type: 'exact' }, { type: 'levenshtein', threshold: 1 }, { type: 'date_diff', unit: 'year', threshold: 1 }, { type: 'else' }] },
        { column: 'city', levels: [{ type: 'null' }, { type: 'exact', tf_adjustment: 0.5 }, { type: 'else' }] },
        { column: 'email', levels: [{ type: 'null' }, { type: 'exact' }, { type: 'levenshtein', threshold: 3 }, { type: 'else' }] },
      ],
    };
    const table = await readColumns(DATA, { columns: 'all' });
    const trained = linkTables(table, null, settings, { train: true, maxPairsForU: 100_000, seed: 1 });
    const saved = splinkModel(settings, trained.parameters);
    const readBack = linkTables(table, null, validateSettings(JSON.parse(JSON.stringify(saved))));
    expect(trained.count).toBeGreaterThan(4000);
    expect(Array.from(readBack.left)).toEqual(Array.from(trained.left));
    expect(Array.from(readBack.right)).toEqual(Array.from(trained.right));
    expect(Array.from(readBack.weight)).toEqual(Array.from(trained.weight));
    const a = new Map(Array.from(trained.left, (l, k) => [`${l},${trained.right[k]}`, [trained.weight[k]!, 0, ...trained.gamma.map((g) => g[k]!)]]));
    // DuckDB runs the saved SQL conditions as Splink would; gammas can differ only on the Jaro-Winkler level
    const oracle = await splinkPredictions(DATA, saved as unknown as SplinkModel);
    expect(new Set(oracle.keys())).toEqual(new Set(a.keys()));
    let same = 0;
    for (const [key, row] of a) {
      const o = oracle.get(key)!;
      const gammas = row.slice(2).map(Number);
      gammas.forEach((g, c) => {
        if (g !== o.gammas[c]) expect(c, `pair ${key}`).toBe(0);
      });
      if (gammas.some((g, c) => g !== o.gammas[c])) continue;
      same++;
      expect(Math.abs(Number(row[0]) - o.weight), `pair ${key}`).toBeLessThan(1e-9);
    }
    expect(same).toBeGreaterThan(a.size * 0.98);
  });
});

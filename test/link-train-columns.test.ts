// Training a comparison that reads several columns (Splink's columns-reversed level): an EM session holds
// fixed every comparison reading a column its blocking rule reads, as Splink does, not only the
// comparison named after that column.
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { trainParameters } from '../attacks/link/train.ts';
import { validateSettings } from '../attacks/link/settings.ts';
import { readColumns } from '../src/io/read-columns.ts';

const DIR = 'test/fixtures/splink';

test('a session holds fixed the comparisons that read a column of its rule, whatever they are named', async () => {
  const model = JSON.parse(readFileSync(`${DIR}/saved_model_from_demo.json`, 'utf8'));
  // surname's level 2 now also reads first_name (names swapped between the two records).
  model.comparisons[1].comparison_levels[2].sql_condition = '"first_name_l" = "surname_r" AND "first_name_r" = "surname_l"';
  const settings = validateSettings(model);
  const table = await readColumns(`${DIR}/fake_1000_from_splink_demos.csv`, { columns: 'all' });
  const names = settings.comparisons.map((c) => c.column);
  const trained = trainParameters(table, null, settings, { trainingRules: [['first_name']], maxPairsForU: 20_000, seed: 1 });
  const held = trained.sessions[0]!.excluded.map((k) => names[k]);
  expect(held).toEqual(['first_name', 'surname']);
});

import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { cli } from './helpers/cli.ts';
import { peopleSettingsExample, settingsJsonSchema } from '../attacks/link/settings.ts';

const root = mkdtempSync(join(tmpdir(), 'reident-link-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const world = join(root, 'w');
const voters = join(root, 'voters.csv');
const settings = join(root, 'settings.json');
beforeAll(async () => {
  expect((await cli('generate', '--people', '6000', '--tables', 'people,beneficiaries,claims_inpatient', '--out', world, '--quiet')).code).toBe(0);
  expect((await cli('adversary', 'voter-roll', '--world', world, '--out', voters, '--with-truth')).code).toBe(0);
  writeFileSync(settings, JSON.stringify(peopleSettingsExample));
});

describe('reident link', () => {
  test('links a noisy voter roll back to the people table with high precision and recall, scored from truth columns', async () => {
    const out = join(root, 'pairs.csv');
    const curve = join(root, 'curve.csv');
    const r = await cli('link', '--left', voters, '--right', join(world, 'people.csv'), '--settings', settings, '--train', '--out', out, '--truth-left', 'truth_person_id', '--truth-right', 'person_id', '--curve', curve, '--json');
    expect(r.code, r.stderr).toBe(0);
    const s = JSON.parse(r.stdout);
    expect(s.precision).toBeGreaterThan(0.95);
    expect(s.recall).toBeGreaterThan(0.9);
    const head = readFileSync(out, 'utf8').split('\n')[0];
    expect(head).toBe('left_row,right_row,match_weight,match_probability,gamma_first_name,gamma_last_name,gamma_birth_date,gamma_zip');
    const points = readFileSync(curve, 'utf8').trim().split('\n').slice(1).map((l) => l.split(',').map(Number));
    expect(points.length).toBeGreaterThan(2);
    for (let i = 1; i < points.length; i++) expect(points[i]![3]!).toBeGreaterThanOrEqual(points[i - 1]![3]!); // recall grows as the threshold falls
  });

  test('the documented example and JSON Schema are the ones in the code', () => {
    expect(JSON.parse(readFileSync('docs/linkage-settings.example.json', 'utf8'))).toEqual(peopleSettingsExample);
    expect(JSON.parse(readFileSync('docs/linkage-settings.schema.json', 'utf8'))).toEqual(settingsJsonSchema);
  });

  test('bad settings and inputs are named, exit 2, and leave no pairs file', async () => {
    const out = join(root, 'bad.csv');
    const bad = (name: string, text: string) => {
      const p = join(root, name);
      writeFileSync(p, text);
      return p;
    };
    const cases: [string[], RegExp][] = [
      [['link', '--left', voters, '--right', voters, '--settings', bad('x.json', '{oops'), '--out', out], /x\.json: not valid JSON/],
      [['link', '--left', voters, '--right', voters, '--settings', bad('y.json', JSON.stringify({ ...peopleSettingsExample, comparisons: [{ column: 'zip', levels: [{ type: 'fuzzy' }, { type: 'else' }] }] })), '--out', out], /y\.json: settings\.comparisons\[0\]\.levels\[0\]/],
      [['link', '--left', voters, '--settings', settings, '--out', out], /give --right FILE/],
      [['link', '--left', voters, '--right', join(root, 'none.csv'), '--settings', settings, '--train', '--out', out], /none\.csv: no such file/],
      [['link', '--left', voters, '--right', join(world, 'people.csv'), '--settings', bad('z.json', JSON.stringify({ ...peopleSettingsExample, blocking: [['truth_person_id']] })), '--train', '--out', out, '--truth-left', 'truth_person_id', '--truth-right', 'person_id'], /no column "truth_person_id"/],
    ];
    for (const [argv, message] of cases) {
      const r = await cli(...argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.stderr).toMatch(message);
    }
    expect(existsSync(out)).toBe(false);
  });
});

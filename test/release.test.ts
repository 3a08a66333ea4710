// reident release: a safeguard (or a pipeline) applied to a world's table or a user's file, the
// released table written with what was applied; bad input named, exit 2, inputs never overwritten.
import { createHmac } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { HHS_RESTRICTED_ZIP3_2010 } from '../safeguards/safe-harbor/zip3.ts';
import { cli } from './helpers/cli.ts';

let root: string;
let world: string;
const at = (name: string) => join(root, name);
const csvRows = (file: string) => readFileSync(file, 'utf8').trimEnd().split('\n').map((l) => l.split(','));

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'reident-release-'));
  world = at('world');
  expect((await cli('generate', '--people', '2000', '--seed', '3', '--tables', 'people', '--out', world, '--quiet')).code).toBe(0);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('release', () => {
  test('generalise --levels: each named column at that level of its hierarchy, the others as they were', async () => {
    const r = await cli('release', '--world', world, '--safeguard', 'generalise', '--levels', 'birth_date=2,zip=1', '--out', at('gen.csv'));
    expect(r.code, r.stderr).toBe(0);
    const [header, ...rows] = csvRows(at('gen.csv'));
    const [, ...original] = csvRows(join(world, 'people.csv'));
    const [birth, zip, sex] = ['birth_date', 'zip', 'sex'].map((c) => header!.indexOf(c));
    const originalHeader = csvRows(join(world, 'people.csv'))[0]!;
    rows.forEach((row, i) => {
      expect(row[birth]).toBe(original[i]![originalHeader.indexOf('birth_date')]!.slice(0, 4));
      expect(row[zip]).toBe(`${original[i]![originalHeader.indexOf('zip')]!.slice(0, 3)}**`);
      expect(row[sex]).toBe(original[i]![originalHeader.indexOf('sex')]);
    });
  });

  test('local-suppression: --method cells stars values and keeps every row, --method records drops the rows of small classes', async () => {
    const cells = await cli('release', '--world', world, '--safeguard', 'local-suppression', '--qi', 'zip,sex', '--k', '5', '--out', at('ls-cells.csv'));
    expect(cells.code, cells.stderr).toBe(0);
    const [h, ...kept] = csvRows(at('ls-cells.csv'));
    expect(kept).toHaveLength(2000);
    expect(kept.some((row) => row[h!.indexOf('zip')] === '*')).toBe(true);
    const records = await cli('release', '--world', world, '--safeguard', 'local-suppression', '--qi', 'zip,sex', '--k', '5', '--method', 'records', '--out', at('ls-records.csv'));
    expect(records.code, records.stderr).toBe(0);
    const [h2, ...left] = csvRows(at('ls-records.csv'));
    expect(left.length).toBeLessThan(2000);
    expect(left.some((row) => row[h2!.indexOf('zip')] === '*')).toBe(false);
  });

  test('safe-harbor: no name, SSN or street; birth dates cut to the year; no restricted ZIP3; what was applied is recorded', async () => {
    const r = await cli('release', '--world', world, '--safeguard', 'safe-harbor', '--out', at('sh.csv'));
    expect(r.code, r.stderr).toBe(0);
    const [header, ...rows] = csvRows(at('sh.csv'));
    for (const gone of ['first_name', 'last_name', 'ssn', 'street', 'person_id', 'household_id']) expect(header).not.toContain(gone);
    const zip = header!.indexOf('zip');
    const birth = header!.indexOf('birth_date');
    expect(rows).toHaveLength(2000);
    for (const row of rows) {
      expect(row[zip]).toMatch(/^\d{3}$/);
      expect(HHS_RESTRICTED_ZIP3_2010).not.toContain(row[zip]);
      expect(row[birth]).toMatch(/^(\d{4}|90\+)$/);
    }
    const meta = JSON.parse(readFileSync(at('sh.csv.release.json'), 'utf8'));
    expect(meta.applied.map((a: { safeguard: string }) => a.safeguard)).toEqual(['safe-harbor']);
    expect(meta.rowsIn).toBe(2000);
    expect(meta.utility.distance.zip).toBeGreaterThan(0.5); // 5-digit ZIPs are all gone
    expect(meta.utility.distance.sex).toBe(0);
  });

  test('--workload: count queries answered on the input and the release; a DP count table answers from its counts', async () => {
    const r = await cli('release', '--world', world, '--safeguard', 'dp-counts', '--columns', 'state', '--epsilon', '1', '--seed', '2', '--workload', 'state;state,sex', '--out', at('dp.csv'), '--json');
    expect(r.code, r.stderr).toBe(0);
    const [byState, byStateSex] = JSON.parse(r.stdout).utility.workload;
    expect(byState.unanswered).toBe(0);
    expect(byState.meanRelativeError).toBeGreaterThan(0);
    expect(byStateSex.meanRelativeError).toBeNull(); // the count table has no sex column
    const bad = await cli('release', '--world', world, '--safeguard', 'drop-ids', '--columns', 'ssn', '--workload', 'nope', '--out', at('dp2.csv'));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--workload: the input has no column "nope"');
    expect(existsSync(at('dp2.csv'))).toBe(false);
  });

  test('hmac-ids with a key file: each SSN is the HMAC-SHA256 of its digits; without one, a new key is written beside the release', async () => {
    const key = 'a'.repeat(64);
    writeFileSync(at('key.hex'), key + '\n');
    expect((await cli('release', '--world', world, '--safeguard', 'hmac-ids', '--column', 'ssn', '--normalise', 'digits', '--key-file', at('key.hex'), '--out', at('h.csv'))).code).toBe(0);
    const original = csvRows(join(world, 'people.csv'));
    const released = csvRows(at('h.csv'));
    const o = original[0]!.indexOf('ssn');
    const h = released[0]!.indexOf('ssn');
    for (let i = 1; i <= 50; i++) {
      const ssn = original[i]![o]!;
      if (ssn === '') expect(released[i]![h]).toBe('');
      else expect(released[i]![h]).toBe(createHmac('sha256', Buffer.from(key, 'hex')).update(ssn.replace(/\D/g, '')).digest('hex'));
    }
    expect(existsSync(at('h.csv.key'))).toBe(false);
    const r = await cli('release', '--world', world, '--safeguard', 'hmac-ids', '--column', 'ssn', '--out', at('h2.csv'));
    expect(r.stdout).toContain('a new key was generated');
    expect(readFileSync(at('h2.csv.key'), 'utf8')).toMatch(/^[0-9a-f]{64}\n$/);
    expect(readFileSync(at('h2.csv.release.json'), 'utf8')).not.toContain(readFileSync(at('h2.csv.key'), 'utf8').trim());
  });

  test('a pipeline file applies its steps in order; a token crosswalk is kept apart from the release', async () => {
    const steps = { steps: [{ safeguard: 'drop-ids', options: { columns: ['first_name', 'last_name'] } }, { safeguard: 'token-ids', options: { column: 'ssn', seed: 9 } }] };
    writeFileSync(at('pipeline.json'), JSON.stringify(steps));
    const r = await cli('release', '--world', world, '--pipeline', at('pipeline.json'), '--out', at('p.csv'), '--json');
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).applied).toHaveLength(2);
    const header = csvRows(at('p.csv'))[0]!;
    expect(header).not.toContain('first_name');
    const crosswalk = csvRows(at('p.csv.crosswalk.csv'));
    expect(crosswalk[0]).toEqual(['value', 'token']);
    const tokens = new Set(csvRows(at('p.csv')).slice(1).map((row) => row[header.indexOf('ssn')]));
    for (const [, token] of crosswalk.slice(1, 20)) expect(tokens.has(token)).toBe(true);
  });

  test('k-anonymity: every combination of the quasi-identifiers in the release is shared by at least k records; levels, loss and suppressed are reported', async () => {
    const r = await cli('release', '--world', world, '--safeguard', 'k-anonymity', '--qi', 'zip,sex,birth_date', '--k', '5', '--suppression-limit', '0.04', '--out', at('k.csv'), '--json');
    expect(r.code, r.stderr).toBe(0);
    const summary = JSON.parse(r.stdout).applied[0].summary;
    expect(Object.keys(summary.levels)).toEqual(['zip', 'sex', 'birth_date']);
    expect(summary.informationLoss).toBeGreaterThan(0);
    const [header, ...rows] = csvRows(at('k.csv'));
    expect(rows.length).toBe(2000 - summary.suppressed);
    expect(summary.suppressed).toBeLessThanOrEqual(Math.floor(0.04 * 2000));
    const qi = ['zip', 'sex', 'birth_date'].map((c) => header!.indexOf(c));
    const classes = new Map<string, number>();
    for (const row of rows) {
      const key = qi.map((j) => row[j]).join('|');
      classes.set(key, (classes.get(key) ?? 0) + 1);
    }
    expect(Math.min(...classes.values())).toBeGreaterThanOrEqual(5);
  });

  test('k-anonymity with an ARX hierarchy file for one column (value;level 1;*)', async () => {
    writeFileSync(at('sex.csv'), 'M;person;*\nF;person;*\n');
    const r = await cli('release', '--world', world, '--safeguard', 'k-anonymity', '--qi', 'sex,zip', '--k', '50', '--hierarchy', `sex=${at('sex.csv')}`, '--out', at('k2.csv'), '--json');
    expect(r.code, r.stderr).toBe(0);
    const { levels } = JSON.parse(r.stdout).applied[0].summary;
    const sex = csvRows(at('k2.csv')).map((row) => row[csvRows(at('k2.csv'))[0]!.indexOf('sex')]);
    expect(new Set(sex.slice(1))).toEqual(new Set([['M', 'person', '*'][levels.sex]!, ['F', 'person', '*'][levels.sex]!]));
    const missing = await cli('release', '--world', world, '--safeguard', 'k-anonymity', '--qi', 'sex', '--hierarchy', 'sex=nope.csv', '--out', at('k3.csv'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--hierarchy: sex=nope.csv: no such file');
  });

  test('synthetic: the asked number of records, every value drawn from the same column of the input', async () => {
    expect((await cli('release', '--world', world, '--safeguard', 'synthetic', '--rows', '300', '--seed', '5', '--out', at('syn.csv'))).code).toBe(0);
    const [header, ...rows] = csvRows(at('syn.csv'));
    const [, ...original] = csvRows(join(world, 'people.csv'));
    expect(rows).toHaveLength(300);
    const sex = header!.indexOf('sex');
    const seen = new Set(original.map((row) => row[sex]));
    for (const row of rows) expect(seen.has(row[sex])).toBe(true);
  });

  test('--table picks the world table; --delimiter and --encoding describe a user file', async () => {
    expect((await cli('release', '--world', world, '--table', 'people', '--safeguard', 'drop-ids', '--columns', 'ssn', '--out', at('t1.csv'))).code).toBe(0);
    const claims = await cli('release', '--world', world, '--table', 'beneficiaries', '--safeguard', 'drop-ids', '--columns', 'bene_id', '--out', at('t2.csv'));
    expect(claims.code).toBe(2); // this world was generated with people only
    expect(claims.stderr).toContain('has no beneficiaries table');
    writeFileSync(at('latin.csv'), Buffer.from('name;zip\nM\u00fcller;19901\nM\u00e4ller;19901\n', 'latin1'));
    const r = await cli('release', '--in', at('latin.csv'), '--delimiter', ';', '--encoding', 'latin1', '--safeguard', 'drop-ids', '--columns', 'zip', '--out', at('latin-out.csv'));
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(at('latin-out.csv'), 'utf8')).toBe('name\nM\u00fcller\nM\u00e4ller\n');
    expect((await cli('release', '--in', at('latin.csv'), '--delimiter', ';', '--safeguard', 'drop-ids', '--columns', 'zip', '--out', at('latin-out2.csv'))).code).toBe(2);
  });

  test('a safeguard\'s own flags reach it: --max-days, --minimum-count, --method, --metric, --l with --sensitive', async () => {
    const json = async (...args: string[]) => {
      const r = await cli('release', '--world', world, ...args, '--json');
      expect(r.code, r.stderr).toBe(0);
      return JSON.parse(r.stdout).applied[0];
    };
    expect((await json('--safeguard', 'date-shift', '--person-key', 'street', '--seed', '1', '--max-days', '7', '--columns', 'birth_date', '--out', at('f1.csv'))).parameters.maxDays).toBe(7);
    const strict = await json('--safeguard', 'cell-suppression', '--columns', 'state,sex', '--out', at('f2.csv'));
    const loose = await json('--safeguard', 'cell-suppression', '--columns', 'state,sex', '--minimum-count', '2', '--out', at('f3.csv'));
    expect(loose.summary.primarySuppressed).toBeLessThan(strict.summary.primarySuppressed);
    expect((await json('--safeguard', 'k-anonymity', '--qi', 'zip,sex', '--method', 'mondrian', '--out', at('f4.csv'))).safeguard).toBe('mondrian');
    const dm = await json('--safeguard', 'k-anonymity', '--qi', 'zip,sex,birth_date', '--metric', 'discernibility', '--out', at('f5.csv'));
    expect(dm.parameters.metric).toBe('discernibility');
    // Fewest distinct race values in a (state, sex, age) class of the release: 1 without --l, at least 2 with it.
    const leastDiverse = async (out: string, ...l: string[]) => {
      await json('--safeguard', 'k-anonymity', '--qi', 'state,sex,age', '--k', '2', '--suppression-limit', '0.2', ...l, '--out', at(out));
      const [header, ...rows] = csvRows(at(out));
      const [state, sex, age, race] = ['state', 'sex', 'age', 'race_ethnicity'].map((c) => header!.indexOf(c));
      const values = new Map<string, Set<string>>();
      for (const row of rows) values.set(`${row[state]}|${row[sex]}|${row[age]}`, (values.get(`${row[state]}|${row[sex]}|${row[age]}`) ?? new Set()).add(row[race]!));
      return Math.min(...[...values.values()].map((v) => v.size));
    };
    expect(await leastDiverse('f6.csv')).toBe(1);
    expect(await leastDiverse('f7.csv', '--l', '2', '--sensitive', 'race_ethnicity')).toBeGreaterThanOrEqual(2);
  });

  test('a user file with a truth column: the ids are held apart, never released', async () => {
    writeFileSync(at('mine.csv'), 'pid,zip,sex\n1,19901,F\n2,02138,M\n3,19901,F\n');
    expect((await cli('release', '--in', at('mine.csv'), '--truth', 'pid', '--safeguard', 'drop-ids', '--columns', 'sex', '--out', at('mine-out.csv'))).code).toBe(0);
    expect(readFileSync(at('mine-out.csv'), 'utf8')).toBe('zip\n19901\n02138\n19901\n');
  });

  test.each([
    [['--safeguard', 'k-anon'], /--safeguard: unknown safeguard "k-anon" \(known: .*safe-harbor/],
    [['--safeguard', 'hash-ids', '--colum', 'ssn'], /--colum: not an option of the hash-ids safeguard \(it takes --column/],
    [['--safeguard', 'date-shift', '--person-key', 'nope', '--seed', '1'], /^reident: --person-key: .*"nope"/],
    [['--safeguard', 'cell-suppression', '--columns', 'state', '--minimum-count', 'ten'], /--minimum-count must be a number, got "ten"/],
  ])('%j is refused with exit 2, naming what is wrong', async (args, message) => {
    const r = await cli('release', '--world', world, ...(args as string[]), '--out', at('bad.csv'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(existsSync(at('bad.csv'))).toBe(false);
  });

  test("an output onto the world's own table is refused before anything is written", async () => {
    const before = readFileSync(join(world, 'people.csv'));
    const r = await cli('release', '--world', world, '--safeguard', 'safe-harbor', '--out', join(world, 'people.csv'));
    expect(r.code).toBe(2);
    expect(readFileSync(join(world, 'people.csv')).equals(before)).toBe(true);
  });
});

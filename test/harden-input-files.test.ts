// Item 8 of the hardening issue: duplicate column names are an error; an empty or constant
// quasi-identifier gets a warning; Parquet is told by its bytes, not its name; a JSON world gets a
// message that says what to do.
import { DuckDBInstance } from '@duckdb/node-api';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { cli } from './helpers/cli.ts';

const root = mkdtempSync(join(tmpdir(), 'reident-input-files-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const file = (name: string, text: string | Buffer) => {
  const p = join(root, name);
  writeFileSync(p, text);
  return p;
};
const risk = (...argv: string[]) => cli('risk', ...argv, '--bootstrap', '0');

const PEOPLE = file('people.csv', 'zip,sex,birth_year,state,middle\n02138,F,1950,DE,\n02138,M,1950,DE,\n02139,F,1961,DE,\n02139,F,1961,DE,\n02140,M,1977,DE,\n');

/** PEOPLE as Parquet, written by DuckDB (text columns), under the given name. */
async function parquetOf(csv: string, name: string): Promise<string> {
  const out = join(root, name);
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  await connection.run(`COPY (SELECT * FROM read_csv('${csv}', all_varchar = true)) TO '${out}' (FORMAT parquet)`);
  connection.closeSync();
  instance.closeSync();
  return out;
}

let parquet = '';
beforeAll(async () => {
  parquet = await parquetOf(PEOPLE, 'people.parquet');
});

describe('duplicate column names', () => {
  test('a CSV header naming a column twice is an error naming the file and the column, even when that column is not asked for', async () => {
    const p = file('dup.csv', 'zip,sex,zip\n02138,F,02139\n');
    for (const qi of ['zip', 'sex']) {
      const r = await risk(p, '--qi', qi);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`${p}: column "zip" appears twice (columns 1 and 3)`);
    }
  });

  test('a Parquet file naming a column twice is an error too (DuckDB alone would rename the second one)', async () => {
    // DuckDB will not write two columns of one name, so the second name is patched in the file's footer.
    const bytes = readFileSync(await parquetOf(file('two.csv', 'zipcode,zipcodf\n1,2\n'), 'two.parquet'));
    const footer = bytes.subarray(bytes.length - 8 - bytes.readUInt32LE(bytes.length - 8), bytes.length - 8);
    for (let at = footer.indexOf('zipcodf'); at >= 0; at = footer.indexOf('zipcodf', at + 1)) footer.write('zipcode', at);
    const p = file('dup.parquet', bytes);
    const r = await risk(p, '--qi', 'zipcode');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${p}: column "zipcode" appears twice (columns 1 and 2)`);
  });
});

describe('quasi-identifiers that tell no one apart', () => {
  test('an empty and a constant quasi-identifier get a warning naming each, on stderr and in --json; the others none', async () => {
    const r = await risk(PEOPLE, '--qi', 'zip,sex,state,middle', '--json');
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe(`reident: warning: ${PEOPLE}: quasi-identifier "state" holds the same value ("DE") in every record, so it tells no records apart`);
    expect(lines[1]).toBe(`reident: warning: ${PEOPLE}: quasi-identifier "middle" is empty in every record, so it tells no records apart`);
    const report = JSON.parse(r.stdout);
    expect(report.warnings).toEqual(lines.map((l) => l.replace('reident: warning: ', '')));
    expect(report.classes).toBe(4); // the figures are still computed
    const clean = await risk(PEOPLE, '--qi', 'zip,sex', '--json');
    expect(clean.stderr).toBe('');
    expect(JSON.parse(clean.stdout).warnings).toEqual([]);
    expect((await risk(file('one.csv', 'zip,sex\n02138,F\n'), '--qi', 'zip,sex')).stderr).toBe(''); // one record: nothing to tell apart
  });

  test('a value that is missing only through --na counts as empty; a linkage column is checked the same way', async () => {
    const r = await risk(PEOPLE, '--qi', 'zip,state', '--na', 'DE');
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('quasi-identifier "state" is empty in every record');
    const settings = file('settings.json', JSON.stringify({ link_type: 'dedupe_only', lambda: 0.1, blocking: [['state']], comparisons: [{ column: 'zip', levels: [{ type: 'exact', m: 0.9, u: 0.1 }, { type: 'else', m: 0.1, u: 0.9 }] }] }));
    const linked = await cli('link', '--left', PEOPLE, '--dedupe', '--settings', settings, '--out', join(root, 'pairs.csv'), '--json');
    expect(linked.code, linked.stderr).toBe(0);
    expect(JSON.parse(linked.stdout).warnings).toEqual([`${PEOPLE}: linkage column "state" holds the same value ("DE") in every record, so it tells no records apart`]);
  });
});

describe('Parquet told by its bytes', () => {
  test('a Parquet file named .csv, or with no extension, is read as Parquet and gives the same figures', async () => {
    const expected = JSON.parse((await risk(PEOPLE, '--qi', 'zip,sex', '--json')).stdout);
    for (const name of ['renamed.csv', 'renamed']) {
      const p = join(root, name);
      copyFileSync(parquet, p);
      const r = await risk(p, '--qi', 'zip,sex', '--json');
      expect(r.code, r.stderr).toBe(0);
      expect({ ...JSON.parse(r.stdout), file: PEOPLE }).toEqual(expected);
    }
  });

  test('a file named .parquet that is not Parquet, and a Parquet file cut short, get a clear error', async () => {
    const fake = join(root, 'fake.parquet');
    copyFileSync(PEOPLE, fake);
    const r = await risk(fake, '--qi', 'zip');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`reident: ${fake}: named .parquet but is not a Parquet file (it does not start with the bytes PAR1); a CSV file should be named .csv\n`);
    const whole = readFileSync(parquet);
    const cut = file('cut.parquet', whole.subarray(0, whole.length - 10));
    const c = await risk(cut, '--qi', 'zip');
    expect(c.code).toBe(2);
    expect(c.stderr).toContain(`${cut}: starts like a Parquet file but does not end with the bytes PAR1`);
  });
});

describe('a world written as JSON', () => {
  const world = join(root, 'json-world');
  beforeAll(async () => {
    const r = await cli('generate', '--people', '200', '--tables', 'people', '--format', 'json', '--out', world, '--quiet');
    expect(r.code, r.stderr).toBe(0);
  });

  test('attack, adversary and risk --world say that JSON worlds are not read back and what to do', async () => {
    const runs = [
      await cli('attack', 'quasi-id', '--world', world),
      await cli('adversary', 'voter-roll', '--world', world, '--out', join(root, 'voters.csv')),
      await risk(PEOPLE, '--qi', 'zip,sex', '--world', world),
    ];
    for (const r of runs) {
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`--world: ${world} was generated with --format json`);
      expect(r.stderr).toMatch(/generate it again with --format csv or --format parquet\n$/);
    }
  });

  test('a JSON table given as a file is named as JSON, not misread as CSV', async () => {
    const p = join(world, 'people.json');
    const r = await risk(p, '--qi', 'zip');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${p}: JSON tables cannot be read; give a CSV or Parquet file`);
  });
});

describe('risk --world with a user file in another dialect', () => {
  test("--delimiter and --encoding describe the user's file, not the world's own CSV", async () => {
    const world = join(root, 'csv-world');
    expect((await cli('generate', '--people', '300', '--tables', 'people', '--out', world, '--quiet')).code).toBe(0);
    // Two of the world's own people, written with ';' in Latin-1.
    const [header, ...rows] = readFileSync(join(world, 'people.csv'), 'utf8').split('\n');
    const at = (name: string) => header!.split(',').indexOf(name);
    const pick = rows.slice(0, 2).map((line, i) => `${line.split(',')[at('zip')]};${line.split(',')[at('sex')]};${['Zürich', 'Köln'][i]}`);
    const sample = file('sample-semicolon.csv', Buffer.from(['zip;sex;city', ...pick, ''].join('\n'), 'latin1'));
    const r = await risk(sample, '--qi', 'zip,sex', '--world', world, '--delimiter', ';', '--encoding', 'latin1', '--json');
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).journalist).not.toBeNull();
  });
});

// Parquet written from the columns: the same values as the CSV of the same world (read both with
// DuckDB, typed), real column types, byte-identical on a rerun, and the hive layout readable by
// read_parquet(..., hive_partitioning = true).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { SCHEMAS } from '../generators/world.ts';
import { TABLE_NAMES } from '../generators/world-types.ts';
import { cli } from './helpers/cli.ts';
import { fileTree } from './helpers/file-tree.ts';

const root = mkdtempSync(join(tmpdir(), 'reident-national-parquet-'));
const csvDir = join(root, 'csv');
const parquetDir = join(root, 'parquet');
const hive = join(root, 'hive');
const hive1 = join(root, 'hive-1-thread');
let db: DuckDBConnection;
const world = ['--states', 'WY', '--scale', '0.01', '--seed', '5', '--quiet'];

beforeAll(async () => {
  for (const [dir, extra] of [
    [csvDir, ['--format', 'csv']],
    [parquetDir, ['--format', 'parquet']],
    [hive, ['--format', 'parquet', '--partition', 'state', '--part-people', '2000', '--workers', '2']],
    [hive1, ['--format', 'parquet', '--partition', 'state', '--part-people', '2000', '--workers', '1']],
  ] as const) {
    const r = await cli('generate', ...world, '--out', dir, ...extra);
    expect(r.code, r.stderr).toBe(0);
  }
  db = await (await DuckDBInstance.create(':memory:')).connect();
}, 120_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

const rows = async (sql: string) => (await db.runAndReadAll(sql)).getRows();
const q = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** The CSV read with the types the schema declares; YYYYMMDD dates parsed as such (an oracle independent of the writer). */
async function typedCsv(table: (typeof TABLE_NAMES)[number]): Promise<string> {
  const path = join(csvDir, `${table}.csv`);
  const header = String(readFileSync(path, 'utf8').split('\n', 1)[0]);
  const sample = (await rows(`SELECT * FROM read_csv(${q(path)}, header = true, all_varchar = true) LIMIT 2000`)) as (string | null)[][];
  const names = header.split(',');
  const columns = names.map((n) => `${JSON.stringify(n)}: 'VARCHAR'`).join(', ');
  const select = SCHEMAS[table].columns.map((c, j) => {
    const name = `"${c.name}"`;
    if (c.type === 'int') return `CAST(${name} AS INTEGER) AS ${name}`;
    if (c.type === 'money') return `CAST(${name} AS DECIMAL(14,2)) AS ${name}`;
    if (c.type === 'date') {
      const cms = sample.some((r) => r[j] !== null && /^\d{8}$/.test(String(r[j])));
      return `CAST(strptime(${name}, ${cms ? "'%Y%m%d'" : "'%Y-%m-%d'"}) AS DATE) AS ${name}`;
    }
    return name;
  });
  return `(SELECT ${select.join(', ')} FROM read_csv(${q(path)}, header = true, auto_detect = false, columns = {${columns}}, quote = '"', escape = '"'))`;
}

describe('Parquet written from the columns', () => {
  test('every table holds the same typed values as the CSV of the same world, in the same order', async () => {
    for (const table of TABLE_NAMES) {
      const pq = `read_parquet(${q(join(parquetDir, `${table}.parquet`))})`;
      const csv = await typedCsv(table);
      const [[n]] = (await rows(`SELECT count(*) FROM ${pq}`)) as bigint[][];
      expect(n, table).toBeGreaterThan(0n);
      const [[m]] = (await rows(`SELECT count(*) FROM ${csv}`)) as bigint[][];
      expect(m, table).toBe(n);
      // row by row: number the rows of both and compare every column
      const cols = SCHEMAS[table].columns.map((c) => `"${c.name}"`).join(', ');
      const diff = await rows(
        `SELECT count(*) FROM (SELECT row_number() OVER () AS r, ${cols} FROM ${pq} EXCEPT SELECT row_number() OVER () AS r, ${cols} FROM ${csv})`,
      );
      expect(diff[0]![0], table).toBe(0n);
    }
  }, 60_000);

  test('columns have real types: DATE for dates, INTEGER for counts and ids, DECIMAL(14,2) for money, VARCHAR for text', async () => {
    const want = { string: 'VARCHAR', int: 'INTEGER', money: 'DECIMAL(14,2)', date: 'DATE' } as const;
    for (const table of TABLE_NAMES) {
      const described = await rows(`DESCRIBE SELECT * FROM read_parquet(${q(join(parquetDir, `${table}.parquet`))})`);
      expect(described.map((r) => [r[0], r[1]]), table).toEqual(SCHEMAS[table].columns.map((c) => [c.name, want[c.type]]));
    }
    const [[codec]] = await rows(`SELECT DISTINCT compression FROM parquet_metadata(${q(join(parquetDir, 'people.parquet'))})`);
    expect(codec).toBe('ZSTD');
  });

  // (one file written twice is compared byte for byte in io-writer.test.ts)
  test('the same seed gives byte-identical Parquet parts, whether 1 or 2 threads wrote them', () => {
    expect(fileTree(hive1)).toEqual(fileTree(hive));
    expect(Object.keys(fileTree(hive)).filter((f) => f.endsWith('.parquet')).length).toBeGreaterThan(6 * 2);
  });

  test('the hive layout reads back with read_parquet(..., hive_partitioning = true): every row, the state key matching each row', async () => {
    const manifest = JSON.parse(readFileSync(join(hive, 'manifest.json'), 'utf8'));
    for (const table of TABLE_NAMES) {
      const glob = q(join(hive, table, '*', '*.parquet'));
      const [[n, states]] = (await rows(`SELECT count(*), string_agg(DISTINCT state, ',') FROM read_parquet(${glob}, hive_partitioning = true)`)) as [bigint, string][];
      expect(Number(n), table).toBe(manifest.tables[table].rows);
      expect(states).toBe('WY');
      // the single-file world holds the same rows
      const single = `read_parquet(${q(join(parquetDir, `${table}.parquet`))})`;
      const parts = `read_parquet(${glob}, hive_partitioning = false)`;
      const [[diff]] = (await rows(`SELECT count(*) FROM (SELECT * FROM ${parts} EXCEPT ALL SELECT * FROM ${single})`)) as bigint[][];
      expect(diff, table).toBe(0n);
    }
    // people: the file's own state column is the partition's state
    const [[mismatch]] = (await rows(
      `SELECT count(*) FROM read_parquet(${q(join(hive, 'people', '*', '*.parquet'))}, filename = true) WHERE filename NOT LIKE '%state=' || state || '/%'`,
    )) as bigint[][];
    expect(mismatch).toBe(0n);
  });

  test('reident reads a partitioned world back (risk --world, the table folder) as the single-file world', async () => {
    // A folder picks the DuckDB engine by default; the memory engine reads a reident world's table folder too.
    const a = await cli('risk', join(hive, 'people'), '--qi', 'zip,sex,birth_date', '--world', hive, '--engine', 'memory', '--bootstrap', '0', '--json', '--quiet');
    const b = await cli('risk', join(csvDir, 'people.csv'), '--qi', 'zip,sex,birth_date', '--world', csvDir, '--bootstrap', '0', '--json', '--quiet');
    expect(a.code, a.stderr).toBe(0);
    expect(b.code, b.stderr).toBe(0);
    expect(JSON.parse(a.stdout)).toEqual({ ...JSON.parse(b.stdout), file: expect.anything() });
  });
});

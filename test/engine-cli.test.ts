// The engine flags: the size-based default (said on stderr), --print-sql, and bad flags refused with a
// message naming the flag (and the file, column, comparison or level), exit 2.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { runCli } from '../src/cli/program.ts';
import { chooseEngine, inputWeight, PARQUET_FACTOR } from '../src/engine/choose-engine.ts';
import { openSession } from '../src/engine/duckdb-session.ts';

const root = mkdtempSync(join(tmpdir(), 'reident-engine-cli-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const file = (name: string, text: string) => {
  const p = join(root, name);
  writeFileSync(p, text);
  return p;
};

async function run(argv: string[], env: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s), isTTY: false }, env });
  return { code, stdout, stderr };
}

const TABLE = file('t.csv', 'zip,sex,age\n10001,F,30\n10001,F,30\n10002,M,41\n10003,F,52\n');
const SETTINGS = (levels: unknown[]) =>
  file(`s${Math.random().toString(36).slice(2)}.json`, JSON.stringify({ link_type: 'link_only', lambda: 0.01, blocking: [['zip']], comparisons: [{ column: 'sex', levels }] }));
const GOOD_LEVELS = [{ type: 'null' }, { type: 'exact', m: 0.9, u: 0.1 }, { type: 'else', m: 0.1, u: 0.9 }];

describe('the engine chosen by input size', () => {
  test('below the threshold: memory, the ordinary path, unannounced', async () => {
    const r = await run(['risk', TABLE, '--qi', 'zip,sex', '--json', '--bootstrap', '0']);
    expect(r.code).toBe(0);
    expect(r.stderr).not.toMatch(/engine/);
    expect(JSON.parse(r.stdout).engine).toBeUndefined();
  });
  test('at the threshold (REIDENT_DUCKDB_FROM_BYTES): duckdb', async () => {
    const r = await run(['risk', TABLE, '--qi', 'zip,sex', '--json'], { REIDENT_DUCKDB_FROM_BYTES: '10' });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/engine duckdb/);
    const j = JSON.parse(r.stdout);
    expect(j.engine).toBe('duckdb');
    expect(j.classes).toBe(3); // {10001,F} x2, {10002,M}, {10003,F}
    expect(j.sampleUniques).toBe(2);
  });
  test('the rule: CSV bytes plus Parquet bytes times PARQUET_FACTOR, against the threshold', () => {
    const size = inputWeight([TABLE]);
    expect(size).toBe(Buffer.byteLength('zip,sex,age\n10001,F,30\n10001,F,30\n10002,M,41\n10003,F,52\n'));
    const said: string[] = [];
    expect(chooseEngine(undefined, [TABLE], (l) => said.push(l), size)).toBe('duckdb');
    expect(chooseEngine(undefined, [TABLE], (l) => said.push(l), size + 1)).toBe('memory');
    expect(said).toHaveLength(1); // only a pick of DuckDB is said
    expect(said[0]).toMatch(/engine duckdb \(input /);
    expect(chooseEngine('duckdb', [TABLE], (l) => said.push(l), 1e12)).toBe('duckdb');
    expect(said).toHaveLength(1); // a given engine is not announced
    expect(PARQUET_FACTOR).toBeGreaterThan(1);
  });
  test('--print-sql picks duckdb and prints the SQL on stderr', async () => {
    const r = await run(['risk', TABLE, '--qi', 'zip,sex', '--print-sql', '--json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('GROUP BY zip, sex');
    expect(r.stderr).toContain('read_csv(');
  });
});

describe('a hive-partitioned folder of Parquet files', () => {
  test('risk over OUT/people/state=XX/*.parquet equals risk over the same rows as one CSV', async () => {
    const rows = 'zip,sex,state\n10001,F,NY\n10001,F,NY\n10001,M,NY\n20001,F,DC\n20001,F,DC\n99501,M,AK\n';
    const csvFile = file('hive.csv', rows);
    const dir = join(root, 'people');
    const session = await openSession();
    try {
      await session.run(`COPY (SELECT * FROM read_csv('${csvFile}', all_varchar = true)) TO '${dir}' (FORMAT PARQUET, PARTITION_BY (state))`);
    } finally {
      session.close();
    }
    const figures = async (argv: string[]) => {
      const r = await run([...argv, '--json', '--bootstrap', '0']);
      expect(r.code, r.stderr).toBe(0);
      const { file: _f, engine: _e, warnings: _w, ...rest } = JSON.parse(r.stdout);
      return rest;
    };
    const fromFolder = await figures(['risk', dir, '--qi', 'zip,sex,state', '--engine', 'duckdb']);
    expect(fromFolder.records).toBe(6);
    expect(fromFolder.sampleUniques).toBe(2); // {10001,M,NY} and {99501,M,AK}
    expect(fromFolder).toEqual(await figures(['risk', csvFile, '--qi', 'zip,sex,state', '--engine', 'memory']));
    expect(inputWeight([dir])).toBeGreaterThan(0);
    const said: string[] = [];
    expect(chooseEngine(undefined, [dir], (l) => said.push(l), Infinity)).toBe('duckdb'); // a folder, whatever its size
    expect(said[0]).toMatch(/is a folder of Parquet files/);
    // the size said is the files' own bytes, not the weight that counts Parquet x5 against the threshold
    expect(inputWeight([dir])).toBe(PARQUET_FACTOR * inputWeight([dir], 1));
    expect(said[0]).toContain(`input ${(inputWeight([dir], 1) / 2 ** 20).toFixed(1)} MiB on disk`);
    expect(said[0]).toMatch(/bound it with --memory-limit SIZE/);
  });
});

describe('--memory-limit', () => {
  test('picks duckdb, bounds its memory and gives the figures of the unbounded run', async () => {
    const bounded = await run(['risk', TABLE, '--qi', 'zip,sex', '--memory-limit', '64MB', '--json']);
    expect(bounded.code).toBe(0);
    const unbounded = await run(['risk', TABLE, '--qi', 'zip,sex', '--engine', 'duckdb', '--json']);
    expect(JSON.parse(bounded.stdout)).toEqual({ ...JSON.parse(unbounded.stdout), engine: 'duckdb' });
  });
  test('a limit too small for the work fails naming the flag, exit 2', async () => {
    const r = await run(['risk', TABLE, '--qi', 'zip,sex', '--memory-limit', '1KB', '--json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Out of Memory Error/);
    expect(r.stderr).toMatch(/--memory-limit 1KB is too small for this work/);
  });
  test('DuckDB gets the limit and spills to its own temporary folder, removed on close', async () => {
    const { existsSync } = await import('node:fs');
    const session = await openSession({ memoryLimit: '64MB' });
    const settings = await session.peek("SELECT current_setting('memory_limit') AS m, current_setting('temp_directory') AS t");
    const temp = String(settings.t![0]);
    session.close();
    expect(settings.m![0]).toMatch(/^6[0-9](\.[0-9])? MiB$/); // DuckDB shows 64MB as 61.0 MiB
    expect(temp.startsWith(join(tmpdir(), 'reident-duckdb-'))).toBe(true);
    expect(existsSync(temp)).toBe(false);
  });
});

describe('bad flags', () => {
  const cases: [string, string[], RegExp][] = [
    ['an unknown engine', ['risk', TABLE, '--qi', 'zip', '--engine', 'spark'], /--engine must be memory or duckdb, got "spark"/],
    ['--print-sql with the memory engine', ['risk', TABLE, '--qi', 'zip', '--engine', 'memory', '--print-sql'], /--print-sql .* does not go with --engine memory/],
    ['--suda with duckdb', ['risk', TABLE, '--qi', 'zip', '--engine', 'duckdb', '--suda'], /--suda is not available with --engine duckdb/],
    ['--bootstrap with duckdb', ['risk', TABLE, '--qi', 'zip', '--engine', 'duckdb', '--bootstrap', '50'], /--bootstrap is not available with --engine duckdb/],
    ['--missing wildcard with duckdb', ['risk', TABLE, '--qi', 'zip', '--engine', 'duckdb', '--missing', 'wildcard'], /--missing wildcard is not available/],
    ['a column the file lacks', ['risk', TABLE, '--qi', 'zip,county', '--engine', 'duckdb'], new RegExp(`the table ${TABLE.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: no column "county"`)],
    ['an all-missing quasi-identifier', ['risk', file('na.csv', 'zip,sex\n1,\n2,\n'), '--qi', 'zip,sex', '--engine', 'duckdb'], /na\.csv: quasi-identifier "sex" has only missing values/],
    ['a missing file', ['risk', join(root, 'none.csv'), '--qi', 'zip', '--engine', 'duckdb'], /none\.csv: no such file/],
    ['a date_diff level', ['link', '--left', TABLE, '--right', TABLE, '--settings', SETTINGS([{ type: 'null' }, { type: 'date_diff', unit: 'year', threshold: 1, m: 0.9, u: 0.1 }, { type: 'else', m: 0.1, u: 0.9 }]), '--out', join(root, 'p.csv'), '--engine', 'duckdb'], /comparison 1 \("sex"\), level 2 \(date_diff\)/],
    ['a term-frequency level', ['link', '--left', TABLE, '--right', TABLE, '--settings', SETTINGS([{ type: 'null' }, { type: 'exact', tf_adjustment: 1, m: 0.9, u: 0.1 }, { type: 'else', m: 0.1, u: 0.9 }]), '--out', join(root, 'p.csv'), '--engine', 'duckdb'], /comparison 1 \("sex"\), level 2 \(exact\): term-frequency/],
    ['a link column the right file lacks', ['link', '--left', TABLE, '--right', file('r.csv', 'zip,age\n10001,3\n'), '--settings', SETTINGS(GOOD_LEVELS), '--out', join(root, 'p.csv'), '--engine', 'duckdb'], /--right .*r\.csv: no column "sex"/],
    ['--memory-limit not a size', ['risk', TABLE, '--qi', 'zip', '--memory-limit', 'lots'], /--memory-limit must be a size such as 2GB/],
    ['--memory-limit of nothing', ['risk', TABLE, '--qi', 'zip', '--memory-limit', '0GB'], /--memory-limit must be more than 0/],
    ['--memory-limit with the memory engine', ['link', '--left', TABLE, '--right', TABLE, '--settings', SETTINGS(GOOD_LEVELS), '--out', join(root, 'p.csv'), '--engine', 'memory', '--memory-limit', '1GB'], /--memory-limit is for --engine duckdb; it does not go with --engine memory/],
    ['--memory-limit on quasi-id without a voter roll', ['attack', 'quasi-id', '--world', root, '--memory-limit', '1GB'], /--memory-limit: attack quasi-id runs as SQL with --voter-roll FILE/],
    ['--engine on an attack without one', ['attack', 'unicity', '--world', root, '--engine', 'duckdb'], /--engine: only attack quasi-id has an engine choice/],
  ];
  for (const [what, argv, message] of cases) {
    test(what, async () => {
      const r = await run(argv);
      expect(r.stderr).toMatch(message);
      expect(r.code).toBe(2);
    });
  }
  test('a refused link leaves no pairs file behind', async () => {
    const out = join(root, 'never.csv');
    await run(['link', '--left', TABLE, '--right', TABLE, '--settings', SETTINGS([{ type: 'null' }, { type: 'date_diff', unit: 'day', threshold: 1, m: 0.9, u: 0.1 }, { type: 'else', m: 0.1, u: 0.9 }]), '--out', out, '--engine', 'duckdb']);
    const { existsSync } = await import('node:fs');
    expect(existsSync(out)).toBe(false);
    expect(existsSync(`${out}.${process.pid}.tmp`)).toBe(false);
  });
});

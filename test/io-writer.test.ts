import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, describe, expect, it } from 'vitest';
import { TABLE_NAMES, type GenerateRange, type TableName, type WorldBatch } from '../generators/world-types.ts';
import { col, type TableChunk, type TableSchema } from '../src/table/schema.ts';
import { writeWorld, type WriteWorldOptions } from '../src/io/world-writer.ts';
import type { PlanShape, WorldSource } from '../src/io/world-source.ts';

// A small fake world: every table has int, string, money and date columns; rows depend only on the person index.
const schemaOf = (name: TableName): TableSchema => ({
  name,
  description: `fake ${name}`,
  columns: [
    col('person_id', 'int', 'truth', true),
    col('label', 'string', 'text with awkward characters'),
    col('amount', 'money', 'cents'),
    col('on_date', 'date', 'a date'),
  ],
});

const plan: PlanShape = {
  options: { seed: 7, people: 250, states: ['VT'], scale: null, calibration: 'est2019', claimYears: 1, ssn: 'synthetic' },
  totalPeople: 250,
  referenceDate: '2019-07-01',
  schemas: Object.fromEntries(TABLE_NAMES.map((t) => [t, schemaOf(t)])) as Record<TableName, TableSchema>,
};

function rowsFor(table: TableName, start: number, end: number): TableChunk {
  const per = TABLE_NAMES.indexOf(table) % 3; // 0, 1 or 2 rows per person
  const ids: number[] = [], labels: (string | null)[] = [], amounts: (number | null)[] = [], dates: (string | null)[] = [];
  for (let p = start; p < end; p++) {
    for (let k = 0; k < per; k++) {
      ids.push(p);
      labels.push(p % 13 === 0 ? null : p % 17 === 0 ? '' : `p${p}, "k${k}"${p % 5 === 0 ? '\nline' : ''}`);
      amounts.push(p % 11 === 0 ? null : (p * 37 - 900) * (k + 1));
      dates.push(`2019-${String((p % 12) + 1).padStart(2, '0')}-0${k + 1}`);
    }
  }
  return { rows: ids.length, columns: [ids, labels, amounts, dates] };
}

function fakeSource(failAt = -1): WorldSource<PlanShape> {
  return {
    *generateWorld(_plan: PlanShape, range: GenerateRange): Generator<WorldBatch> {
      const size = range.batchSize ?? 64;
      for (let start = range.start; start < range.end; start += size) {
        const end = Math.min(range.end, start + size);
        if (failAt >= start && failAt < end) throw new Error(`fake generator failed at person ${failAt}`);
        const chunks: Partial<Record<TableName, TableChunk>> = {};
        for (const t of range.tables) chunks[t] = rowsFor(t, start, end);
        yield { start, end, chunks };
      }
    },
    shardRange(total, shard, shards) {
      return { start: Math.floor((total * shard) / shards), end: Math.floor((total * (shard + 1)) / shards) };
    },
  };
}

const root = mkdtempSync(join(tmpdir(), 'reident-io-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
const freshDir = () => join(root, `run${n++}`);
const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
const options = (outDir: string, extra: Partial<WriteWorldOptions<PlanShape>> = {}): WriteWorldOptions<PlanShape> => ({
  outDir,
  format: 'csv',
  tables: [...TABLE_NAMES],
  batchSize: 40,
  source: fakeSource(),
  ...extra,
});

describe('writeWorld', () => {
  it('writes one file per table and a manifest whose checksums match', async () => {
    const dir = freshDir();
    const progress: [number, number][] = [];
    const result = await writeWorld(plan, options(dir, { onProgress: (d, t) => progress.push([d, t]) }));
    expect(readdirSync(dir).sort()).toEqual([...TABLE_NAMES.map((t) => `${t}.csv`), 'manifest.json'].sort());
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({ schemaVersion: 1, seed: 7, calibration: 'est2019', referenceDate: '2019-07-01', shard: null, totalPeople: 250 });
    expect(manifest.generator).toMatch(/^reident \d+\.\d+\.\d+/);
    expect(Object.keys(manifest.tables)).toEqual([...TABLE_NAMES]);
    for (const t of TABLE_NAMES) {
      const entry = manifest.tables[t];
      expect(entry.sha256).toBe(sha(join(dir, entry.file)));
      const lines = readFileSync(join(dir, entry.file), 'utf8');
      expect(entry.rows).toBe(rowsFor(t, 0, 250).rows);
      expect(lines.startsWith('person_id,label,amount,on_date\n')).toBe(true);
      expect(entry.columns[0]).toEqual({ name: 'person_id', type: 'int', truth: true });
    }
    expect(result.tables.map((t) => t.table)).toEqual([...TABLE_NAMES]);
    expect(progress[0]).toEqual([0, 250]);
    expect(progress.at(-1)).toEqual([250, 250]);
    expect(JSON.stringify(manifest)).not.toContain(root);
  });

  it('gives byte-identical files and manifest on a rerun', async () => {
    const a = freshDir(), b = freshDir();
    await writeWorld(plan, options(a, { format: 'json' }));
    await writeWorld(plan, options(b, { format: 'json', batchSize: 7 }));
    for (const f of readdirSync(a)) expect(sha(join(b, f))).toBe(sha(join(a, f)));
    const rows = JSON.parse(readFileSync(join(a, 'claims_carrier.json'), 'utf8'));
    expect(rows).toHaveLength(rowsFor('claims_carrier', 0, 250).rows);
  });

  it('writes only the requested tables, in canonical order, and records the shard', async () => {
    const dir = freshDir();
    await writeWorld(plan, options(dir, { tables: ['claims_pde', 'people'], shard: { index: 1, count: 3 } }));
    expect(readdirSync(dir).sort()).toEqual(['claims_pde.csv', 'manifest.json', 'people.csv']);
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    expect(Object.keys(manifest.tables)).toEqual(['people', 'claims_pde']);
    expect(manifest.shard).toEqual({ index: 1, count: 3, people: { start: 83, end: 166 } });
    expect(manifest.tables.people.rows).toBe(rowsFor('people', 83, 166).rows);
  });

  it('leaves no new table files when the generator fails mid-run, and the old world whole with its manifest', async () => {
    const dir = freshDir();
    await writeWorld(plan, options(dir));
    const before = sha(join(dir, 'people.csv'));
    const manifest = readFileSync(join(dir, 'manifest.json'), 'utf8');
    await expect(writeWorld(plan, options(dir, { format: 'json', source: fakeSource(130) }))).rejects.toThrow(/failed at person 130/);
    expect(readdirSync(dir).sort()).toEqual([...TABLE_NAMES.map((t) => `${t}.csv`), 'manifest.json'].sort());
    expect(sha(join(dir, 'people.csv'))).toBe(before); // the old world is untouched and still verifies
    expect(readFileSync(join(dir, 'manifest.json'), 'utf8')).toBe(manifest);
    const fresh = freshDir();
    await expect(writeWorld(plan, options(fresh, { source: fakeSource(0) }))).rejects.toThrow(/failed/);
    expect(readdirSync(fresh)).toEqual([]);
  });

  it('stops after the current batch when aborted, removing the partial files', async () => {
    const dir = freshDir();
    const abort = new AbortController();
    const run = writeWorld(plan, options(dir, { signal: abort.signal, onProgress: (done) => done >= 80 && abort.abort(new Error('stop now')) }));
    await expect(run).rejects.toThrow('stop now');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('names the output directory when it cannot be created or written', async () => {
    const file = join(root, 'a-file');
    writeFileSync(file, 'x');
    await expect(writeWorld(plan, options(join(file, 'sub')))).rejects.toThrow(`cannot create output directory "${join(file, 'sub')}"`);
    if (existsSync('/proc/self')) {
      // mkdir under /proc fails with ENOENT; Node's own recursive mkdir would spin there forever
      await expect(writeWorld(plan, options('/proc/reident-test/out'))).rejects.toThrow('cannot create output directory "/proc/reident-test/out"');
    }
    if (process.getuid?.() !== 0) {
      const locked = freshDir();
      await writeWorld(plan, options(locked, { tables: ['people'] }));
      chmodSync(locked, 0o500);
      try {
        await expect(writeWorld(plan, options(locked))).rejects.toThrow(`output directory "${locked}" is not writable`);
      } finally {
        chmodSync(locked, 0o700);
      }
    }
  });

  it('writes Parquet that reads back with the schema types, byte-identical across runs', async () => {
    const a = freshDir(), b = freshDir();
    await writeWorld(plan, options(a, { format: 'parquet', tables: ['people', 'beneficiaries', 'claims_carrier'] }));
    await writeWorld(plan, options(b, { format: 'parquet', tables: ['people', 'beneficiaries', 'claims_carrier'], batchSize: 100 }));
    expect(readdirSync(a).sort()).toEqual(['beneficiaries.parquet', 'claims_carrier.parquet', 'manifest.json', 'people.parquet']);
    for (const f of readdirSync(a)) expect(sha(join(b, f))).toBe(sha(join(a, f)));
    const manifest = JSON.parse(readFileSync(join(a, 'manifest.json'), 'utf8'));
    expect(manifest.tables.beneficiaries.sha256).toBe(sha(join(a, 'beneficiaries.parquet')));
    expect(manifest.tables.people.rows).toBe(0);

    const db = await DuckDBInstance.create(':memory:');
    const con = await db.connect();
    const path = join(a, 'beneficiaries.parquet').replace(/'/g, "''");
    const count = await con.runAndReadAll(`SELECT count(*) AS n, typeof(any_value(person_id)) AS t, typeof(any_value(amount)) AS m, typeof(any_value(on_date)) AS d FROM '${path}'`);
    expect(count.getRowObjectsJS()[0]).toEqual({ n: 250n, t: 'INTEGER', m: 'DECIMAL(14,2)', d: 'DATE' });
    const rows = await con.runAndReadAll(`SELECT person_id, label, CAST(amount AS VARCHAR) AS amount, CAST(on_date AS VARCHAR) AS on_date FROM '${path}' WHERE person_id IN (0, 5, 17, 26) ORDER BY person_id`);
    expect(rows.getRowObjectsJS()).toEqual([
      { person_id: 0, label: null, amount: null, on_date: '2019-01-01' },
      { person_id: 5, label: 'p5, "k0"\nline', amount: '-7.15', on_date: '2019-06-01' },
      { person_id: 17, label: '', amount: '-2.71', on_date: '2019-06-01' },
      { person_id: 26, label: null, amount: '0.62', on_date: '2019-03-01' },
    ]);
    con.closeSync();
    db.closeSync();
    expect(existsSync(join(a, 'beneficiaries.parquet.csv'))).toBe(false);
  });
});

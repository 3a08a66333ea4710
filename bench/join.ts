// Quasi-identifier join of two 1M-row tables on {ZIP, sex, birth date}, unique on both sides, beside
// DuckDB doing the same join (tables loaded before the clock starts), measured in one run.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { below, streamKey } from '../src/random/prng.ts';
import { quasiIdentifierJoin } from '../attacks/join/quasi-identifier-join.ts';
import { textTable } from '../src/table/text.ts';

function table(n: number, offset: number, seed: string): Record<string, string[]> {
  const key = streamKey(seed, 'join-bench');
  const zip: string[] = [];
  const sex: string[] = [];
  const dob: string[] = [];
  for (let i = 0; i < n; i++) {
    const p = i + offset; // shared people appear on both sides with the same values
    zip.push(String(10000 + below(key, p, 0, 3000)));
    sex.push(below(key, p, 1, 2) ? 'F' : 'M');
    dob.push(`19${String(20 + below(key, p, 2, 80))}-${String(1 + below(key, p, 3, 12)).padStart(2, '0')}-${String(1 + below(key, p, 4, 28)).padStart(2, '0')}`);
  }
  return { zip, sex, dob };
}

export interface JoinBench {
  rows: number;
  oursSeconds: number;
  duckdbSeconds: number;
  linked: number;
}

export async function benchJoin(n: number, dir: string): Promise<JoinBench> {
  const left = table(n, 0, 'l');
  const right = table(n, Math.floor(n / 2), 'l'); // half the people are on both sides
  const t0 = performance.now();
  const ours = quasiIdentifierJoin(textTable(left), textTable(right), { on: [['zip', 'zip'], ['sex', 'sex'], ['dob', 'dob']], rule: 'unique-both', normalise: (s) => s });
  const oursSeconds = (performance.now() - t0) / 1000;
  const files = [left, right].map((t, k) => {
    const p = join(dir, `join-${k}-${n}.csv`);
    writeFileSync(p, 'zip,sex,dob\n' + t.zip!.map((z, i) => `${z},${t.sex![i]},${t.dob![i]}`).join('\n') + '\n');
    return p;
  });
  const db = await DuckDBInstance.create(':memory:');
  const con = await db.connect();
  await con.run(`CREATE TABLE l AS SELECT * FROM read_csv('${files[0]}', header = true, all_varchar = true)`);
  await con.run(`CREATE TABLE r AS SELECT * FROM read_csv('${files[1]}', header = true, all_varchar = true)`);
  const t1 = performance.now();
  const res = await con.runAndReadAll(`
    WITH lu AS (SELECT zip, sex, dob FROM l GROUP BY ALL HAVING count(*) = 1),
         ru AS (SELECT zip, sex, dob FROM r GROUP BY ALL HAVING count(*) = 1)
    SELECT count(*) FROM lu JOIN ru USING (zip, sex, dob)`);
  const duckdbSeconds = (performance.now() - t1) / 1000;
  const linked = Number(res.getRows()[0]![0]);
  con.closeSync();
  db.closeSync();
  if (linked !== ours.linked) throw new Error(`join bench: DuckDB linked ${linked}, reident ${ours.linked}`);
  return { rows: n, oursSeconds, duckdbSeconds, linked };
}

// Class summary + prosecutor measures on N rows x 5 quasi-identifiers, beside DuckDB's GROUP BY and
// class-size histogram on the same data (loaded before the clock starts), measured in one run.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { streamKey, uniform } from '../src/random/prng.ts';
import { classSummary } from '../attacks/risk/classes.ts';
import { prosecutorRisk } from '../attacks/risk/prosecutor.ts';
import type { QiTable } from '../attacks/risk/types.ts';

/** Five quasi-identifiers shaped like ZIP3, sex, birth year, month and race (skewed, seeded). */
export function syntheticQis(n: number): QiTable {
  const cardinality = [900, 2, 90, 12, 6];
  const key = streamKey(1, 'bench-qi');
  const codes = cardinality.map((c, j) => {
    const col = new Int32Array(n);
    for (let i = 0; i < n; i++) col[i] = Math.floor(c * Math.pow(uniform(key, i, j), 1.7)); // skewed
    return col;
  });
  return { records: n, names: ['zip3', 'sex', 'birth_year', 'birth_month', 'race'], codes, dictionaries: cardinality.map((c) => Array.from({ length: c }, (_, k) => String(k))) };
}

function toCsv(t: QiTable, path: string): void {
  const lines: string[] = [t.names.join(',')];
  for (let i = 0; i < t.records; i++) lines.push(`${t.codes[0]![i]},${t.codes[1]![i]},${t.codes[2]![i]},${t.codes[3]![i]},${t.codes[4]![i]}`);
  writeFileSync(path, lines.join('\n') + '\n');
}

export interface RiskBench {
  rows: number;
  oursSeconds: number;
  duckdbSeconds: number;
  classes: number;
  duckdbClasses: number;
}

export async function benchRisk(n: number, dir: string): Promise<RiskBench> {
  const table = syntheticQis(n);
  classSummary(syntheticQis(10_000)); // warm-up
  const t0 = performance.now();
  const summary = classSummary(table, 'category');
  const ours = prosecutorRisk(summary, 0.09);
  const oursSeconds = (performance.now() - t0) / 1000;

  const csv = join(dir, `qi-${n}.csv`);
  toCsv(table, csv);
  const db = await DuckDBInstance.create(':memory:');
  const con = await db.connect();
  await con.run(`CREATE TABLE t AS SELECT * FROM read_csv('${csv}', header = true, columns = {'zip3': 'INTEGER', 'sex': 'INTEGER', 'birth_year': 'INTEGER', 'birth_month': 'INTEGER', 'race': 'INTEGER'})`);
  const t1 = performance.now();
  const result = await con.runAndReadAll(`
    WITH classes AS (SELECT count(*) AS f FROM t GROUP BY zip3, sex, birth_year, birth_month, race),
         hist AS (SELECT f, count(*) AS c FROM classes GROUP BY f)
    SELECT sum(c) AS classes, min(f) AS k, sum(c) FILTER (WHERE f = 1) AS uniques,
           sum(c * f) FILTER (WHERE 1.0 / f > 0.09) AS at_risk FROM hist`);
  const duckdbSeconds = (performance.now() - t1) / 1000;
  const row = result.getRows()[0]!;
  con.closeSync();
  db.closeSync();
  const duckdbClasses = Number(row[0]);
  if (duckdbClasses !== ours.classes || Number(row[2] ?? 0) !== ours.sampleUniques) {
    throw new Error(`risk bench: DuckDB and reident disagree (${duckdbClasses} vs ${ours.classes} classes, ${row[2]} vs ${ours.sampleUniques} uniques)`);
  }
  return { rows: n, oursSeconds, duckdbSeconds, classes: ours.classes, duckdbClasses };
}

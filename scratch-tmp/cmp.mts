import { DuckDBInstance } from '@duckdb/node-api';
import { readColumns } from '/work/wt/national-gen/src/io/read-columns.ts';
const db = await (await DuckDBInstance.create(':memory:')).connect();
for (const t of ['people','beneficiaries','claims_carrier','claims_outpatient','claims_inpatient','claims_pde']) {
  const d = await db.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet('/tmp/ng/a/${t}.parquet')`);
  const types = [...new Set(d.getRows().map(r => r[1]))];
  const a = await readColumns(`/tmp/ng/a/${t}.parquet`, { columns: 'all' });
  const b = await readColumns(`/tmp/ng/b/${t}.csv`, { columns: 'all' });
  let diff = 0; let ex = '';
  for (const n of b.names) { const ca: any = a.columns[n], cb: any = b.columns[n];
    for (let i = 0; i < b.rows; i++) { const va = ca.codes[i] < 0 ? null : ca.dictionary[ca.codes[i]]; const vb = cb.codes[i] < 0 ? null : cb.dictionary[cb.codes[i]]; if (va !== vb) { diff++; if (!ex) ex = `${n} row ${i}: ${va} vs ${vb}`; } } }
  console.log(t, types.join(','), a.rows, b.rows, 'diffs', diff, ex);
}

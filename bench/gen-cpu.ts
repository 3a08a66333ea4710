// CPU seconds of the generation steps the bench measures, on this thread alone (no workers, no files),
// with a digest of every byte made: `npx tsx bench/gen-cpu.ts [people|csv|all] [--people N] [--batch N]
// [--v8-default]` (--v8-default: V8's own inlining budget, as before src/io/v8-inlining.ts).
// Used to compare code before and after a change on a shared machine (CPU time, not wall time) and
// to check that the output bytes did not change.
import { createHash } from 'node:crypto';
import { planWorld } from '../generators/world.ts';
import { peopleBatch } from '../generators/population/people.ts';
import { TABLE_NAMES, type TableName } from '../generators/world-types.ts';
import { BatchFormatter } from '../src/io/format-batch.ts';
import { allowDeeperInlining } from '../src/io/v8-inlining.ts';

if (!process.argv.includes('--v8-default')) allowDeeperInlining();

const step = process.argv[2] ?? 'csv';
const at = process.argv.indexOf('--people');
const people = at > 0 ? Number(process.argv[at + 1]) : step === 'all' ? 100_000 : 500_000;
const plan = planWorld({ seed: 1, people });
const atBatch = process.argv.indexOf('--batch');
const BATCH = atBatch > 0 ? Number(process.argv[atBatch + 1]) : 50_000; // people per formatter batch

function cpuSeconds(f: () => void): number {
  const c = process.cpuUsage();
  f();
  const u = process.cpuUsage(c);
  return (u.user + u.system) / 1e6;
}

if (step === 'people') {
  peopleBatch(plan.context, 0, 1000); // warm-up: vocabularies, alias tables
  const hash = createHash('sha256');
  const s = cpuSeconds(() => {
    for (let a = 0; a < people; a += BATCH) {
      const b = peopleBatch(plan.context, a, Math.min(people, a + BATCH));
      hash.update(new Uint8Array(b.birthDay.buffer, b.birthDay.byteOffset, b.birthDay.byteLength));
      hash.update(new Uint8Array(b.ssnRecorded.buffer, b.ssnRecorded.byteOffset, b.ssnRecorded.byteLength));
    }
  });
  console.log(JSON.stringify({ step, people, cpuSeconds: +s.toFixed(2), perSecond: Math.round(people / s), digest: hash.digest('hex').slice(0, 16) }));
} else {
  const tables: TableName[] = step === 'all' ? [...TABLE_NAMES] : ['people'];
  const formatter = new BatchFormatter(plan, tables, 'csv');
  const hashes = new Map(tables.map((t) => [t, createHash('sha256')]));
  const rows = new Map(tables.map((t) => [t, 0]));
  const s = cpuSeconds(() => {
    for (let a = 0; a < people; a += BATCH) {
      const making = formatter.batch(a, Math.min(people, a + BATCH));
      let r = making.next();
      while (!r.done) r = making.next();
      for (const t of tables) {
        hashes.get(t)!.update(r.value.bytes[t]!);
        rows.set(t, rows.get(t)! + r.value.rows[t]!);
      }
      formatter.recycle(Object.values(r.value.bytes).map((b) => b!.buffer as ArrayBuffer));
    }
  });
  const claims = tables.filter((t) => t.startsWith('claims_')).reduce((a, t) => a + rows.get(t)!, 0);
  console.log(JSON.stringify({ step, people, cpuSeconds: +s.toFixed(2), perSecond: Math.round(people / s), claims, claimsPerSecond: Math.round(claims / s) }));
  for (const t of tables) console.log(`  ${t}: ${rows.get(t)} rows, sha256 ${hashes.get(t)!.digest('hex').slice(0, 16)}`);
}

// CPU seconds of the claim tables' CSV bytes, written straight from the stores (claims-csv.ts) and, in the
// same process and alternately per slice, the older way (build the table chunk, then encode it), with
// the simulation's own CPU for scale: `npx tsx bench/claims-csv-cpu.ts [--people N]`.
// Alternating within one process keeps the comparison fair on a shared machine; both ways' bytes are compared.
import { generateWorld, planWorld } from '../generators/world.ts';
import { CLAIM_SCHEMAS } from '../generators/medicare/claims/schemas.ts';
import { ByteBuffer } from '../src/io/byte-buffer.ts';
import { appendCsvBytes } from '../src/io/csv-bytes.ts';
import type { TableChunk } from '../src/table/schema.ts';

const at = process.argv.indexOf('--people');
const people = at > 0 ? Number(process.argv[at + 1]) : 100_000;
const plan = planWorld({ seed: 1, people });
const names = Object.keys(CLAIM_SCHEMAS) as (keyof typeof CLAIM_SCHEMAS)[];

const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};
const direct = new ByteBuffer(1 << 24);
const viaChunk = new ByteBuffer(1 << 24);
let simulate = 0;
let fast = 0;
let slow = 0;
let rows = 0;
let t = cpu();
let slice = 0;
for (const s of generateWorld(plan, { start: 0, end: people, tables: new Set(names), batchSize: 5_000 })) {
  simulate += cpu() - t;
  const order = slice++ % 2 === 0 ? ['fast', 'slow'] : ['slow', 'fast'];
  for (const way of order) {
    const t0 = cpu();
    for (const name of names) {
      const chunk = s.chunks[name]!;
      if (way === 'fast') {
        direct.length = 0;
        appendCsvBytes(CLAIM_SCHEMAS[name], chunk, direct);
      }
    }
    if (way === 'fast') fast += cpu() - t0;
    else {
      for (const name of names) {
        const chunk = s.chunks[name]!;
        const plain: TableChunk = { rows: chunk.rows, columns: chunk.columns }; // builds the columns
        viaChunk.length = 0;
        appendCsvBytes(CLAIM_SCHEMAS[name], plain, viaChunk);
      }
      slow += cpu() - t0;
    }
  }
  // bytes of the last table of the slice, both ways (the full check is bench/gen-cpu.ts's sha256)
  if (Buffer.compare(direct.bytes.subarray(0, direct.length), viaChunk.bytes.subarray(0, viaChunk.length)) !== 0) throw new Error('bytes differ');
  for (const name of names) rows += s.chunks[name]!.rows;
  t = cpu();
}
const r = (x: number) => +x.toFixed(2);
console.log(JSON.stringify({ people, claimRows: rows, simulateCpuSeconds: r(simulate), directCpuSeconds: r(fast), chunkThenEncodeCpuSeconds: r(slow) }));

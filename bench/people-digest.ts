// sha256 of every coded column of peopleBatch (not only the two gen-cpu.ts hashes), for a sample-mode world
// and a complete-mode one: `npx tsx bench/people-digest.ts [--people N]`. Used to check that a change to the
// population generator keeps every value identical.
import { createHash } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { planWorld } from '../generators/world.ts';
import { peopleBatch } from '../generators/population/people.ts';

const at = process.argv.indexOf('--people');
const people = at > 0 ? Number(process.argv[at + 1]) : 200_000;
const BATCH = 37_000; // not a multiple of the household block, so batches cut households

/** sha256 over every coded column of peopleBatch, batch by batch (`batch` people at a time). */
export function peopleColumnsDigest(plan: ReturnType<typeof planWorld>, n: number, batch = BATCH): { columns: number; sha256: string } {
  const hashes = new Map<string, ReturnType<typeof createHash>>();
  for (let a = 0; a < n; a += batch) {
    const b = peopleBatch(plan.context, a, Math.min(n, a + batch)) as unknown as Record<string, unknown>;
    for (const [k, v] of Object.entries(b)) {
      if (!ArrayBuffer.isView(v)) continue;
      if (!hashes.has(k)) hashes.set(k, createHash('sha256'));
      hashes.get(k)!.update(new Uint8Array(v.buffer, v.byteOffset, v.byteLength));
    }
  }
  const all = createHash('sha256');
  for (const [k, h] of [...hashes].sort()) all.update(`${k}:${h.digest('hex')}\n`);
  return { columns: hashes.size, sha256: all.digest('hex') };
}

function digest(label: string, plan: ReturnType<typeof planWorld>, n: number): void {
  const d = peopleColumnsDigest(plan, n);
  console.log(`${label}: ${n} people, ${d.columns} columns, sha256 ${d.sha256.slice(0, 16)}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  digest('sample', planWorld({ seed: 1, people }), people);
  const complete = planWorld({ seed: 7, states: ['WY', 'VT'], scale: 0.2 });
  digest('complete WY,VT x0.2', complete, complete.context.frame.totalPeople);
}

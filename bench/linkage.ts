// Probabilistic linkage of N x N people-like records with blocking: the people of a generated world
// against a corrupted copy (typos, nicknames, swapped names, date slips), EM-trained, timed end to end.
import { corruptTable } from '../generators/adversary/corrupt/corrupt.ts';
import { PERSON_ERRORS } from '../generators/adversary/with-errors.ts';
import { generateWorld, planWorld } from '../generators/world.ts';
import { linkTables } from '../attacks/link/link.ts';
import { peopleSettingsExample } from '../attacks/link/settings.ts';
import { scoreLinks } from '../attacks/score/index.ts';
import { plainColumn } from '../src/table/schema.ts';
import { textTable } from '../src/table/text.ts';

export interface LinkageBench {
  rows: number;
  seconds: number;
  candidatePairs: number;
  pairsPerSecond: number;
  precision: number;
  recall: number;
}

export function benchLinkage(n: number): LinkageBench {
  const plan = planWorld({ seed: 'linkage-bench', people: n });
  const names = ['first_name', 'last_name', 'birth_date', 'zip'];
  const index = names.map((c) => plan.schemas.people.columns.findIndex((s) => s.name === c));
  const left: Record<string, (string | null)[]> = Object.fromEntries(names.map((c) => [c, []]));
  for (const b of generateWorld(plan, { start: 0, end: n, tables: new Set(['people']), batchSize: 100_000 })) {
    names.forEach((c, k) => {
      const col = plainColumn(b.chunks.people!.columns[index[k]!]!);
      const out = left[c]!;
      for (let i = 0; i < col.length; i++) out.push(col[i] === null ? null : String(col[i]));
    });
  }
  const right = corruptTable(left, { ...PERSON_ERRORS.names, ...PERSON_ERRORS.birthDate }, { seed: 1, stream: 'linkage-bench' }).columns;
  const l = textTable(left);
  const r = textTable({ ...left, ...right });
  const t0 = performance.now();
  const result = linkTables(l, r, peopleSettingsExample, { train: true, seed: 1, threshold: 0.5 });
  const seconds = (performance.now() - t0) / 1000;
  const truth = Int32Array.from({ length: n }, (_, i) => i);
  const s = scoreLinks({ left: result.left, right: result.right }, truth, truth);
  return { rows: n, seconds, candidatePairs: result.candidatePairs, pairsPerSecond: result.candidatePairs / seconds, precision: s.precision.point, recall: s.recall.point };
}

// A world generated in memory for a scenario (or a notebook): the tables asked for, each a column view
// that turns a column into text only when it is first read. Browser-safe.
import { generateWorld, planWorld } from '../../generators/world.ts';
import type { TableName } from '../../generators/world-types.ts';
import { plainColumn, type TableChunk, type TableSchema } from '../table/schema.ts';
import { count } from '../report/numbers.ts';
import type { ScenarioProgress, ScenarioWorld } from './scenario.ts';
import type { TableView } from './world-view.ts';
import type { WorldSection } from './world-options.ts';

export function generatedWorld(o: WorldSection, tables: readonly TableName[], progress?: ScenarioProgress): ScenarioWorld {
  const plan = planWorld({ seed: o.seed, ...(o.people ? { people: o.people } : { scale: o.scale }), calibration: o.calibration, states: o.states === 'all' ? 'all' : o.states.split(',').map((x) => x.trim().toUpperCase()) });
  const wanted = new Set<TableName>(['people', ...tables]);
  const chunks = new Map<TableName, TableChunk[]>([...wanted].map((t) => [t, []]));
  for (const batch of generateWorld(plan, { start: 0, end: plan.totalPeople, tables: wanted })) {
    for (const [t, c] of Object.entries(batch.chunks)) chunks.get(t as TableName)?.push(c!);
    progress?.('generating the world', batch.end, plan.totalPeople);
  }
  const view = (t: TableName) => (wanted.has(t) ? chunkView(plan.schemas[t], chunks.get(t)!) : undefined);
  return {
    source: `generated in memory: ${count(plan.totalPeople)} people, seed ${o.seed}, ${o.states === 'all' ? 'all states' : o.states}, ${o.calibration} calibration`,
    people: view('people')!,
    beneficiaries: view('beneficiaries'),
    claims_carrier: view('claims_carrier'),
    claims_inpatient: view('claims_inpatient'),
  };
}

/** Generated chunks of one table as a column view; a column becomes text when first read. */
export function chunkView(schema: TableSchema, chunks: readonly TableChunk[]): TableView {
  const index = new Map(schema.columns.map((c, j) => [c.name, j]));
  const cache = new Map<string, (string | null)[]>();
  return {
    records: chunks.reduce((a, c) => a + c.rows, 0),
    column(name) {
      let out = cache.get(name);
      if (out) return out;
      const j = index.get(name);
      if (j === undefined) throw new Error(`the ${schema.name} table has no column "${name}"`);
      out = [];
      for (const ch of chunks) {
        const v = plainColumn(ch.columns[j]!);
        for (let i = 0; i < v.length; i++) out.push(v[i] === null ? null : String(v[i]));
      }
      cache.set(name, out);
      return out;
    },
  };
}

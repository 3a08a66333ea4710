// Small worlds for tests, built once per test file.
import { buildFrame, resolveStates } from '../../generators/population/frame.ts';
import { populationContext, type PopulationContext } from '../../generators/population/context.ts';
import type { CalibrationName, SsnMode } from '../../generators/world-types.ts';
import { generateWorld, planWorld } from '../../generators/world.ts';
import type { TableChunk, TableSchema } from '../../src/table/schema.ts';
import type { Table } from '../../src/table/table.ts';
import { chunkView } from '../../src/scenarios/world-memory.ts';
import { textsOf } from '../../src/table/text.ts';

export function sampleContext(people: number, seed: number | string = 1, opts: { states?: string[]; calibration?: CalibrationName; ssn?: SsnMode; years?: number } = {}): PopulationContext {
  const frame = buildFrame({ seed, calibration: opts.calibration ?? 'est2019', states: resolveStates(opts.states ?? 'all'), people, scale: null });
  return populationContext(seed, frame, opts.ssn ?? 'synthetic', opts.years ?? 1);
}

export function completeContext(states: string[], scale: number, seed: number | string = 1, calibration: CalibrationName = 'census2010'): PopulationContext {
  const frame = buildFrame({ seed, calibration, states: resolveStates(states), people: null, scale });
  return populationContext(seed, frame, 'synthetic', 1);
}

export function share(n: number, f: (i: number) => boolean): number {
  let c = 0;
  for (let i = 0; i < n; i++) if (f(i)) c++;
  return c / n;
}

/** Generated chunks of one table as the one table (as a scenario's world holds it). */
export function tableView(schema: TableSchema, chunks: readonly TableChunk[]): Table {
  return chunkView(schema, chunks);
}

/** The people and inpatient-stay tables of a small generated world, as views (for adversary tests). */
export function peopleAndStays(seed: number, people: number): { people: Table; stays: Table } {
  const plan = planWorld({ seed, people });
  const p: TableChunk[] = [];
  const s: TableChunk[] = [];
  for (const b of generateWorld(plan, { start: 0, end: plan.totalPeople, tables: new Set(['people', 'claims_inpatient']) })) {
    p.push(b.chunks.people!);
    s.push(b.chunks.claims_inpatient!);
  }
  return { people: tableView(plan.schemas.people, p), stays: tableView(plan.schemas.claims_inpatient, s) };
}

const textCache = new WeakMap<Table, Map<string, (string | null)[]>>();
/** A column's values as text, made once per table and column (tests read them row by row). */
export function columnText(t: Table, name: string): (string | null)[] {
  let byName = textCache.get(t);
  if (!byName) textCache.set(t, (byName = new Map()));
  let out = byName.get(name);
  if (!out) byName.set(name, (out = textsOf(t, name)));
  return out;
}

// Small worlds for tests, built once per test file.
import { buildFrame, resolveStates } from '../../generators/population/frame.ts';
import { populationContext, type PopulationContext } from '../../generators/population/context.ts';
import type { CalibrationName, SsnMode } from '../../generators/world-types.ts';
import { generateWorld, planWorld } from '../../generators/world.ts';
import type { WorldPeople } from '../../generators/adversary/types.ts';
import { plainColumn, type TableChunk, type TableSchema } from '../../src/table/schema.ts';

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

/** Generated chunks of one table as a text column view (the shape adversary builders and scenarios read). */
export function tableView(schema: TableSchema, chunks: readonly TableChunk[]): WorldPeople {
  const cols = new Map<string, (string | null)[]>(schema.columns.map((c) => [c.name, []]));
  for (const ch of chunks) {
    schema.columns.forEach((c, j) => {
      const v = plainColumn(ch.columns[j]!);
      const out = cols.get(c.name)!;
      for (let i = 0; i < v.length; i++) out.push(v[i] === null ? null : String(v[i]));
    });
  }
  const records = chunks.reduce((a, c) => a + c.rows, 0);
  return {
    records,
    column: (n) => {
      const c = cols.get(n);
      if (!c) throw new Error(`no column ${n}`);
      return c;
    },
  };
}

/** The people and inpatient-stay tables of a small generated world, as views (for adversary tests). */
export function peopleAndStays(seed: number, people: number): { people: WorldPeople; stays: WorldPeople } {
  const plan = planWorld({ seed, people });
  const p: TableChunk[] = [];
  const s: TableChunk[] = [];
  for (const b of generateWorld(plan, { start: 0, end: plan.totalPeople, tables: new Set(['people', 'claims_inpatient']) })) {
    p.push(b.chunks.people!);
    s.push(b.chunks.claims_inpatient!);
  }
  return { people: tableView(plan.schemas.people, p), stays: tableView(plan.schemas.claims_inpatient, s) };
}

// The world generator as the writer sees it; the real one is loaded lazily so the shell starts fast.
import type { GenerateRange, TableName, WorldBatch } from '../../generators/world-types.ts';
import type { WorldPlan } from '../../generators/world.ts';
import type { TableSchema } from '../table/schema.ts';

export type { WorldPlan };

/** What the writer reads from a plan (a WorldPlan, or a test's fake). */
export interface PlanShape {
  readonly options: WorldPlan['options'];
  readonly totalPeople: number;
  readonly referenceDate: string;
  readonly schemas: Record<TableName, TableSchema>;
}

export interface WorldSource<P extends PlanShape = WorldPlan> {
  generateWorld(plan: P, range: GenerateRange): Iterable<WorldBatch>;
  shardRange(total: number, shard: number, shards: number): { start: number; end: number };
}

export type WorldModule = typeof import('../../generators/world.ts');

/** The generators/world.ts module. */
export async function loadWorld(): Promise<WorldModule> {
  return import('../../generators/world.ts');
}

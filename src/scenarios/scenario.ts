// The life cycle every scenario follows: it declares its name, a one-line description, the real
// situation it models, the world tables it needs and its options (with defaults); `run` takes a world
// and options already checked against that declaration and returns a declared ScenarioResult.
// Browser-safe.
import type { TableName } from '../../generators/world-types.ts';
import type { OptionSpec, Options } from './option-spec.ts';
import type { ScenarioResult } from './result.ts';
import type { WorldView } from './world-view.ts';

/** Progress of a long run: the step under way and how far it is. */
export type ScenarioProgress = (step: string, done: number, total: number) => void;

export interface ScenarioWorld extends WorldView {
  /** Where the world came from, for the report ("generated: 20,000 people, seed 1" or a folder). */
  readonly source: string;
}

export interface ScenarioDefinition {
  readonly name: string;
  /** One line, shown by `scenario list`. */
  readonly description: string;
  /** The real situation it models, in a few plain sentences. */
  readonly situation: string;
  readonly needs: readonly TableName[];
  /** The columns it reads of tables where it reads only a few (a world made for it may leave out the rest); absent: all. */
  readonly columns?: ColumnChoice;
  /** Rough seconds it takes on one thread with the default world, measured: a pool starts the longest first. */
  readonly cost?: number;
  /** Options besides `world` (which every scenario has: scenarios/world-options.ts). */
  readonly options: OptionSpec & { kind: 'object' };
  run(world: ScenarioWorld, options: Options, progress?: ScenarioProgress): Promise<ScenarioResult>;
}

/** Columns to keep, by table; a table not named keeps every column. */
export type ColumnChoice = Partial<Record<TableName, readonly string[]>>;

/** The columns a world must hold for all of `defs`: a table is cut only where every scenario needing it names its columns. */
export function columnsRead(defs: readonly ScenarioDefinition[]): ColumnChoice {
  const out: Partial<Record<TableName, string[]>> = {};
  for (const table of new Set(defs.flatMap((d) => d.needs))) {
    const users = defs.filter((d) => d.needs.includes(table));
    if (users.every((d) => d.columns?.[table])) out[table] = [...new Set(users.flatMap((d) => d.columns![table]!))];
  }
  return out;
}

// Running a scenario: its options checked against its declaration (defaults filled in), the world
// generated or given, then its own run. One entry point for the CLI, the demo and the notebooks.
// Browser-safe.
import { resolveOptions, type Options } from './option-spec.ts';
import type { ScenarioDefinition, ScenarioProgress, ScenarioWorld } from './scenario.ts';
import type { ScenarioResult } from './result.ts';
import { WORLD_OPTIONS, type WorldSection } from './world-options.ts';
import { generatedWorld } from './world-memory.ts';

/** The whole declaration of a scenario's options: `world` and its own sections. */
export function optionsSpecOf(def: ScenarioDefinition) {
  return { kind: 'object', help: def.description, properties: { world: WORLD_OPTIONS, ...def.options.properties } } as const;
}

/** Options as given (a scenario file's body, `--set` values) checked and completed with defaults. */
export function scenarioOptions(def: ScenarioDefinition, given: unknown = {}): Options {
  return resolveOptions(optionsSpecOf(def), given);
}

/** Runs `def` with checked options on `world`, or on a world generated from `options.world`. */
export async function runScenario(def: ScenarioDefinition, options: Options, world?: ScenarioWorld, progress?: ScenarioProgress): Promise<ScenarioResult> {
  const on = world ?? generatedWorld(options.world as WorldSection, def.needs, progress, def.columns);
  return def.run(on, options, progress);
}

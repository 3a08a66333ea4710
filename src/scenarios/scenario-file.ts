// A scenario as a JSON file: `{"scenario": NAME, "world": {...}, "release": {...}, ...}`, the named
// built-in scenario with some of its options set. Checked against the scenario's declaration (errors name
// the JSON path), and described by one published JSON Schema (docs/scenario.schema.json). Browser-safe.
import { jsonSchemaOf, ScenarioOptionError, type Options } from './option-spec.ts';
import { SCENARIOS, scenarioNamed } from './registry.ts';
import { optionsSpecOf, scenarioOptions } from './run.ts';
import type { ScenarioDefinition } from './scenario.ts';

export interface LoadedScenario {
  readonly definition: ScenarioDefinition;
  /** Options checked, defaults filled in. */
  readonly options: Options;
}

/** A parsed scenario file's body. */
export function scenarioFromJson(body: unknown): LoadedScenario {
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw new ScenarioOptionError('(top level)', 'a scenario file is a JSON object: {"scenario": "voter-roll", ...}');
  const { scenario, $schema: _schema, ...rest } = body as Record<string, unknown>;
  if (typeof scenario !== 'string') throw new ScenarioOptionError('scenario', `the name of a built-in scenario is required (one of ${[...SCENARIOS.keys()].join(', ')})`);
  if (!SCENARIOS.has(scenario)) throw new ScenarioOptionError('scenario', `unknown scenario "${scenario}" (built in: ${[...SCENARIOS.keys()].join(', ')})`);
  const definition = scenarioNamed(scenario);
  return { definition, options: scenarioOptions(definition, rest) };
}

/** The JSON Schema of every scenario file: one branch per built-in scenario. */
export function scenarioJsonSchema(): Record<string, unknown> {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://github.com/reident/reident/docs/scenario.schema.json',
    title: 'reident scenario',
    description: 'A built-in scenario with some of its options set: run with `reident scenario run FILE`.',
    oneOf: [...SCENARIOS.values()].map((def) => {
      const options = jsonSchemaOf(optionsSpecOf(def)) as { properties: Record<string, unknown> };
      return {
        title: def.name,
        description: def.description,
        type: 'object',
        additionalProperties: false,
        required: ['scenario'],
        properties: { $schema: { type: 'string' }, scenario: { const: def.name }, ...options.properties },
      };
    }),
  };
}

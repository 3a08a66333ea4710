// Every built-in scenario, by name. `scenario list|run|sweep`, the demo and the report iterate this list.
// Browser-safe.
import type { ScenarioDefinition } from './scenario.ts';
import { voterRollScenario } from './builtin/voter-roll.ts';
import { ssnMatchScenario } from './builtin/ssn-match.ts';
import { hashedSsnScenario } from './builtin/hashed-ssn.ts';
import { pprlBloomScenario } from './builtin/pprl-bloom.ts';
import { syntheticReleaseScenario } from './builtin/synthetic-release.ts';
import { safeHarborAuditScenario } from './builtin/safe-harbor-audit.ts';
import { newsReportsScenario } from './builtin/news-reports.ts';
import { claimsUnicityScenario } from './builtin/claims-unicity.ts';

const builtins: ScenarioDefinition[] = [ssnMatchScenario, voterRollScenario, safeHarborAuditScenario, newsReportsScenario, claimsUnicityScenario, hashedSsnScenario, pprlBloomScenario, syntheticReleaseScenario];

export const SCENARIOS: ReadonlyMap<string, ScenarioDefinition> = new Map(builtins.map((s) => [s.name, s]));

/** The scenario, or an error listing the names there are. */
export function scenarioNamed(name: string): ScenarioDefinition {
  const s = SCENARIOS.get(name);
  if (!s) throw new UnknownScenario(`unknown scenario "${name}" (built in: ${[...SCENARIOS.keys()].join(', ')})`);
  return s;
}

export class UnknownScenario extends Error {
  override readonly name = 'UsageError';
}

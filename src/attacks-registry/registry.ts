// Every browser-safe attack, by name. The CLI, reports and notebooks iterate this one list; the Node
// shell adds the attacks that need worker threads (src/cli/hash-attack.ts: hash-inversion). Browser-safe.
import type { AttackDefinition } from './attack.ts';
import { INFERENCE_ATTACK } from './inference.ts';
import { NEWS_ATTACK } from './news.ts';
import { PROBABILISTIC_ATTACK } from './probabilistic.ts';
import { QUASI_ID_ATTACK } from './quasi-id.ts';
import { SSN_MATCH_ATTACK } from './ssn-match.ts';
import { SYNTHETIC_ATTACK } from './synthetic.ts';
import { UNICITY_ATTACK } from './unicity.ts';

export const ATTACKS: readonly AttackDefinition[] = [SSN_MATCH_ATTACK, QUASI_ID_ATTACK, PROBABILISTIC_ATTACK, UNICITY_ATTACK, NEWS_ATTACK, INFERENCE_ATTACK, SYNTHETIC_ATTACK];

/** The attack of that name among `attacks`, or an error listing the names there are. */
export function attackNamed(name: string, attacks: readonly AttackDefinition[] = ATTACKS): AttackDefinition {
  const found = attacks.find((a) => a.name === name);
  if (!found) throw new Error(`unknown attack "${name}" (known: ${attacks.map((a) => a.name).join(', ')})`);
  return found;
}

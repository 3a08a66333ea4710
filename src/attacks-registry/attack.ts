// An attack as the CLI, reports and notebooks see it: its name, one line, the world tables it reads, its
// options declared once (kinds, defaults, bounds, choices) and a run that returns the attack's own result
// (what `--json` prints) beside the figures a reader is shown, each declared with its kind, so that no
// renderer guesses from a key's name. Browser-safe.
import type { TableName } from '../../generators/world-types.ts';
import { resolveOptions, ScenarioOptionError, type OptionSpec, type Options } from '../scenarios/option-spec.ts';
import type { Figure } from '../scenarios/result.ts';
import type { WorldView } from '../scenarios/world-view.ts';

/** Progress of a long step ("SSNs tried"): how far it is. */
export type AttackProgress = (step: string, done: number, total: number) => void;

/** An attack's own result: its fields stay as they were, so JSON readers keep working. */
export interface AttackResult {
  readonly attack: string;
  /** The plain paragraph a reader sees first. */
  readonly explanation: string;
  readonly [field: string]: unknown;
}

export interface AttackRun {
  readonly result: AttackResult;
  /** What a reader is shown, in order; each says its kind, label and meaning. */
  readonly figures: readonly Figure[];
  /** Statements beside the figures (a default cut to what the world supplies). */
  readonly notes: readonly string[];
}

/** An option an attack takes: one value, so that each is one command-line flag. */
export type AttackOptionSpec = Exclude<OptionSpec, { kind: 'object' }>;

export interface AttackOptions {
  readonly kind: 'object';
  readonly help: string;
  readonly properties: Readonly<Record<string, AttackOptionSpec>>;
}

export interface AttackDefinition {
  readonly name: string;
  /** One line: what the adversary does. */
  readonly description: string;
  /** The world tables it reads. */
  readonly needs: readonly TableName[];
  readonly options: AttackOptions;
  /** `options` already checked against the declaration, defaults filled in. */
  run(world: WorldView, options: Options, progress?: AttackProgress): Promise<AttackRun>;
}

/** Every attack's seed: an integer or any non-empty text (the same seed gives the same adversary datasets). */
export const SEED_OPTION = { kind: 'string', help: 'seed of the adversary datasets: an integer or a text', default: '1' } as const satisfies AttackOptionSpec;

/** The seed as the generators take it: "12" is the number 12, other text stays text. */
export function seedOf(options: Options): number | string {
  const text = String(options.seed ?? '1');
  if (text.trim() === '') throw new ScenarioOptionError('seed', `must be an integer or a non-empty text, got "${text}"`);
  const n = Number(text);
  return Number.isSafeInteger(n) && String(n) === text ? n : text;
}

/** Checks `given` against the attack's declaration (defaults filled in), then runs it. */
export async function runAttackOn(def: AttackDefinition, world: WorldView, given: Options = {}, progress?: AttackProgress): Promise<AttackRun> {
  return def.run(world, resolveOptions(def.options, given), progress);
}

/** A run with no notes: the result and its figures. */
export function attackRun(result: AttackResult, figures: readonly Figure[], notes: readonly (string | null | undefined)[] = []): AttackRun {
  return { result, figures, notes: notes.filter((n): n is string => typeof n === 'string' && n !== '') };
}

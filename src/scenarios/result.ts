// What a scenario returns, declared so that renderers never guess: every figure says its kind, carries
// its interval when it has one and the plain sentence a reader sees. Browser-safe.
import type { RateInterval } from '../../attacks/score/wilson.ts';
import type { Applied } from '../../safeguards/types.ts';

/**
 * rate: k of n people with a Wilson interval (value = k/n); share: a fraction without interval;
 * count: a whole number; number: any other measured quantity (with its unit).
 */
export type FigureKind = 'rate' | 'share' | 'count' | 'number';

export interface Figure {
  /** Key in JSON and in `--vary`/sweep tables (camelCase). */
  readonly name: string;
  /** Short label for a table column ("re-identified"). */
  readonly label: string;
  readonly kind: FigureKind;
  readonly value: number;
  /** For a rate: its k, n and Wilson interval. */
  readonly interval?: RateInterval;
  /** For a share estimated otherwise (a residual risk): its 95% interval. */
  readonly range?: { readonly low: number; readonly high: number };
  readonly unit?: string;
  /** What an adversary achieves without the data (Anonymeter's baseline), when the figure has one. */
  readonly baseline?: { readonly value: number; readonly what: string };
  /** One plain sentence saying what the figure means. */
  readonly sentence: string;
}

/** One group of people (an immigration status, a race/ethnicity) and what the attack did to them. */
export interface HarmGroup {
  readonly group: string;
  /** People of the group in the population the attack ran on (the world's people). */
  readonly people: number;
  /** Of them, wrongly named: someone else's record attached to them, or theirs handed over as someone else's. */
  readonly wronglyNamed: number;
  /** Wrongly named per 100,000 people of the group: comparable across groups of different size. */
  readonly per100k: number;
  /** Of them, correctly re-identified. */
  readonly reidentified: number;
}

export interface Harm {
  readonly byImmigrationStatus: readonly HarmGroup[];
  readonly byRaceEthnicity: readonly HarmGroup[];
  readonly sentence: string;
}

/** What a release costs its users, in one scalar and its parts. */
export interface UtilityLost {
  /** Share of the standard workload's answers lost, in [0, 1]: 0 = every answer exact, 1 = nothing answerable. */
  readonly lost: number;
  readonly suppressionRate: number;
  readonly columnsRemoved: readonly string[];
  /** Per workload query: its name, answers lost in [0, 1] and mean relative error of the answered cells. */
  readonly queries: readonly { readonly query: string; readonly lost: number; readonly meanRelativeError: number | null }[];
  readonly sentence: string;
}

/** One choice the data holder could make (no safeguard, Safe Harbor, k = 5, ...) and its outcome. */
export interface Outcome {
  /** Short name shown in tables ("k = 5"). */
  readonly name: string;
  /** What was released, in a phrase. */
  readonly description: string;
  /** Parameters that define this choice (used by sweeps to label rows). */
  readonly parameters: Readonly<Record<string, unknown>>;
  readonly applied: readonly Applied[];
  /** The headline risk: people re-identified, a rate with its interval. */
  readonly risk: Figure;
  /** People wrongly named by the attack. */
  readonly wronglyNamed: number;
  /** Every figure, the headline first. */
  readonly figures: readonly Figure[];
  readonly utility: UtilityLost;
  readonly harm: Harm;
}

export interface ScenarioResult {
  readonly scenario: string;
  readonly description: string;
  /** The real situation the scenario models. */
  readonly situation: string;
  /** The options it ran with, defaults filled in. */
  readonly options: Readonly<Record<string, unknown>>;
  readonly world: { readonly people: number; readonly source: string };
  /** The first is the reference every other outcome is compared with (usually: no safeguard). */
  readonly outcomes: readonly Outcome[];
  /** Plain sentences: what happened and which safeguard holds at what cost. */
  readonly summary: string;
}

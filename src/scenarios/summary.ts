// The summary of a scenario's outcomes in plain sentences: the risk with no safeguard, and the
// safeguard that holds (re-identifies the fewest) at the least cost. Browser-safe.
import { count, percent, rate } from '../report/numbers.ts';
import type { Outcome } from './result.ts';

/**
 * Of the outcomes after the first (the reference), those whose risk interval lies wholly below the
 * reference's (or that re-identify nobody), the one that costs least; null when none lowers the risk.
 */
export function holdingOutcome(outcomes: readonly Outcome[]): Outcome | null {
  const [reference, ...others] = outcomes;
  if (!reference) return null;
  const holding = others.filter((o) => o.risk.interval!.high < reference.risk.interval!.low || (o.risk.value === 0 && reference.risk.value > 0));
  return holding.sort((a, b) => a.utility.lost - b.utility.lost || a.risk.value - b.risk.value)[0] ?? null;
}

/** `what` says what was attacked ("Linking 3,412 de-identified records to a voter roll ..."). */
export function summarise(outcomes: readonly Outcome[], what: string): string {
  const [reference, ...others] = outcomes;
  if (!reference) return `${what}: no outcome.`;
  const first = `${what} re-identified ${rate(reference.risk.interval!)} with ${reference.name}; ${count(reference.wronglyNamed)} ${reference.wronglyNamed === 1 ? 'person was' : 'people were'} wrongly named.`;
  if (!others.length) return first;
  const cheapest = holdingOutcome(outcomes);
  if (!cheapest) return `${first} No safeguard compared lowers that risk beyond doubt.`;
  return `${first} ${cheapest.name} holds it to ${percent(cheapest.risk.value)} at the least cost of those that lower it: ${percent(cheapest.utility.lost)} of the standard workload lost.`;
}

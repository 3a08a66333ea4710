// The summary of a scenario's outcomes in plain sentences: the risk with no safeguard, and the least
// costly safeguard that holds (cuts that risk at least tenfold). Browser-safe.
import { count, percent, rate } from '../report/numbers.ts';
import type { Outcome } from './result.ts';

/**
 * A safeguard holds when it cuts the reference's risk at least tenfold, beyond doubt (its interval wholly
 * below the reference's), or re-identifies nobody. Of those, the one that costs least; null when none does.
 */
export function holdingOutcome(outcomes: readonly Outcome[]): Outcome | null {
  const [reference, ...others] = outcomes;
  if (!reference || reference.risk.value === 0) return null;
  const holding = others.filter((o) => o.risk.value === 0 || (o.risk.interval!.high < reference.risk.interval!.low && o.risk.value <= reference.risk.value / 10));
  return holding.sort((a, b) => a.utility.lost - b.utility.lost || a.risk.value - b.risk.value)[0] ?? null;
}

/** `what` says what was attacked ("Linking 3,412 de-identified records to a voter roll ..."). */
export function summarise(outcomes: readonly Outcome[], what: string): string {
  const [reference, ...others] = outcomes;
  if (!reference) return `${what}: no outcome.`;
  const first = `${what} re-identified ${rate(reference.risk.interval!)} with ${reference.name}; ${count(reference.wronglyNamed)} ${reference.wronglyNamed === 1 ? 'person was' : 'people were'} wrongly named.`;
  if (!others.length) return first;
  const cheapest = holdingOutcome(outcomes);
  if (!cheapest) return `${first} No safeguard compared cuts that risk tenfold.`;
  return `${first} ${cheapest.name} holds it to ${percent(cheapest.risk.value)}, the least costly of the safeguards that cut it at least tenfold: ${percent(cheapest.utility.lost)} of the standard workload lost.`;
}

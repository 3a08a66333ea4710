// Privacy accounting across one release by basic composition: the epsilons and the deltas of its
// queries add up, and a query that would take the total past the stated budget is refused.
// (Advanced composition or a Renyi/zCDP accountant would allow more queries; not implemented.)
import { OptionError, positiveNumber, probability } from '../options.ts';
import type { Applied } from '../types.ts';

export interface PrivacyLoss {
  readonly epsilon: number;
  readonly delta: number;
}

export interface Charge extends PrivacyLoss {
  /** What the query released, e.g. "counts by state x sex". */
  readonly query: string;
}

/** Sums within this relative margin of the budget count as within it (0.1 + 0.2 is not > 0.3). */
const ROUNDING = 1e-9;

export class PrivacyAccountant {
  readonly budget: PrivacyLoss;
  private readonly ledger: Charge[] = [];

  constructor(budget: PrivacyLoss, earlier: readonly Charge[] = []) {
    this.budget = { epsilon: positiveNumber('budget.epsilon', budget.epsilon), delta: probability('budget.delta', budget.delta) };
    for (const c of earlier) this.charge(c);
  }

  /** The queries charged so far, in order. */
  get charges(): readonly Charge[] {
    return this.ledger;
  }

  /** Total privacy loss so far (basic composition). */
  get spent(): PrivacyLoss {
    return this.ledger.reduce((a, c) => ({ epsilon: a.epsilon + c.epsilon, delta: a.delta + c.delta }), { epsilon: 0, delta: 0 });
  }

  /** Record a query, or refuse it (an error naming the budget) when it would exceed the budget. */
  charge(c: Charge): void {
    positiveNumber('epsilon', c.epsilon);
    probability('delta', c.delta);
    const { epsilon, delta } = this.spent;
    if (epsilon + c.epsilon > this.budget.epsilon * (1 + ROUNDING)) {
      throw new OptionError('budget.epsilon', `${c.query} needs epsilon ${c.epsilon}, but ${epsilon} of the budget epsilon ${this.budget.epsilon} is already spent`);
    }
    if (delta + c.delta > this.budget.delta * (1 + ROUNDING) + Number.MIN_VALUE) {
      throw new OptionError('budget.delta', `${c.query} needs delta ${c.delta}, but ${delta} of the budget delta ${this.budget.delta} is already spent`);
    }
    this.ledger.push({ ...c });
  }
}

/** The charges recorded by earlier DP steps of a release (their summary's `charges`). */
export function chargesIn(applied: readonly Applied[]): Charge[] {
  return applied.flatMap((a) => (Array.isArray(a.summary.charges) ? (a.summary.charges as Charge[]) : []));
}

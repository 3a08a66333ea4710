// The report's headline: one row per scenario — what was attacked, who was re-identified with no
// safeguard (with its interval), who was wrongly named, the safeguard that holds and what it costs.
// The terminal summary, report.md and report.html all show these rows. Browser-safe.
import type { ScenarioResult } from '../scenarios/result.ts';
import { holdingOutcome } from '../scenarios/summary.ts';
import { count, percent } from './numbers.ts';
import { riskCell } from './scenario-text.ts';

export interface HeadlineRow {
  readonly scenario: string;
  /** What was attacked, under no safeguard. */
  readonly attacked: string;
  readonly reidentified: string;
  readonly wronglyNamed: string;
  readonly holds: string;
  readonly cost: string;
}

export const HEADLINE_HEADER = ['scenario', 're-identified', 'wrongly named', 'safeguard that holds', 'its cost'];

export function headlineRows(results: readonly ScenarioResult[]): HeadlineRow[] {
  return results.map((r) => {
    const reference = r.outcomes[0]!;
    const holds = holdingOutcome(r.outcomes);
    return {
      scenario: r.scenario,
      attacked: reference.description,
      reidentified: riskCell(reference),
      wronglyNamed: count(reference.wronglyNamed),
      holds: holds ? holds.name : 'none compared',
      cost: holds ? `${percent(holds.utility.lost)} utility lost, ${percent(holds.risk.value)} re-identified` : '',
    };
  });
}

export function headlineCells(row: HeadlineRow): string[] {
  return [row.scenario, row.reidentified, row.wronglyNamed, row.holds, row.cost];
}

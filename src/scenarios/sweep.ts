// A sweep: a scenario run over a grid of option values (`--vary release.k=2,5,11,20`), every outcome of
// every run in one table with its risk and utility lost, and the risk-utility frontier marked: the
// outcomes no other outcome beats on both (lower risk and less utility lost). Browser-safe.
import { parseValue, specAt, ScenarioOptionError, withValue, type Options } from './option-spec.ts';
import type { ScenarioDefinition, ScenarioProgress, ScenarioWorld } from './scenario.ts';
import type { Outcome, ScenarioResult } from './result.ts';
import { optionsSpecOf, runScenario } from './run.ts';

export interface Vary {
  readonly path: string;
  readonly values: readonly unknown[];
}

export interface SweepRow {
  /** The varied values of the run this outcome came from, by path. */
  readonly varied: Readonly<Record<string, unknown>>;
  readonly outcome: Outcome;
  /** On the risk-utility frontier. */
  readonly frontier: boolean;
}

export interface SweepResult {
  readonly scenario: string;
  readonly description: string;
  readonly vary: readonly Vary[];
  readonly runs: readonly ScenarioResult[];
  readonly rows: readonly SweepRow[];
  readonly summary: string;
}

/** `path=v1,v2,...` checked against the scenario's declaration; each value parsed as the option wants. */
export function parseVary(def: ScenarioDefinition, text: string): Vary {
  const eq = text.indexOf('=');
  if (eq <= 0) throw new ScenarioOptionError(text, 'write --vary as path=v1,v2,... (e.g. release.k=2,5,11,20)');
  const path = text.slice(0, eq).trim();
  const spec = specAt(optionsSpecOf(def), path);
  if (text.slice(eq + 1).trim() === '') throw new ScenarioOptionError(path, 'give at least one value after =');
  const values = text.slice(eq + 1).split(',').map((v) => parseValue(spec, path, v.trim()));
  return { path, values };
}

/** Every combination of the varied values applied to `base`. */
export function grid(base: Options, vary: readonly Vary[]): { options: Options; varied: Record<string, unknown> }[] {
  let points = [{ options: base, varied: {} as Record<string, unknown> }];
  for (const v of vary) points = points.flatMap((p) => v.values.map((value) => ({ options: withValue(p.options, v.path, value), varied: { ...p.varied, [v.path]: value } })));
  return points;
}

/** Outcomes not dominated on (risk, utility lost); equal outcomes (the same safeguard in every run) are listed once. */
export function frontierRows(runs: readonly { varied: Record<string, unknown>; result: ScenarioResult }[]): SweepRow[] {
  const byKey = new Map<string, { varied: Record<string, unknown>[]; outcome: Outcome }>();
  for (const r of runs) {
    for (const outcome of r.result.outcomes) {
      const key = JSON.stringify([outcome.name, outcome.parameters, outcome.risk.value, outcome.utility.lost]);
      const row = byKey.get(key);
      if (row) row.varied.push(r.varied);
      else byKey.set(key, { varied: [r.varied], outcome });
    }
  }
  // A value the outcome does not depend on (it came out the same in runs that differ there) reads "any".
  const rows = [...byKey.values()].map(({ varied, outcome }) => ({
    outcome,
    varied: Object.fromEntries(Object.keys(varied[0]!).map((p) => [p, varied.every((v) => JSON.stringify(v[p]) === JSON.stringify(varied[0]![p])) ? varied[0]![p] : 'any'])),
  }));
  return rows.map((row) => ({ ...row, frontier: !rows.some((o) => dominates(o.outcome, row.outcome)) }));
}

function dominates(a: Outcome, b: Outcome): boolean {
  const ra = a.risk.value;
  const rb = b.risk.value;
  const ua = a.utility.lost;
  const ub = b.utility.lost;
  return ra <= rb && ua <= ub && (ra < rb || ua < ub);
}

export async function sweepScenario(
  def: ScenarioDefinition,
  base: Options,
  vary: readonly Vary[],
  world: ScenarioWorld | ((options: Options) => ScenarioWorld),
  progress?: ScenarioProgress,
): Promise<SweepResult> {
  const points = grid(base, vary);
  const runs: { varied: Record<string, unknown>; result: ScenarioResult }[] = [];
  for (const [i, p] of points.entries()) {
    progress?.('sweep runs', i, points.length);
    const on = typeof world === 'function' ? world(p.options) : world;
    runs.push({ varied: p.varied, result: await runScenario(def, p.options, on) });
  }
  progress?.('sweep runs', points.length, points.length);
  const rows = frontierRows(runs);
  const front = rows.filter((r) => r.frontier).map((r) => r.outcome.name);
  return {
    scenario: def.name,
    description: def.description,
    vary,
    runs: runs.map((r) => r.result),
    rows,
    summary: `${points.length} run${points.length === 1 ? '' : 's'}, ${rows.length} distinct outcomes; on the risk-utility frontier (nothing else has both lower risk and less utility lost): ${front.join(', ')}.`,
  };
}

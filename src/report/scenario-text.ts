// A scenario's result and a sweep's frontier as text for a terminal: a table of outcomes (risk with its
// interval, wrongly named, utility lost), the summary, then each outcome's sentences and who was harmed.
// Every value comes from its declared figure through src/report/numbers.ts. Browser-safe.
import { figureText } from '../scenarios/figures.ts';
import type { HarmGroup, Outcome, ScenarioResult } from '../scenarios/result.ts';
import type { SweepResult } from '../scenarios/sweep.ts';
import { count, interval, percent } from './numbers.ts';
import { groupLabel, per100kText } from '../scenarios/harm.ts';

/** A table whose first `left` columns are left-aligned (names), the others right-aligned (figures). */
export function textTable(header: readonly string[], rows: readonly (readonly string[])[], left = 1): string {
  const widths = header.map((h, j) => Math.max(h.length, ...rows.map((r) => r[j]!.length)));
  const line = (r: readonly string[]) => r.map((c, j) => (j < left ? c.padEnd(widths[j]!) : c.padStart(widths[j]!))).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** "66.4% (95% CI 64.8%-67.9%)": the headline risk in a table cell. */
export function riskCell(o: Outcome): string {
  const r = o.risk.interval!;
  return r.n === 0 ? 'no cases' : `${percent(o.risk.value)} (${interval(r.low, r.high, r.confidence)})`;
}

function outcomeRows(outcomes: readonly Outcome[]): string[][] {
  return outcomes.map((o) => [o.name, riskCell(o), count(o.wronglyNamed), percent(o.utility.lost)]);
}

const HEADER = ['release', 're-identified', 'wrongly named', 'utility lost'];

function groups(label: string, list: readonly HarmGroup[]): string {
  const hit = list.filter((g) => g.wronglyNamed > 0 || g.reidentified > 0);
  if (!hit.length) return '';
  return `    ${label}: ` + hit.map((g) => `${groupLabel(g.group)} ${count(g.wronglyNamed)} wrongly named (${per100kText(g.per100k)} per 100,000), ${count(g.reidentified)} re-identified`).join('; ') + '\n';
}

export function scenarioText(r: ScenarioResult): string {
  let out = `${r.scenario}: ${r.description}\nWorld: ${r.world.source}\n\n${r.situation}\n\n`;
  out += textTable(HEADER, outcomeRows(r.outcomes)) + '\n\n' + r.summary + '\n';
  for (const o of r.outcomes) {
    out += `\n${o.name}: ${o.description}\n`;
    const width = Math.max(...o.figures.map((f) => f.label.length)) + 1;
    for (const f of o.figures) out += `  ${f.label.padEnd(width)} ${figureText(f)}${f.baseline ? ` (baseline: ${percent(f.baseline.value)} ${f.baseline.what})` : ''}\n`;
    out += `  ${o.utility.sentence}\n  ${o.harm.sentence}\n`;
    out += groups('by immigration status', o.harm.byImmigrationStatus) + groups('by race/ethnicity', o.harm.byRaceEthnicity);
  }
  return out;
}

export function sweepText(s: SweepResult): string {
  const paths = s.vary.map((v) => v.path);
  const rows = s.rows.map((row) => [row.outcome.name, ...paths.map((p) => String(row.varied[p])), riskCell(row.outcome), count(row.outcome.wronglyNamed), percent(row.outcome.utility.lost), row.frontier ? 'yes' : '']);
  return `${s.scenario}: ${s.description}\nRisk-utility frontier over ${paths.join(', ')}:\n\n` + textTable(['release', ...paths, 're-identified', 'wrongly named', 'utility lost', 'frontier'], rows) + `\n\n${s.summary}\n`;
}

/** Every scenario's outcomes in one risk-utility table, then each scenario's summary. */
export function allText(results: readonly ScenarioResult[]): string {
  const rows = results.flatMap((r) => r.outcomes.map((o, i) => [i === 0 ? r.scenario : '', ...outcomeRows([o])[0]!]));
  return `World: ${results[0]?.world.source ?? 'none'}\n\n` + textTable(['scenario', ...HEADER], rows, 2) + '\n\n' + results.map((r) => `${r.scenario}: ${r.summary}`).join('\n') + '\n';
}

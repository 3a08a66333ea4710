// The report as Markdown: the headline table, each scenario's summary and outcome table, and who was
// harmed, for a README, an issue or a notebook. Browser-safe.
import type { ScenarioResult } from '../scenarios/result.ts';
import { headlineCells, headlineRows, HEADLINE_HEADER } from './headline.ts';
import { count, percent } from './numbers.ts';
import { resultsOf, type RunFile } from './run-file.ts';
import { riskCell } from './scenario-text.ts';

function mdTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (r: readonly string[]) => `| ${r.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

function scenarioMd(r: ScenarioResult): string {
  return (
    `## ${r.scenario}\n\n${r.description}.\n\n${r.situation}\n\n` +
    mdTable(['release', 're-identified (95% CI)', 'wrongly named', 'utility lost'], r.outcomes.map((o) => [o.name, riskCell(o), count(o.wronglyNamed), percent(o.utility.lost)])) +
    `\n\n${r.summary}\n\n` +
    r.outcomes.map((o) => `- **${o.name}**: ${o.harm.sentence}`).join('\n') +
    '\n'
  );
}

export function reportMarkdown(run: RunFile): string {
  const results = resultsOf(run);
  const shown = run.kind === 'sweep' ? results.slice(0, 1) : results;
  let out = `# What these releases reveal, and which safeguards hold\n\nWorld: ${results[0]?.world.source ?? 'no world'}.\n\n` + mdTable(HEADLINE_HEADER, headlineRows(shown).map(headlineCells)) + '\n\n';
  if (run.kind === 'sweep') {
    const paths = run.result.vary.map((v) => v.path);
    out += `## Sweep over ${paths.join(', ')}\n\n${run.result.summary}\n\n` + mdTable(['release', ...paths, 're-identified (95% CI)', 'wrongly named', 'utility lost', 'frontier'], run.result.rows.map((row) => [row.outcome.name, ...paths.map((p) => String(row.varied[p])), riskCell(row.outcome), count(row.outcome.wronglyNamed), percent(row.outcome.utility.lost), row.frontier ? 'yes' : ''])) + '\n\n';
  }
  return out + shown.map(scenarioMd).join('\n');
}

// The report as one self-contained HTML file: a plain-language summary first, then each scenario with its
// outcomes, figures, charts and who was harmed. Static: inline CSS and SVG, no script, no request that
// leaves the page, so it works from disk, offline, on a projector and on paper. No timestamp, so the
// same run renders the same bytes. Browser-safe (the caller supplies a document to draw charts in).
import type { Outcome, ScenarioResult } from '../../scenarios/result.ts';
import type { SweepResult } from '../../scenarios/sweep.ts';
import { figureText } from '../../scenarios/figures.ts';
import { groupLabel, per100kText } from '../../scenarios/harm.ts';
import { headlineCells, headlineRows, HEADLINE_HEADER } from '../headline.ts';
import { count, percent } from '../numbers.ts';
import { resultsOf, type RunFile } from '../run-file.ts';
import { riskCell } from '../scenario-text.ts';
import { frontierChart, harmChart, overviewChart, riskChart, type Chart } from './charts.ts';
import { escapeHtml as e } from './escape.ts';
import { REPORT_CSS } from './style.ts';

function table(header: readonly string[], rows: readonly (readonly string[])[], numeric = new Set<number>()): string {
  const cell = (tag: string, c: string, j: number) => `<${tag}${numeric.has(j) ? ' class="num"' : ''}>${e(c)}</${tag}>`;
  return `<table><thead><tr>${header.map((h, j) => cell('th', h, j)).join('')}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map((c, j) => cell('td', c, j)).join('')}</tr>`).join('')}</tbody></table>`;
}

function figure(c: Chart | null): string {
  if (!c) return '';
  return `<figure><h4>${e(c.title)}</h4>${c.element.outerHTML}<figcaption>${e(c.caption)}</figcaption></figure>`;
}

function outcomeDetails(o: Outcome): string {
  const harm = [...o.harm.byImmigrationStatus.map((g) => ['immigration status', g] as const), ...o.harm.byRaceEthnicity.map((g) => ['race/ethnicity', g] as const)]
    .filter(([, g]) => g.wronglyNamed > 0 || g.reidentified > 0)
    .map(([by, g]) => [by, groupLabel(g.group), count(g.people), count(g.reidentified), count(g.wronglyNamed), per100kText(g.per100k)]);
  return (
    `<h4>${e(o.name)}</h4><p>${e(o.description)}.</p><ul>${o.figures.map((f) => `<li><strong>${e(f.label)}</strong>: ${e(figureText(f))}. ${e(f.sentence)}</li>`).join('')}</ul>` +
    `<p>${e(o.utility.sentence)} ${e(o.harm.sentence)}</p>` +
    (harm.length ? table(['by', 'group', 'people', 're-identified', 'wrongly named', 'per 100,000'], harm, new Set([2, 3, 4, 5])) : '')
  );
}

function scenarioSection(r: ScenarioResult, document: Document): string {
  const worst = [...r.outcomes].sort((a, b) => b.wronglyNamed - a.wronglyNamed)[0]!;
  return (
    `<section id="${e(r.scenario)}"><h2>${e(r.scenario)}</h2><p class="lede">${e(r.description)}.</p><p>${e(r.situation)}</p>` +
    table(['release', 're-identified (95% CI)', 'wrongly named', 'utility lost'], r.outcomes.map((o) => [o.name, riskCell(o), count(o.wronglyNamed), percent(o.utility.lost)]), new Set([1, 2, 3])) +
    `<p class="summary">${e(r.summary)}</p>` +
    `<div class="charts">${figure(riskChart(r, document))}${figure(frontierChart(r.outcomes, document))}${figure(harmChart(worst, document))}</div>` +
    `<h3>Every figure, choice by choice</h3>${r.outcomes.map(outcomeDetails).join('')}</section>`
  );
}

function sweepSection(s: SweepResult, document: Document): string {
  const paths = s.vary.map((v) => v.path);
  const rows = s.rows.map((row) => [row.outcome.name, ...paths.map((p) => String(row.varied[p])), riskCell(row.outcome), count(row.outcome.wronglyNamed), percent(row.outcome.utility.lost), row.frontier ? 'yes' : '']);
  return (
    `<section id="sweep"><h2>Sweep of ${e(s.scenario)} over ${e(paths.join(', '))}</h2><p>${e(s.summary)}</p>` +
    table(['release', ...paths, 're-identified (95% CI)', 'wrongly named', 'utility lost', 'frontier'], rows, new Set(rows[0] ? rows[0].map((_, j) => j).filter((j) => j > paths.length) : [])) +
    figure(frontierChart(s.rows.map((r) => r.outcome), document, `The risk-utility frontier over ${paths.join(', ')}`)) +
    `</section>`
  );
}

/** The whole report of a run. */
export function reportHtml(run: RunFile, document: Document): string {
  const results = resultsOf(run);
  const world = results[0]?.world.source ?? 'no world';
  const headline = headlineRows(run.kind === 'sweep' ? results.slice(0, 1) : results);
  const intro =
    `<p>Each scenario below releases data the way a real data holder might, gives an adversary the dataset it could hold, runs the attack and checks every name it gives against the truth, which only a synthetic world has. ` +
    `No real person is in these data. A person is <em>re-identified</em> when the attack names them correctly, and <em>wrongly named</em> when it names them for someone else's record (or hands over their record as someone else's); ` +
    `<em>utility lost</em> is the share of a standard set of analyses the release can no longer answer correctly. A safeguard <em>holds</em> when it cuts the share re-identified at least tenfold, beyond the statistical doubt of the intervals.</p>`;
  const body =
    `<header><h1>What these releases reveal, and which safeguards hold</h1><p class="meta">World: ${e(world)}. Made by reident.</p></header>` +
    `<section id="summary"><h2>Summary</h2>${intro}` +
    table(HEADLINE_HEADER, headline.map(headlineCells), new Set([1, 2])) +
    `<ul class="sentences">${results.slice(0, run.kind === 'sweep' ? 1 : undefined).map((r) => `<li><a href="#${e(r.scenario)}">${e(r.scenario)}</a>: ${e(r.summary)}</li>`).join('')}</ul>` +
    (run.kind === 'scenarios' && results.length > 1 ? figure(overviewChart(results, document)) : '') +
    `</section>` +
    (run.kind === 'sweep' ? sweepSection(run.result, document) + scenarioSection(results[0]!, document) : results.map((r) => scenarioSection(r, document)).join(''));
  return `<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>reident report</title><style>${REPORT_CSS}</style></head><body><main>${body}</main></body></html>\n`;
}

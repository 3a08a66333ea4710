// The report: a self-contained HTML file (no script, no request off the page), Markdown and JSON with
// the figures of the run; `reident report` redraws a kept run; `reident demo` replaces its folder whole.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { reportHtml } from '../src/report/html/report-html.ts';
import { reportMarkdown } from '../src/report/report-md.ts';
import { checkRunFile, type RunFile } from '../src/report/run-file.ts';
import { serverDocument } from '../src/io/report-files.ts';
import { riskCell } from '../src/report/scenario-text.ts';
import { percent } from '../src/report/numbers.ts';
import { voterRollScenario } from '../src/scenarios/builtin/voter-roll.ts';
import { runScenario, scenarioOptions } from '../src/scenarios/run.ts';
import { cli } from './helpers/cli.ts';
import type { ScenarioResult } from '../src/scenarios/result.ts';

let run: RunFile;

beforeAll(async () => {
  const result = await runScenario(voterRollScenario, scenarioOptions(voterRollScenario, { world: { people: 3000, states: 'all' }, release: { k: [5] } }));
  run = { kind: 'scenarios', results: [result] };
}, 60_000);

describe('the report', () => {
  test('HTML: static and self-contained, with every outcome\'s figures, a caption under every chart, and the same bytes twice', () => {
    const html = reportHtml(run, serverDocument());
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\(/i);
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//i);
    const r = (run as { kind: 'scenarios'; results: ScenarioResult[] }).results[0]!;
    for (const o of (run as any).results[0].outcomes) {
      expect(html).toContain(riskCell(o).replace(/&/g, '&amp;'));
      expect(html).toContain(`<td>${o.name.replace(/&/g, '&amp;')}</td>`);
    }
    expect(html).toContain(percent(r.outcomes[1]!.utility.lost));
    const figures = html.match(/<figure>/g)!.length;
    expect(figures).toBeGreaterThanOrEqual(2);
    expect(html.match(/<figcaption>/g)!.length).toBe(figures);
    expect(html.match(/<svg/g)!.length).toBeGreaterThanOrEqual(figures);
    expect(reportHtml(run, serverDocument())).toBe(html);
  });

  test('Markdown: the headline table and each outcome', () => {
    const md = reportMarkdown(run);
    expect(md).toMatch(/^# What these releases reveal/);
    expect(md).toContain('| scenario | re-identified | wrongly named | safeguard that holds | its cost |');
    for (const o of (run as any).results[0].outcomes) expect(md).toContain(`| ${o.name} | ${riskCell(o)} |`);
  });

  test('a result.json of another shape is refused, saying what is wrong', () => {
    expect(() => checkRunFile({ kind: 'other' }, 'x.json')).toThrow('x.json: "kind" must be scenario, sweep or scenarios, got "other"');
    expect(() => checkRunFile({ kind: 'scenario', result: {} }, 'x.json')).toThrow('x.json: "result" is not a scenario result');
    expect(checkRunFile(JSON.parse(JSON.stringify(run)), 'x.json').kind).toBe('scenarios');
  });
});

describe('reident report and reident demo', () => {
  test('report redraws a kept run beside its result.json; a folder without one exits 2 naming the file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'reident-report-'));
    writeFileSync(join(dir, 'result.json'), JSON.stringify(run));
    const r = await cli('report', dir);
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, 'report.html'), 'utf8')).toBe(reportHtml(JSON.parse(JSON.stringify(run)), serverDocument()));
    expect(existsSync(join(dir, 'report.md'))).toBe(true);
    const empty = mkdtempSync(join(tmpdir(), 'reident-report-'));
    const bad = await cli('report', empty);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(`${join(empty, 'result.json')}: no such file`);
  });

  test('demo writes the report folder whole, replaces its previous run, and refuses a folder of other files', async () => {
    const base = mkdtempSync(join(tmpdir(), 'reident-demo-'));
    const out = join(base, 'demo');
    mkdirSync(out);
    writeFileSync(join(out, 'summary.txt'), 'an old run');
    const r = await cli('demo', '--only', 'voter-roll', '--set', 'world.people=2000', '--set', 'world.states=all', '--set', 'release.k=5', '--out', out, '--quiet');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/scenario\s+re-identified\s+wrongly named\s+safeguard that holds\s+its cost/);
    expect(r.stdout).toMatch(/voter-roll\s+\d/);
    expect(r.stdout).toContain(`The report: ${out}/report.html`);
    expect(existsSync(join(out, 'summary.txt'))).toBe(false);
    for (const f of ['report.html', 'report.md', 'report.json', 'result.json']) expect(existsSync(join(out, f))).toBe(true);
    const json = await cli('demo', '--only', 'voter-roll', '--set', 'world.people=2000', '--set', 'world.states=all', '--set', 'release.k=5', '--out', out, '--quiet', '--json');
    expect(json.code).toBe(0);
    const printed = JSON.parse(json.stdout);
    expect(printed.report).toBe(`${out}/report.html`);
    expect(printed.results.map((r: ScenarioResult) => r.scenario)).toEqual(['voter-roll']);
    expect(JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')).results).toEqual(printed.results);
    const foreign = join(base, 'mine');
    mkdirSync(foreign);
    writeFileSync(join(foreign, 'thesis.docx'), 'precious');
    const refused = await cli('demo', '--only', 'voter-roll', '--set', 'world.people=2000', '--out', foreign, '--quiet');
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('holds files that are not a reident run (thesis.docx)');
    expect(readFileSync(join(foreign, 'thesis.docx'), 'utf8')).toBe('precious');
  }, 60_000);
});

// reident link --model-report: one self-contained HTML file with the model's charts (SVG) and captions,
// nothing fetched from elsewhere, the m and u of every level written as the model's JSON has them.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { cli } from './helpers/cli.ts';
import { given, people } from './helpers/link-people.ts';
import { reportPairs, weightHistogram } from '../src/report/html/model-report.ts';
import { toRecords, type Table } from '../src/table/table.ts';
import { streamKey, uniform } from '../src/random/prng.ts';

const root = mkdtempSync(join(tmpdir(), 'reident-model-report-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const leftFile = join(root, 'left.csv');
const rightFile = join(root, 'right.csv');
const settingsFile = join(root, 'settings.json');

function csv(t: Table): string {
  return [t.names.join(','), ...toRecords(t).map((r) => t.names.map((n) => r[n] ?? '').join(','))].join('\n') + '\n';
}

/** The parameter table's rows: comparison, level, gamma, m, u, ... as the cells' text (entities undone). */
function parameterRows(html: string): string[][] {
  const table = /<table id="parameters">([\s\S]*?)<\/table>/.exec(html)![1]!;
  const body = /<tbody>([\s\S]*)<\/tbody>/.exec(table)![1]!;
  const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
  return [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) => [...m[1]!.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((c) => unescape(c[1]!)));
}

/** Every src=, href= or CSS url() that leaves the file (anything but a #fragment or a data: URL). */
function remoteReferences(html: string): string[] {
  const refs = [...html.matchAll(/\b(?:src|href|xlink:href)\s*=\s*["']?([^"'\s>]+)/gi), ...html.matchAll(/url\(\s*["']?([^"')]+)/gi), ...html.matchAll(/@import\s+["']([^"']+)/gi)].map((m) => m[1]!);
  return refs.filter((r) => !r.startsWith('#') && !r.startsWith('data:'));
}

beforeAll(() => {
  writeFileSync(leftFile, csv(people(300, 1)));
  writeFileSync(rightFile, csv(people(400, 2)));
  writeFileSync(settingsFile, JSON.stringify(given));
});

describe('reident link --model-report', () => {
  test('writes one offline HTML file: the four kinds of chart as SVG with captions, no remote reference, no script, m and u as in the settings JSON', async () => {
    const report = join(root, 'model.html');
    const r = await cli('link', '--left', leftFile, '--right', rightFile, '--settings', settingsFile, '--out', join(root, 'pairs.csv'), '--model-report', report, '--quiet');
    expect(r.code, r.stderr).toBe(0);
    const html = readFileSync(report, 'utf8');
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    for (const title of ['m and u of each comparison level', 'Match weight of each comparison level', 'Match weights of all scored pairs', 'Waterfall: highest match weight', 'Waterfall: lowest match weight']) expect(html).toContain(title);
    const figures = html.split('<figure><h4>').length - 1;
    expect(figures).toBeGreaterThanOrEqual(5);
    expect(html.split('<figcaption>').length - 1).toBe(figures);
    expect((html.match(/<svg/g) ?? []).length).toBeGreaterThanOrEqual(figures);
    expect(remoteReferences('<img src="https://x.org/a.png"><a href="#m">')).toEqual(['https://x.org/a.png']); // the scan finds one
    expect(remoteReferences(html)).toEqual([]);
    expect(html).not.toMatch(/<script|<link |<img |<iframe/i);
    // the settings' m and u of every non-null level, written as JSON writes them, on the level's row
    const rows = parameterRows(html);
    const json = JSON.parse(readFileSync(settingsFile, 'utf8')) as typeof given;
    const expected = json.comparisons.flatMap((c) => c.levels.filter((l) => l.type !== 'null').map((l) => [c.column, JSON.stringify((l as { m: number }).m), JSON.stringify((l as { u: number }).u)]));
    expect(rows.map((row) => [row[0], row[3], row[4]])).toEqual(expected);
    // Bayes factor and match weight columns agree with m and u
    for (const row of rows) expect(Number(row[6])).toBeCloseTo(Math.log2(Number(row[3]) / Number(row[4])), 3);
    expect(readdirSync(root).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  test('a trained model: the m and u the --explain JSON reports for the pair are the ones in the report; without the flag no report is written', async () => {
    const report = join(root, 'trained.html');
    const none = await cli('link', '--left', leftFile, '--right', rightFile, '--settings', settingsFile, '--train', '--out', join(root, 't.csv'), '--quiet');
    expect(none.code, none.stderr).toBe(0);
    expect(existsSync(report)).toBe(false);
    const [head, ...lines] = readFileSync(join(root, 't.csv'), 'utf8').trim().split('\n');
    expect(head!.startsWith('left_row,right_row')).toBe(true);
    const pair = lines[0]!.split(',');
    const r = await cli('link', '--left', leftFile, '--right', rightFile, '--settings', settingsFile, '--train', '--out', join(root, 't.csv'), '--quiet', '--json', '--explain', `${pair[0]},${pair[1]}`, '--model-report', report);
    expect(r.code, r.stderr).toBe(0);
    const rows = parameterRows(readFileSync(report, 'utf8'));
    const steps = JSON.parse(r.stdout).explain.steps as { kind: string; name: string; gamma: number; m: number | null; u: number | null }[];
    const checked = steps.filter((s) => s.kind === 'comparison' && s.m !== null);
    expect(checked.length).toBeGreaterThan(0);
    for (const s of checked) {
      const row = rows.find((x) => x[0] === s.name && Number(x[2]) === s.gamma)!;
      expect([row[3], row[4]]).toEqual([JSON.stringify(s.m), JSON.stringify(s.u)]);
    }
    // trained m and u are distributions over each comparison's non-null levels (EM floors a level never seen at 1e-6, so within 1e-5)
    for (const c of given.comparisons) {
      const mine = rows.filter((x) => x[0] === c.column);
      expect(mine.reduce((s, x) => s + Number(x[3]), 0)).toBeCloseTo(1, 5);
      expect(mine.reduce((s, x) => s + Number(x[4]), 0)).toBeCloseTo(1, 5);
    }
  });

  test('an unwritable --model-report path exits 2 before linking', async () => {
    const r = await cli('link', '--left', leftFile, '--right', rightFile, '--settings', settingsFile, '--out', join(root, 'x.csv'), '--model-report', join(root, 'no-such-dir', 'm.html'), '--quiet');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--model-report/);
    expect(existsSync(join(root, 'x.csv'))).toBe(false);
  });
});

describe('model report helpers', () => {
  const key = streamKey(7, 'test/link-model-report');
  const weights = Float64Array.from({ length: 5000 }, (_, i) => (uniform(key, i) - 0.7) * 60);

  test('the histogram counts every weight once, in the bin that holds it', () => {
    const bins = weightHistogram(weights);
    expect(bins.reduce((s, b) => s + b.count, 0)).toBe(weights.length);
    for (let k = 1; k < bins.length; k++) expect(bins[k]!.x1).toBe(bins[k - 1]!.x2);
    for (const b of bins) {
      let n = 0;
      for (const w of weights) if (w >= b.x1 && w < b.x2) n++;
      expect(b.count).toBe(n);
    }
  });

  test('the pairs shown are the highest, the one nearest the threshold, and the lowest', () => {
    const order = [...weights.keys()].sort((a, b) => weights[a]! - weights[b]!);
    const border = Math.log2(0.9 / 0.1);
    const near = [...weights.keys()].sort((a, b) => Math.abs(weights[a]! - border) - Math.abs(weights[b]! - border))[0];
    expect(reportPairs(weights, 0.9).map((p) => p.index)).toEqual([order[order.length - 1], near, order[0]]);
    expect(reportPairs(Float64Array.of(3), 0.5).map((p) => p.index)).toEqual([0]);
    expect(reportPairs(new Float64Array(0), 0.5)).toEqual([]);
  });
});

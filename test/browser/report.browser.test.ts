// The demo's report opened from disk in a real browser (Debian's chromium via playwright-core): no
// console error, no request at all (the file is self-contained), the headline figures on the page, every
// chart drawn with its caption, and it prints. Screenshots go to out/screenshots/.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { chromiumPresent, CHROMIUM, launchChromium } from './chromium.ts';
import { riskCell } from '../../src/report/scenario-text.ts';
import type { RunFile } from '../../src/report/run-file.ts';

const ROOT = resolve(import.meta.dirname, '..', '..');
const OUT = join(ROOT, 'out', 'browser-demo');
const SHOTS = join(ROOT, 'out', 'screenshots');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');

const present = chromiumPresent();
if (!present) console.warn(`SKIPPED the report browser test: ${CHROMIUM} is absent (apt-get install chromium).`);

describe.skipIf(!present)('the demo report in chromium', () => {
  let context: BrowserContext;
  let close: () => Promise<void>;
  let run: RunFile;

  beforeAll(async () => {
    // A small demo of three scenarios: the report's shape is the same as the full demo's.
    const args = ['src/cli/main.ts', 'demo', '--only', 'ssn-match,voter-roll,news-reports', '--set', 'world.people=5000', '--set', 'world.states=all', '--out', OUT, '--quiet'];
    const made = spawnSync(TSX, args, { cwd: ROOT, encoding: 'utf8' });
    if (made.status !== 0) throw new Error(`demo failed:\n${made.stdout}\n${made.stderr}`);
    run = JSON.parse(readFileSync(join(OUT, 'report.json'), 'utf8'));
    ({ context, close } = await launchChromium());
    mkdirSync(SHOTS, { recursive: true });
  });

  afterAll(async () => {
    await close?.();
  });

  it('opens from disk with no console error and no request, shows the headline figures and a captioned chart per figure, and prints', async () => {
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    const url = pathToFileURL(join(OUT, 'report.html')).href;
    page.on('request', (r) => {
      if (r.url() !== url) problems.push(`request: ${r.url()}`);
    });
    await page.goto(url);
    const text = await page.locator('body').innerText();
    if (run.kind !== 'scenarios') throw new Error('the demo writes a run of scenarios');
    for (const r of run.results) {
      expect(text).toContain(r.scenario);
      expect(text).toContain(riskCell(r.outcomes[0]!));
    }
    const charts = page.locator('section > .charts > figure, #summary > figure');
    const n = await charts.count();
    expect(n).toBeGreaterThanOrEqual(2 * run.results.length);
    for (let i = 0; i < n; i++) {
      await expect(charts.nth(i).locator('svg').first().isVisible()).resolves.toBe(true);
      expect((await charts.nth(i).locator('figcaption').innerText()).length).toBeGreaterThan(40);
    }
    await page.screenshot({ path: join(SHOTS, 'report-top.png') });
    await page.locator('#voter-roll').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, 'report-voter-roll.png') });
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.byteLength).toBeGreaterThan(10_000);
    expect(problems).toEqual([]);
    await page.close();
  });
});

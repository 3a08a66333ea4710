// The linkage model report (reident link --model-report) opened from disk in a real browser (Debian's
// chromium via playwright-core): no console error, no request at all (the file is self-contained), every
// chart drawn as SVG with its caption. Screenshots go to out/screenshots/.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { chromiumPresent, CHROMIUM, launchChromium } from './chromium.ts';
import { cli } from '../helpers/cli.ts';
import { given, people } from '../helpers/link-people.ts';
import { toRecords, type Table } from '../../src/table/table.ts';

const ROOT = resolve(import.meta.dirname, '..', '..');
const SHOTS = join(ROOT, 'out', 'screenshots');

const present = chromiumPresent();
if (!present) console.warn(`SKIPPED the model report browser test: ${CHROMIUM} is absent (apt-get install chromium).`);

function csv(t: Table): string {
  return [t.names.join(','), ...toRecords(t).map((r) => t.names.map((n) => r[n] ?? '').join(','))].join('\n') + '\n';
}

describe.skipIf(!present)('the linkage model report in chromium', () => {
  const dir = mkdtempSync(join(tmpdir(), 'reident-model-report-'));
  const report = join(dir, 'model.html');
  let context: BrowserContext;
  let close: () => Promise<void>;

  beforeAll(async () => {
    writeFileSync(join(dir, 'left.csv'), csv(people(400, 1)));
    writeFileSync(join(dir, 'right.csv'), csv(people(500, 2)));
    writeFileSync(join(dir, 'settings.json'), JSON.stringify(given));
    const r = await cli('link', '--left', join(dir, 'left.csv'), '--right', join(dir, 'right.csv'), '--settings', join(dir, 'settings.json'), '--out', join(dir, 'pairs.csv'), '--model-report', report, '--quiet');
    if (r.code !== 0) throw new Error(`link failed:\n${r.stderr}`);
    ({ context, close } = await launchChromium());
    mkdirSync(SHOTS, { recursive: true });
  });

  afterAll(async () => {
    await close?.();
    rmSync(dir, { recursive: true, force: true });
  });

  it('opens from disk with no console error and no request, and shows every chart with its caption', async () => {
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    const url = pathToFileURL(report).href;
    page.on('request', (r) => {
      if (r.url() !== url) problems.push(`request: ${r.url()}`);
    });
    await page.goto(url);
    const figures = page.locator('.charts > figure');
    // m/u, level weights, histogram, and waterfalls of up to three pairs
    const n = await figures.count();
    expect(n).toBeGreaterThanOrEqual(4);
    for (let i = 0; i < n; i++) {
      await expect(figures.nth(i).locator('svg').first().isVisible()).resolves.toBe(true);
      expect((await figures.nth(i).locator('figcaption').innerText()).length).toBeGreaterThan(60);
    }
    expect(await page.locator('#parameters tbody tr').count()).toBe(given.comparisons.flatMap((c) => c.levels.filter((l) => l.type !== 'null')).length);
    await page.screenshot({ path: join(SHOTS, 'link-model-report.png'), fullPage: true });
    expect(problems).toEqual([]);
    await page.close();
  });
});

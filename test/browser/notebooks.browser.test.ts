// Every built notebook opened in a real browser (Debian's chromium via playwright-core) over
// http://127.0.0.1: no console error, no `.observablehq--error` cell, no request leaving the machine; its
// key figures appear; moving one control changes a figure. Screenshots go to out/screenshots/.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { serveSite } from '../../scripts/serve-notebooks.ts';
import { chromiumPresent, CHROMIUM, launchChromium } from './chromium.ts';
import { NOTEBOOK_CHECKS, type ControlMove } from './notebooks.spec.ts';

const ROOT = resolve(import.meta.dirname, '..', '..');
const SITE = join(ROOT, 'out', 'notebooks');
const SHOTS = join(ROOT, 'out', 'screenshots');
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
// A notebook generates its world and runs its attacks in the page: allow for a slow shared machine.
const FIGURE_WAIT = 120_000;

const present = chromiumPresent();
if (!present) console.warn(`SKIPPED the notebook browser tests: ${CHROMIUM} is absent (apt-get install chromium).`);

describe.skipIf(!present)('the classroom notebooks in chromium', () => {
  let server: Server;
  let origin: string;
  let context: BrowserContext;
  let close: () => Promise<void>;

  beforeAll(async () => {
    // Built fresh every run, so the pages test the sources as they are now.
    const built = spawnSync(TSX, ['scripts/build-notebooks.ts'], { cwd: ROOT, encoding: 'utf8' });
    if (built.status !== 0) throw new Error(`notebooks:build failed:\n${built.stdout}\n${built.stderr}`);
    server = await serveSite(SITE, '127.0.0.1', 0);
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    ({ context, close } = await launchChromium());
    mkdirSync(SHOTS, { recursive: true });
  });

  afterAll(async () => {
    await close?.();
    await new Promise((r) => server?.close(r));
  });

  /** Opens a page that records every console error, page error and request not to our server (aborted). */
  async function openPage(file: string): Promise<{ page: Page; problems: string[] }> {
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(`${origin}/`)) return route.continue();
      problems.push(`request leaving the machine: ${url}`);
      return route.abort();
    });
    await page.goto(`${origin}/${file}`, { waitUntil: 'load' });
    return { page, problems };
  }

  async function errorCells(page: Page): Promise<string[]> {
    return page.$$eval('.observablehq--error', (els) => els.map((e) => e.textContent ?? ''));
  }

  /** The figure's text once it shows; fails at once, with the error, if a cell fails first. */
  async function figureValue(page: Page, name: string): Promise<string> {
    const el = page.locator(`[data-figure="${name}"] .key-figure-value`).first();
    await page.locator(`[data-figure="${name}"] .key-figure-value, .observablehq--error`).first().waitFor({ state: 'visible', timeout: FIGURE_WAIT });
    expect(await errorCells(page), `cells failed before figure ${name} appeared`).toEqual([]);
    return (await el.textContent())?.trim() ?? '';
  }

  async function move(page: Page, m: ControlMove): Promise<void> {
    const form = page.locator('form', { has: page.locator('label', { hasText: m.label }) }).first();
    if (m.kind === 'select') {
      await form.locator('select').selectOption({ label: m.value });
    } else {
      await form.locator('input[type=range]').evaluate((el, v) => {
        (el as HTMLInputElement).value = v;
        el.dispatchEvent(new Event('input', { bubbles: true }));
      }, m.value);
    }
  }

  it('the index page links to every notebook, and every notebook has a check here', async () => {
    const sources = readdirSync(join(ROOT, 'notebooks')).filter((f) => f.endsWith('.html') && f !== 'index.html').sort();
    expect(NOTEBOOK_CHECKS.map((c) => c.file).sort()).toEqual(sources);
    const { page, problems } = await openPage('index.html');
    await page.waitForSelector('main a');
    const links = await page.$$eval('main a[href$=".html"]', (as) => as.map((a) => a.getAttribute('href')!.replace(/^\.\//, '')));
    expect(links.sort()).toEqual(sources);
    await page.screenshot({ path: join(SHOTS, 'index.png'), fullPage: true });
    expect(await errorCells(page)).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });

  for (const check of NOTEBOOK_CHECKS) {
    it(`${check.file}: figures appear, a control changes them, nothing fails or leaves the machine`, async () => {
      const { page, problems } = await openPage(check.file);
      const shot = check.file.replace(/\.html$/, '');
      try {
        expect(await page.title()).toContain(check.title);
        const before: Record<string, string> = {};
        for (const name of check.figures) {
          before[name] = await figureValue(page, name);
          expect(before[name], `figure ${name}`).toMatch(/\d/);
        }
        const text = await page.locator('main').innerText();
        for (const t of check.texts) expect(text, `text "${t}"`).toContain(t);
        for (const a of check.agree ?? []) {
          await page.waitForFunction((re) => new RegExp(re.source, re.flags).test(document.querySelector('main')!.textContent!), { source: a.sentence.source, flags: a.sentence.flags }, { timeout: FIGURE_WAIT });
          const stated = [...(await page.locator('main').innerText()).matchAll(a.sentence)][a.nth]?.[1];
          expect(stated, `the core's sentence for ${a.figure}`).toBeDefined();
          expect((await figureValue(page, a.figure)).split(' ')[0], `figure ${a.figure} against the core`).toBe(stated);
        }
        await page.screenshot({ path: join(SHOTS, `${shot}.png`), fullPage: true });
        expect(await errorCells(page)).toEqual([]);

        await move(page, check.move);
        const old = before[check.changes]!;
        await page.waitForFunction(
          ([name, value]) => {
            const el = document.querySelector(`[data-figure="${name}"] .key-figure-value`);
            return !!el && el.textContent!.trim() !== value;
          },
          [check.changes, old] as const,
          { timeout: FIGURE_WAIT },
        );
        const after = await figureValue(page, check.changes);
        expect(after).not.toBe(old);
        expect(after).toMatch(/\d/);
        await page.screenshot({ path: join(SHOTS, `${shot}-moved.png`), fullPage: true });
        expect(await errorCells(page)).toEqual([]);
        expect(problems).toEqual([]);
      } finally {
        await page.close();
      }
    });
  }
});

// Builds the classroom notebooks (notebooks/*.html, Observable Notebook Kit) into a static site in
// out/notebooks/: every page runs reident's browser-safe core in the page, with no server behind it.
// The pages import the package by name ('reident', 'reident/scenarios'), as any user's page would, and
// get the same build (dist/) that `npm run build` makes and npm ships: it is rebuilt first.
// Node-only. Usage: tsx scripts/build-notebooks.ts [--out DIR]
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { build } from 'vite';
import { config, observable } from '@observablehq/notebook-kit/vite';

export const NOTEBOOKS_DIR = resolve(import.meta.dirname, '..', 'notebooks');
export const SITE_DIR = resolve(import.meta.dirname, '..', 'out', 'notebooks');
const ROOT = resolve(import.meta.dirname, '..');
const DIST = join(ROOT, 'dist', 'src');

/** `npm run build`: the package's ESM JavaScript in dist/ (incremental, so a rebuild is quick). */
export function buildPackage(): void {
  const tsc = join(ROOT, 'node_modules', '.bin', 'tsc');
  const r = spawnSync(tsc, ['-p', 'tsconfig.build.json'], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`the package build (tsc -p tsconfig.build.json) failed:\n${r.stdout}${r.stderr}`);
}

/** Every notebook source (the index first), as absolute paths: Notebook Kit builds only the files it is given. */
export function notebookFiles(dir = NOTEBOOKS_DIR): string[] {
  const names = readdirSync(dir).filter((f) => f.endsWith('.html')).sort((a, b) => (a === 'index.html' ? -1 : b === 'index.html' ? 1 : a.localeCompare(b)));
  return names.map((f) => join(dir, f));
}

export async function buildNotebooks(outDir = SITE_DIR, { quiet = false } = {}): Promise<string[]> {
  const files = notebookFiles();
  buildPackage();
  const kit = config();
  const bundled: string[] = [];
  await build({
    ...kit,
    // Records every module bundled, to check below that the core came from the build.
    plugins: [observable(), { name: 'reident-modules', moduleParsed: (m: { id: string }) => void bundled.push(m.id) }],
    // The package's own exports map, pointed at dist/ (a page outside this repository gets it from node_modules).
    resolve: {
      alias: [
        ...(kit.resolve?.alias as { find: string | RegExp; replacement: string }[]),
        { find: /^reident$/, replacement: join(DIST, 'index.js') },
        { find: /^reident\/scenarios$/, replacement: join(DIST, 'scenarios-api.js') },
      ],
    },
    root: NOTEBOOKS_DIR,
    base: './',
    logLevel: quiet ? 'warn' : 'info',
    build: { outDir, emptyOutDir: true, chunkSizeWarningLimit: 4000, rollupOptions: { input: files } },
  });
  const sources = bundled.filter((id) => /^\/?(src|attacks|generators|safeguards)\//.test(relative(ROOT, id)));
  if (sources.length) throw new Error(`the notebooks bundled the sources instead of dist/: ${sources.slice(0, 3).join(', ')}`);
  if (!bundled.some((id) => id.startsWith(DIST))) throw new Error('the notebooks did not bundle the package build (dist/)');
  return files;
}

if (process.argv[1] === import.meta.filename) {
  const { values } = parseArgs({ options: { out: { type: 'string' } } });
  const out = values.out ? resolve(values.out) : SITE_DIR;
  const files = await buildNotebooks(out);
  console.log(`built ${files.length} notebook pages into ${out}`);
}

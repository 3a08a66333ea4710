// Builds the classroom notebooks (notebooks/*.html, Observable Notebook Kit) into a static site in
// out/notebooks/: every page runs reident's browser-safe core in the page, with no server behind it.
// Node-only. Usage: tsx scripts/build-notebooks.ts [--out DIR]
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { build } from 'vite';
import { config, observable } from '@observablehq/notebook-kit/vite';

export const NOTEBOOKS_DIR = resolve(import.meta.dirname, '..', 'notebooks');
export const SITE_DIR = resolve(import.meta.dirname, '..', 'out', 'notebooks');

/** Every notebook source (the index first), as absolute paths: Notebook Kit builds only the files it is given. */
export function notebookFiles(dir = NOTEBOOKS_DIR): string[] {
  const names = readdirSync(dir).filter((f) => f.endsWith('.html')).sort((a, b) => (a === 'index.html' ? -1 : b === 'index.html' ? 1 : a.localeCompare(b)));
  return names.map((f) => join(dir, f));
}

export async function buildNotebooks(outDir = SITE_DIR, { quiet = false } = {}): Promise<string[]> {
  const files = notebookFiles();
  await build({
    ...config(),
    plugins: [observable()],
    root: NOTEBOOKS_DIR,
    base: './',
    logLevel: quiet ? 'warn' : 'info',
    build: { outDir, emptyOutDir: true, chunkSizeWarningLimit: 4000, rollupOptions: { input: files } },
  });
  return files;
}

if (process.argv[1] === import.meta.filename) {
  const { values } = parseArgs({ options: { out: { type: 'string' } } });
  const out = values.out ? resolve(values.out) : SITE_DIR;
  const files = await buildNotebooks(out);
  console.log(`built ${files.length} notebook pages into ${out}`);
}

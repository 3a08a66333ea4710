// A run's report written to a folder: report.html (charts drawn on linkedom's document, so the file is
// static), report.json (the run) and report.md. A demo's folder is replaced whole: the files are written
// into a new folder beside it, which is then renamed over the old one, so an interrupted run never
// leaves a mix of old and new files.
import { readdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { parseHTML } from 'linkedom';
import { reportHtml } from '../report/html/report-html.ts';
import { reportMarkdown } from '../report/report-md.ts';
import type { RunFile } from '../report/run-file.ts';
import { OutputError, prepareOutDir, reason, writeFileAtomic } from './out-dir.ts';

/** A fresh server-side document for Plot to draw in. */
export function serverDocument(): Document {
  return parseHTML('<!DOCTYPE html><html><head></head><body></body></html>').document as unknown as Document;
}

/** The files a run folder may hold; a folder with anything else is not replaced. */
const RUN_FILES = new Set(['report.html', 'report.json', 'report.md', 'result.json', 'summary.txt']);

/** The three report files, written beside `result.json` in a run folder (each whole or not at all). */
export async function renderReport(dir: string, run: RunFile): Promise<void> {
  await writeFileAtomic(join(dir, 'report.json'), JSON.stringify(run, null, 1) + '\n');
  await writeFileAtomic(join(dir, 'report.md'), reportMarkdown(run));
  await writeFileAtomic(join(dir, 'report.html'), reportHtml(run, serverDocument()));
}

/** A new run folder in place of `dir` (a previous run's folder is replaced whole; any other folder is refused). */
export async function writeRunFolder(dir: string, run: RunFile): Promise<void> {
  const present = await readdir(dir).catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') return [] as string[];
    throw new OutputError(`cannot use "${dir}": ${reason(e)}`);
  });
  const foreign = present.filter((f) => !RUN_FILES.has(f));
  if (foreign.length) throw new OutputError(`"${dir}" holds files that are not a reident run (${foreign.slice(0, 3).join(', ')}${foreign.length > 3 ? ', ...' : ''}); give an empty or new folder`);
  const fresh = join(dirname(dir), `.${basename(dir)}.new-${process.pid}`);
  const old = join(dirname(dir), `.${basename(dir)}.old-${process.pid}`);
  await rm(fresh, { recursive: true, force: true });
  await prepareOutDir(fresh);
  try {
    await writeFileAtomic(join(fresh, 'result.json'), JSON.stringify(run, null, 1) + '\n');
    await renderReport(fresh, run);
    await rename(dir, old).catch((e: NodeJS.ErrnoException) => {
      if (e.code !== 'ENOENT') throw new OutputError(`cannot replace "${dir}": ${reason(e)}`);
    });
    await rename(fresh, dir);
    await rm(old, { recursive: true, force: true });
  } catch (e) {
    await rm(fresh, { recursive: true, force: true });
    throw e;
  }
}

// A complete-states world in the hive layout (TABLE/state=XX/part-NNNNN.EXT), written part by part on
// worker threads with bounded memory, and resumable: a finished part's files are renamed into place,
// then recorded in the progress file; running the same command again skips the recorded parts. The
// manifest is written last, so a folder without one is visibly unfinished.
import { createHash } from 'node:crypto';
import { readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { OptionError, TABLE_NAMES, type TableName } from '../../generators/world-types.ts';
import type { WorldPlan } from '../../generators/world.ts';
import { buildManifest, generatorName, MANIFEST_FILE, manifestText, type Manifest, type ManifestTable } from './manifest.ts';
import { OutputError, prepareOutDir, reason, writeFileAtomic } from './out-dir.ts';
import { partitionByState, type Part } from './partition-plan.ts';
import { partFile } from './part-files.ts';
import { writeParts } from './part-pool.ts';
import { slicePeople, tempOf, type PartJob, type PartResult, type PartTableFile } from './part-writer.ts';
import { readManifest } from './read-manifest.ts';
import { previousWorldFiles } from './replace-world.ts';
import { projectSchema } from './column-selection.ts';
import { worldOptionsOf } from './world-writer.ts';
import type { OutputFormat } from './table-writers.ts';

export const PROGRESS_FILE = '.reident-progress.json';

export interface PartitionedOptions {
  outDir: string;
  format: OutputFormat;
  tables: readonly TableName[];
  columns: readonly string[] | null;
  partPeople: number;
  /** Worker threads (1: this thread alone). */
  workers: number;
  /** DuckDB memory per thread before a part's tables spill to disk (default 1GB). */
  memoryLimit?: string;
  signal?: AbortSignal;
  onProgress?(done: number, total: number): void;
  force?: boolean;
}

/** Everything that decides a partitioned world's bytes: a resumed or repeated run must match it exactly. */
export interface RunKey {
  generator: string;
  options: WorldPlan['options'];
  format: OutputFormat;
  tables: TableName[];
  columns: string[] | null;
  partPeople: number;
}

interface ProgressFile {
  run: RunKey;
  /** Finished parts by id, with their files. */
  done: Record<string, PartResult['tables']>;
}

export interface PartitionedResult {
  outDir: string;
  manifestPath: string;
  manifest: Manifest;
  people: { start: number; end: number };
  threads: number;
  parts: number;
  /** Parts found finished by an earlier run and not written again, and their people. */
  resumedParts: number;
  resumedPeople: number;
  /** The folder already held this very world, complete: nothing was written. */
  alreadyComplete: boolean;
}

export async function writePartitionedWorld(plan: WorldPlan, o: PartitionedOptions): Promise<PartitionedResult> {
  const parts = partitionByState(plan, o.partPeople);
  const tables = TABLE_NAMES.filter((t) => o.tables.includes(t));
  const run: RunKey = { generator: generatorName(), options: { ...plan.options }, format: o.format, tables, columns: o.columns ? [...o.columns] : null, partPeople: o.partPeople };
  const progressPath = join(o.outDir, PROGRESS_FILE);
  const people = { start: 0, end: plan.totalPeople };
  const base = { outDir: o.outDir, manifestPath: join(o.outDir, MANIFEST_FILE), people, threads: Math.max(1, o.workers), parts: parts.length };

  let progress = await readProgress(progressPath);
  if (progress) refuseOther(o.outDir, progress.run, run, 'an unfinished run');
  else {
    const existing = await readManifest(o.outDir).catch(() => null);
    if (existing) {
      const made = existing.manifest.run as RunKey | undefined;
      if (!made) throw new OptionError('out', `${o.outDir} holds a world in the single-file layout; write the partitioned world to a new or empty folder`);
      refuseOther(o.outDir, made, run, 'a finished world');
      return { ...base, manifest: existing.manifest, resumedParts: parts.length, resumedPeople: plan.totalPeople, alreadyComplete: true };
    }
    await previousWorldFiles(o.outDir, o.force === true); // refuses a non-empty folder that is no world
    await prepareOutDir(o.outDir);
    progress = { run, done: {} };
    await writeFileAtomic(progressPath, JSON.stringify(progress));
  }
  const done = progress.done;
  const todo: Part[] = [];
  for (const p of parts) if (!(await stillThere(o.outDir, done[p.id]))) todo.push(p);
  const resumedParts = parts.length - todo.length;

  const total = plan.totalPeople;
  for (const p of todo) delete done[p.id];
  let finishedPeople = parts.filter((p) => done[p.id]).reduce((a, p) => a + (p.end - p.start), 0);
  const resumedPeople = finishedPeople;
  o.onProgress?.(finishedPeople, total);

  const job: PartJob = {
    options: worldOptionsOf(plan.options),
    tables,
    format: o.format,
    columns: run.columns,
    outDir: o.outDir,
    slicePeople: slicePeople(o.partPeople),
    memoryLimit: o.memoryLimit ?? '1GB',
  };
  try {
    await writeParts(plan, job, todo, {
      threads: o.workers,
      signal: o.signal,
      onPeople: (inFlight) => o.onProgress?.(finishedPeople + inFlight, total),
      onDone: async (result) => {
        // Files first, then the record: a part recorded as done always has its files in place.
        for (const t of Object.values(result.tables)) await rename(tempOf(join(o.outDir, t.file)), join(o.outDir, t.file));
        done[result.id] = result.tables;
        await writeFileAtomic(progressPath, JSON.stringify(progress));
        finishedPeople += result.people;
        o.onProgress?.(finishedPeople, total);
      },
    });
  } catch (e) {
    await removeTemps(o.outDir, todo, job).catch(() => undefined);
    throw asOutputError(e, o.outDir);
  } finally {
    await removeSpill(o.outDir);
  }
  const manifest: Manifest = { ...buildManifest(plan, null, manifestTables(plan, parts, done, tables, o.format, run.columns)), run };
  await writeFileAtomic(base.manifestPath, manifestText(manifest));
  await rm(progressPath, { force: true });
  return { ...base, manifest, resumedParts, resumedPeople, alreadyComplete: false };
}

/** A table's manifest entry: its folder, its parts in person order, and one digest over theirs. */
function manifestTables(plan: WorldPlan, parts: readonly Part[], done: ProgressFile['done'], tables: readonly TableName[], format: OutputFormat, columns: string[] | null): Partial<Record<TableName, ManifestTable>> {
  const out: Partial<Record<TableName, ManifestTable>> = {};
  const picked = columns ? new Set(columns) : null;
  for (const table of tables) {
    const files = parts.map((p) => ({ state: p.state, ...done[p.id]![table]! }));
    const digest = createHash('sha256');
    for (const f of files) digest.update(`${f.sha256}  ${f.file}\n`);
    out[table] = {
      file: table,
      format,
      layout: 'hive',
      rows: files.reduce((a, f) => a + f.rows, 0),
      sha256: digest.digest('hex'),
      columns: projectSchema(plan.schemas[table], picked).schema.columns.map((c) => ({ name: c.name, type: c.type, truth: c.truth === true })),
      parts: files.map((f) => ({ file: f.file, state: f.state, rows: f.rows, bytes: f.bytes, sha256: f.sha256 })),
    };
  }
  return out;
}

function refuseOther(outDir: string, found: RunKey, asked: RunKey, what: string): void {
  const a = JSON.stringify(found);
  const b = JSON.stringify(asked);
  if (a === b) return;
  const differs = (Object.keys(asked) as (keyof RunKey)[]).filter((k) => JSON.stringify(found[k]) !== JSON.stringify(asked[k]));
  const detail = differs.map((k) => `${k}: ${JSON.stringify(found[k])} there, ${JSON.stringify(asked[k])} now`).join('; ');
  throw new OptionError('out', `${outDir} holds ${what} made with other options (${detail}); run the same command as before to ${what === 'an unfinished run' ? 'resume it' : 'keep it'}, or choose a new --out folder (or delete this one)`);
}

async function readProgress(path: string): Promise<ProgressFile | null> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return null;
  }
  try {
    const p = JSON.parse(text) as ProgressFile;
    if (p && typeof p === 'object' && p.run && p.done && typeof p.done === 'object') return p;
  } catch {
    // fall through
  }
  throw new OptionError('out', `${path} is damaged; delete the folder and start again`);
}

/** Whether a recorded part's files are all in place with their recorded sizes (a cheap check; verify checks digests). */
async function stillThere(outDir: string, files: PartResult['tables'] | undefined): Promise<boolean> {
  if (!files) return false;
  for (const f of Object.values(files) as PartTableFile[]) {
    const info = await stat(join(outDir, f.file)).catch(() => null);
    if (!info || info.size !== f.bytes) return false;
  }
  return true;
}

async function removeTemps(outDir: string, parts: readonly Part[], job: PartJob): Promise<void> {
  for (const p of parts) for (const t of job.tables) await rm(tempOf(join(outDir, partFile(t, p, job.format))), { force: true });
}

async function removeSpill(outDir: string): Promise<void> {
  for (const name of await readdir(outDir).catch(() => [] as string[])) {
    if (name.startsWith('.reident-spill-')) await rm(join(outDir, name), { recursive: true, force: true });
  }
}

function asOutputError(e: unknown, outDir: string): unknown {
  const code = (e as NodeJS.ErrnoException | null)?.code;
  if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) return new OutputError(`writing to "${outDir}" failed: ${reason(e)}`);
  return e;
}

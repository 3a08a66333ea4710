// Streams a generated world into one file per table plus manifest.json; all or nothing.
import { rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { TABLE_NAMES, type TableName, type WorldOptions } from '../../generators/world-types.ts';
import { parallelBatches } from './parallel-batches.ts';
import { sliceSize } from './slices.ts';
import { DEFAULT_BATCH_SIZE } from '../../generators/world.ts';
import type { ParquetSession } from './format-parquet.ts';
import { projectChunk, projectSchema, type Projection } from './column-selection.ts';
import { buildManifest, MANIFEST_FILE, manifestTable, manifestText, type Manifest, type ManifestTable } from './manifest.ts';
import { OutputError, prepareOutDir, reason, writeFileAtomic } from './out-dir.ts';
import { openTableWriter, type OutputFormat, type TableWriter } from './table-writers.ts';
import { loadWorld, type PlanShape, type WorldPlan, type WorldSource } from './world-source.ts';
import { previousWorldFiles, removeReplacedFiles } from './replace-world.ts';


export interface WriteWorldOptions<P extends PlanShape = PlanShape> {
  outDir: string;
  format: OutputFormat;
  /** Tables to write (written in the canonical order whatever the order here). */
  tables: readonly TableName[];
  /** Write only this shard's people: index is 0-based, in [0, count). */
  shard?: { index: number; count: number };
  /** People per generated batch (the generator's default if absent). */
  batchSize?: number;
  /** Called as rows are made (after every slice of a batch, see slices.ts) with people done and people to do in this run. */
  onProgress?(donePeople: number, totalPeople: number): void;
  /** Aborting stops the run after the current batch; temp files are removed as for any failure. */
  signal?: AbortSignal;
  /** The generator (default: generators/world.ts, whose plans come from its planWorld). */
  source?: WorldSource<P>;
  /** Threads that generate and format batches: this one plus workers - 1 worker threads (default 1). Only for the default generator. */
  workers?: number;
  /** Write into a non-empty folder that holds no reident world (default: refuse it). */
  force?: boolean;
  /** Write only these columns of each table (see column-selection.ts); every column when absent. */
  columns?: ReadonlySet<string> | null;
}

export interface WrittenTable {
  table: TableName;
  file: string;
  path: string;
  rows: number;
  bytes: number;
  sha256: string;
}

export interface WriteWorldResult {
  outDir: string;
  manifestPath: string;
  manifest: Manifest;
  tables: WrittenTable[];
  people: { start: number; end: number };
  /** Threads that generated and formatted the rows: 1 is this thread alone, n is this one and n - 1 worker threads. */
  threads: number;
}

interface OpenTable {
  table: TableName;
  file: string;
  writer: TableWriter;
  projection: Projection;
}

export async function writeWorld<P extends PlanShape>(plan: P, options: WriteWorldOptions<P>): Promise<WriteWorldResult> {
  const source = options.source ?? ((await loadWorld()) as unknown as WorldSource<P>);
  const tables = canonicalTables(plan, options.tables);
  const people = peopleRange(plan, source, options.shard);
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  // More threads than batches would idle; an empty range still counts as one thread. Worker threads
  // hand back formatted text rows of whole tables: Parquet (written from the columns) and a column
  // selection are made in this thread.
  const oneThread = options.format === 'parquet' || (options.columns ?? null) !== null;
  const asked = await workerThreads(options);
  const threads = oneThread ? 1 : Math.max(1, Math.min(asked, Math.ceil((people.end - people.start) / batchSize)));
  const { outDir, format } = options;
  options.signal?.throwIfAborted();
  const previous = await previousWorldFiles(outDir, options.force === true);
  await prepareOutDir(outDir);

  let session: ParquetSession | null = null;
  const spillDir = join(outDir, '.reident-spill');
  const context = { parquet: async () => (session ??= await (await import('./format-parquet.ts')).ParquetSession.open({ spillDir })) };
  const open: OpenTable[] = [];
  const placed: string[] = [];
  try {
    for (const table of tables) {
      const file = `${table}.${format}`;
      const projection = projectSchema(plan.schemas[table], options.columns ?? null);
      open.push({ table, file, projection, writer: await openTableWriter(format, projection.schema, join(outDir, `${file}.tmp`), context) });
    }
    if (threads > 1) await streamParallel(plan, people, open, { ...options, batchSize }, threads);
    else await streamBatches(plan, source, people, open, { ...options, batchSize });
    const written: WrittenTable[] = [];
    for (const t of open) {
      const digest = await t.writer.finish();
      written.push({ table: t.table, file: t.file, path: join(outDir, t.file), ...digest });
    }
    // The old world stays whole and valid until here; its manifest goes first, its leftover files after the new ones are in place.
    await rm(join(outDir, MANIFEST_FILE), { force: true });
    for (const [i, t] of written.entries()) {
      await rename(open[i]!.writer.tempPath, t.path);
      placed.push(t.path);
    }
    await removeReplacedFiles(outDir, previous, written.map((t) => t.file));
    const manifest = buildManifest(plan, options.shard ? { ...options.shard, people } : null, manifestTables(open, format, written));
    const manifestPath = join(outDir, MANIFEST_FILE);
    await writeFileAtomic(manifestPath, manifestText(manifest));
    return { outDir, manifestPath, manifest, tables: written, people, threads };
  } catch (e) {
    await Promise.all(open.map((t) => t.writer.discard()));
    await Promise.all(placed.map((p) => rm(p, { force: true }).catch(() => undefined)));
    throw asOutputError(e, outDir);
  } finally {
    (session as ParquetSession | null)?.close();
    await rm(spillDir, { recursive: true, force: true }).catch(() => undefined);
  }
}

async function streamBatches<P extends PlanShape>(
  plan: P,
  source: WorldSource<P>,
  people: { start: number; end: number },
  open: OpenTable[],
  options: WriteWorldOptions<P> & { batchSize: number },
): Promise<void> {
  const total = people.end - people.start;
  const range = { ...people, tables: new Set(open.map((t) => t.table)), batchSize: sliceSize(options.batchSize) };
  options.onProgress?.(0, total);
  let next = people.start;
  for (const slice of source.generateWorld(plan, range)) {
    if (slice.start !== next || slice.end < slice.start || slice.end > people.end) {
      throw new Error(`generator returned people [${slice.start}, ${slice.end}) where [${next}, ...) was expected`);
    }
    next = slice.end;
    for (const t of open) {
      const chunk = slice.chunks[t.table];
      if (chunk) await t.writer.write(projectChunk(chunk, t.projection, plan.schemas[t.table]));
    }
    slice.release?.(); // every writer has taken its rows
    options.onProgress?.(next - people.start, total);
    // let signals, timers and the progress bar run between slices
    await new Promise((resolve) => setImmediate(resolve));
    options.signal?.throwIfAborted();
  }
  if (next !== people.end) throw new Error(`generator stopped at person ${next}, expected ${people.end}`);
}

async function streamParallel<P extends PlanShape>(
  plan: P,
  people: { start: number; end: number },
  open: OpenTable[],
  options: WriteWorldOptions<P> & { batchSize: number },
  threads: number,
): Promise<void> {
  const total = people.end - people.start;
  options.onProgress?.(0, total);
  // Only the default generator runs on several threads (workerThreads), so the plan is its WorldPlan.
  const job = { plan: plan as unknown as WorldPlan, options: worldOptionsOf(plan.options), tables: open.map((t) => t.table), format: options.format };
  const onGenerated = (done: number) => options.onProgress?.(done, total);
  // A thread's batch is one slice: its bytes (a few MB a table) stay in cache and the handed-back buffers
  // fit the next batch, where 50,000-person batches grew 100 MB buffers and cost ~30% more CPU a claim row.
  const batches = parallelBatches(job, { ...people, batchSize: sliceSize(options.batchSize) }, { threads, signal: options.signal, onGenerated });
  for await (const batch of batches) {
    // the batch's buffers go back for reuse once every table's bytes are on disk
    let pending = open.length;
    const written = () => --pending === 0 && batch.release();
    for (const t of open) {
      const bytes = batch.bytes[t.table];
      if (bytes) await t.writer.writeFormatted(bytes, batch.rows[t.table] ?? 0, written);
      else written();
    }
    options.signal?.throwIfAborted();
  }
}

/** Threads asked for; worker threads re-create the plan from its options, so only the default generator can run in them. */
async function workerThreads(options: WriteWorldOptions<PlanShape>): Promise<number> {
  const workers = options.workers ?? 1;
  if (!Number.isInteger(workers) || workers < 1) throw new Error(`workers must be a positive integer, got ${workers}`);
  if (workers > 1 && options.source && options.source !== ((await loadWorld()) as unknown)) {
    throw new Error('workers > 1 runs the default generator (generators/world.ts) in worker threads; a custom source runs in one thread');
  }
  return workers;
}

/** The options that re-create a plan (in a worker thread). */
export function worldOptionsOf(o: PlanShape['options']): WorldOptions {
  return {
    seed: o.seed,
    states: o.states,
    calibration: o.calibration,
    claimYears: o.claimYears,
    ssn: o.ssn,
    ...(o.people !== null ? { people: o.people } : {}),
    ...(o.scale !== null ? { scale: o.scale } : {}),
  };
}

function canonicalTables(plan: PlanShape, requested: readonly TableName[]): TableName[] {
  if (requested.length === 0) throw new Error('no tables to write');
  for (const t of requested) {
    if (!(TABLE_NAMES as readonly string[]).includes(t)) throw new Error(`unknown table "${t}"`);
    if (!plan.schemas[t]) throw new Error(`the plan has no schema for table "${t}"`);
  }
  return TABLE_NAMES.filter((t) => requested.includes(t));
}

function peopleRange<P extends PlanShape>(plan: P, source: WorldSource<P>, shard: WriteWorldOptions['shard']): { start: number; end: number } {
  if (!shard) return { start: 0, end: plan.totalPeople };
  const { index, count } = shard;
  if (!Number.isInteger(count) || count < 1 || !Number.isInteger(index) || index < 0 || index >= count) {
    throw new Error(`shard must satisfy 0 <= index < count, got ${index}/${count}`);
  }
  return source.shardRange(plan.totalPeople, index, count);
}

function manifestTables(open: readonly OpenTable[], format: OutputFormat, written: WrittenTable[]): Partial<Record<TableName, ManifestTable>> {
  const out: Partial<Record<TableName, ManifestTable>> = {};
  for (const [i, t] of written.entries()) out[t.table] = manifestTable(open[i]!.projection.schema, t.file, format, t.rows, t.sha256);
  return out;
}

/** File-system failures (ENOSPC, EACCES...) become OutputErrors naming the directory; others pass through. */
function asOutputError(e: unknown, outDir: string): unknown {
  if (e instanceof OutputError) return e;
  const code = (e as NodeJS.ErrnoException | null)?.code;
  if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) return new OutputError(`writing to "${outDir}" failed: ${reason(e)}`);
  return e;
}

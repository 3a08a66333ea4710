// One part of a partitioned world (partition-plan.ts) written to temp files, one per table: the
// people [start, end) generated slice by slice and each table's rows (cut to the columns asked
// for) streamed to its writer. Runs in a worker thread (part-worker.ts) or in the calling thread.
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { threadId } from 'node:worker_threads';
import { generateWorld, type WorldPlan } from '../../generators/world.ts';
import type { TableName, WorldOptions } from '../../generators/world-types.ts';
import { projectChunk, projectSchema, type Projection } from './column-selection.ts';
import type { ParquetSession } from './format-parquet.ts';
import { partFile, type Part } from './partition-plan.ts';
import { sliceSize } from './slices.ts';
import { openTableWriter, type OutputFormat, type TableWriter } from './table-writers.ts';

/** What every part of a run shares (sent once to each worker thread). */
export interface PartJob {
  readonly options: WorldOptions;
  readonly tables: readonly TableName[];
  readonly format: OutputFormat;
  /** The columns to write, or null for all. */
  readonly columns: readonly string[] | null;
  readonly outDir: string;
  /** People per generated slice (the unit of progress). */
  readonly slicePeople: number;
  /** DuckDB memory before a part's tables spill to disk (Parquet). */
  readonly memoryLimit: string;
}

export interface PartTableFile {
  /** Relative to the world folder. */
  readonly file: string;
  readonly rows: number;
  readonly bytes: number;
  readonly sha256: string;
}

export interface PartResult {
  readonly id: string;
  readonly people: number;
  readonly tables: Partial<Record<TableName, PartTableFile>>;
}

/** The temp name a part file is written under until the run renames it (a killed run leaves only these). */
export function tempOf(path: string): string {
  return `${path}.tmp`;
}

export class PartWriter {
  private session: ParquetSession | null = null;
  private readonly projections: Map<TableName, Projection>;
  private readonly spillDir: string;

  constructor(
    private readonly plan: WorldPlan,
    private readonly job: PartJob,
  ) {
    const columns = job.columns ? new Set(job.columns) : null;
    this.projections = new Map(job.tables.map((t) => [t, projectSchema(plan.schemas[t], columns)]));
    this.spillDir = join(job.outDir, `.reident-spill-${process.pid}-${threadId}`);
  }

  /** Writes the part's files under their temp names; `onProgress` gets the people done in the part after each slice. */
  async write(part: Part, onProgress?: (people: number) => void | Promise<void>): Promise<PartResult> {
    const { format, outDir } = this.job;
    const context = { parquet: async () => (this.session ??= await (await import('./format-parquet.ts')).ParquetSession.open({ spillDir: this.spillDir, memoryLimit: this.job.memoryLimit })) };
    const open: { table: TableName; file: string; writer: TableWriter }[] = [];
    try {
      for (const table of this.job.tables) {
        const file = partFile(table, part, format);
        const path = join(outDir, file);
        await mkdir(dirname(path), { recursive: true });
        open.push({ table, file, writer: await openTableWriter(format, this.projections.get(table)!.schema, tempOf(path), context) });
      }
      const range = { start: part.start, end: part.end, tables: new Set(this.job.tables), batchSize: this.job.slicePeople };
      for (const slice of generateWorld(this.plan, range)) {
        for (const t of open) {
          const chunk = slice.chunks[t.table];
          if (chunk) await t.writer.write(projectChunk(chunk, this.projections.get(t.table)!, this.plan.schemas[t.table]));
        }
        slice.release?.(); // every writer has taken its rows (a Parquet sink appends them at once)
        await onProgress?.(slice.end - part.start);
      }
      const tables: PartResult['tables'] = {};
      for (const t of open) {
        const { rows, bytes, sha256 } = await t.writer.finish();
        tables[t.table] = { file: t.file, rows, bytes, sha256 };
      }
      return { id: part.id, people: part.end - part.start, tables };
    } catch (e) {
      await Promise.all(open.map((t) => t.writer.discard()));
      throw e;
    }
  }

  close(): void {
    this.session?.close();
    this.session = null;
  }

  /** The folder DuckDB may spill to (removed by the run when it ends). */
  get spill(): string {
    return this.spillDir;
  }
}

/** Slices of a part: as in the batch writers (slices.ts), so progress moves several times per part. */
export function slicePeople(partPeople: number): number {
  return sliceSize(partPeople);
}

// `reident generate`: plan the world, stream it to disk with progress, print a summary.
import type { TableName } from '../../generators/world-types.ts';
import type { TableSchema } from '../table/schema.ts';
import { defaultWorkers } from '../io/parallel-batches.ts';
import { DEFAULT_PART_PEOPLE } from '../io/part-files.ts';
import { loadWorld } from '../io/world-source.ts';
import { writeWorld } from '../io/world-writer.ts';
import { UsageError } from './errors.ts';
import type { CliIO } from './io.ts';
import { parseGenerateOptions, type GenerateConfig, type RawGenerateOptions } from './options.ts';
import { openProgress } from './progress.ts';
import { partitionedSummary, runSummary } from './summary.ts';

/** SIGINT/SIGTERM during a run: the partial files are removed (or, partitioned, finished parts kept), then the CLI exits 130. */
export class Interrupted extends Error {
  override readonly name = 'Interrupted';
  constructor(
    readonly signal: NodeJS.Signals,
    resumable = false,
  ) {
    super(resumable ? `interrupted by ${signal}; finished parts are kept: run the same command again to resume` : `interrupted by ${signal}; the partial output was removed`);
  }
}

export async function runGenerate(raw: RawGenerateOptions, io: CliIO): Promise<void> {
  const config = parseGenerateOptions(raw);
  const world = await loadWorld();
  const tables = chosenTables(config, world.SCHEMAS);
  const plan = world.planWorld(config.world);
  const started = performance.now();
  const progress = openProgress(io.stderr as NodeJS.WriteStream, config.quiet);
  const interrupt = new AbortController();
  const onSignal = (signal: NodeJS.Signals) => interrupt.abort(new Interrupted(signal, config.partition !== undefined));
  process.once('SIGINT', onSignal).once('SIGTERM', onSignal);
  try {
    if (config.partition) {
      // loaded here: it loads the generator, which the CLI loads only when it generates
      const { writePartitionedWorld } = await import('../io/partitioned-writer.ts');
      const result = await writePartitionedWorld(plan, {
        outDir: config.outDir,
        format: config.format,
        tables,
        columns: config.columns ?? null,
        partPeople: config.partPeople ?? DEFAULT_PART_PEOPLE,
        workers: config.workers ?? defaultWorkers(),
        force: config.force === true,
        onProgress: (done, total) => progress.update(done, total),
        signal: interrupt.signal,
      });
      progress.stop();
      io.stdout.write(partitionedSummary(result, (performance.now() - started) / 1000));
      return;
    }
    const result = await writeWorld(plan, {
      outDir: config.outDir,
      format: config.format,
      tables,
      ...(config.shard ? { shard: config.shard } : {}),
      ...(config.batchSize ? { batchSize: config.batchSize } : {}),
      ...(config.workers ? { workers: config.workers } : {}),
      columns: config.columns ? new Set(config.columns) : null,
      force: config.force === true,
      onProgress: (done, total) => progress.update(done, total),
      source: world,
      signal: interrupt.signal,
    });
    progress.stop();
    io.stdout.write(runSummary(result, (performance.now() - started) / 1000));
  } finally {
    process.off('SIGINT', onSignal).off('SIGTERM', onSignal);
    progress.stop();
  }
}

/**
 * The tables to write. With --columns, every column named must be in a table chosen (or, without
 * --tables, in some table: the tables holding a column asked for are then written), and every table
 * chosen with --tables must hold at least one of them.
 */
export function chosenTables(config: Pick<GenerateConfig, 'tables' | 'tablesGiven' | 'columns'>, schemas: Record<TableName, TableSchema>): TableName[] {
  const { columns } = config;
  if (!columns) return config.tables;
  const has = (t: TableName, c: string) => schemas[t].columns.some((s) => s.name === c);
  const known = [...new Set(config.tables.flatMap((t) => schemas[t].columns.map((c) => c.name)))];
  for (const c of columns) {
    if (!known.includes(c)) {
      const scope = config.tablesGiven ? `the tables chosen (${config.tables.join(', ')})` : 'any table';
      throw new UsageError(`--columns has an unknown column "${c}": ${scope} has no such column; known: ${known.join(', ')}`);
    }
  }
  const holding = config.tables.filter((t) => columns.some((c) => has(t, c)));
  if (config.tablesGiven) {
    const empty = config.tables.filter((t) => !holding.includes(t));
    if (empty.length > 0) throw new UsageError(`--columns names no column of ${empty.join(', ')} (chosen with --tables); leave ${empty.length > 1 ? 'them' : 'it'} out of --tables or add a column of ${empty.length > 1 ? 'each' : 'it'} to --columns`);
  }
  return holding;
}

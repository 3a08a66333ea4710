// `reident generate`: plan the world, stream it to disk with progress, print a summary.
import { loadWorld } from '../io/world-source.ts';
import { writeWorld } from '../io/world-writer.ts';
import type { CliIO } from './io.ts';
import { parseGenerateOptions, type RawGenerateOptions } from './options.ts';
import { openProgress } from './progress.ts';
import { runSummary } from './summary.ts';

/** SIGINT/SIGTERM during a run: the partial files are removed, then the CLI exits 130. */
export class Interrupted extends Error {
  override readonly name = 'Interrupted';
  constructor(readonly signal: NodeJS.Signals) {
    super(`interrupted by ${signal}; the partial output was removed`);
  }
}

export async function runGenerate(raw: RawGenerateOptions, io: CliIO): Promise<void> {
  const config = parseGenerateOptions(raw);
  const world = await loadWorld();
  const plan = world.planWorld(config.world);
  const started = performance.now();
  const progress = openProgress(io.stderr as NodeJS.WriteStream, config.quiet);
  const interrupt = new AbortController();
  const onSignal = (signal: NodeJS.Signals) => interrupt.abort(new Interrupted(signal));
  process.once('SIGINT', onSignal).once('SIGTERM', onSignal);
  let result;
  try {
    result = await writeWorld(plan, {
      outDir: config.outDir,
      format: config.format,
      tables: config.tables,
      ...(config.shard ? { shard: config.shard } : {}),
      ...(config.batchSize ? { batchSize: config.batchSize } : {}),
      ...(config.workers ? { workers: config.workers } : {}),
      force: config.force === true,
      onProgress: (done, total) => progress.update(done, total),
      source: world,
      signal: interrupt.signal,
    });
  } finally {
    process.off('SIGINT', onSignal).off('SIGTERM', onSignal);
    progress.stop();
  }
  io.stdout.write(runSummary(result, (performance.now() - started) / 1000));
}

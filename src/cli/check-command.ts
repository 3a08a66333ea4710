// `reident check`: generate a world in memory and print each measured figure beside its target.
import { TABLE_NAMES } from '../../generators/world-types.ts';
import { generateWorld, planWorld } from '../../generators/world.ts';
import { formatCheck, WorldCheck } from '../report/world-check.ts';
import type { CliIO } from './io.ts';
import { parseGenerateOptions, type RawGenerateOptions } from './options.ts';
import { openProgress } from './progress.ts';

export async function runCheck(raw: RawGenerateOptions & { json?: boolean }, io: CliIO): Promise<void> {
  const config = parseGenerateOptions(raw);
  const plan = planWorld(config.world);
  const check = new WorldCheck(plan.schemas, plan.options.calibration, plan.options.states, plan.firstClaimYear, plan.context.horizonDays / 365.25);
  const progress = openProgress(io.stderr as NodeJS.WriteStream, config.quiet);
  try {
    for (const batch of generateWorld(plan, { start: 0, end: plan.totalPeople, tables: new Set(TABLE_NAMES), ...(config.batchSize ? { batchSize: config.batchSize } : {}) })) {
      check.add(batch);
      progress.update(batch.end, plan.totalPeople);
    }
  } finally {
    progress.stop();
  }
  const rows = check.rows();
  if (raw.json) io.stdout.write(JSON.stringify({ people: plan.totalPeople, seed: plan.options.seed, calibration: plan.options.calibration, rows }, null, 1) + '\n');
  else io.stdout.write(`World of ${plan.totalPeople.toLocaleString('en-US')} people, seed ${plan.options.seed}, ${plan.options.calibration}:\n${formatCheck(rows)}\n`);
}

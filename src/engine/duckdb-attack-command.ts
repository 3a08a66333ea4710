// `reident attack quasi-id --engine duckdb --voter-roll FILE`: the join over the world's beneficiary file
// and a voter-roll file, printed as the memory engine prints the attack.
import { quasiIdRun } from '../attacks-registry/quasi-id.ts';
import { openWorldInput } from '../cli/world-input.ts';
import { worldTablePath } from '../io/world-tables.ts';
import { UsageError } from '../cli/errors.ts';
import type { CliIO } from '../cli/io.ts';
import { renderAttack } from '../cli/attack-render.ts';
import { chooseEngine, type EngineName } from './choose-engine.ts';
import { openEngineSession } from './duckdb-session.ts';
import { parseMemoryLimit } from '../cli/memory-limit.ts';
import { runQiJoin } from './duckdb-qi-join.ts';
import { fileSource } from './file-source.ts';
import type { QiJoinRule } from './qi-join-sql.ts';

export interface EngineAttackFlags {
  engine?: string;
  printSql?: boolean;
  memoryLimit?: string;
  quiet?: boolean;
  voterRoll?: string;
  voterTruth?: string;
  world?: string;
  verify?: boolean;
  json?: boolean;
}

/** The engine of `attack NAME`: only quasi-id has a DuckDB engine; it needs --voter-roll FILE. */
export async function attackEngine(name: string, raw: EngineAttackFlags, io: CliIO): Promise<EngineName> {
  const duckdbOnly = [['printSql', '--print-sql'], ['memoryLimit', '--memory-limit'], ['voterRoll', '--voter-roll'], ['voterTruth', '--voter-truth']] as const;
  if (name !== 'quasi-id') {
    for (const [key, flag] of [['engine', '--engine'], ...duckdbOnly] as const) if (raw[key] !== undefined) throw new UsageError(`${flag}: only attack quasi-id has an engine choice (attack ${name} runs in memory)`);
    return 'memory';
  }
  if (raw.engine === undefined && raw.voterRoll === undefined) {
    for (const [key, flag] of duckdbOnly) if (raw[key] !== undefined) throw new UsageError(`${flag}: attack quasi-id runs as SQL with --voter-roll FILE (write one with: reident adversary voter-roll --world DIR --with-truth --out FILE)`);
    return 'memory'; // the roll is generated in memory from the world, so the memory engine runs it
  }
  if (raw.engine === undefined) {
    // the roll is a file only the SQL engine reads; the memory engine generates its own from the world
    io.stderr.write('reident: engine duckdb (--voter-roll is read by SQL; the memory engine generates the roll from the world)\n');
    return 'duckdb';
  }
  const engine = chooseEngine(raw.engine, [], () => {});
  if (engine === 'memory') {
    for (const [key, flag] of duckdbOnly) if (raw[key] !== undefined) throw new UsageError(`${flag} goes with --engine duckdb (the memory engine generates the voter roll from the world)`);
  } else if (!raw.voterRoll) {
    throw new UsageError('--engine duckdb needs --voter-roll FILE: a voter roll with a truth column (write one with: reident adversary voter-roll --world DIR --with-truth --out FILE)');
  }
  return engine;
}

export async function runQuasiIdDuckdb(raw: EngineAttackFlags, options: Record<string, unknown>, io: CliIO): Promise<void> {
  if ((options.birthYearOnly as string[] | undefined)?.length) throw new UsageError('--birth-year-only: with --engine duckdb the voter-roll file decides which states have only the birth year');
  const world = await openWorldInput(raw.world!, { verify: raw.verify });
  const beneficiaries = worldTablePath(world, 'beneficiaries');
  const sources = { beneficiaries: fileSource('--world', beneficiaries), voterRoll: fileSource('--voter-roll', raw.voterRoll!), voterTruth: raw.voterTruth ?? 'truth_person_id' };
  const session = await openEngineSession({ ...raw, printSql: raw.printSql === true, memoryLimit: parseMemoryLimit(raw.memoryLimit) }, io);
  let run;
  try {
    const { result } = await runQiJoin(session, sources, options.rule as QiJoinRule, { beneficiaries: '--world', voterRoll: '--voter-roll' });
    run = quasiIdRun(result);
  } finally {
    session.close();
  }
  io.stdout.write(raw.json ? JSON.stringify(run.result, null, 1) + '\n' : renderAttack(run));
}

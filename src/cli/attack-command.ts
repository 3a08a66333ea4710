// `reident attack <name> --world DIR`: an attack of the registry against a generated world, scored
// against its truth. The attack's options come from its declaration (src/cli/attack-flags.ts), its
// readable output from its declared figures (attack-render.ts); `attack synthetic --original ...` judges
// a user's own files.
import { ATTACKS } from '../attacks-registry/registry.ts';
import type { AttackDefinition, AttackRun } from '../attacks-registry/attack.ts';
import { seedOf } from '../attacks-registry/attack.ts';
import { syntheticRun } from '../attacks-registry/synthetic.ts';
import { evaluateReleases } from '../scenarios/synthetic.ts';
import type { WorldView } from '../scenarios/world-view.ts';
import { InputError, readColumns } from '../io/read-columns.ts';
import { tooFewRecords } from '../../attacks/synthetic/evaluate.ts';
import { readWorldTable } from '../io/world-tables.ts';
import { HASH_INVERSION_ATTACK } from './hash-attack.ts';
import { attackOptionsFromFlags, flagged } from './attack-flags.ts';
import { renderAttack } from './attack-render.ts';
import { openWorldInput } from './world-input.ts';
import { UsageError } from './errors.ts';
import type { CliIO } from './io.ts';
import { parseEncoding } from './options.ts';
import { commandProgress, stepProgress } from './progress.ts';
import { attackEngine, runQuasiIdDuckdb } from '../engine/duckdb-attack-command.ts';

/** The browser-safe registry and the Node shell's own attacks (worker threads). */
export const CLI_ATTACKS: readonly AttackDefinition[] = [...ATTACKS, HASH_INVERSION_ATTACK];

export const ATTACK_KINDS = CLI_ATTACKS.map((a) => a.name);

export interface RawAttackOptions extends Record<string, unknown> {
  world?: string;
  original?: string;
  synthetic?: string;
  control?: string;
  encoding?: string;
  json?: boolean;
  quiet?: boolean;
  verify?: boolean;
  engine?: string;
  printSql?: boolean;
  memoryLimit?: string;
  voterRoll?: string;
  voterTruth?: string;
}

export async function runAttack(name: string, raw: RawAttackOptions, io: CliIO): Promise<void> {
  const attack = CLI_ATTACKS.find((a) => a.name === name);
  if (!attack) throw new UsageError(`unknown attack "${name}" (known: ${ATTACK_KINDS.join(', ')})`);
  const options = attackOptionsFromFlags(attack, raw, CLI_ATTACKS);
  flagged(() => seedOf(options));
  if (attack.name === 'synthetic' && raw.original) return runOwnSynthetic(raw, options, io);
  for (const flag of ['synthetic', 'control'] as const) if (raw[flag] !== undefined) throw new UsageError(`--${flag} goes with --original (attack synthetic on your own files)`);
  if (!raw.world) throw new UsageError('--world DIR is required: a folder written by reident generate');
  if ((await attackEngine(attack.name, raw, io)) === 'duckdb') return runQuasiIdDuckdb(raw, options, io);
  const opened = await openWorldInput(raw.world, { verify: raw.verify });
  const world: Record<string, unknown> = {};
  for (const t of attack.needs) world[t] = await readWorldTable(opened, t);
  const progress = stepProgress((step) => commandProgress(io, raw, step));
  let run: AttackRun;
  try {
    run = await attack.run(world as unknown as WorldView, options, progress.step);
  } finally {
    progress.stop();
  }
  print(run, raw, io);
}

function print(run: AttackRun, raw: RawAttackOptions, io: CliIO): void {
  io.stdout.write(raw.json ? JSON.stringify(run.result, null, 1) + '\n' : renderAttack(run));
}

/** `attack synthetic --original A --synthetic S [--control C] --secret COL`: a user's own release. */
async function runOwnSynthetic(raw: RawAttackOptions, options: Record<string, unknown>, io: CliIO): Promise<void> {
  if (!raw.synthetic || raw.secret === undefined) throw new UsageError('with --original, give --synthetic FILE and --secret COLUMN (and ideally --control FILE: records held out of synthesis)');
  if (raw.rows !== undefined) throw new UsageError('--rows: takes records from a world; with --original your files are used whole');
  const encoding = parseEncoding(raw.encoding);
  const load = async (file: string) => {
    return readColumns(file, { columns: 'all', encoding });
  };
  const original = await load(raw.original!);
  const synthetic = await load(raw.synthetic);
  const control = raw.control ? await load(raw.control) : null;
  for (const [flag, t] of [['--synthetic', synthetic], ['--control', control]] as const) {
    if (t) for (const c of original.names) if (!t.columns[c]) throw new UsageError(`${flag} file has no column "${c}" (it must have the original's columns)`);
  }
  const problem = tooFewRecords({ [raw.original!]: original.rows, [raw.synthetic]: synthetic.rows, ...(control ? { [raw.control!]: control.rows } : {}) });
  if (problem) throw new InputError(problem);
  const result = evaluateReleases(original, synthetic, control, { seed: seedOf(options), secret: options.secret as string, ...(options.attacks !== undefined ? { attacks: options.attacks as number } : {}) });
  print(syntheticRun(result), raw, io);
}

// `reident link --train` options that follow Splink's training calls: --u-max-pairs and --u-sampling
// (estimate_u_using_random_sampling), --lambda-rules and --lambda-recall
// (estimate_probability_two_random_records_match), --training-rules (one EM session per rule).
import { TrainingOptionError, type TrainResult } from '../../attacks/link/train.ts';
import type { LinkSettings } from '../../attacks/link/settings.ts';
import type { LinkOptions } from '../../attacks/link/link.ts';
import { UsageError } from './errors.ts';
import { oneOf, positiveNumber } from './options.ts';

export interface RawTrainFlags {
  uMaxPairs?: string;
  uSampling?: string;
  lambdaRules?: string;
  lambdaRecall?: string;
  trainingRules?: string;
}

const FLAG_NAMES: Record<keyof RawTrainFlags, string> = {
  uMaxPairs: '--u-max-pairs',
  uSampling: '--u-sampling',
  lambdaRules: '--lambda-rules',
  lambdaRecall: '--lambda-recall',
  trainingRules: '--training-rules',
};

/** The flag a TrainingOptionError is about (none for lambda that could not be estimated at all). */
const FLAG_OF: Record<TrainingOptionError['option'], string> = {
  lambda: '',
  lambdaRules: '--lambda-rules',
  lambdaRecall: '--lambda-recall',
  trainingRules: '--training-rules',
};

/** Rules written as columns joined by ',' and rules separated by ';' ("given_name,surname;soc_sec_id"). */
export function parseRules(flag: string, text: string): string[][] {
  const rules = text.split(';').map((r) => r.split(',').map((c) => c.trim()));
  for (const rule of rules) {
    if (rule.some((c) => c === '')) throw new UsageError(`${flag} takes rules as columns joined by "," and rules separated by ";" (e.g. "given_name,surname;soc_sec_id"), got "${text}"`);
  }
  return rules;
}

/** The training options given on the command line, checked; every one of them needs --train. */
export function parseTrainFlags(raw: RawTrainFlags, train: boolean): Pick<LinkOptions, 'maxPairsForU' | 'uSampling' | 'lambdaRules' | 'lambdaRecall' | 'trainingRules'> {
  const given = (Object.keys(FLAG_NAMES) as (keyof RawTrainFlags)[]).filter((k) => raw[k] !== undefined);
  if (!train && given.length > 0) throw new UsageError(`${FLAG_NAMES[given[0]!]} needs --train`);
  if ((raw.lambdaRules === undefined) !== (raw.lambdaRecall === undefined)) throw new UsageError('--lambda-rules and --lambda-recall go together');
  const out: ReturnType<typeof parseTrainFlags> = {};
  if (raw.uMaxPairs !== undefined) {
    out.maxPairsForU = positiveNumber('--u-max-pairs', raw.uMaxPairs.replaceAll('_', ''));
    if (out.maxPairsForU < 1) throw new UsageError(`--u-max-pairs must be at least 1, got "${raw.uMaxPairs}"`);
  }
  if (raw.uSampling !== undefined) out.uSampling = oneOf('--u-sampling', raw.uSampling, ['pairs', 'records'] as const);
  if (raw.lambdaRules !== undefined) out.lambdaRules = parseRules('--lambda-rules', raw.lambdaRules);
  if (raw.lambdaRecall !== undefined) {
    out.lambdaRecall = positiveNumber('--lambda-recall', raw.lambdaRecall);
    if (out.lambdaRecall > 1) throw new UsageError(`--lambda-recall must be in (0, 1], got "${raw.lambdaRecall}"`);
  }
  if (raw.trainingRules !== undefined) out.trainingRules = parseRules('--training-rules', raw.trainingRules);
  return out;
}


/** Columns the rule flags name (checked against the tables like the settings' columns). */
export function trainFlagColumns(o: ReturnType<typeof parseTrainFlags>): string[] {
  return [...(o.lambdaRules ?? []), ...(o.trainingRules ?? [])].flat();
}

/** A training option the data cannot satisfy, as a usage error naming its flag (exit 2); any other error as it is. */
export function trainFlagError(e: unknown): unknown {
  return e instanceof TrainingOptionError ? new UsageError(FLAG_OF[e.option] ? `${FLAG_OF[e.option]}: ${e.message}` : e.message) : e;
}

/** Runs `f`, its training option errors turned by trainFlagError. */
export function namingTrainFlag<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    throw trainFlagError(e);
  }
}

/** Where a run's lambda came from, for the summary: the lambda rules, EM (trained without settings.lambda), or the settings. */
export function lambdaSourceOf(training: Pick<TrainResult, 'lambdaSource'> | null | undefined, settings: LinkSettings): 'rules' | 'trained' | 'settings' {
  if (training?.lambdaSource === 'rules') return 'rules';
  return training && settings.lambda === undefined ? 'trained' : 'settings';
}

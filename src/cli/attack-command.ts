// `reident attack <kind> --world DIR`: an attack against a generated world, scored against its truth.
import { inferenceAttack } from '../scenarios/inference.ts';
import { newsAttack } from '../scenarios/news.ts';
import { hashInversionAttack } from './hash-attack.ts';
import { probabilisticAttack } from '../scenarios/probabilistic.ts';
import { evaluateReleases, syntheticAttack } from '../scenarios/synthetic.ts';
import { InputError, readColumns, textOf } from '../io/read-columns.ts';
import { tooFewRecords } from '../../attacks/synthetic/evaluate.ts';
import { rowsOf } from '../../generators/adversary/types.ts';
import { renderAttack } from './attack-render.ts';
import { quasiIdAttack } from '../scenarios/quasi-id.ts';
import { ssnMatch } from '../scenarios/ssn-match.ts';
import { unicityAttack } from '../scenarios/unicity.ts';
import type { WorldView } from '../scenarios/world-view.ts';
import { readWorldTable } from '../io/world-tables.ts';
import { openWorldInput } from './world-input.ts';
import { UsageError } from './errors.ts';
import type { CliIO } from './io.ts';
import { parseEncoding, parseSeed, positiveInteger } from './options.ts';
import { commandProgress } from './progress.ts';

export const ATTACK_KINDS = ['ssn-match', 'quasi-id', 'probabilistic', 'hash-inversion', 'unicity', 'news', 'inference', 'synthetic'] as const;

/** The tables each attack reads. */
const NEEDS: Record<(typeof ATTACK_KINDS)[number], (keyof WorldView)[]> = {
  'ssn-match': ['people', 'beneficiaries'],
  'quasi-id': ['people', 'beneficiaries'],
  probabilistic: ['people', 'beneficiaries'],
  'hash-inversion': ['people', 'beneficiaries'],
  unicity: ['people', 'claims_carrier'],
  news: ['people', 'beneficiaries', 'claims_inpatient'],
  inference: ['people', 'beneficiaries'],
  synthetic: ['people', 'beneficiaries'],
};

export interface RawAttackOptions {
  world?: string;
  seed?: string;
  size?: string;
  rule?: string;
  points?: string;
  samples?: string;
  count?: string;
  by?: string;
  birthYearOnly?: string;
  sensitive?: string;
  background?: string;
  k?: string;
  original?: string;
  synthetic?: string;
  control?: string;
  encoding?: string;
  secret?: string;
  attacks?: string;
  json?: boolean;
  quiet?: boolean;
  verify?: boolean;
}

export async function runAttack(kind: string, raw: RawAttackOptions, io: CliIO): Promise<void> {
  if (!(ATTACK_KINDS as readonly string[]).includes(kind)) throw new UsageError(`unknown attack "${kind}" (known: ${ATTACK_KINDS.join(', ')})`);
  if (kind === 'synthetic' && raw.original) return runOwnSynthetic(raw, io);
  if (!raw.world) throw new UsageError('--world DIR is required: a folder written by reident generate');
  const k = kind as (typeof ATTACK_KINDS)[number];
  const seed = parseSeed(raw.seed ?? '1');
  const opened = await openWorldInput(raw.world, { verify: raw.verify });
  const world: Record<string, unknown> = {};
  for (const t of NEEDS[k]) world[t] = await readWorldTable(opened, t);
  const view = world as unknown as WorldView;
  let result: { explanation: string } & Record<string, unknown>;
  switch (k) {
    case 'ssn-match':
      result = ssnMatch(view, { seed, ...(raw.size ? { size: positiveInteger('--size', raw.size) } : {}) });
      break;
    case 'quasi-id': {
      const rule = raw.rule ?? 'unique-both';
      if (rule !== 'unique-both' && rule !== 'unique-right') throw new UsageError(`--rule must be unique-both or unique-right, got "${rule}"`);
      result = quasiIdAttack(view, { seed, rule, ...(raw.birthYearOnly ? { birthYearOnly: raw.birthYearOnly.split(',') } : {}) });
      break;
    }
    case 'unicity': {
      const by = raw.by ?? 'provider';
      if (by !== 'provider' && by !== 'diagnosis') throw new UsageError(`--by must be provider or diagnosis, got "${by}"`);
      const points = raw.points ? raw.points.split(',').map((p) => positiveInteger('--points', p)) : undefined;
      result = unicityAttack(view, { seed, kind: by, ...(points ? { points } : {}), ...(raw.samples ? { samples: positiveInteger('--samples', raw.samples) } : {}) });
      break;
    }
    case 'probabilistic':
      result = probabilisticAttack(view, { seed, ...(raw.size ? { size: positiveInteger('--size', raw.size) } : {}) });
      break;
    case 'hash-inversion':
    {
      const progress = commandProgress(io, raw, 'SSNs tried');
      try {
        result = await hashInversionAttack(view, { seed, ...(raw.size ? { size: positiveInteger('--size', raw.size) } : {}), onProgress: (done, total) => progress.update(done, total) });
      } finally {
        progress.stop();
      }
      break;
    }
    case 'news':
      result = newsAttack(view, { seed, ...(raw.count ? { count: positiveInteger('--count', raw.count) } : {}) });
      break;
    case 'synthetic':
      result = syntheticAttack(view, { seed, ...(raw.secret ? { secret: raw.secret } : {}), ...(raw.attacks ? { attacks: positiveInteger('--attacks', raw.attacks) } : {}) });
      break;
    case 'inference':
      result = inferenceAttack(view, {
        seed,
        ...(raw.sensitive ? { sensitive: raw.sensitive } : {}),
        ...(raw.background ? { background: raw.background } : {}),
        ...(raw.k ? { k: positiveInteger('--k', raw.k) } : {}),
      });
      break;
  }
  io.stdout.write(raw.json ? JSON.stringify(result, null, 1) + '\n' : renderAttack(result));
}

/** `attack synthetic --original A --synthetic S [--control C] --secret COL`: a user's own release. */
async function runOwnSynthetic(raw: RawAttackOptions, io: CliIO): Promise<void> {
  if (!raw.synthetic || !raw.secret) throw new UsageError('with --original, give --synthetic FILE and --secret COLUMN (and ideally --control FILE: records held out of synthesis)');
  const encoding = parseEncoding(raw.encoding);
  const load = async (file: string) => {
    const r = await readColumns(file, { columns: 'all', encoding });
    return Object.fromEntries([...r.columns].map(([n, c]) => [n, textOf(c)]));
  };
  const original = await load(raw.original!);
  const synthetic = await load(raw.synthetic);
  const control = raw.control ? await load(raw.control) : null;
  for (const [name, t] of [['--synthetic', synthetic], ['--control', control]] as const) {
    if (t) for (const c of Object.keys(original)) if (!(c in t)) throw new UsageError(`${name} file has no column "${c}" (it must have the original's columns)`);
  }
  const problem = tooFewRecords({ [raw.original!]: rowsOf(original), [raw.synthetic]: rowsOf(synthetic), ...(control ? { [raw.control!]: rowsOf(control) } : {}) });
  if (problem) throw new InputError(problem);
  const result = evaluateReleases(original, synthetic, control, { seed: parseSeed(raw.seed ?? '1'), secret: raw.secret, ...(raw.attacks ? { attacks: positiveInteger('--attacks', raw.attacks) } : {}) });
  io.stdout.write(raw.json ? JSON.stringify(result, null, 1) + '\n' : renderAttack(result));
}

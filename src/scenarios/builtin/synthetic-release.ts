// A holder releases synthetic beneficiary records instead of real ones. The extract is split at random
// into a training half (what the synthesizer sees) and a control half (never used); each release is
// judged with Anonymeter's three attacks (singling out, linkability, inference), each against the
// control, and by the standard workload against the training half. Compared: the real training
// records (the reference), the baseline marginal synthesizer, and the DP marginal synthesizer at each
// epsilon asked.
import { evaluateSynthetic, type SyntheticAttackResult } from '../../../attacks/synthetic/index.ts';
import { MIN_EVALUATION_RECORDS, tooFewRecords } from '../../../attacks/synthetic/evaluate.ts';
import { asText, withColumn, type Table } from '../../table/table.ts';
import { rowsBetween } from '../synthetic.ts';
import { OptionError } from '../../../generators/world-types.ts';
import { applyPipeline, type PipelineStep } from '../../../safeguards/registry.ts';
import { permutation } from '../../random/permutation.ts';
import { streamKey } from '../../random/prng.ts';
import { count } from '../../report/numbers.ts';
import { rateFigure, shareFigure } from '../figures.ts';
import type { OptionSpec, Options } from '../option-spec.ts';
import { outcomeOf } from '../outcome.ts';
import type { Figure, Outcome, ScenarioResult } from '../result.ts';
import type { ScenarioDefinition, ScenarioWorld } from '../scenario.ts';
import { summarise } from '../summary.ts';
import { beneficiaryRows, needTable, visible } from '../world-view.ts';
import { mapText, textReader, textsOf } from '../../table/text.ts';

/** The extract's columns; bene_birth_dt holds the birth year (the standard workload reads it as a cohort). */
export const RELEASE_COLUMNS = ['mailing_state', 'bene_sex_ident_cd', 'bene_race_cd', 'bene_birth_dt', 'sp_diabetes', 'sp_chf', 'sp_depressn', 'sp_copd'] as const;

/** 2-way marginals both synthesizers keep: each condition given the birth year. */
export const KEPT_PAIRS: [string, string][] = [
  ['bene_birth_dt', 'sp_chf'],
  ['bene_birth_dt', 'sp_diabetes'],
];

const options = {
  kind: 'object',
  help: 'synthetic-release options',
  properties: {
    release: {
      kind: 'object',
      help: 'the releases compared',
      properties: {
        epsilon: { kind: 'list', of: { kind: 'number', help: 'epsilon', min: 0, exclusiveMin: true }, help: 'epsilon of each DP marginal synthesis compared (none: [])', default: [1, 10] },
        baseline: { kind: 'boolean', help: 'compare the baseline marginal synthesizer (no formal guarantee)', default: true },
        seed: { kind: 'integer', help: 'seed of the split and of the synthesizers', default: 1, min: 0 },
      },
    },
    attack: {
      kind: 'object',
      help: "Anonymeter's evaluators",
      properties: {
        attacks: { kind: 'integer', help: 'attacks per evaluator (at most the training half)', default: 500, min: MIN_EVALUATION_RECORDS },
        headline: { kind: 'string', help: 'the attack whose success rate is the headline risk', default: 'singling-out', choices: ['singling-out', 'linkability'] },
        singlingOut: { kind: 'string', help: 'singling-out queries on one column, or on three (Anonymeter multivariate)', default: 'multivariate', choices: ['multivariate', 'univariate'] },
        secret: { kind: 'string', help: 'the column the inference attack guesses', default: 'sp_diabetes', choices: ['sp_diabetes', 'sp_chf', 'sp_depressn', 'sp_copd'] },
      },
    },
  },
} as const satisfies OptionSpec;

export interface SplitExtract {
  training: Table;
  control: Table;
  /** Person ids of the training rows (truth, held apart). */
  trainingTruth: Int32Array;
  /** Public domains of the columns: code books, the world's states, the birth-year range. */
  domains: Record<string, string[]>;
}

/** The beneficiary extract, shuffled by a keyed permutation and cut in two halves. */
export function splitExtract(world: ScenarioWorld, seed: number): SplitExtract {
  const benes = needTable(world.beneficiaries, 'beneficiaries');
  const rows = beneficiaryRows(benes);
  const perm = permutation(Math.max(1, rows.length), streamKey(seed, 'synthetic-release:split'));
  const order = Array.from({ length: rows.length }, (_, i) => rows[perm.apply(i)]!);
  const extract = visible(benes, RELEASE_COLUMNS, order);
  const birth = asText(extract.table.columns.bene_birth_dt!);
  const table = withColumn(extract.table, 'bene_birth_dt', mapText(birth, (d) => (d ? d.slice(0, 4) : null)));
  const truth = extract.truth;
  const half = Math.floor(order.length / 2);
  const problem = tooFewRecords({ 'the training half': half, 'the control half': order.length - half });
  if (problem) throw new OptionError('world', `${problem}; generate a world with at least ${2 * MIN_EVALUATION_RECORDS} beneficiaries`);
  const year = Number(textReader(benes, 'year')(rows[0] ?? 0) ?? 2010);
  const states = [...new Set(textsOf(world.people, 'state').filter((s): s is string => s !== null))].sort();
  const codes = (n: number) => Array.from({ length: n }, (_, i) => String(i));
  const domains: Record<string, string[]> = {
    mailing_state: states,
    bene_sex_ident_cd: ['1', '2'],
    bene_race_cd: codes(7),
    bene_birth_dt: Array.from({ length: year - 1900 + 1 }, (_, i) => String(1900 + i)),
    sp_diabetes: ['1', '2'],
    sp_chf: ['1', '2'],
    sp_depressn: ['1', '2'],
    sp_copd: ['1', '2'],
  };
  return { training: rowsBetween(table, 0, half), control: rowsBetween(table, half, order.length), trainingTruth: truth.slice(0, half), domains };
}

interface Arm {
  name: string;
  description: string;
  parameters: Record<string, unknown>;
  /** null: the real training records are released. */
  steps: PipelineStep[] | null;
}

function arms(r: { epsilon: number[]; baseline: boolean; seed: number }, domains: Record<string, string[]>): Arm[] {
  const out: Arm[] = [{ name: 'real records', description: 'the training half released as it is (the reference)', parameters: { release: 'real' }, steps: null }];
  if (r.baseline) {
    out.push({ name: 'marginal synthesizer', description: "each column drawn from its own marginal, the conditions given the birth year (no formal guarantee: rare values copied)", parameters: { release: 'synthetic', method: 'marginals' }, steps: [{ safeguard: 'synthetic', options: { seed: r.seed } }] });
  }
  for (const epsilon of r.epsilon) {
    out.push({
      name: `DP marginals, ε = ${epsilon}`,
      description: `drawn from Laplace-noised 1-way marginals and the conditions by birth year (ε = ${epsilon} split across ${RELEASE_COLUMNS.length} marginals), public domains`,
      parameters: { release: 'synthetic', method: 'dp-marginals', epsilon },
      steps: [{ safeguard: 'dp-synthetic', options: { epsilon, seed: r.seed, pairs: KEPT_PAIRS, domains } }],
    });
  }
  return out;
}

function evaluatorFigures(e: { singlingOut: SyntheticAttackResult; linkability: SyntheticAttackResult; inference: SyntheticAttackResult }, secret: string): Figure[] {
  const of = (name: string, label: string, r: SyntheticAttackResult, what: string): Figure[] => [
    rateFigure(`${name}Rate`, label, r.main.k, r.main.n, `${what}: {rate} of attacks on training records succeeded.`, r.control ? { value: r.control.point, what: 'the same attack on control records, never used for synthesis' } : undefined),
    shareFigure(`${name}Risk`, `${label}: residual risk`, r.risk?.risk ?? 0, `${what}: residual risk ${r.risk ? '{share}' : 'not measured'} against the control.`, r.risk ? { low: r.risk.low, high: r.risk.high } : undefined),
  ];
  return [
    ...of('singlingOut', 'singling out', e.singlingOut, 'Singling out (a predicate learnt from the release matches exactly one person)'),
    ...of('linkability', 'linkability', e.linkability, "Linkability (a person's two halves tied together through the release)"),
    ...of('inference', 'inference', e.inference, `Inference (${secret} guessed from the other columns)`),
  ];
}

/** Linkability's two halves of a person's record: who they are (birth year, sex, race) and where and how they are (state, the other conditions). */
export function linkabilitySets(secret: string): { auxA: string[]; auxB: string[] } {
  const conditions = ['sp_diabetes', 'sp_chf', 'sp_depressn', 'sp_copd'].filter((c) => c !== secret);
  return { auxA: ['bene_birth_dt', 'bene_sex_ident_cd', 'bene_race_cd'], auxB: ['mailing_state', ...conditions] };
}

async function run(world: ScenarioWorld, o: Options): Promise<ScenarioResult> {
  const r = o.release as { epsilon: number[]; baseline: boolean; seed: number };
  const a = o.attack as { attacks: number; headline: 'linkability' | 'singling-out'; singlingOut: 'multivariate' | 'univariate'; secret: string };
  const split = splitExtract(world, r.seed);
  const training = split.training;
  const n = split.trainingTruth.length;
  const attacks = Math.min(a.attacks, n);
  const outcomes: Outcome[] = [];
  for (const arm of arms(r, split.domains)) {
    await new Promise((res) => setTimeout(res, 0));
    const release = arm.steps ? applyPipeline({ table: training, truth: split.trainingTruth }, arm.steps) : { table: training, applied: [] };
    const { table } = release;
    const e = evaluateSynthetic({ original: training, synthetic: table, control: split.control, secret: a.secret, nAttacks: attacks, seed: r.seed, singlingOutMode: a.singlingOut, ...linkabilitySets(a.secret) });
    const main = a.headline === 'linkability' ? e.linkability : e.singlingOut;
    const outcome = outcomeOf({
      name: arm.name,
      description: arm.description,
      parameters: arm.parameters,
      applied: release.applied,
      // Anonymeter's rates are not tied to persons, so no one is counted as named in the harm tables.
      reidentified: { k: main.main.k, n: main.main.n, of: `${a.headline} attacks on training records that succeeded` },
      wronglyNamedPeople: [],
      reidentifiedPeople: [],
      figures: evaluatorFigures(e, a.secret),
      utility: { original: training, release: table },
      people: world.people,
    });
    // The headline carries its control rate as the baseline (what the attack achieves on people not in the training data).
    const risk: Figure = { ...outcome.risk, ...(main.control ? { baseline: { value: main.control.point, what: 'the same attack on control records, never used for synthesis' } } : {}) };
    outcomes.push({ ...outcome, risk, figures: [risk, ...outcome.figures.slice(1)] });
  }
  return {
    scenario: 'synthetic-release',
    description: syntheticReleaseScenario.description,
    situation: syntheticReleaseScenario.situation,
    options: o,
    world: { people: world.people.rows, source: world.source },
    outcomes,
    summary: summarise(outcomes, `The ${a.headline} attack on ${count(attacks)} of ${count(n)} training records`) + ' Compare each rate with its control (the baseline): only the excess is risk due to the release.',
  };
}

export const syntheticReleaseScenario: ScenarioDefinition = {
  name: 'synthetic-release',
  description: 'synthetic beneficiary records instead of real ones: the baseline marginal synthesizer and DP marginals at each epsilon, judged by singling out, linkability and inference',
  situation:
    'A data holder asked for beneficiary records releases synthetic ones instead, drawn from statistics of the real records. Whether that protects anyone depends on the synthesizer: one that copies each column\'s values keeps rare values, while one that adds differentially private noise to its statistics bounds what any one record can change. Anonymeter\'s attacks measure singling out, linkability and inference on the release against records never used for synthesis.',
  needs: ['people', 'beneficiaries'],
  cost: 13,
  options,
  run,
};

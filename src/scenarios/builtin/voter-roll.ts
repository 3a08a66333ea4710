// Sweeney's attack as a data holder meets it: a de-identified beneficiary extract (ZIP, sex, birth date,
// two conditions, no names) linked to a state voter roll on those quasi-identifiers; then the same
// extract under Safe Harbor, k-anonymity at each k asked and differentially private counts.
import { voterRoll } from '../../../generators/adversary/voter-roll.ts';
import { quasiIdentifierJoin, type UniquenessRule } from '../../../attacks/join/quasi-identifier-join.ts';
import { guessJoin } from '../../../attacks/join/guess-join.ts';
import { recodeLikeRelease } from '../../../attacks/join/recode-like-release.ts';
import { scoreLinks } from '../../../attacks/score/index.ts';
import { applyPipeline, type PipelineStep } from '../../../safeguards/registry.ts';
import type { Applied, Dataset } from '../../../safeguards/types.ts';
import { cmsToIso } from '../../dates.ts';
import { count, percent } from '../../report/numbers.ts';
import { countFigure, rateFigure } from '../figures.ts';
import type { OptionSpec, Options } from '../option-spec.ts';
import { outcomeOf } from '../outcome.ts';
import type { Outcome, ScenarioResult } from '../result.ts';
import type { ScenarioDefinition, ScenarioWorld } from '../scenario.ts';
import { summarise } from '../summary.ts';
import { beneficiaryRows, needTable, visible } from '../world-view.ts';
import { tableOf } from '../../table/table.ts';
import { mapText, textColumnOf, textReader } from '../../table/text.ts';

const QI = ['mailing_zip', 'sex', 'birth_date'] as const;
const VOTER_QI: Record<(typeof QI)[number], string> = { mailing_zip: 'zip', sex: 'sex', birth_date: 'birth_date' };

const options = {
  kind: 'object',
  help: 'voter-roll options',
  properties: {
    release: {
      kind: 'object',
      help: 'the extract and the safeguards compared',
      properties: {
        k: { kind: 'list', of: { kind: 'integer', help: 'k', min: 2 }, help: 'k of each k-anonymous release compared', default: [5, 11, 20] },
        suppressionLimit: { kind: 'number', help: 'largest share of records k-anonymity may suppress', default: 0.05, min: 0, max: 0.99 },
        safeHarbor: { kind: 'boolean', help: 'compare a Safe Harbor release', default: true },
        epsilon: { kind: 'list', of: { kind: 'number', help: 'epsilon', min: 0, exclusiveMin: true }, help: 'epsilon of each differentially private count release compared (none: [])', default: [1] },
      },
    },
    adversary: {
      kind: 'object',
      help: 'the voter roll',
      properties: {
        seed: { kind: 'integer', help: 'seed of the voter roll', default: 1, min: 0 },
        birthYearOnly: { kind: 'list', of: { kind: 'string', help: 'state' }, help: 'states whose voter file has only the birth year', default: [] },
      },
    },
    attack: {
      kind: 'object',
      help: 'the join',
      properties: {
        rule: {
          kind: 'string',
          help: 'guess: name one of the voters sharing a record\'s combination (at random when several do); unique-both / unique-right: link only combinations unique in both tables / in the voter roll',
          default: 'guess',
          choices: ['guess', 'unique-both', 'unique-right'],
        },
      },
    },
  },
} as const satisfies OptionSpec;

/** The extract a holder would share: one row per beneficiary, no names, conditions kept. */
export function beneficiaryExtract(world: ScenarioWorld): Dataset & { asOf: string } {
  const benes = needTable(world.beneficiaries, 'beneficiaries');
  const rows = beneficiaryRows(benes);
  const d = visible(benes, ['mailing_zip', 'mailing_state', 'bene_sex_ident_cd', 'bene_birth_dt', 'sp_diabetes', 'sp_chf'], rows);
  // in the voter roll's terms: sex 1/2 -> M/F, YYYYMMDD -> YYYY-MM-DD
  const col = (name: string) => textColumnOf(d.table, name);
  const table = tableOf({
    mailing_zip: col('mailing_zip'),
    mailing_state: col('mailing_state'),
    sex: mapText(col('bene_sex_ident_cd'), (s) => (s === '1' ? 'M' : s === '2' ? 'F' : null)),
    birth_date: mapText(col('bene_birth_dt'), (v) => (v ? cmsToIso(v) : null)),
    sp_diabetes: col('sp_diabetes'),
    sp_chf: col('sp_chf'),
  });
  const year = textReader(benes, 'year')(rows[0] ?? 0) ?? '2019';
  return { table, truth: d.truth, asOf: `${year}-12-31` };
}

interface Arm {
  name: string;
  description: string;
  parameters: Record<string, unknown>;
  steps: PipelineStep[];
}

function arms(o: Options, asOf: string): Arm[] {
  const r = o.release as { k: number[]; suppressionLimit: number; safeHarbor: boolean; epsilon: number[] };
  const out: Arm[] = [{ name: 'no safeguard', description: 'the extract as it is: ZIP, sex, birth date and conditions', parameters: {}, steps: [] }];
  if (r.safeHarbor) out.push({ name: 'Safe Harbor', description: 'HIPAA Safe Harbor: ZIP3 (000 in small areas), birth year', parameters: { safeguard: 'safe-harbor' }, steps: [{ safeguard: 'safe-harbor', options: { asOf } }] });
  for (const k of r.k) {
    out.push({
      name: `k = ${k}`,
      description: `${k}-anonymous on ZIP, sex and birth date (optimal generalisation, up to ${percent(r.suppressionLimit)} suppressed)`,
      parameters: { safeguard: 'k-anonymity', k, suppressionLimit: r.suppressionLimit },
      steps: [{ safeguard: 'k-anonymity', options: { qi: [...QI], k, suppressionLimit: r.suppressionLimit } }],
    });
  }
  for (const epsilon of r.epsilon) {
    out.push({
      name: `DP counts, ε = ${epsilon}`,
      description: `Laplace-noised counts by state, sex, 5-year birth cohort and the two conditions (ε = ${epsilon})`,
      parameters: { safeguard: 'dp-counts', epsilon },
      steps: [
        { safeguard: 'generalise', options: { levels: { birth_date: 3 } } },
        { safeguard: 'dp-counts', options: { columns: ['mailing_state', 'sex', 'birth_date', 'sp_diabetes', 'sp_chf'], epsilon, seed: 1, budget: { epsilon } } },
      ],
    });
  }
  return out;
}

async function run(world: ScenarioWorld, o: Options): Promise<ScenarioResult> {
  const extract = beneficiaryExtract(world);
  const adversary = o.adversary as { seed: number; birthYearOnly: string[] };
  const rule = (o.attack as { rule: UniquenessRule | 'guess' }).rule;
  const roll = voterRoll(world.people, { seed: adversary.seed, ...(adversary.birthYearOnly.length ? { birthYearOnly: adversary.birthYearOnly.map((s) => s.toUpperCase()) } : {}) });
  const outcomes: Outcome[] = [];
  for (const arm of arms(o, extract.asOf)) {
    await new Promise((r) => setTimeout(r, 0));
    const release = applyPipeline(extract, arm.steps);
    const records = release.truth.length > 0 && release.truth[0] !== -1 && QI.every((q) => release.table.names.includes(q));
    const base = { name: arm.name, description: withLevels(arm.description, release.applied), parameters: arm.parameters, applied: release.applied, people: world.people, utility: { original: extract.table, release: release.table } };
    if (!records) {
      // A count table has no records to link: nobody is re-identified by this join.
      outcomes.push(outcomeOf({ ...base, reidentified: { k: 0, n: extract.truth.length, of: 'beneficiaries in the extract (the release holds counts, not records)' }, wronglyNamedPeople: [], reidentifiedPeople: [] }));
      continue;
    }
    const left = release.table;
    const right = tableOf(Object.fromEntries(QI.map((q) => [VOTER_QI[q], recodeLikeRelease(textColumnOf(roll.table, VOTER_QI[q]), textColumnOf(left, q))])));
    const on = QI.map((q) => [q, VOTER_QI[q]] as [string, string]);
    const certain = quasiIdentifierJoin(left, right, { on, rule: rule === 'guess' ? 'unique-both' : rule });
    const links = rule === 'guess' ? guessJoin(left, right, { on, seed: adversary.seed }) : certain.links;
    const score = scoreLinks(links, release.truth, roll.truth);
    const sure = scoreLinks(certain.links, release.truth, roll.truth);
    const wrong: number[] = [];
    const right_: number[] = [];
    for (let i = 0; i < links.left.length; i++) {
      const sought = release.truth[links.left[i]!]!;
      const named = roll.truth[links.right[i]!]!;
      if (sought === named) right_.push(named);
      else wrong.push(named);
    }
    outcomes.push(
      outcomeOf({
        ...base,
        reidentified: { k: score.truePositives, n: extract.truth.length, of: 'beneficiaries in the extract, named correctly from the voter roll' },
        wronglyNamedPeople: wrong,
        reidentifiedPeople: right_,
        figures: [
          rateFigure('precision', 'links right', score.truePositives, score.links, 'Of the links made, {rate} named the right person.'),
          countFigure('wrongLinks', 'wrongly named', score.falsePositives, '{count} links named a voter who is not the beneficiary.'),
          rateFigure('matchedAny', 'matched a voter', certain.matchedAny, extract.truth.length, 'Records whose combination appears in the voter roll at all: {rate}.'),
          rateFigure('namedWithCertainty', 'unique in both', sure.truePositives, extract.truth.length, 'Named correctly from a combination unique in both tables (Sweeney\'s join, no guessing): {rate}.'),
        ],
      }),
    );
  }
  return {
    scenario: 'voter-roll',
    description: voterRollScenario.description,
    situation: voterRollScenario.situation,
    options: o,
    world: { people: world.people.rows, source: world.source },
    outcomes,
    summary: summarise(outcomes, `Linking ${count(extract.truth.length)} de-identified beneficiary records to a voter roll of ${count(roll.truth.length)} on ZIP, sex and birth date`),
  };
}

export const voterRollScenario: ScenarioDefinition = {
  name: 'voter-roll',
  description: 'a de-identified claims extract linked to a voter roll on ZIP, sex and birth date; then Safe Harbor, k-anonymity and DP counts',
  situation:
    'A state releases a health extract with names removed but ZIP, sex and birth date kept, as Massachusetts did in 1997; anyone can buy the voter roll, which has the same three fields beside names. Linking the two names the people in the extract (Sweeney). The holder could instead release under HIPAA Safe Harbor, generalise until every combination is shared by k records, or publish only noisy counts.',
  needs: ['people', 'beneficiaries'],
  cost: 15,
  options,
  run,
};

/** The levels each quasi-identifier was generalised to, by name, so a reader sees what a k cost. */
const LEVEL_NAMES: Readonly<Record<string, readonly string[]>> = {
  mailing_zip: ['ZIP kept', 'ZIP to 3 digits', 'ZIP to state', 'ZIP removed'],
  sex: ['sex kept', 'sex removed'],
  birth_date: ['birth date kept', 'birth date to month', 'birth date to year', 'birth date to 5-year band', 'birth date removed'],
};

function withLevels(description: string, applied: readonly Applied[]): string {
  const levels = applied.find((a) => a.safeguard === 'k-anonymity')?.summary.levels as Record<string, number> | undefined;
  if (!levels) return description;
  return `${description}; chosen: ${Object.entries(levels).map(([q, l]) => LEVEL_NAMES[q]?.[l] ?? `${q} at level ${l}`).join(', ')}`;
}

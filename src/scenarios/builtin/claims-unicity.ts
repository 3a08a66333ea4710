// de Montjoye et al. on claims: a few points of someone's claims trajectory (service date and provider,
// or date and diagnosis) single them out. The adversary knows p real points of a beneficiary (from a
// bill, an employer, a relative) and looks for the release traces that hold them all; then the release
// with per-person date shifts, a coarser provider (or diagnosis) and dates coarsened to the month.
import { dateLevels, icd10Levels } from '../../../safeguards/generalise/builtin.ts';
import { applyPipeline, type PipelineStep } from '../../../safeguards/registry.ts';
import type { Dataset, Release } from '../../../safeguards/types.ts';
import { cmsToIso } from '../../dates.ts';
import { count } from '../../report/numbers.ts';
import { countFigure, rateFigure } from '../figures.ts';
import { ScenarioOptionError, type OptionSpec, type Options } from '../option-spec.ts';
import { outcomeOf } from '../outcome.ts';
import type { Figure, Outcome, ScenarioResult } from '../result.ts';
import type { ScenarioDefinition, ScenarioWorld } from '../scenario.ts';
import { summarise } from '../summary.ts';
import { needTable } from '../world-view.ts';
import { drawSamples, pointAt, pointCount, traceCount, tracesHolding, tracesOf, type Sample, type Traces } from './claims-traces.ts';
import { keepPrefix, prefixOf } from './prefix-recode.ts';
import { tableOf } from '../../table/table.ts';
import { compactText, integersOf, mapText, textColumnOf } from '../../table/text.ts';

export type PointBy = 'provider' | 'diagnosis';
const PART: Record<PointBy, string> = { provider: 'prf_physn_npi_1', diagnosis: 'icd_dgns_cd_1' };
const DATE = 'clm_from_dt';

const options = {
  kind: 'object',
  help: 'claims-unicity options',
  properties: {
    release: {
      kind: 'object',
      help: 'the carrier claims release and the safeguards compared',
      properties: {
        maxDays: { kind: 'integer', help: "largest shift of a beneficiary's dates, either way, in days", default: 365, min: 1, max: 36500 },
        providerDigits: { kind: 'integer', help: 'digits of the NPI kept when the provider is generalised', default: 4, min: 1, max: 9 },
      },
    },
    attack: {
      kind: 'object',
      help: 'the points the adversary knows',
      properties: {
        points: { kind: 'integer', help: 'points of a trajectory the adversary knows (the headline)', default: 4, min: 1 },
        samples: { kind: 'integer', help: 'beneficiaries tried at each number of points', default: 1000, min: 1 },
        by: { kind: 'string', help: 'a point is a service date and a provider, or a date and a diagnosis', default: 'provider', choices: ['provider', 'diagnosis'] },
        alignShift: { kind: 'boolean', help: 'against a date-shifted release, the adversary tries every offset within ±maxDays that fits all their points (else takes the shifted dates as real)', default: true },
        seed: { kind: 'integer', help: 'seed of the beneficiaries and points drawn', default: 1, min: 0 },
      },
    },
  },
} as const satisfies OptionSpec;

interface AttackOptions {
  points: number;
  samples: number;
  by: PointBy;
  alignShift: boolean;
  seed: number;
}

/** The carrier claims release: one row per claim with the beneficiary's pseudonymous id, service date (ISO), provider and diagnosis. */
export function carrierRelease(world: ScenarioWorld): Dataset {
  const claims = needTable(world.claims_carrier, 'claims_carrier');
  return {
    table: tableOf({
      bene_id: compactText(textColumnOf(claims, 'bene_id')),
      [DATE]: mapText(textColumnOf(claims, DATE), (d) => (d ? cmsToIso(d) : null)),
      prf_physn_npi_1: compactText(textColumnOf(claims, 'prf_physn_npi_1')),
      icd_dgns_cd_1: compactText(textColumnOf(claims, 'icd_dgns_cd_1')),
    }),
    truth: integersOf(claims, 'person_id'),
  };
}

export interface UnicityArm {
  name: string;
  description: string;
  parameters: Record<string, unknown>;
  release(claims: Dataset): Release;
  /** A real point as the release would write it (the adversary knows the release's coding). */
  code(date: string, part: string): { date: string; part: string };
  /** Days the adversary lets a point's date move (one offset per person); 0 for every release but the shifted one. */
  window: number;
  /** For the shifted release: the same search with the dates taken as real, reported beside it. */
  alsoWindow?: number;
}

export function unicityArms(release: { maxDays: number; providerDigits: number }, attack: Pick<AttackOptions, 'by' | 'alignShift'>): UnicityArm[] {
  const asIs = (date: string, part: string) => ({ date, part });
  const pipeline = (steps: PipelineStep[]) => (claims: Dataset) => applyPipeline(claims, steps);
  const part = PART[attack.by];
  const { maxDays, providerDigits } = release;
  const coarser: UnicityArm =
    attack.by === 'provider'
      ? {
          name: `NPI to ${count(providerDigits)} digits`,
          description: `the provider's NPI cut to its first ${count(providerDigits)} digits (NPIs carry no meaning, so this groups providers at random)`,
          parameters: { safeguard: 'prefix', digits: providerDigits },
          release: (claims) => keepPrefix(claims, part, providerDigits),
          code: (date, npi) => ({ date, part: prefixOf(npi, providerDigits) }),
          window: 0,
        }
      : {
          name: 'diagnosis to category',
          description: 'the ICD-10 diagnosis generalised to its 3-character category',
          parameters: { safeguard: 'generalise', levels: { [part]: 1 } },
          release: pipeline([{ safeguard: 'generalise', options: { levels: { [part]: 1 }, hierarchy: { [part]: 'icd10' } } }]),
          code: (date, icd) => ({ date, part: icd10Levels(icd)[1]! }),
          window: 0,
        };
  return [
    { name: 'no safeguard', description: `carrier claims as they are: beneficiary id, service date, ${attack.by}`, parameters: {}, release: pipeline([]), code: asIs, window: 0 },
    {
      name: `date shift ±${count(maxDays)} days`,
      description: `every service date of a beneficiary moved by one secret offset of up to ${count(maxDays)} days (intervals kept)`,
      parameters: { safeguard: 'date-shift', maxDays },
      release: pipeline([{ safeguard: 'date-shift', options: { personKey: 'bene_id', seed: 'holder secret', maxDays, columns: [DATE] } }]),
      code: asIs,
      window: attack.alignShift ? maxDays : 0,
      alsoWindow: attack.alignShift ? 0 : maxDays,
    },
    coarser,
    {
      name: 'dates to month',
      description: 'service dates coarsened to the month',
      parameters: { safeguard: 'generalise', levels: { [DATE]: 1 } },
      release: pipeline([{ safeguard: 'generalise', options: { levels: { [DATE]: 1 }, hierarchy: { [DATE]: 'date' } } }]),
      code: (date, p) => ({ date: dateLevels(date)[1]!, part: p }),
      window: 0,
    },
  ];
}

export interface OutsideMatch {
  readonly sampled: number;
  readonly reidentified: number[];
  readonly wronglyNamed: number[];
}

/** The adversary's p real points of each sampled person, coded like the release, looked up in the release's traces. */
export function outsideMatch(real: Traces, samples: readonly Sample[], release: Traces, arm: Pick<UnicityArm, 'code'>, window: number): OutsideMatch {
  const reidentified: number[] = [];
  const wronglyNamed: number[] = [];
  for (const s of samples) {
    const pts = s.picks.map((k) => pointAt(real, s.trace, k)).map((q) => arm.code(q.date, q.part));
    const found = tracesHolding(release, pts, window);
    if (found.length !== 1) continue;
    const who = release.person[found[0]!]!;
    if (who === real.person[s.trace]) reidentified.push(who);
    else wronglyNamed.push(who);
  }
  return { sampled: samples.length, reidentified, wronglyNamed };
}

/** Traces singled out within the release by p of their own points (de Montjoye's unicity). */
export function singledOut(release: Traces, samples: readonly Sample[]): number {
  let unique = 0;
  for (const s of samples) if (tracesHolding(release, s.picks.map((k) => pointAt(release, s.trace, k)), 0).length === 1) unique++;
  return unique;
}

async function run(world: ScenarioWorld, o: Options): Promise<ScenarioResult> {
  const attack = o.attack as AttackOptions;
  const rel = o.release as { maxDays: number; providerDigits: number };
  const claims = carrierRelease(world);
  const part = PART[attack.by];
  // the outside source knows each person's real points, by person
  const real = tracesOf(claims.truth, textColumnOf(claims.table, DATE), textColumnOf(claims.table, part), claims.truth);
  let most = 0;
  for (let t = 0; t < traceCount(real); t++) most = Math.max(most, pointCount(real, t));
  if (attack.points > most) throw new ScenarioOptionError('attack.points', `${count(attack.points)} asked, but no beneficiary of this world has more than ${count(most)} distinct (date, ${attack.by}) points`);
  const upTo = Math.min(most, Math.max(4, attack.points));
  const known = drawSamples(real, attack.points, attack.samples, attack.seed);
  const outcomes: Outcome[] = [];
  for (const arm of unicityArms(rel, attack)) {
    await new Promise((r) => setTimeout(r, 0));
    const release = arm.release(claims);
    const traces = tracesOf(textColumnOf(release.table, 'bene_id'), textColumnOf(release.table, DATE), textColumnOf(release.table, part), release.truth);
    const m = outsideMatch(real, known, traces, arm, arm.window);
    const figures: Figure[] = [];
    for (let p = 1; p <= upTo; p++) {
      const own = drawSamples(traces, p, attack.samples, attack.seed);
      figures.push(rateFigure(`singledOut${p}`, `unique by ${p}`, singledOut(traces, own), own.length, `Beneficiaries singled out within the release by ${p} of their own released points: {rate}.`));
    }
    if (arm.alsoWindow !== undefined) {
      const other = outsideMatch(real, known, traces, arm, arm.alsoWindow);
      const how = arm.alsoWindow === 0 ? 'taking the shifted dates as real' : `trying every offset within ±${count(arm.alsoWindow)} days`;
      figures.push(rateFigure('otherAssumption', 'other adversary', other.reidentified.length, other.sampled, `An adversary ${how} re-identifies {rate}.`));
    }
    figures.push(countFigure('wrongLinks', 'wrongly named', m.wronglyNamed.length, `{count} sampled beneficiaries' points were held by exactly one other beneficiary's trace.`));
    const assumes = arm.window > 0 ? `, trying every offset within ±${count(arm.window)} days` : arm.alsoWindow !== undefined ? ', taking the shifted dates as real' : '';
    outcomes.push(
      outcomeOf({
        name: arm.name,
        description: arm.description,
        parameters: arm.parameters,
        applied: release.applied,
        people: world.people,
        utility: { original: claims.table, release: release.table },
        reidentified: { k: m.reidentified.length, n: m.sampled, of: `beneficiaries sampled, found by ${attack.points} real (date, ${attack.by}) points${assumes}` },
        wronglyNamedPeople: m.wronglyNamed,
        reidentifiedPeople: m.reidentified,
        figures,
      }),
    );
  }
  return {
    scenario: 'claims-unicity',
    description: claimsUnicityScenario.description,
    situation: claimsUnicityScenario.situation,
    options: o,
    world: { people: world.people.rows, source: world.source },
    outcomes,
    summary: summarise(outcomes, `Looking up ${count(known.length)} beneficiaries by ${attack.points} real points of their claims (date, ${attack.by}) among ${count(traceCount(real))} claims trajectories`),
  };
}

export const claimsUnicityScenario: ScenarioDefinition = {
  name: 'claims-unicity',
  description: 'how few (date, provider) or (date, diagnosis) points of a claims trajectory single a beneficiary out; then date shifting, a coarser provider or diagnosis, and dates to the month',
  situation:
    'de Montjoye et al. showed that 4 points of a mobility or card trace single out 90-95% of people. A claims file is a trace too: every visit has a date and a provider. ' +
    'Someone who knows a few of a beneficiary\'s visits (from a bill, a shared calendar, a relative) can find the one trajectory holding them all, and with it every other claim. ' +
    'The holder could shift each beneficiary\'s dates by one secret offset (intervals kept, so traces stay unique but no longer carry the real dates), coarsen the provider or diagnosis, or give dates by month.',
  needs: ['people', 'claims_carrier'],
  columns: { claims_carrier: ['bene_id', DATE, PART.provider, PART.diagnosis, 'person_id'] },
  cost: 9,
  options,
  run,
};

// An enforcement agency's list of names and SSNs matched against Medicare for addresses: what CMS hands
// over when it matches on the SSN, when it shares no SSN, a plain SHA-256 of it, a keyed HMAC of it, or
// answers only when SSN, name and birth date all agree. Browser-safe.
import { agencyList, agencyListCapacity } from '../../../generators/adversary/agency-list.ts';
import { identifierJoin } from '../../../attacks/join/identifier-join.ts';
import { applyPipeline, type PipelineStep } from '../../../safeguards/registry.ts';
import type { Dataset } from '../../../safeguards/types.ts';
import { count, percent } from '../../report/numbers.ts';
import { countFigure, rateFigure } from '../figures.ts';
import type { OptionSpec, Options } from '../option-spec.ts';
import { outcomeOf } from '../outcome.ts';
import { takeSize } from '../requested-size.ts';
import type { Outcome, ScenarioResult, UtilityLost } from '../result.ts';
import type { ScenarioDefinition, ScenarioProgress, ScenarioWorld } from '../scenario.ts';
import { summarise } from '../summary.ts';
import type { WorldView } from '../world-view.ts';
import { select } from '../../table/table.ts';
import { textReader } from '../../table/text.ts';
import { addressTally, type AddressTally } from './address-tally.ts';
import { matchKeys, type MatchOn } from './match-keys.ts';
import { medicareRecords } from './medicare-records.ts';

/** CMS's secret for the keyed arm; the agency never has it (a real holder draws 32 random bytes). */
const CMS_KEY = 'reident: the key CMS holds apart from every response';
const SSN_DIGITS = { column: 'ssn', normalise: 'digits' };

const options = {
  kind: 'object',
  help: 'ssn-match options',
  properties: {
    adversary: {
      kind: 'object',
      help: "the agency's list",
      properties: {
        size: { kind: 'integer', help: 'people on the list (default 2,000, cut to what the world supplies)', min: 1 },
        seed: { kind: 'integer', help: 'seed of the list', default: 1, min: 0 },
      },
    },
  },
} as const satisfies OptionSpec;

export interface SsnMatchArm {
  name: string;
  description: string;
  parameters: Record<string, unknown>;
  /** What CMS does to its records, and what the agency does to its list, before the match. */
  cmsSteps: PipelineStep[];
  agencySteps: PipelineStep[];
  on: MatchOn;
  columnsRemoved: string[];
}

export const SSN_MATCH_ARMS: readonly SsnMatchArm[] = [
  { name: 'no safeguard', description: "CMS matches the list's SSNs to the HICN's SSN and returns every matching record", parameters: {}, cmsSteps: [], agencySteps: [], on: 'ssn', columnsRemoved: [] },
  {
    name: 'no SSN shared',
    description: 'CMS shares records without SSN or HICN; the agency matches exact name and birth date',
    parameters: { safeguard: 'drop-ids', match: 'name-dob' },
    cmsSteps: [{ safeguard: 'drop-ids', options: { columns: ['ssn'] } }],
    agencySteps: [],
    on: 'name-dob',
    columnsRemoved: ['ssn'],
  },
  {
    name: 'hashed SSN',
    description: 'CMS shares SHA-256 of the SSN; the agency hashes its own list the same way and matches the hashes',
    parameters: { safeguard: 'hash-ids' },
    cmsSteps: [{ safeguard: 'hash-ids', options: SSN_DIGITS }],
    agencySteps: [{ safeguard: 'hash-ids', options: SSN_DIGITS }],
    on: 'pseudonym',
    columnsRemoved: [],
  },
  {
    name: 'HMAC, key kept by CMS',
    description: 'CMS shares HMAC-SHA256 of the SSN under a key it keeps; the agency, without the key, can only hash its list',
    parameters: { safeguard: 'hmac-ids' },
    cmsSteps: [{ safeguard: 'hmac-ids', options: { ...SSN_DIGITS, key: CMS_KEY } }],
    agencySteps: [{ safeguard: 'hash-ids', options: SSN_DIGITS }],
    on: 'pseudonym',
    columnsRemoved: [],
  },
  {
    name: 'minimum necessary',
    description: 'CMS returns a record only when SSN, name and birth date all agree',
    parameters: { rule: 'ssn-name-dob' },
    cmsSteps: [],
    agencySteps: [],
    on: 'ssn-name-dob',
    columnsRemoved: [],
  },
];

/** What one arm returned, before it becomes an outcome (tests read it). */
export interface SsnMatchArmResult {
  arm: SsnMatchArm;
  tally: AddressTally;
  applied: Outcome['applied'];
}

/** The agency's list and CMS's records, with the list size taken from the options. */
export function ssnMatchInputs(world: WorldView, o: Options) {
  const adversary = o.adversary as { size?: number; seed: number };
  const taken = takeSize(adversary.size, 2000, agencyListCapacity(world.people), 'adversary.size', 'people on the agency list');
  const list = agencyList(world.people, { seed: adversary.seed, size: taken.size });
  const agency: Dataset = { table: select(list.table, ['first_name', 'last_name', 'birth_date', 'ssn']), truth: list.truth };
  return { agency, records: medicareRecords(world), capped: taken.capped };
}

/** One arm: both sides prepared as the arm says, matched on its key, scored against the truth. */
export function runArm(arm: SsnMatchArm, agency: Dataset, records: Dataset, world: WorldView): SsnMatchArmResult {
  const cms = applyPipeline(records, arm.cmsSteps);
  const list = applyPipeline(agency, arm.agencySteps);
  const join = identifierJoin(matchKeys(list.table, arm.on), matchKeys(cms.table, arm.on), { leftKey: 'key', rightKey: 'key', normalise: (s) => s });
  return { arm, tally: addressTally(join.links, list.truth, cms.truth, textReader(cms.table, 'mailing_street'), world.people), applied: cms.applied };
}

/** Utility for the agency: listed people found at their current address, against matching on the SSN. */
function addressUtility(arm: SsnMatchArm, found: number, reference: number): UtilityLost {
  const lost = reference > 0 ? Math.max(0, 1 - found / reference) : 0;
  const query = 'listed beneficiaries found at their current address';
  return {
    lost,
    suppressionRate: 0,
    columnsRemoved: arm.columnsRemoved,
    queries: [{ query, lost, meanRelativeError: null }],
    sentence:
      lost === 0
        ? `The agency finds as many listed beneficiaries at their current address (${count(found)}) as by matching on the SSN.`
        : `The agency finds ${count(found)} listed beneficiaries at their current address instead of ${count(reference)}: ${percent(lost)} of what matching on the SSN gives is lost.`,
  };
}

function outcomeOfArm(r: SsnMatchArmResult, reference: AddressTally, listSize: number, notInMedicare: number, world: ScenarioWorld): Outcome {
  const t = r.tally;
  return outcomeOf({
    name: r.arm.name,
    description: r.arm.description,
    parameters: r.arm.parameters,
    applied: r.applied,
    people: world.people,
    reidentified: { k: t.foundRight, n: listSize, of: 'people on the list whose own Medicare record (with its address) was handed over' },
    reidentifiedPeople: t.rightPeople,
    // Harmed: the people whose records were handed over as someone else's.
    wronglyNamedPeople: t.wrongPeople,
    utility: addressUtility(r.arm, t.atCurrentAddress, reference.atCurrentAddress),
    figures: [
      rateFigure('matchedAnyone', 'matched anyone', t.matchedAnyone, listSize, 'People on the list matched to at least one Medicare record: {rate}.'),
      rateFigure('atCurrentAddress', 'at current address', t.atCurrentAddress, t.foundRight, 'Of the people found, those whose Medicare address is where they live now: {rate}.'),
      countFigure('staleAddress', 'stale address', t.foundRight - t.atCurrentAddress, 'People found at an address they have left: {count}.'),
      countFigure('wrongRecords', "someone else's records", t.wrongRecords, "Records handed over that are someone else's (a borrowed, shared or mistyped SSN, or a namesake): {count}."),
      rateFigure('onlySomeoneElse', 'matched only someone else', t.onlySomeoneElse, listSize, "People on the list matched only to someone else's record: {rate}."),
      rateFigure('notInMedicare', 'not in Medicare', notInMedicare, listSize, 'People on the list who have no Medicare record at all: {rate}.'),
      countFigure('recordsReturned', 'records returned', t.recordsReturned, 'Records CMS handed over in all: {count}.'),
    ],
  });
}

/** The reference in the shared wording, then what each other arm hands over (utility here is the agency's, not a workload's). */
function ssnMatchSummary(results: readonly SsnMatchArmResult[], outcomes: readonly Outcome[], what: string): string {
  const reference = results[0]!.tally;
  const same = (t: AddressTally) => t.foundRight === reference.foundRight && t.wrongRecords === reference.wrongRecords && t.atCurrentAddress === reference.atCurrentAddress;
  const arms = results.slice(1).map((r, i) => {
    const t = r.tally;
    const found = `${count(t.foundRight)} found (${count(t.atCurrentAddress)} at their current address), ${count(t.wrongRecords)} someone else's records`;
    const lost = outcomes[i + 1]!.utility.lost;
    return `${r.arm.name[0]!.toUpperCase()}${r.arm.name.slice(1)}: ${same(t) ? `exactly as with no safeguard, ${found}` : found}${lost > 0 ? `, ${percent(lost)} of the people found at their current address lost` : ''}.`;
  });
  return [summarise(outcomes.slice(0, 1), what), ...arms].join(' ');
}

async function run(world: ScenarioWorld, o: Options, progress?: ScenarioProgress): Promise<ScenarioResult> {
  const { agency, records, capped } = ssnMatchInputs(world, o);
  const inMedicare = new Set(records.truth);
  const notInMedicare = agency.truth.filter((p) => !inMedicare.has(p)).length;
  const results: SsnMatchArmResult[] = [];
  for (const [i, arm] of SSN_MATCH_ARMS.entries()) {
    progress?.('matching the list', i, SSN_MATCH_ARMS.length);
    await new Promise((r) => setTimeout(r, 0));
    results.push(runArm(arm, agency, records, world));
  }
  const reference = results[0]!.tally;
  const outcomes = results.map((r) => outcomeOfArm(r, reference, agency.truth.length, notInMedicare, world));
  return {
    scenario: 'ssn-match',
    description: ssnMatchScenario.description,
    situation: ssnMatchScenario.situation,
    options: o,
    world: { people: world.people.rows, source: world.source },
    outcomes,
    summary: ssnMatchSummary(results, outcomes, `Matching an agency's list of ${count(agency.truth.length)} people${capped ? ` (${capped})` : ''} against ${count(records.truth.length)} Medicare records`),
  };
}

export const ssnMatchScenario: ScenarioDefinition = {
  name: 'ssn-match',
  description: "an enforcement agency's list of names and SSNs matched against Medicare for addresses; then no SSN shared, a hashed SSN, a keyed HMAC and a minimum-necessary answer",
  situation:
    "An immigration enforcement agency sends CMS a list of names and SSNs and asks for the addresses on their Medicare records. Many SSNs on such a list are borrowed, shared in a family, mistyped or ITINs, and many listed people are not in Medicare at all, so a match on the SSN hands over some people's records as someone else's. CMS could share no SSN (the agency then matches name and birth date), a plain SHA-256 of the SSN (which the agency recomputes from its own list), a keyed HMAC whose key it keeps, or answer only when SSN, name and birth date all agree.",
  needs: ['people', 'beneficiaries'],
  cost: 6,
  options,
  run,
};

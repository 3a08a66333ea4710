// A research file keyed by SHA-256 of the SSN and called de-identified: the hashes inverted by trying
// every SSN, the recovered SSNs named from a broker's SSN list; then the same file with a secret salt
// and with a keyed HMAC, against which the same enumeration finds nothing. Browser-safe (one thread).
import { identifierJoin } from '../../../attacks/join/identifier-join.ts';
import { indexOfSsn, ISSUABLE_SPACE, type SsnCandidateSpace } from '../../../attacks/hash/ssn-space.ts';
import { shuffledRows } from '../../../generators/adversary/row-order.ts';
import type { AdversaryDataset } from '../../../generators/adversary/types.ts';
import { applyPipeline, type PipelineStep } from '../../../safeguards/registry.ts';
import type { Dataset } from '../../../safeguards/types.ts';
import { count, countOf, duration, measured, perSecond, shareOf } from '../../report/numbers.ts';
import { countFigure, numberFigure, rateFigure } from '../figures.ts';
import { ScenarioOptionError, type OptionSpec, type Options } from '../option-spec.ts';
import { outcomeOf } from '../outcome.ts';
import { takeSize } from '../requested-size.ts';
import type { Outcome, ScenarioResult } from '../result.ts';
import type { ScenarioDefinition, ScenarioProgress, ScenarioWorld } from '../scenario.ts';
import { summarise } from '../summary.ts';
import { beneficiaryRows, visible, needTable, type WorldView } from '../world-view.ts';
import { tableOf } from '../../table/table.ts';
import { mapText, textColumnOf, textsOf, textTable } from '../../table/text.ts';
import { brokerSsnList } from './broker-ssn-list.ts';
import { areaSpace, enumerateSsns, type Enumeration } from './enumerate-ssns.ts';

/** The holder's secrets (a real holder draws 32 random bytes and keeps them apart from the file). */
const SALT_SEED = 'reident: the salt the holder keeps';
const HMAC_KEY = 'reident: the key the holder keeps apart from the file';
const SSN_DIGITS = { column: 'ssn', normalise: 'digits' };

const options = {
  kind: 'object',
  help: 'hashed-ssn options',
  properties: {
    release: {
      kind: 'object',
      help: 'the research file',
      properties: {
        size: { kind: 'integer', help: 'beneficiaries (hashed SSNs) in the file (default 200, cut to the beneficiaries there are)', min: 1 },
        seed: { kind: 'integer', help: 'seed of which beneficiaries the file holds', default: 1, min: 0 },
      },
    },
    adversary: {
      kind: 'object',
      help: "the broker's list that names a recovered SSN",
      properties: { seed: { kind: 'integer', help: "seed of the broker's list", default: 1, min: 0 } },
    },
    attack: {
      kind: 'object',
      help: 'the enumeration',
      properties: {
        areaFrom: { kind: 'integer', help: 'first SSN area enumerated (synthetic SSNs: 900-999)', default: 900, min: 0, max: 999 },
        areaTo: { kind: 'integer', help: 'last SSN area enumerated', default: 999, min: 0, max: 999 },
        slice: { kind: 'integer', help: 'candidates enumerated against the salted and keyed files, from the first released SSN on', default: 2_000_000, min: 1 },
        guessedKeys: { kind: 'list', of: { kind: 'string', help: 'a key' }, help: 'HMAC keys the adversary tries', default: ['secret', 'medicare'] },
      },
    },
  },
} as const satisfies OptionSpec;

export interface HashArm {
  name: string;
  description: string;
  parameters: Record<string, unknown>;
  step: PipelineStep;
  /** The whole space is enumerated (plain hash), or a slice of it (the salt or key is unknown). */
  enumerates: 'space' | 'slice';
}

export const HASH_ARMS: readonly HashArm[] = [
  { name: 'SHA-256', description: 'the file keyed by plain SHA-256 of the SSN, called de-identified', parameters: { safeguard: 'hash-ids' }, step: { safeguard: 'hash-ids', options: SSN_DIGITS }, enumerates: 'space' },
  {
    name: 'salted SHA-256',
    description: 'SHA-256 of a secret salt and the SSN, one salt for the whole file',
    parameters: { safeguard: 'salted-hash-ids', saltScope: 'release' },
    step: { safeguard: 'salted-hash-ids', options: { ...SSN_DIGITS, seed: SALT_SEED, saltScope: 'release' } },
    enumerates: 'slice',
  },
  {
    name: 'HMAC, key kept apart',
    description: 'HMAC-SHA256 of the SSN under a secret key the holder keeps apart from the file',
    parameters: { safeguard: 'hmac-ids' },
    step: { safeguard: 'hmac-ids', options: { ...SSN_DIGITS, key: HMAC_KEY } },
    enumerates: 'slice',
  },
];

export interface HashedSsnInputs {
  /** The research file before pseudonymising: the SSN (the HICN's nine digits) and a few research columns. */
  file: Dataset;
  /** The SSN of each row, as a 9-digit number (for scoring only). */
  ssns: number[];
  list: AdversaryDataset;
  space: SsnCandidateSpace;
  /** The slice the salted and keyed files are enumerated over. */
  slice: { start: number; end: number };
  guessedKeys: string[];
  capped: string | null;
}

export function hashedSsnInputs(world: WorldView, o: Options): HashedSsnInputs {
  const r = o.release as { size?: number; seed: number };
  const a = o.attack as { areaFrom: number; areaTo: number; slice: number; guessedKeys: string[] };
  if (a.areaTo < a.areaFrom) throw new ScenarioOptionError('attack.areaTo', `must be at least attack.areaFrom (${a.areaFrom}), got ${a.areaTo}`);
  const benes = needTable(world.beneficiaries, 'beneficiaries');
  const all = beneficiaryRows(benes);
  const taken = takeSize(r.size, 200, all.length, 'release.size', 'beneficiaries');
  const rows = shuffledRows(all, r.seed, 'research-file').slice(0, taken.size);
  const d = visible(benes, ['hicn', 'bene_sex_ident_cd', 'bene_birth_dt', 'mailing_state', 'sp_diabetes', 'sp_chf'], rows);
  const c = (name: string) => textColumnOf(d.table, name);
  const ssn = mapText(c('hicn'), (h) => (h ? h.slice(0, 9) : null));
  const table = tableOf({ ssn, sex: c('bene_sex_ident_cd'), bene_birth_dt: c('bene_birth_dt'), mailing_state: c('mailing_state'), sp_diabetes: c('sp_diabetes'), sp_chf: c('sp_chf') });
  const ssns = textsOf(table, 'ssn').map((s) => Number(s));
  const space = areaSpace(a.areaFrom, a.areaTo);
  const indices = ssns.map((s) => indexOfSsn(space, s)).filter((k) => k >= 0);
  // The slice starts at the first released SSN, so that it holds some: "nothing found" then means something.
  const start = indices.length ? Math.min(...indices) : 0;
  return {
    file: { table, truth: d.truth },
    ssns,
    list: brokerSsnList(world.people, (o.adversary as { seed: number }).seed),
    space,
    slice: { start, end: Math.min(space.size, start + a.slice) },
    guessedKeys: a.guessedKeys,
    capped: taken.capped,
  };
}

export interface HashArmResult {
  arm: HashArm;
  applied: Outcome['applied'];
  table: Dataset['table'];
  /** Each row's released pseudonym, and the SSN recovered from it (null: not inverted). */
  pseudonyms: (string | null)[];
  recovered: (string | null)[];
  /** Candidates enumerated: where, how many attempts (unkeyed, then each guessed key), the sums. */
  searched: { start: number; end: number };
  attempts: number;
  tried: number;
  seconds: number;
  /** Rows re-identified (their person ids) and the people wrongly named from the list. */
  rightPeople: number[];
  wrongPeople: number[];
  notOnList: number;
}

export async function runHashArm(arm: HashArm, inputs: HashedSsnInputs, progress?: ScenarioProgress): Promise<HashArmResult> {
  const release = applyPipeline(inputs.file, [arm.step]);
  const pseudonyms = textsOf(release.table, 'ssn');
  const digests = [...new Set(pseudonyms.filter((p): p is string => p !== null))];
  const searched = arm.enumerates === 'space' ? { start: 0, end: inputs.space.size } : inputs.slice;
  const attempts: { algorithm: 'sha256' | 'hmac-sha256'; key?: string }[] = [{ algorithm: 'sha256' }];
  if (arm.step.safeguard === 'hmac-ids') attempts.push(...inputs.guessedKeys.map((key) => ({ algorithm: 'hmac-sha256' as const, key })));
  const runs: Enumeration[] = [];
  for (const [i, attempt] of attempts.entries()) {
    const step = `${arm.name}: enumerating SSNs${attempt.key !== undefined ? ` under the guessed key "${attempt.key}"` : ''} (${i + 1} of ${attempts.length})`;
    runs.push(await enumerateSsns(digests, inputs.space, { ...attempt, ...searched, progress: (done, total) => progress?.(step, done, total) }));
  }
  const ssnOf = new Map<string, string>();
  for (const r of runs) for (const [digest, f] of r.found) ssnOf.set(digest, f.ssn);
  const recovered = pseudonyms.map((p) => (p === null ? null : (ssnOf.get(p) ?? null)));
  // A recovered SSN named from the broker's list: every list person holding it.
  const join = identifierJoin(textTable({ ssn: recovered }), inputs.list.table, { leftKey: 'ssn', rightKey: 'ssn' });
  const right = new Set<number>();
  const wrongPeople: number[] = [];
  for (let k = 0; k < join.links.left.length; k++) {
    const sought = inputs.file.truth[join.links.left[k]!]!;
    const named = inputs.list.truth[join.links.right[k]!]!;
    if (sought === named) right.add(sought);
    else wrongPeople.push(named);
  }
  return {
    arm,
    applied: release.applied,
    table: release.table,
    pseudonyms,
    recovered,
    searched,
    attempts: attempts.length,
    tried: runs.reduce((a, r) => a + r.tried, 0),
    seconds: runs.reduce((a, r) => a + r.seconds, 0),
    rightPeople: [...right],
    wrongPeople,
    notOnList: join.unmatched,
  };
}

/** Records whose SSN lies among the candidates the arm enumerated (from the truth: a scoring figure). */
function searchedCount(r: HashArmResult, inputs: HashedSsnInputs): number {
  return inputs.ssns.filter((s) => {
    const k = indexOfSsn(inputs.space, s);
    return k >= r.searched.start && k < r.searched.end;
  }).length;
}

function outcomeOfHashArm(r: HashArmResult, inputs: HashedSsnInputs, world: WorldView): Outcome {
  const rows = inputs.file.truth.length;
  const inverted = r.recovered.filter((s) => s !== null).length;
  const inSearched = searchedCount(r, inputs);
  const seen = new Map<string, number>();
  for (const p of r.pseudonyms) if (p !== null) seen.set(p, (seen.get(p) ?? 0) + 1);
  const shared = r.pseudonyms.filter((p) => p !== null && seen.get(p)! > 1).length;
  const rate = r.seconds > 0 ? r.tried / r.seconds : 0;
  const where = r.arm.enumerates === 'space' ? `the ${inputs.space.name} space` : `a slice of ${count(r.searched.end - r.searched.start)} candidates from the first released SSN on`;
  const figures = [
    rateFigure('inverted', 'hashes inverted', inverted, rows, 'Records whose hashed SSN was turned back into the SSN: {rate}.'),
    countFigure('inSearched', 'SSNs among the candidates', inSearched, `Records whose SSN was among the candidates enumerated (${where}): {count}.`),
    countFigure('wrongNames', 'wrongly named', r.wrongPeople.length, "Names the broker's list gave for a recovered SSN that are not the person's (a borrowed or shared SSN, or a spouse's HICN): {count}."),
    countFigure('notOnList', 'recovered, not on the list', r.notOnList, "Recovered SSNs the broker's list does not hold: {count}."),
    countFigure('sharedPseudonym', 'records sharing a pseudonym', shared, 'Records whose pseudonym another record of the file shares (equal SSNs stay linkable within the file): {count}.'),
    countFigure('candidates', 'candidates hashed', r.tried, `Candidate SSNs hashed (${r.attempts} attempt${r.attempts === 1 ? '' : 's'}${r.attempts > 1 ? ': unkeyed, then each guessed key' : ''}): {count}.`),
    numberFigure('seconds', 'time taken', measured(r.seconds), 's', `The enumeration took ${duration(r.seconds)} in one thread.`),
    numberFigure('hashesPerSecond', 'hashes per second', measured(rate), 'hashes/s', `One thread hashed ${perSecond(rate, 'hashes')}.`),
  ];
  if (r.arm.enumerates === 'space' && rate > 0) {
    const minutes = ISSUABLE_SPACE.size / rate / 60;
    figures.push(numberFigure('issuableSpaceMinutes', 'every issuable SSN', measured(minutes), 'min', `At this rate one thread would hash all ${count(ISSUABLE_SPACE.size)} issuable SSNs in ${duration(60 * minutes)}; real SSNs are no safer.`));
  }
  return outcomeOf({
    name: r.arm.name,
    description: r.arm.description,
    parameters: r.arm.parameters,
    applied: r.applied,
    people: world.people,
    reidentified: { k: r.rightPeople.length, n: rows, of: "records of the file whose hash was inverted and named the right person from a broker's SSN list" },
    reidentifiedPeople: r.rightPeople,
    wronglyNamedPeople: r.wrongPeople,
    figures,
    utility: { original: inputs.file.table, release: r.table },
  });
}

function hashedSsnSummary(results: readonly HashArmResult[], outcomes: readonly Outcome[], inputs: HashedSsnInputs): string {
  const rows = inputs.file.truth.length;
  const [plain, ...others] = results;
  const inverted = (r: HashArmResult) => r.recovered.filter((s) => s !== null).length;
  const first = summarise(outcomes.slice(0, 1), `Inverting a research file of ${count(rows)} SHA-256-hashed SSNs${inputs.capped ? ` (${inputs.capped})` : ''} and naming them from a broker's SSN list`);
  const how = `Trying ${count(plain!.tried)} candidate SSNs took ${duration(plain!.seconds)} in one thread and inverted ${shareOf(inverted(plain!), rows)} hashes.`;
  const rest = others.map((r) => `${r.arm.name[0]!.toUpperCase()}${r.arm.name.slice(1)}: ${count(r.tried)} candidates tried (${r.attempts > 1 ? 'unkeyed and under each guessed key' : 'unsalted'}) inverted ${countOf(inverted(r), searchedCount(r, inputs))} hashes whose SSN they held.`);
  return [first, how, ...rest, 'A salt for the whole file still gives equal SSNs equal pseudonyms, so records of one person stay linkable within it.'].join(' ');
}

/** The scenario's run with what each arm found (tests read it). */
export async function hashedSsnRun(world: ScenarioWorld, o: Options, progress?: ScenarioProgress): Promise<{ result: ScenarioResult; inputs: HashedSsnInputs; arms: HashArmResult[] }> {
  const inputs = hashedSsnInputs(world, o);
  const arms: HashArmResult[] = [];
  for (const arm of HASH_ARMS) {
    await new Promise((r) => setTimeout(r, 0));
    arms.push(await runHashArm(arm, inputs, progress));
  }
  const outcomes = arms.map((r) => outcomeOfHashArm(r, inputs, world));
  const result: ScenarioResult = {
    scenario: 'hashed-ssn',
    description: hashedSsnScenario.description,
    situation: hashedSsnScenario.situation,
    options: o,
    world: { people: world.people.rows, source: world.source },
    outcomes,
    summary: hashedSsnSummary(arms, outcomes, inputs),
  };
  return { result, inputs, arms };
}

export const hashedSsnScenario: ScenarioDefinition = {
  name: 'hashed-ssn',
  description: 'a research file keyed by SHA-256 of the SSN inverted by enumerating SSNs and named from a broker list; then a secret salt and a keyed HMAC',
  situation:
    'A data holder releases a research file keyed by the SHA-256 hash of each person\'s SSN and calls it de-identified. There are fewer than a billion SSNs, so anyone can hash them all and look the released hashes up; a broker\'s file that holds SSNs then names the person. A secret salt for the whole file, or an HMAC under a key the holder keeps apart, stops the enumeration; the salt still lets equal SSNs be linked within the file.',
  needs: ['people', 'beneficiaries'],
  cost: 15,
  options,
  run: async (world, o, progress) => (await hashedSsnRun(world, o, progress)).result,
};

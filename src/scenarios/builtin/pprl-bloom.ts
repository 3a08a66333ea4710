// Privacy-preserving record linkage with Bloom filters: a hospital (the Medicare beneficiaries) and a
// state registry (the voter roll, with its typos) link their records by exchanging keyed Bloom-filter
// encodings of first name, last name and birth date instead of the names. Part 1 measures the linkage
// (Dice similarity within blocks of birth year and sex, greedy one-to-one); part 2 runs the frequency attack of
// Kuzu et al. on the hospital's encodings with a public name list and counts the names it recovers.
import { diceLink, exactLink, type EncodedRecord } from '../../../attacks/bloom/dice-link.ts';
import { frequencyAttack, type BloomScheme } from '../../../attacks/bloom/frequency-attack.ts';
import { countTruePairs, scoreLinks, type LinkScore } from '../../../attacks/score/index.ts';
import { permutation } from '../../random/permutation.ts';
import { streamKey } from '../../random/prng.ts';
import { voterRoll } from '../../../generators/adversary/voter-roll.ts';
import { count, percent } from '../../report/numbers.ts';
import { countFigure, rateFigure } from '../figures.ts';
import type { OptionSpec, Options } from '../option-spec.ts';
import { outcomeOf } from '../outcome.ts';
import type { Figure, Outcome, ScenarioResult, UtilityLost } from '../result.ts';
import type { ScenarioDefinition, ScenarioWorld } from '../scenario.ts';
import { summarise } from '../summary.ts';
import { beneficiaryRows, needTable } from '../world-view.ts';
import { encodeRecords, plainRecords, type EncodingPlan, type PlainRecords } from './pprl-encodings.ts';
import { textReader, textsOf } from '../../table/text.ts';

/** The holders' shared secret: the attacker never has it. */
const SECRET = 'reident pprl-bloom holders secret (kept from the attacker)';

const options = {
  kind: 'object',
  help: 'pprl-bloom options',
  properties: {
    release: {
      kind: 'object',
      help: 'the encodings the two holders exchange, and their linkage',
      properties: {
        records: { kind: 'integer', help: "the hospital's records: a seeded sample of this many beneficiaries (all when the world has fewer); linkage compares each with every registry record of its birth year and sex", default: 2000, min: 10 },
        length: { kind: 'integer', help: 'bits per Bloom filter', default: 1000, min: 64, max: 8192 },
        k: { kind: 'integer', help: 'hash functions per q-gram', default: 20, min: 1, max: 100 },
        q: { kind: 'integer', help: 'q-gram length', default: 2, min: 1, max: 4 },
        threshold: { kind: 'number', help: 'smallest Dice similarity linked', default: 0.8, min: 0, max: 1 },
        salted: { kind: 'boolean', help: 'compare field-level filters salted with the birth year', default: true },
        balanced: { kind: 'boolean', help: 'compare balanced field-level filters (complement appended, bits permuted)', default: true },
        clk: { kind: 'boolean', help: 'compare one filter of first name, last name and birth date (record-level CLK)', default: true },
      },
    },
    adversary: {
      kind: 'object',
      help: 'the state registry the hospital links with (a voter roll); the attacker takes name frequencies from it too',
      properties: {
        seed: { kind: 'integer', help: 'seed of the registry', default: 1, min: 0 },
        errors: { kind: 'boolean', help: "the registry's records carry typos, nicknames and date slips", default: true },
      },
    },
    attack: {
      kind: 'object',
      help: 'the frequency attack on the encodings of the first name',
      properties: {
        minCount: { kind: 'integer', help: 'groups of fewer equal encodings are left alone', default: 2, min: 1 },
        top: { kind: 'integer', help: 'align at most this many of the largest groups (0: all)', default: 20, min: 0 },
        window: { kind: 'integer', help: 'fill refinement: ranks looked beyond a group own among the names (0: rank alone)', default: 3, min: 0 },
        ageMatched: { kind: 'boolean', help: 'take name frequencies from registry people aged 65 or more only (the attacker knows it is Medicare)', default: true },
      },
    },
  },
} as const satisfies OptionSpec;

interface Arm {
  name: string;
  description: string;
  parameters: Record<string, unknown>;
  /** null: plain identifiers exchanged. */
  plan: EncodingPlan | null;
}

function arms(r: { salted: boolean; balanced: boolean; clk: boolean }): Arm[] {
  const field = (salted: boolean) => [
    { fields: ['first_name'] as const, salted },
    { fields: ['last_name'] as const, salted },
    { fields: ['birth_date'] as const, salted: false },
  ];
  const out: Arm[] = [
    { name: 'plain identifiers', description: 'names and birth dates exchanged as they are, matched exactly', parameters: { encoding: 'none' }, plan: null },
    { name: 'field-level filters', description: 'one keyed Bloom filter per field (first name, last name, birth date)', parameters: { encoding: 'field-level' }, plan: { filters: field(false), balanced: false } },
  ];
  if (r.salted) out.push({ name: 'salted by birth year', description: 'field-level filters whose name keys are salted with the birth year', parameters: { encoding: 'field-level', salt: 'birth year' }, plan: { filters: field(true), balanced: false } });
  if (r.balanced) out.push({ name: 'balanced filters', description: 'field-level filters balanced: complement appended and the bits permuted, so every filter has the same fill', parameters: { encoding: 'field-level', balanced: true }, plan: { filters: field(false), balanced: true } });
  if (r.clk) out.push({ name: 'record-level CLK', description: 'one filter of first name, last name and birth date (CLK)', parameters: { encoding: 'clk' }, plan: { filters: [{ fields: ['first_name', 'last_name', 'birth_date'], salted: false }], balanced: false } });
  return out;
}

/** The hospital's records: its Medicare beneficiaries, with names and birth dates from the people table. */
function hospitalRecords(world: ScenarioWorld, size: number, seed: number): { records: PlainRecords; sex: (string | null)[]; truth: Int32Array; year: number } {
  const benes = needTable(world.beneficiaries, 'beneficiaries');
  const all = beneficiaryRows(benes);
  // A seeded sample: the first `size` rows of a permutation, in their original order.
  const order = all.length > size ? permutation(all.length, streamKey(seed, 'pprl-hospital')) : null;
  const rows = order ? Array.from({ length: size }, (_, i) => all[order.apply(i)]!).sort((a, b) => a - b) : all;
  const pid = textsOf(benes, 'person_id');
  const truth = Int32Array.from(rows, (i) => Number(pid[i]));
  const rowOf = new Map<number, number>();
  const peopleIds = textsOf(world.people, 'person_id');
  for (let i = 0; i < world.people.rows; i++) rowOf.set(Number(peopleIds[i]), i);
  const take = (c: string) => {
    const col = textsOf(world.people, c);
    return Array.from(truth, (p) => col[rowOf.get(p) ?? -1] ?? null);
  };
  const records = plainRecords({ first_name: take('first_name'), last_name: take('last_name'), birth_date: take('birth_date') });
  return { records, sex: take('sex'), truth, year: Number(textReader(benes, 'year')(rows[0] ?? 0) ?? 2010) };
}

/** Each record's block: birth year and sex, exchanged in the clear (null: the record is compared with nobody). */
const blockKeys = (r: PlainRecords, sex: readonly (string | null)[]) => r.birth_date.map((d, i) => (d && /^\d{4}/.test(d) && sex[i] ? `${d.slice(0, 4)} ${sex[i]}` : null));

/** Utility: the share of exact matching's recall the encoding loses (0 when it finds as many or more). */
function linkageUtility(score: LinkScore, exact: LinkScore): UtilityLost {
  const recall = score.truePositives / Math.max(1, score.truePairs);
  const reference = exact.truePositives / Math.max(1, exact.truePairs);
  const lost = reference > 0 ? Math.min(1, Math.max(0, 1 - recall / reference)) : 0;
  const sentence =
    recall >= reference
      ? `The linkage finds ${percent(recall)} of the true pairs, no fewer than exact matching on plain names and birth date (${percent(reference)}): nothing lost.`
      : `The linkage finds ${percent(recall)} of the true pairs against ${percent(reference)} for exact matching on plain names and birth date: ${percent(lost)} of what exact matching finds is lost.`;
  return { lost, suppressionRate: 0, columnsRemoved: [], queries: [{ query: 'true pairs linked (recall), against exact matching on plain identifiers', lost, meanRelativeError: null }], sentence };
}

function linkageFigures(score: LinkScore): Figure[] {
  return [
    rateFigure('precision', 'links right', score.truePositives, score.links, 'Of the links the holders made, {rate} joined the same person.'),
    rateFigure('recall', 'pairs found', score.truePositives, score.truePairs, 'Of the people in both lists, {rate} were linked.'),
  ];
}

async function run(world: ScenarioWorld, o: Options): Promise<ScenarioResult> {
  const r = o.release as { records: number; length: number; k: number; q: number; threshold: number; salted: boolean; balanced: boolean; clk: boolean };
  const adv = o.adversary as { seed: number; errors: boolean };
  const atk = o.attack as { minCount: number; top: number; window: number; ageMatched: boolean };
  const scheme: BloomScheme = { q: r.q, k: r.k, length: r.length, padded: true };
  const hospital = hospitalRecords(world, r.records, adv.seed);
  const roll = voterRoll(world.people, { seed: adv.seed, ...(adv.errors ? {} : { errors: false }) });
  // The attacker's public name list: the registry's first names (of people 65 or more when age-matched).
  const oldest = hospital.year - 65;
  const rollRecords = plainRecords({ first_name: textsOf(roll.table, 'first_name'), last_name: textsOf(roll.table, 'last_name'), birth_date: textsOf(roll.table, 'birth_date') });
  const birthYear = textsOf(roll.table, 'birth_year');
  const publicNames = rollRecords.first_name.filter((_, i) => !atk.ageMatched || Number(birthYear[i]) <= oldest);
  // Linkage blocks on birth year and sex, so only the registry records of the hospital's blocks are encoded and compared.
  const hospitalBlocks = blockKeys(hospital.records, hospital.sex);
  const blocks = new Set(hospitalBlocks);
  const rollBlocks = blockKeys(rollRecords, textsOf(roll.table, 'sex'));
  const kept = rollBlocks.reduce<number[]>((acc, b, i) => (b !== null && blocks.has(b) ? (acc.push(i), acc) : acc), []);
  const pick = (c: readonly (string | null)[]) => kept.map((i) => c[i] ?? null);
  const registry = plainRecords({ first_name: pick(rollRecords.first_name), last_name: pick(rollRecords.last_name), birth_date: pick(rollRecords.birth_date) });
  const registryBlocks = pick(rollBlocks);
  const registryTruth = Int32Array.from(kept, (i) => roll.truth[i]!);
  // Recall counts every person in both lists, also those whose registry birth year slipped out of every block.
  const truePairs = countTruePairs(hospital.truth, roll.truth, false);

  const plainKey = (x: PlainRecords) => x.first_name.map((f, i) => (f && x.last_name[i] && x.birth_date[i] ? `${f}|${x.last_name[i]}|${x.birth_date[i]}` : null));
  const exact = scoreLinks(exactLink(plainKey(hospital.records), plainKey(registry)), hospital.truth, registryTruth, { truePairs });
  const n = hospital.truth.length;
  const outcomes: Outcome[] = [];
  for (const arm of arms(r)) {
    await new Promise((res) => setTimeout(res, 0));
    const base = { name: arm.name, description: arm.description, parameters: arm.parameters, people: world.people };
    if (!arm.plan) {
      // Names in the clear: whoever sees the exchange reads every name.
      const named = hospital.records.first_name.map((f, i) => (f === null ? -1 : hospital.truth[i]!)).filter((p) => p >= 0);
      outcomes.push(
        outcomeOf({
          ...base,
          reidentified: { k: named.length, n, of: 'hospital records whose first name anyone who sees the exchange reads' },
          wronglyNamedPeople: [],
          reidentifiedPeople: named,
          figures: linkageFigures(exact),
          utility: linkageUtility(exact, exact),
        }),
      );
      continue;
    }
    const left = encodeRecords(hospital.records, arm.plan, scheme, SECRET);
    const right = encodeRecords(registry, arm.plan, scheme, SECRET);
    const score = scoreLinks(diceLink(left, right, { threshold: r.threshold, blockLeft: hospitalBlocks, blockRight: registryBlocks }), hospital.truth, registryTruth, { truePairs });
    const attackScheme = arm.plan.balanced ? { ...scheme, length: 2 * scheme.length } : scheme;
    const attack = frequencyAttack(
      left.map((f: EncodedRecord) => f?.[0] ?? null),
      publicNames,
      // A balanced filter's fill says nothing, so the attacker aligns by rank alone.
      { minCount: atk.minCount, ...(atk.top ? { top: atk.top } : {}), window: arm.plan.balanced ? 0 : atk.window, scheme: attackScheme },
    );
    const right_: number[] = [];
    const wrong: number[] = [];
    attack.guesses.forEach((g, i) => {
      if (g === null) return;
      (g === hospital.records.first_name[i] ? right_ : wrong).push(hospital.truth[i]!);
    });
    const guessed = right_.length + wrong.length;
    outcomes.push(
      outcomeOf({
        ...base,
        reidentified: { k: right_.length, n, of: 'hospital records whose first name the attacker recovered from the encodings' },
        wronglyNamedPeople: wrong,
        reidentifiedPeople: right_,
        figures: [
          ...linkageFigures(score),
          rateFigure('guessesRight', 'guesses right', right_.length, guessed, 'Of the records the attacker put a name on, {rate} got the right first name.'),
          countFigure('groupsAligned', 'groups aligned', attack.alignments.length, '{count} groups of equal encodings were aligned with a public name.'),
        ],
        utility: linkageUtility(score, exact),
      }),
    );
  }
  return {
    scenario: 'pprl-bloom',
    description: pprlBloomScenario.description,
    situation: pprlBloomScenario.situation,
    options: o,
    world: { people: world.people.rows, source: world.source },
    outcomes,
    summary:
      summarise(outcomes, `A frequency attack on the Bloom-filter encodings of ${count(n)} hospital records, with the first names of ${count(publicNames.length)} registry records as its public name list,`) +
      ` Here the "workload lost" is linkage recall lost against exact matching on plain names and birth date, which finds ${percent(exact.truePositives / Math.max(1, exact.truePairs))} of the ${count(exact.truePairs)} people in both lists.`,
  };
}

export const pprlBloomScenario: ScenarioDefinition = {
  name: 'pprl-bloom',
  description: 'two holders link by keyed Bloom-filter encodings of names and birth date; linkage accuracy, then a frequency attack that recovers common names',
  situation:
    'A hospital and a state registry want to know which patients are in both lists without showing each other the names. Each encodes first name, last name and birth date as Bloom filters under a shared secret key and they link by Dice similarity, which tolerates typos. An attacker who sees the encodings but has no key still knows how common each name is: equal names give equal encodings, so aligning the most frequent encodings with the most frequent names recovers the common ones (Kuzu et al. 2011). The holders could salt the filters per record, balance them, or put all fields in one filter.',
  needs: ['people', 'beneficiaries'],
  cost: 46,
  options,
  run,
};

// One risk analysis of a table: every measure that the inputs allow, from one class summary, each
// with a one-sentence explanation, and the ground truth beside the estimators when the population
// is known. This is what `reident risk` prints. Browser-safe.
import { bootstrapProsecutor, type BootstrapIntervals } from './bootstrap.ts';
import { classSummary, weightedFrequency } from './classes.ts';
import { combinationReport } from './combinations.ts';
import { lDiversity, tCloseness } from './diversity.ts';
import { householdRisk } from './household.ts';
import { individualRisk } from './individual.ts';
import { explainJournalist, journalistRisk, populationFrequencies } from './journalist.ts';
import { explainProsecutor, prosecutorRisk } from './prosecutor.ts';
import { suda } from './suda/index.ts';
import type { MissingMode, QiTable } from './types.ts';
import { count, decimal, percent, shareOf } from '../../src/report/numbers.ts';
import { arxUniqueness, dankar, explainUniques, pitman, snb, zayatz, type PopulationModel, type UniquenessEstimate } from './uniqueness/index.ts';

export interface RiskInput {
  readonly qi: QiTable;
  readonly missing?: MissingMode;
  readonly threshold?: number;
  /** Population size or sampling fraction (for the population-uniqueness estimators). */
  readonly populationSize?: number;
  readonly samplingFraction?: number;
  /** The population itself (journalist risk and ground truth); its records include the sample's people. */
  readonly population?: QiTable;
  readonly weights?: Float64Array;
  readonly households?: ArrayLike<string | number>;
  readonly sensitive?: { readonly name: string; readonly codes: Int32Array; readonly dictionary: readonly string[] };
  /** Distinction, separation and uniqueness of every combination of up to this many quasi-identifiers (0 = none). */
  readonly combinations?: number;
  /** Run SUDA (minimal sample uniques) on the quasi-identifiers. */
  readonly suda?: boolean;
  /** Bootstrap replicates for the prosecutor intervals (0 = none). */
  readonly bootstrap?: number;
  readonly seed?: number | string;
  /** 'arx': the population-uniqueness estimators exactly as ARX computes them (docs/RISK.md); default: the corrected ones. */
  readonly compat?: UniquenessCompat;
  /** Progress of the long steps (grouping, SUDA, bootstrap): step name, units done, units in all. */
  readonly onProgress?: (step: string, done: number, total: number) => void;
}

export type UniquenessCompat = 'none' | 'arx';

export function analyseRisk(input: RiskInput) {
  const { qi } = input;
  if (qi.records === 0) throw new Error('the table has no records');
  const missing = input.missing ?? 'category';
  const threshold = input.threshold ?? 0.09;
  const progress = input.onProgress ?? (() => {});
  progress('grouping records', 0, 1);
  const summary = classSummary(qi, missing);
  progress('grouping records', 1, 1);
  const prosecutor = prosecutorRisk(summary, threshold);
  const explained = explainProsecutor(prosecutor);
  const explanations: Record<string, string> = {};
  for (const [k, v] of Object.entries(explained)) explanations[k === 'sampleUniques' || k === 'sampleUniqueness' || k === 'classes' || k === 'minClassSize' || k === 'records' ? k : `prosecutor.${k}`] = v.explanation;

  const n = qi.records;
  const compat = input.compat ?? 'none';
  const N = populationSizeOf(n, compat, input.population?.records, input);
  const populationUniqueness = estimatePopulationUniqueness(summary, n, N, compat, explanations);

  let journalist = null;
  let truth = null;
  let F: Float64Array | null = null;
  if (input.population) {
    F = populationFrequencies(qi, input.population, missing);
    const j = journalistRisk(summary.frequency, F, summary, threshold);
    journalist = j;
    for (const [k, v] of Object.entries(explainJournalist(j))) explanations[`journalist.${k}`] = v.explanation;
    truth = { ...truthOf(input.population, missing, summary, F, populationUniqueness), journalistRisk: j.averageRisk };
    explanations['truth.populationUniques'] = `In fact ${count(truth.populationUniques)} people (${percent(truth.populationUniqueness)}) are the only one in the whole population with their quasi-identifiers: the number the estimators try to guess.`;
    explanations['truth.sampleUniquesThatArePopulationUnique'] = `${shareOf(truth.sampleUniquesAlsoPopulationUnique, prosecutor.sampleUniques)} people unique in this table are also unique in the population, so a match on an outside list finds exactly them.`;
    explanations['truth.journalistRisk'] = `Matched against the population, a record is re-identified with probability ${percent(j.averageRisk)} on average: the true journalist risk.`;
  }

  let individual = null;
  let household = null;
  if (input.weights) {
    const Fw = weightedFrequency(qi, summary, input.weights);
    const r = individualRisk(summary.frequency, Fw, { method: 'approx' });
    const x = individualRisk(summary.frequency, Fw, { method: 'exact' });
    individual = { globalRisk: r.globalRisk, expectedReidentifications: r.expectedReidentifications, maxRisk: r.maxRisk, perRecord: r.risk, exact: { globalRisk: x.globalRisk, expectedReidentifications: x.expectedReidentifications, maxRisk: x.maxRisk } };
    explanations['individualRisk.globalRisk'] = `Weighting each record by how many people it stands for, a person in the table is re-identified with probability ${percent(r.globalRisk)} on average.`;
    explanations['individualRisk.expectedReidentifications'] = `An adversary matching every record would expect to re-identify ${decimal(r.expectedReidentifications, 1)} people correctly.`;
    explanations['individualRisk.maxRisk'] = `The most exposed person has a ${percent(r.maxRisk)} chance of being re-identified.`;
    if (input.households) {
      const h = householdRisk(r.risk, input.households);
      household = { households: h.households, globalRisk: h.globalRisk, expectedReidentifications: h.expectedReidentifications, perRecord: h.risk };
      explanations['householdRisk.globalRisk'] = `Counting that finding one member of a household exposes the others, a person's risk is ${percent(h.globalRisk)} on average.`;
    }
  }

  let diversity = null;
  let closeness = null;
  if (input.sensitive) {
    const l = lDiversity(summary, input.sensitive.codes);
    const t = tCloseness(summary, input.sensitive.codes, { dictionary: input.sensitive.dictionary });
    diversity = { distinct: l.distinct, entropy: l.entropy, perRecord: l.perRecord };
    closeness = t.t;
    explanations['lDiversity.distinct'] = `In the worst group only ${l.distinct} different value(s) of ${input.sensitive.name} occur: knowing someone's quasi-identifiers narrows their ${input.sensitive.name} to at most that many.`;
    explanations['lDiversity.entropy'] = `By entropy, the least diverse group behaves like ${decimal(l.entropy, 2)} equally likely values of ${input.sensitive.name}.`;
    explanations.tCloseness = `In the worst group the distribution of ${input.sensitive.name} is ${decimal(t.t, 3)} away (earth mover's distance) from the whole table's: what an adversary learns about a person's ${input.sensitive.name} from their group.`;
  }

  let special = null;
  if (input.suda) {
    progress('SUDA', 0, 1);
    const r = suda(qi);
    progress('SUDA', 1, 1);
    special = { attributeContributions: Object.fromEntries(qi.names.map((name, j) => [name, r.attributeContributions[j]!])), totalScore: r.totalScore, specialUniques: r.specialUniques, highestScore: r.highestScore, perRecord: r.score };
    explanations['suda.attributeContributions'] = r.explanation;
  }

  let intervals: BootstrapIntervals | null = null;
  if ((input.bootstrap ?? 0) > 0) intervals = bootstrapProsecutor(summary, { replicates: input.bootstrap, threshold, seed: input.seed ?? 1, onReplicate: (done, total) => progress('bootstrap replicates', done, total) });

  return {
    records: n,
    classes: prosecutor.classes,
    sampleUniques: prosecutor.sampleUniques,
    minClassSize: prosecutor.minClassSize,
    sampleUniqueness: prosecutor.sampleUniqueness,
    missing,
    threshold,
    classSizeHistogram: Array.from(summary.sizes, (size, k) => ({ size, classes: summary.sizeCounts[k]! })),
    combinations: (input.combinations ?? 0) > 0 ? combinationReport(qi, input.combinations!).map((c) => ({ qi: c.names, distinction: c.distinction, separation: c.separation, sampleUniqueness: c.sampleUniqueness })) : null,
    prosecutor: { averageRisk: prosecutor.averageRisk, highestRisk: prosecutor.highestRisk, lowestRisk: prosecutor.lowestRisk, recordsAtRisk: prosecutor.recordsAtRisk },
    intervals,
    populationSize: N ?? null,
    populationUniqueness: populationUniqueness && uniquenessReport(populationUniqueness, compat),
    journalist: journalist && { averageRisk: journalist.averageRisk, highestRisk: journalist.highestRisk, lowestRisk: journalist.lowestRisk, recordsAtRisk: journalist.recordsAtRisk, successRate: journalist.successRate },
    marketer: journalist && { risk: journalist.marketerRisk },
    truth,
    individualRisk: individual && { globalRisk: individual.globalRisk, expectedReidentifications: individual.expectedReidentifications, maxRisk: individual.maxRisk, exact: individual.exact },
    householdRisk: household && { households: household.households, globalRisk: household.globalRisk, expectedReidentifications: household.expectedReidentifications },
    lDiversity: diversity && { distinct: diversity.distinct, entropy: diversity.entropy },
    tCloseness: closeness,
    suda: special && { attributeContributions: special.attributeContributions, totalScore: special.totalScore, specialUniques: special.specialUniques, highestScore: special.highestScore },
    explanations,
    /** Per-record figures (not part of the JSON output; --per-record writes them). */
    perRecord: {
      classSize: summary.frequency,
      risk: Float64Array.from(summary.frequency, (f) => 1 / f),
      populationClassSize: F,
      individualRisk: individual?.perRecord ?? null,
      householdRisk: household?.perRecord ?? null,
      l: diversity?.perRecord ?? null,
      sudaScore: special?.perRecord ?? null,
    },
  };
}

export type RiskReport = ReturnType<typeof analyseRisk>;

/**
 * The population's size: counted, given, or the sample's over the sampling fraction (ARX rounds n / f to a
 * whole population, ARXPopulationModel; the corrected estimators keep n / f). Shared by both engines.
 */
export function populationSizeOf(n: number, compat: UniquenessCompat, counted: number | undefined, given: { populationSize?: number; samplingFraction?: number }): number | undefined {
  if (counted !== undefined) return counted;
  if (given.populationSize !== undefined) return given.populationSize;
  if (!given.samplingFraction) return undefined;
  return compat === 'arx' ? Math.round(n / given.samplingFraction) : n / given.samplingFraction;
}

/** The estimates for a population of N (none without N), with their explanations added to `explanations`. */
export function estimatePopulationUniqueness(summary: { sizes: Int32Array; sizeCounts: Float64Array }, n: number, N: number | undefined, compat: UniquenessCompat, explanations: Record<string, string>) {
  if (N === undefined) return null;
  if (N < n) throw new Error(`the population (${N}) is smaller than the sample (${n})`);
  const u = uniquenessOf(summary, { populationSize: N }, compat);
  for (const m of ['pitman', 'zayatz', 'snb', 'dankar'] as const) {
    explanations[`populationUniqueness.${m}`] = explainUniques(u.estimates[m], m === 'dankar' ? `decision-rule (${u.dankarModel})` : m, N).explanation;
  }
  return u;
}

/** The four population-uniqueness estimates of a class-size histogram. */
function uniquenessOf(summary: { sizes: Int32Array; sizeCounts: Float64Array }, population: PopulationModel, compat: UniquenessCompat) {
  const histogram = { sizes: summary.sizes, sizeCounts: summary.sizeCounts };
  if (compat === 'arx') {
    const arx = arxUniqueness(histogram, population);
    return { estimates: arx, dankarModel: arx.dankar.model };
  }
  const d = dankar(histogram, population);
  const estimates: Record<'pitman' | 'zayatz' | 'snb' | 'dankar', UniquenessEstimate> = {
    pitman: d.estimates.pitman ?? pitman(histogram, population),
    zayatz: d.estimates.zayatz ?? zayatz(histogram, population),
    snb: d.estimates.snb ?? snb(histogram, population),
    dankar: d,
  };
  return { estimates, dankarModel: d.model };
}

/** What the estimators try to estimate, counted in the population itself. */
function truthOf(population: QiTable, missing: MissingMode, sample: ReturnType<typeof classSummary>, F: Float64Array, est: ReturnType<typeof uniquenessOf> | null) {
  const popSummary = classSummary(population, missing);
  let popUniques = 0;
  for (let i = 0; i < population.records; i++) if (popSummary.frequency[i] === 1) popUniques++;
  let sampleUniques = 0;
  let bothUnique = 0;
  for (let i = 0; i < sample.records; i++) {
    if (sample.frequency[i] !== 1) continue;
    sampleUniques++;
    if (F[i] === 1) bothUnique++;
  }
  const N = population.records;
  const truthFraction = popUniques / N;
  const errors: Record<string, number | null> = {};
  if (est) {
    for (const [k, e] of Object.entries(est.estimates)) errors[k] = e.fraction === null ? null : truthFraction > 0 ? (e.fraction - truthFraction) / truthFraction : null;
  }
  return {
    populationUniques: popUniques,
    populationUniqueness: truthFraction,
    sampleUniquesThatArePopulationUnique: sampleUniques ? bothUnique / sampleUniques : 0,
    sampleUniquesAlsoPopulationUnique: bothUnique,
    /** Relative error of each estimator: (estimate - truth) / truth. */
    estimatorErrors: errors,
  };
}

/** The report's population-uniqueness block from the four estimates (shared by the memory and DuckDB engines). */
export function uniquenessReport(u: ReturnType<typeof uniquenessOf>, compat: UniquenessCompat) {
  return {
    estimators: compat === 'arx' ? 'arx' : 'corrected',
    pitman: u.estimates.pitman.fraction,
    zayatz: u.estimates.zayatz.fraction,
    snb: u.estimates.snb.fraction,
    dankar: u.estimates.dankar.fraction,
    dankarModel: u.dankarModel,
    messages: Object.fromEntries(Object.entries(u.estimates).flatMap(([k, e]) => (e.message ? [[k, e.message]] : []))),
  };
}

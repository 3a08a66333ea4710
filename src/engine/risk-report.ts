// The risk report from histograms alone (what the DuckDB engine hands back), in the shape analyseRisk
// returns, so the CLI prints both engines alike. The estimators are the core's (they read the
// histogram); prosecutor and journalist figures are the sums analyseRisk makes per class, made per
// histogram bin. Missing values are a category of their own (the SQL groups NULL as one value).
import { estimatePopulationUniqueness, populationSizeOf, uniquenessReport, type RiskReport, type UniquenessCompat } from '../../attacks/risk/analyse.ts';
import { explainJournalist, type JournalistRisk } from '../../attacks/risk/journalist.ts';
import { explainProsecutor, type ProsecutorRisk } from '../../attacks/risk/prosecutor.ts';
import type { SizeHistogram } from '../../attacks/risk/uniqueness/index.ts';
import { histogramFigures } from '../../attacks/risk/class-histogram.ts';
import { count, percent, shareOf } from '../report/numbers.ts';

/** (class_size, population_size, classes) rows: sample classes by their size in the sample and in the population. */
export interface PairedSizes {
  readonly classSize: Float64Array;
  readonly populationSize: Float64Array;
  readonly classes: Float64Array;
}

export interface HistogramRiskInput {
  readonly sample: SizeHistogram;
  readonly threshold: number;
  readonly populationSize?: number;
  readonly samplingFraction?: number;
  readonly compat?: UniquenessCompat;
  /** With a population: its own histogram and the sample's classes paired with theirs. */
  readonly population?: { readonly histogram: SizeHistogram; readonly paired: PairedSizes };
}

/** prosecutorRisk (attacks/risk/prosecutor.ts) in category mode, from the histogram. */
export function prosecutorFromHistogram(h: SizeHistogram, threshold: number): ProsecutorRisk {
  const { records: n, classes, uniques, smallestClass: minF, largestClass: maxF } = histogramFigures(h);
  if (n === 0) throw new Error('the table has no records');
  let atRisk = 0;
  for (let k = 0; k < h.sizes.length; k++) if (1 / h.sizes[k]! > threshold) atRisk += h.sizes[k]! * h.sizeCounts[k]!;
  return { records: n, threshold, averageRisk: classes / n, highestRisk: 1 / minF, lowestRisk: 1 / maxF, recordsAtRisk: atRisk / n, sampleUniques: uniques, sampleUniqueness: uniques / n, classes, minClassSize: minF };
}

/** journalistRisk (attacks/risk/journalist.ts) from the paired sizes; a sample class absent from (or larger than in) the population is an error. */
export function journalistFromPairs(p: PairedSizes, n: number, threshold: number): JournalistRisk {
  let sum = 0;
  let sumF = 0;
  let minF = Infinity;
  let maxF = 0;
  let atRisk = 0;
  let classes = 0;
  for (let k = 0; k < p.classes.length; k++) {
    const f = p.classSize[k]!;
    const F = p.populationSize[k]!;
    const c = p.classes[k]!;
    if (F === 0) throw new Error(`${c} class(es) of the sample (of ${f} record(s) each) do not occur in the population`);
    if (F < f) throw new Error(`a class has ${F} population records but ${f} sample records (population must hold at least the sample)`);
    sum += (c * f) / F;
    sumF += c * F;
    classes += c;
    if (F < minF) minF = F;
    if (F > maxF) maxF = F;
    if (1 / F > threshold) atRisk += c * f;
  }
  const marketer = sum / n;
  return { records: n, threshold, averageRisk: marketer, highestRisk: 1 / minF, lowestRisk: 1 / maxF, recordsAtRisk: atRisk / n, successRate: Math.max(classes / sumF, marketer), marketerRisk: marketer };
}

/** The report `reident risk` prints, with the figures that need per-record data (SUDA, weights, ...) left null. */
export function riskReportFromHistograms(input: HistogramRiskInput): RiskReport {
  const h = input.sample;
  const threshold = input.threshold;
  const prosecutor = prosecutorFromHistogram(h, threshold);
  const n = prosecutor.records;
  const explanations: Record<string, string> = {};
  for (const [k, v] of Object.entries(explainProsecutor(prosecutor))) explanations[['sampleUniques', 'sampleUniqueness', 'classes', 'minClassSize', 'records'].includes(k) ? k : `prosecutor.${k}`] = v.explanation;
  const compat = input.compat ?? 'none';
  const N = populationSizeOf(n, compat, input.population ? histogramFigures(input.population.histogram).records : undefined, input);
  const estimated = estimatePopulationUniqueness(h, n, N, compat, explanations);
  let journalist: JournalistRisk | null = null;
  let truth: RiskReport['truth'] = null;
  if (input.population) {
    const { histogram: ph, paired } = input.population;
    journalist = journalistFromPairs(paired, n, threshold);
    for (const [k, v] of Object.entries(explainJournalist(journalist))) explanations[`journalist.${k}`] = v.explanation;
    const popUniques = ph.sizes[0] === 1 ? ph.sizeCounts[0]! : 0;
    let bothUnique = 0;
    for (let k = 0; k < paired.classes.length; k++) if (paired.classSize[k] === 1 && paired.populationSize[k] === 1) bothUnique += paired.classes[k]!;
    const truthFraction = popUniques / N!;
    const errors: Record<string, number | null> = {};
    if (estimated) for (const [k, e] of Object.entries(estimated.estimates)) errors[k] = e.fraction === null ? null : truthFraction > 0 ? (e.fraction - truthFraction) / truthFraction : null;
    truth = {
      populationUniques: popUniques,
      populationUniqueness: truthFraction,
      sampleUniquesThatArePopulationUnique: prosecutor.sampleUniques ? bothUnique / prosecutor.sampleUniques : 0,
      sampleUniquesAlsoPopulationUnique: bothUnique,
      estimatorErrors: errors,
      journalistRisk: journalist.averageRisk,
    };
    explanations['truth.populationUniques'] = `In fact ${count(truth.populationUniques)} people (${percent(truth.populationUniqueness)}) are the only one in the whole population with their quasi-identifiers: the number the estimators try to guess.`;
    explanations['truth.sampleUniquesThatArePopulationUnique'] = `${shareOf(truth.sampleUniquesAlsoPopulationUnique, prosecutor.sampleUniques)} people unique in this table are also unique in the population, so a match on an outside list finds exactly them.`;
    explanations['truth.journalistRisk'] = `Matched against the population, a record is re-identified with probability ${percent(journalist.averageRisk)} on average: the true journalist risk.`;
  }
  const empty = new Float64Array(0);
  return {
    records: n,
    classes: prosecutor.classes,
    sampleUniques: prosecutor.sampleUniques,
    minClassSize: prosecutor.minClassSize,
    sampleUniqueness: prosecutor.sampleUniqueness,
    missing: 'category',
    threshold,
    classSizeHistogram: Array.from(h.sizes, (size, k) => ({ size, classes: h.sizeCounts[k]! })),
    combinations: null,
    prosecutor: { averageRisk: prosecutor.averageRisk, highestRisk: prosecutor.highestRisk, lowestRisk: prosecutor.lowestRisk, recordsAtRisk: prosecutor.recordsAtRisk },
    intervals: null,
    populationSize: N ?? null,
    populationUniqueness: estimated && uniquenessReport(estimated, compat),
    journalist: journalist && { averageRisk: journalist.averageRisk, highestRisk: journalist.highestRisk, lowestRisk: journalist.lowestRisk, recordsAtRisk: journalist.recordsAtRisk, successRate: journalist.successRate },
    marketer: journalist && { risk: journalist.marketerRisk },
    truth,
    individualRisk: null,
    householdRisk: null,
    lDiversity: null,
    tCloseness: null,
    suda: null,
    explanations,
    perRecord: { classSize: empty, risk: empty, populationClassSize: null, individualRisk: null, householdRisk: null, l: null, sudaScore: null },
  };
}

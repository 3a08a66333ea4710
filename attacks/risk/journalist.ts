// Journalist and marketer risk: the adversary matches against a population table (voter roll,
// broker file) and does not know who is in the sample; record i is re-identified with probability
// 1/F_i, F_i = size of its class in the population. Browser-safe.

import { classRepresentatives, classSummary, gatherRows, groupTuples, matchSums } from './classes.ts';
import { qiIndex } from './qi-table.ts';
import type { ClassSummary, Explained, MissingMode, QiTable } from './types.ts';
import { count, percent, shareOf } from '../../src/report/numbers.ts';

/**
 * For each sample record, F_i = the number of population records matching it on the sample's
 * quasi-identifiers (looked up in the population by name), under the same missing-value rule as
 * classSummary: equal on every QI ('category'), or equal where both are present ('wildcard').
 * The tables keep separate dictionaries, so values are matched by their text.
 */
export function populationFrequencies(sample: QiTable, population: QiTable, missing: MissingMode = 'category'): Float64Array {
  if (sample.records === 0) throw new Error('populationFrequencies: the sample is empty');
  if (population.records === 0) throw new Error('populationFrequencies: the population is empty');
  const popCols = sample.names.map((name) => {
    if (!population.names.includes(name)) {
      throw new Error(`populationFrequencies: quasi-identifier "${name}" is not in the population table`);
    }
    return qiIndex(population, name);
  });
  const summary = classSummary(sample, 'category');
  const sampleCombos = gatherRows(sample.codes, classRepresentatives(summary));
  // shared code space per QI: population codes, then sample-only values after them
  const sizes: number[] = [];
  sampleCombos.forEach((col, j) => {
    const popDict = population.dictionaries[popCols[j]!]!;
    const index = new Map(popDict.map((v, c) => [v, c] as const));
    const sampleDict = sample.dictionaries[j]!;
    const toShared = new Int32Array(sampleDict.length);
    let extra = 0;
    sampleDict.forEach((v, c) => {
      toShared[c] = index.get(v) ?? popDict.length + extra++;
    });
    for (let k = 0; k < col.length; k++) if (col[k]! >= 0) col[k] = toShared[col[k]!]!;
    sizes.push(popDict.length + extra);
  });
  const popCodes = popCols.map((j) => population.codes[j]!);
  const popGroups = groupTuples(popCodes, popCols.map((j) => population.dictionaries[j]!.length), population.records);
  const popCount = new Float64Array(popGroups.distinct);
  for (let i = 0; i < population.records; i++) popCount[popGroups.ids[i]!]!++;
  const popCombos = gatherRows(popCodes, popGroups.first);
  const perClass = matchSums(sampleCombos, popCombos, popCount, sizes, missing);
  const out = new Float64Array(sample.records);
  for (let i = 0; i < sample.records; i++) out[i] = perClass[summary.classOf[i]!]!;
  return out;
}

/** Journalist-model figures (REFERENCE 5). */
export interface JournalistRisk {
  readonly records: number;
  readonly threshold: number;
  /** Mean over records of 1/F_i. */
  readonly averageRisk: number;
  /** 1 / min_i F_i. */
  readonly highestRisk: number;
  /** 1 / max_i F_i. */
  readonly lowestRisk: number;
  /** Share of records with 1/F_i > threshold. */
  readonly recordsAtRisk: number;
  /** max(u / sum_k F_k, (sum_k f_k/F_k) / n), sums over the sample's u classes. */
  readonly successRate: number;
  /** (sum_k f_k/F_k) / n. */
  readonly marketerRisk: number;
}

/** Validate F_i >= f_i >= 1 for every record and return F per class (k over summary.classes). */
function classPopulation(f: Float64Array, F: Float64Array, summary: ClassSummary, what: string): Float64Array {
  const n = summary.records;
  if (n === 0) throw new Error(`${what}: the table is empty`);
  if (f.length !== n || F.length !== n) {
    throw new Error(`${what}: ${f.length} sample and ${F.length} population frequencies for ${n} records`);
  }
  const Fk = new Float64Array(summary.classes);
  for (let i = 0; i < n; i++) {
    const fi = f[i]!;
    const Fi = F[i]!;
    if (!(fi >= 1)) throw new Error(`${what}: record ${i} has sample frequency ${fi} (must be >= 1)`);
    if (!(Fi >= fi)) {
      throw new Error(
        Fi === 0
          ? `${what}: record ${i}'s class does not occur in the population`
          : `${what}: record ${i}'s class has ${Fi} population records but ${fi} sample records (population must hold at least the sample)`,
      );
    }
    Fk[summary.classOf[i]!] = Fi;
  }
  return Fk;
}

function marketerFromClasses(Fk: Float64Array, summary: ClassSummary): number {
  let s = 0;
  for (let k = 0; k < Fk.length; k++) s += summary.classSize[k]! / Fk[k]!;
  return s / summary.records;
}

/**
 * Journalist risk given per-record sample frequencies f_i and population frequencies F_i (throws when
 * a class is missing from the population or smaller there than in the sample). In the class sums,
 * f_k is the number of sample records of class k (summary.classSize) and F_k its population frequency.
 */
export function journalistRisk(
  sampleFrequency: Float64Array,
  populationFrequency: Float64Array,
  summary: ClassSummary,
  threshold = 0.09,
): JournalistRisk {
  if (!(threshold >= 0 && threshold <= 1)) throw new Error(`journalistRisk: threshold ${threshold} is not in [0, 1]`);
  const Fk = classPopulation(sampleFrequency, populationFrequency, summary, 'journalistRisk');
  const n = summary.records;
  let sum = 0;
  let minF = Infinity;
  let maxF = 0;
  let atRisk = 0;
  let sumF = 0;
  for (let k = 0; k < Fk.length; k++) {
    const F = Fk[k]!;
    const size = summary.classSize[k]!;
    sum += size / F;
    sumF += F;
    if (F < minF) minF = F;
    if (F > maxF) maxF = F;
    if (1 / F > threshold) atRisk += size;
  }
  const marketer = sum / n;
  return {
    records: n,
    threshold,
    averageRisk: marketer,
    highestRisk: 1 / minF,
    lowestRisk: 1 / maxF,
    recordsAtRisk: atRisk / n,
    successRate: Math.max(summary.classes / sumF, marketer),
    marketerRisk: marketer,
  };
}

/** Marketer risk: expected share of sample records correctly re-identified, (sum_k f_k/F_k) / n. */
export function marketerRisk(sampleFrequency: Float64Array, populationFrequency: Float64Array, summary: ClassSummary): number {
  return marketerFromClasses(classPopulation(sampleFrequency, populationFrequency, summary, 'marketerRisk'), summary);
}


/** Each journalist figure with one sentence on what it means for a person in the data. */
export function explainJournalist(r: JournalistRisk): { readonly [K in keyof JournalistRisk]: Explained<number> } {
  const e = (value: number, explanation: string): Explained<number> => ({ value, explanation });
  return {
    records: e(r.records, `The released table holds ${count(r.records)} records.`),
    threshold: e(r.threshold, `A record counts as at risk when a match against the population picks the right person with probability above ${percent(r.threshold)}.`),
    averageRisk: e(r.averageRisk, `Matching a released record against the population finds the right person ${percent(r.averageRisk)} of the time, on average over records.`),
    highestRisk: e(r.highestRisk, `The most exposed person is found with probability ${percent(r.highestRisk)} by someone matching against the population.`),
    lowestRisk: e(r.lowestRisk, `The least exposed person is found with probability ${percent(r.lowestRisk)} by someone matching against the population.`),
    recordsAtRisk: e(r.recordsAtRisk, `${shareOf(Math.round(r.recordsAtRisk * r.records), r.records)} people in the release are found with probability above ${percent(r.threshold)} by matching against the population.`),
    successRate: e(r.successRate, `An adversary who targets someone from the population and matches them to the release succeeds ${percent(r.successRate)} of the time at best.`),
    marketerRisk: e(r.marketerRisk, `Linking the whole release to the population would put the right name on ${percent(r.marketerRisk)} of the records.`),
  };
}

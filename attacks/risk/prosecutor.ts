// Prosecutor risk: the adversary knows the target is in the released table and matches on the
// quasi-identifiers; record i is re-identified with probability 1/f_i. Browser-safe.

import type { ClassSummary, Explained } from './types.ts';
import { count, percent, shareOf } from '../../src/report/numbers.ts';

/** Prosecutor-model figures of one table (REFERENCE 5). */
export interface ProsecutorRisk {
  readonly records: number;
  /** Records-at-risk threshold t on 1/f_i. */
  readonly threshold: number;
  /** Mean over records of 1/f_i (= classes/n when missing values are a category). */
  readonly averageRisk: number;
  /** max_i 1/f_i = 1/min f_i. */
  readonly highestRisk: number;
  /** min_i 1/f_i = 1/max f_i. */
  readonly lowestRisk: number;
  /** Share of records with 1/f_i > t. */
  readonly recordsAtRisk: number;
  /** Number of records with f_i = 1. */
  readonly sampleUniques: number;
  /** sampleUniques / n. */
  readonly sampleUniqueness: number;
  /** Number of equivalence classes (distinct combinations). */
  readonly classes: number;
  /** k of k-anonymity: min_i f_i. */
  readonly minClassSize: number;
}

/**
 * Prosecutor risk from a class summary. Record risk 1/f_i with f_i = summary.frequency[i] (so
 * wildcard frequencies are honoured); each figure is computed once per class, since every record of
 * a class has the same f_i. `threshold` must lie in [0, 1].
 */
export function prosecutorRisk(summary: ClassSummary, threshold = 0.09): ProsecutorRisk {
  const n = summary.records;
  if (n === 0) throw new Error('prosecutorRisk: the table is empty');
  if (!(threshold >= 0 && threshold <= 1)) throw new Error(`prosecutorRisk: threshold ${threshold} is not in [0, 1]`);
  // frequency of each class (all records of a class share it)
  const classFreq = new Float64Array(summary.classes);
  for (let i = 0; i < n; i++) classFreq[summary.classOf[i]!] = summary.frequency[i]!;
  let sum = 0;
  let minF = Infinity;
  let maxF = 0;
  let atRisk = 0;
  let uniques = 0;
  for (let c = 0; c < summary.classes; c++) {
    const f = classFreq[c]!;
    const size = summary.classSize[c]!;
    sum += size / f;
    if (f < minF) minF = f;
    if (f > maxF) maxF = f;
    if (1 / f > threshold) atRisk += size;
    if (f === 1) uniques += size;
  }
  return {
    records: n,
    threshold,
    averageRisk: summary.missing === 'category' ? summary.classes / n : sum / n,
    highestRisk: 1 / minF,
    lowestRisk: 1 / maxF,
    recordsAtRisk: atRisk / n,
    sampleUniques: uniques,
    sampleUniqueness: uniques / n,
    classes: summary.classes,
    minClassSize: minF,
  };
}


/** Each prosecutor figure with one sentence on what it means for a person in the data. */
export function explainProsecutor(r: ProsecutorRisk): { readonly [K in keyof ProsecutorRisk]: Explained<number> } {
  const e = (value: number, explanation: string): Explained<number> => ({ value, explanation });
  return {
    records: e(r.records, `The table holds ${count(r.records)} records.`),
    threshold: e(r.threshold, `A record counts as at risk when an adversary who knows the person is in the table would pick them out with probability above ${percent(r.threshold)}.`),
    averageRisk: e(r.averageRisk, `An adversary who knows a person is in the table and knows their quasi-identifiers picks out the right record ${percent(r.averageRisk)} of the time, on average over people.`),
    highestRisk: e(r.highestRisk, `The most exposed person in the table is picked out with probability ${percent(r.highestRisk)}.`),
    lowestRisk: e(r.lowestRisk, `The least exposed person in the table is picked out with probability ${percent(r.lowestRisk)}.`),
    recordsAtRisk: e(r.recordsAtRisk, `${shareOf(Math.round(r.recordsAtRisk * r.records), r.records)} people in the table would be picked out with probability above ${percent(r.threshold)}.`),
    sampleUniques: e(r.sampleUniques, `${count(r.sampleUniques)} people are the only record with their combination of quasi-identifiers, so anyone who knows those values and that they are in the table finds them for certain.`),
    sampleUniqueness: e(r.sampleUniqueness, `${shareOf(r.sampleUniques, r.records)} people in the table are unique on their quasi-identifiers and found for certain by an adversary who knows they are in it.`),
    classes: e(r.classes, `The records fall into ${count(r.classes)} groups that share the same quasi-identifier values; a person hides only among the others of their group.`),
    minClassSize: e(r.minClassSize, `The table is ${count(r.minClassSize)}-anonymous: its smallest group of records sharing quasi-identifier values holds ${count(r.minClassSize)}.`),
  };
}

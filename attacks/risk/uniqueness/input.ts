// Shared input, output and validation of the population-uniqueness estimators.

import type { ClassHistogram } from '../types.ts';

/** The sample's class-size histogram, as ClassSummary carries it: sizeCounts[k] classes of size sizes[k]. */
export type SizeHistogram = ClassHistogram;

/** How the sample relates to the population: give the population size N or the sampling fraction f = n/N. */
export interface PopulationModel {
  readonly populationSize?: number;
  readonly samplingFraction?: number;
  /** The sample size n; defaults to the histogram's record count, and must equal it when given. */
  readonly sampleSize?: number;
}

/** An estimate of U, the number of population uniques. Null (with a message) when a model gives no valid answer. */
export interface UniquenessEstimate {
  /** Estimated number of records unique in the population (U), or null when the model failed. */
  readonly uniques: number | null;
  /** U / N, or null when the model failed. */
  readonly fraction: number | null;
  readonly converged: boolean;
  /** Why the estimate is null, or a note on a special case (no sample uniques, a census). */
  readonly message?: string;
  /** Fitted model parameters, when the model has any. */
  readonly parameters?: Readonly<Record<string, number>>;
}

/** The validated summary every estimator reads. */
export interface Sample {
  readonly sizes: Int32Array;
  readonly counts: Float64Array;
  /** n: records in the sample. */
  readonly n: number;
  /** N: people in the population (may be fractional when derived from f, as in ARX). */
  readonly N: number;
  /** f = n / N. */
  readonly f: number;
  /** u: classes in the sample. */
  readonly u: number;
  /** c_i: classes of size i. */
  readonly c1: number;
  readonly c2: number;
}

/** Checks the histogram and the population model; throws a message naming the problem. */
export function resolveSample(histogram: SizeHistogram, population: PopulationModel, who: string): Sample {
  const { sizes, sizeCounts } = histogram;
  if (sizes.length !== sizeCounts.length) {
    throw new Error(`${who}: sizes (${sizes.length}) and sizeCounts (${sizeCounts.length}) differ in length`);
  }
  const keptSizes: number[] = [];
  const keptCounts: number[] = [];
  let n = 0;
  let u = 0;
  let previous = 0;
  for (let k = 0; k < sizes.length; k++) {
    const size = sizes[k];
    const count = sizeCounts[k];
    if (!(size > previous)) {
      throw new Error(`${who}: class sizes must be positive and strictly ascending, got ${size} after ${previous}`);
    }
    if (!Number.isInteger(count) || count < 0) {
      throw new Error(`${who}: the number of classes of size ${size} must be a non-negative integer, got ${count}`);
    }
    previous = size;
    if (count === 0) continue;
    keptSizes.push(size);
    keptCounts.push(count);
    n += size * count;
    u += count;
  }
  if (u === 0) throw new Error(`${who}: the class-size histogram is empty (no records in the sample)`);
  if (population.sampleSize !== undefined && population.sampleSize !== n) {
    throw new Error(`${who}: sample size n = ${population.sampleSize} but the histogram holds ${n} records`);
  }
  const { populationSize, samplingFraction } = population;
  let N: number;
  if (populationSize !== undefined) {
    if (!Number.isFinite(populationSize) || populationSize <= 0) {
      throw new Error(`${who}: population size N must be a positive number, got ${populationSize}`);
    }
    if (populationSize < n) {
      throw new Error(`${who}: population size N = ${populationSize} is smaller than the sample size n = ${n}`);
    }
    N = populationSize;
    if (samplingFraction !== undefined && Math.abs(samplingFraction - n / N) > 1e-9 * (n / N)) {
      throw new Error(`${who}: sampling fraction ${samplingFraction} disagrees with n / N = ${n}/${N}`);
    }
  } else if (samplingFraction !== undefined) {
    if (!(samplingFraction > 0 && samplingFraction <= 1)) {
      throw new Error(`${who}: sampling fraction f must be in (0, 1], got ${samplingFraction}`);
    }
    N = n / samplingFraction;
  } else {
    throw new Error(`${who}: give the population size N or the sampling fraction f`);
  }
  const sizesOut = Int32Array.from(keptSizes);
  const countsOut = Float64Array.from(keptCounts);
  const c1 = sizesOut[0] === 1 ? countsOut[0] : 0;
  const c2Index = sizesOut[0] === 2 ? 0 : sizesOut[1] === 2 ? 1 : -1;
  const c2 = c2Index >= 0 ? countsOut[c2Index] : 0;
  // Keep a given f as given (n / (n / f) can land one ulp off, and the decision rule compares f with 0.1).
  const f = populationSize !== undefined ? n / N : samplingFraction!;
  return { sizes: sizesOut, counts: countsOut, n, N, f, u, c1, c2 };
}

/** The integer population size the hypergeometric draw uses (ARX truncates n/f; tiny float error is rounded away). */
export function integerPopulation(N: number): number {
  const r = Math.round(N);
  return Math.abs(N - r) <= 1e-9 * N ? r : Math.floor(N);
}

/** A valid estimate of U. */
export function estimate(uniques: number, N: number, message?: string, parameters?: Record<string, number>): UniquenessEstimate {
  return { uniques, fraction: uniques / N, converged: true, ...(message ? { message } : {}), ...(parameters ? { parameters } : {}) };
}

/** No valid estimate, with the reason. */
export function failed(message: string, parameters?: Record<string, number>): UniquenessEstimate {
  return { uniques: null, fraction: null, converged: false, message, ...(parameters ? { parameters } : {}) };
}

/**
 * The two cases every model answers exactly: no sample uniques means no population uniques (a class
 * seen twice in the sample is at least that big in the population), and a census (f = 1) means the
 * sample uniques are the population uniques. Null when neither applies.
 */
export function exactCase(s: Sample): UniquenessEstimate | null {
  if (s.c1 === 0) return estimate(0, s.N, 'no sample uniques, so no population uniques');
  if (s.f === 1 || s.n === s.N) return estimate(s.c1, s.N, 'the sample is the whole population (f = 1): U = c1');
  return null;
}

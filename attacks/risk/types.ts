// Shared shapes of the risk measures (attacks/risk/). Browser-safe: no node:* imports.

/**
 * A table's quasi-identifiers, dictionary-coded: codes[j][i] is the value of quasi-identifier j for
 * record i as an index into dictionaries[j], or MISSING (-1) when the value is missing.
 */
export interface QiTable {
  readonly records: number;
  readonly names: readonly string[];
  readonly codes: readonly Int32Array[];
  readonly dictionaries: readonly (readonly string[])[];
}

export const MISSING = -1;

/** How missing values count: as a category of their own, or as wildcards matching any value (ARX, sdcMicro). */
export type MissingMode = 'category' | 'wildcard';

/**
 * The class-size histogram: sizeCounts[k] classes have size sizes[k] (sizes ascending, counts > 0).
 * The one summary that merges across shards (histograms of disjoint partitions add, class-histogram.ts)
 * and the one the uniqueness estimators read.
 */
export interface ClassHistogram {
  readonly sizes: Int32Array;
  readonly sizeCounts: Float64Array;
}

/**
 * The one summary every class-based measure is computed from.
 * In 'category' mode the classes partition the records and frequency[i] = classSize[classOf[i]].
 * In 'wildcard' mode frequency[i] counts every record that agrees with i on all quasi-identifiers
 * where both are present (so it is not a partition); classOf still groups identical records.
 */
export interface ClassSummary extends ClassHistogram {
  readonly records: number;
  readonly missing: MissingMode;
  /** Number of equivalence classes (distinct combinations, missing as its own value). */
  readonly classes: number;
  readonly classOf: Int32Array;
  readonly classSize: Int32Array;
  /** f_i: the sample frequency of each record's combination under the missing-value rule. */
  readonly frequency: Float64Array;
}

/** A figure with its meaning, as every output shows it (DESIGN contract 6). */
export interface Explained<T = number | null> {
  readonly value: T;
  /** One sentence: what the number means for a person in the data. */
  readonly explanation: string;
}

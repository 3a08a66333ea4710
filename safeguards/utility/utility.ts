// What a release costs its users: records suppressed, columns removed, how far each kept column's
// distribution moved (total variation), and the error of a count workload. Browser-safe.
import type { Table } from '../../src/table/table.ts';
import { distributionOf, totalVariation } from './distributions.ts';
import { workloadError, type WorkloadError } from './workload.ts';

export interface Utility {
  readonly rowsIn: number;
  readonly rowsOut: number;
  /** The release is a table of counts (cell suppression, DP counts), not records. */
  readonly countTable: boolean;
  /** Share of the original records not in the release (0 for a count table, which has no records). */
  readonly suppressionRate: number;
  readonly columnsRemoved: readonly string[];
  /** Per column kept: total-variation distance of its values, original vs released (1 = nothing in common, as when generalised). */
  readonly distance: Readonly<Record<string, number>>;
  readonly workload: readonly WorkloadError[];
}

/** Utility of `release` against `original`; `workload` lists the column sets of the count queries. */
export function utilityOf(original: Table, release: Table, workload: readonly (readonly string[])[] = []): Utility {
  const countTable = release.names.includes('count') && !original.names.includes('count');
  const kept = original.names.filter((n) => release.names.includes(n));
  const distance = countTable ? {} : Object.fromEntries(kept.map((n) => [n, totalVariation(distributionOf(original, n), distributionOf(release, n))]));
  return {
    rowsIn: original.rows,
    rowsOut: release.rows,
    countTable,
    suppressionRate: countTable ? 0 : Math.max(0, 1 - release.rows / Math.max(1, original.rows)),
    columnsRemoved: original.names.filter((n) => !release.names.includes(n)),
    distance,
    workload: workload.map((cols) => workloadError(original, release, cols)),
  };
}

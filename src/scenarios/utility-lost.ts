// What a release costs, as one scalar a frontier can plot: the share of the standard workload's answers
// lost (safeguards/utility/standard-workload.ts), or, for a table the workload does not apply to, the
// mean total-variation distance of its columns' marginals (a removed column counting 1). Browser-safe.
import { workloadLoss } from '../../safeguards/utility/standard-workload.ts';
import { distributionOf, totalVariation } from '../../safeguards/utility/distributions.ts';
import type { Table } from '../table/table.ts';
import { percent } from '../report/numbers.ts';
import type { UtilityLost } from './result.ts';

/** Utility lost by releasing `release` instead of `original` (null: nothing was released). */
export function utilityLost(original: Table, release: Table | null): UtilityLost {
  if (!release) return { lost: 1, suppressionRate: 1, columnsRemoved: [...original.names], queries: [], sentence: 'Nothing was released, so nothing can be learnt from it.' };
  const countTable = release.names.includes('count') && !original.names.includes('count');
  const suppressionRate = countTable ? 0 : Math.max(0, 1 - release.rows / Math.max(1, original.rows));
  const columnsRemoved = countTable ? [] : original.names.filter((n) => !release.names.includes(n));
  let queries: UtilityLost['queries'] = workloadLoss(original, release).map((q) => ({ query: q.query, lost: q.lost, meanRelativeError: q.meanRelativeError }));
  if (!queries.length) {
    const perColumn = original.names.map((n) => (release.names.includes(n) ? totalVariation(distributionOf(original, n), distributionOf(release, n)) : 1));
    queries = [{ query: 'column marginals (total variation)', lost: perColumn.reduce((a, b) => a + b, 0) / Math.max(1, perColumn.length), meanRelativeError: null }];
  }
  const lost = queries.reduce((a, q) => a + q.lost, 0) / queries.length;
  const sentence =
    lost === 0 && suppressionRate === 0
      ? 'Every answer of the standard workload is what the original gives.'
      : `${percent(lost)} of the standard workload's answers are lost or wrong` +
        (suppressionRate > 0 ? `; ${percent(suppressionRate)} of the records were suppressed` : '') +
        (columnsRemoved.length ? `; removed: ${columnsRemoved.join(', ')}` : '') +
        '.';
  return { lost, suppressionRate, columnsRemoved, queries, sentence };
}

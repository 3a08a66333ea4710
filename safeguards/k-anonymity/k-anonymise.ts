// k-anonymisation by optimal full-domain generalisation with record suppression: the safeguard. Finds the
// lattice node of least loss meeting the criteria within the suppression limit, generalises every
// quasi-identifier to its level, and suppresses the rows of failing classes. Browser-safe.
import { columnAtLevel } from '../generalise/apply.ts';
import { released, type Dataset, type Release } from '../types.ts';
import { takeRows, withColumn, type TextColumn } from '../../src/table/table.ts';
import { OptionError, resolveKAnonymity, type KAnonymityOptions } from './options.ts';
import { prepare } from './prepared.ts';
import { optimalNode } from './search.ts';

const MASK = '*';

/** A column with the suppressed rows set to '*'. */
function masked(c: TextColumn, suppressed: Uint8Array): TextColumn {
  let star = c.dictionary.indexOf(MASK);
  const dictionary = star < 0 ? [...c.dictionary, MASK] : c.dictionary;
  if (star < 0) star = c.dictionary.length;
  const codes = Int32Array.from(c.codes);
  for (let i = 0; i < codes.length; i++) if (suppressed[i]) codes[i] = star;
  return { kind: 'text', codes, dictionary };
}

export function kAnonymise(input: Dataset | Release, options: KAnonymityOptions): Release {
  const o = resolveKAnonymity(options);
  const p = prepare(input.table, o.quasiIdentifiers, o.hierarchies, o.sensitive);
  const maxSuppressed = Math.floor(o.suppressionLimit * p.rows);
  const best = optimalNode(p, o.criteria, maxSuppressed, o.metric);
  if (!best) {
    throw new OptionError('suppressionLimit', `no generalisation meets the criteria within the suppression limit ${o.suppressionLimit} (${maxSuppressed} rows), not even full generalisation`);
  }
  const { classes, fails } = best.outcome;
  const suppressed = new Uint8Array(p.rows);
  for (let i = 0; i < p.rows; i++) suppressed[i] = fails[classes.classOf[p.tupleOf[i]!]!]!;
  let table = input.table;
  o.quasiIdentifiers.forEach((name, j) => {
    const column = columnAtLevel(p.hierarchies[j]!.codes, p.hierarchies[j]!, best.levels[j]!);
    table = withColumn(table, name, o.suppression === 'mask' ? masked(column, suppressed) : column);
  });
  let truth = input.truth;
  if (o.suppression === 'remove') {
    const keep = Int32Array.from(suppressed.keys()).filter((i) => !suppressed[i]);
    table = takeRows(table, keep);
    truth = Int32Array.from(keep, (i) => input.truth[i]!);
  }
  let kept = 0;
  let smallest = Infinity;
  for (let g = 0; g < classes.classes; g++) {
    if (fails[g]) continue;
    kept++;
    smallest = Math.min(smallest, classes.size[g]!);
  }
  return released(input, table, truth, {
    safeguard: 'k-anonymity',
    parameters: {
      quasiIdentifiers: [...o.quasiIdentifiers],
      k: o.k,
      suppressionLimit: o.suppressionLimit,
      metric: o.metric,
      suppression: o.suppression,
      ...(o.sensitive ? { sensitive: o.sensitive } : {}),
      ...(o.criteria.lDiversity ? { lDiversity: o.criteria.lDiversity } : {}),
      ...(o.criteria.tCloseness ? { tCloseness: o.criteria.tCloseness } : {}),
    },
    summary: {
      levels: Object.fromEntries(o.quasiIdentifiers.map((q, j) => [q, best.levels[j]!])),
      informationLoss: best.informationLoss,
      suppressed: best.outcome.suppressed,
      classes: kept,
      smallestClass: kept ? smallest : 0,
      latticeNodes: best.nodes,
      nodesChecked: best.checked,
    },
  });
}

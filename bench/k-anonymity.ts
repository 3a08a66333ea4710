// k-anonymity on a generated world's people: the optimal full-domain search (k = 5, 4% suppression,
// non-uniform entropy) on 30,000 records x 9 quasi-identifiers beside brute force over the whole
// lattice (every node checked and scored: the naive baseline), and Mondrian on 1,000,000 records beside
// one grouping pass over the same rows (the least any k-anonymiser must do: find the classes), with local
// (cell) suppression to the same k on the same rows for comparison.
import { generateWorld, planWorld } from '../generators/world.ts';
import { groupTuples } from '../attacks/risk/group-tuples.ts';
import { kAnonymise } from '../safeguards/k-anonymity/k-anonymise.ts';
import { mondrian } from '../safeguards/k-anonymity/mondrian.ts';
import { localSuppression } from '../safeguards/suppress/local-suppression.ts';
import { hierarchiesFor } from '../safeguards/k-anonymity/hierarchies-for.ts';
import { prepare } from '../safeguards/k-anonymity/prepared.ts';
import { latticeOf, levelsOf } from '../safeguards/k-anonymity/lattice.ts';
import { outcomeOf } from '../safeguards/k-anonymity/search.ts';
import { informationLoss } from '../safeguards/k-anonymity/metrics.ts';
import { plainColumn } from '../src/table/schema.ts';
import { tableOf, textColumn, type Table, type TextColumn } from '../src/table/table.ts';

const QIS = ['zip', 'sex', 'birth_date', 'age', 'race_ethnicity', 'immigration_status', 'state', 'disabled', 'esrd'];

/** The named people columns of a generated world, as text. */
function peopleTable(n: number, names: readonly string[]): Table {
  const plan = planWorld({ seed: 1, people: n });
  const values = new Map(names.map((c) => [c, [] as (string | null)[]]));
  const index = plan.schemas.people.columns.map((c) => c.name);
  for (const b of generateWorld(plan, { start: 0, end: n, tables: new Set(['people']) })) {
    for (const name of names) {
      const col = plainColumn(b.chunks.people!.columns[index.indexOf(name)]!);
      const out = values.get(name)!;
      for (let i = 0; i < col.length; i++) out.push(col[i] === null ? null : String(col[i]));
    }
  }
  return tableOf(Object.fromEntries(names.map((c) => [c, textColumn(values.get(c)!)])));
}

export interface KAnonymityBench {
  records: number;
  optimalSeconds: number;
  bruteSeconds: number;
  latticeNodes: number;
  sameLoss: boolean;
  mondrianRecords: number;
  mondrianSeconds: number;
  groupingSeconds: number;
  localSuppressionSeconds: number;
  /** Cells local suppression set to '*', of mondrianRecords x 3. */
  cellsSuppressed: number;
}

export function benchKAnonymity(records: number, mondrianRecords: number): KAnonymityBench {
  const table = peopleTable(records, QIS);
  const hierarchies = hierarchiesFor(table, QIS);
  const input = { table, truth: new Int32Array(records) };
  let t0 = performance.now();
  const release = kAnonymise(input, { quasiIdentifiers: QIS, hierarchies, k: 5, suppressionLimit: 0.04 });
  const optimalSeconds = (performance.now() - t0) / 1000;

  t0 = performance.now();
  const p = prepare(table, QIS, hierarchies);
  const lattice = latticeOf(p.hierarchies.map((h) => h.height));
  const max = Math.floor(0.04 * records);
  let best = Infinity;
  for (let node = 0; node < lattice.size; node++) {
    const levels = levelsOf(lattice, node);
    const outcome = outcomeOf(p, levels, { k: 5 });
    if (outcome.suppressed <= max) best = Math.min(best, informationLoss('entropy', p, levels, () => outcome));
  }
  const bruteSeconds = (performance.now() - t0) / 1000;
  const loss = release.applied.at(-1)!.summary.informationLoss as number;

  const big = peopleTable(mondrianRecords, ['zip', 'birth_date', 'age']);
  t0 = performance.now();
  mondrian({ table: big, truth: new Int32Array(mondrianRecords) }, { quasiIdentifiers: ['zip', 'birth_date', 'age'], k: 5 });
  const mondrianSeconds = (performance.now() - t0) / 1000;
  t0 = performance.now();
  const cols = big.names.map((n) => (big.columns[n] as TextColumn).codes);
  groupTuples(cols, big.names.map((n) => (big.columns[n] as TextColumn).dictionary.length + 1), mondrianRecords);
  const groupingSeconds = (performance.now() - t0) / 1000;
  t0 = performance.now();
  const local = localSuppression({ table: big, truth: new Int32Array(mondrianRecords) }, { quasiIdentifiers: ['zip', 'birth_date', 'age'], k: 5 });
  const localSuppressionSeconds = (performance.now() - t0) / 1000;
  const cellsSuppressed = local.applied.at(-1)!.summary.totalCellsSuppressed as number;
  return {
    records, optimalSeconds, bruteSeconds, latticeNodes: lattice.size, sameLoss: Math.abs(best - loss) <= 1e-9 * Math.max(1, Math.abs(loss)),
    mondrianRecords, mondrianSeconds, groupingSeconds, localSuppressionSeconds, cellsSuppressed,
  };
}

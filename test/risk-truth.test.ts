// Estimators against the truth on a generated world: a 10% sample of the complete 2010 population of
// Delaware, where the true population uniques are counted, not estimated.
import { beforeAll, describe, expect, test } from 'vitest';
import { analyseRisk } from '../attacks/risk/analyse.ts';
import { qiFromArrays } from './helpers/qi.ts';
import type { QiTable } from '../attacks/risk/types.ts';
import { generateWorld, planWorld } from '../generators/world.ts';
import { sampleIndices } from '../src/random/sample.ts';
import { plainColumn, type Cell } from '../src/table/schema.ts';

const COLUMNS = ['zip', 'sex', 'age', 'birth_date'];
let population: Record<string, Cell[]>;

beforeAll(() => {
  const plan = planWorld({ seed: 2, states: ['DE'], scale: 1, calibration: 'census2010' });
  population = Object.fromEntries(COLUMNS.map((c) => [c, [] as Cell[]]));
  const index = COLUMNS.map((c) => plan.schemas.people.columns.findIndex((s) => s.name === c));
  for (const b of generateWorld(plan, { start: 0, end: plan.totalPeople, tables: new Set(['people']), batchSize: 100_000 })) {
    COLUMNS.forEach((c, k) => {
      const col = plainColumn(b.chunks.people!.columns[index[k]!]!);
      for (let i = 0; i < col.length; i++) population[c]!.push(col[i]!);
    });
  }
}, 120_000);

function tables(qis: string[], fraction: number): { sample: QiTable; full: QiTable } {
  const N = population.zip!.length;
  const rows = sampleIndices(N, Math.round(fraction * N), 9);
  const full = qiFromArrays(qis, qis.map((c) => population[c]!));
  const sample = qiFromArrays(qis, qis.map((c) => Array.from(rows, (r) => population[c]![r]!)));
  return { sample, full };
}

/** Independent count: people alone in the population on the QIs (a Map over joined text). */
function trueUniques(qis: string[]): number {
  const counts = new Map<string, number>();
  const N = population.zip!.length;
  for (let i = 0; i < N; i++) {
    const key = qis.map((c) => population[c]![i]).join('|');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  let u = 0;
  for (const c of counts.values()) if (c === 1) u++;
  return u;
}

describe('estimators vs truth (10% sample of complete Delaware, census 2010)', () => {
  test('ZIP + sex + birth date: ~64% of Delawareans are unique; the truth is counted exactly', () => {
    const qis = ['zip', 'sex', 'birth_date'];
    const { sample, full } = tables(qis, 0.1);
    const r = analyseRisk({ qi: sample, population: full, bootstrap: 0 });
    expect(r.truth!.populationUniques).toBe(trueUniques(qis));
    expect(r.truth!.populationUniqueness).toBeGreaterThan(0.6);
    expect(r.truth!.populationUniqueness).toBeLessThan(0.7);
    // A sample unique is often not unique in the population: the reason a unique match can be wrong.
    expect(r.truth!.sampleUniquesThatArePopulationUnique).toBeGreaterThan(0.55);
    expect(r.truth!.sampleUniquesThatArePopulationUnique).toBeLessThan(0.8);
    // Estimators are reported with their error against the truth (they overshoot on such sparse keys).
    for (const k of ['zayatz', 'snb', 'dankar']) expect(r.truth!.estimatorErrors[k]).not.toBeNull();
  });

  test('ZIP + sex + age: the decision rule lands within 20% of the true number of population uniques', () => {
    const qis = ['zip', 'sex', 'age'];
    const { sample, full } = tables(qis, 0.1);
    const r = analyseRisk({ qi: sample, population: full, bootstrap: 0 });
    const truth = trueUniques(qis) / full.records;
    expect(r.truth!.populationUniqueness).toBeCloseTo(truth, 12);
    expect(Math.abs(r.populationUniqueness!.dankar! - truth) / truth).toBeLessThan(0.2);
  });

  test('journalist risk never exceeds prosecutor risk; marketer equals the mean of f/F per record', () => {
    const { sample, full } = tables(['zip', 'sex', 'age'], 0.05);
    const r = analyseRisk({ qi: sample, population: full, bootstrap: 0 });
    expect(r.journalist!.averageRisk).toBeLessThanOrEqual(r.prosecutor.averageRisk);
    const F = r.perRecord.populationClassSize!;
    let m = 0;
    for (let i = 0; i < F.length; i++) m += 1 / F[i]!;
    expect(r.marketer!.risk).toBeCloseTo(m / F.length, 12);
  });
});

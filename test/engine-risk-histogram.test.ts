// The DuckDB engine's report is computed from histograms alone; on any table it equals analyseRisk's
// figures (property test), with the histograms counted here by a naive loop over the rows.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { analyseRisk } from '../attacks/risk/analyse.ts';
import { journalistFromPairs, prosecutorFromHistogram, riskReportFromHistograms } from '../src/engine/risk-report.ts';
import { qiFromArrays } from './helpers/qi.ts';

type Row = readonly (number | null)[];

/** size -> classes, naively: a Map of the rows' joined values. */
function naiveHistogram(rows: readonly Row[]) {
  const classes = new Map<string, number>();
  for (const r of rows) classes.set(JSON.stringify(r), (classes.get(JSON.stringify(r)) ?? 0) + 1);
  const bins = new Map<number, number>();
  for (const s of classes.values()) bins.set(s, (bins.get(s) ?? 0) + 1);
  const sizes = [...bins.keys()].sort((a, b) => a - b);
  return { classes, histogram: { sizes: Int32Array.from(sizes), sizeCounts: Float64Array.from(sizes, (s) => bins.get(s)!) } };
}

const row = fc.array(fc.option(fc.integer({ min: 0, max: 3 }), { nil: null, freq: 6 }), { minLength: 2, maxLength: 2 });

function close(a: unknown, b: unknown, path = ''): void {
  if (typeof a === 'number' && typeof b === 'number') expect(Math.abs(a - b), path).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(a)));
  else if (a && b && typeof a === 'object' && typeof b === 'object') for (const k of Object.keys(a)) close((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`);
  else expect(b, path).toEqual(a);
}

describe('risk figures from histograms equal analyseRisk', () => {
  test('prosecutor, estimators, journalist and truth, on random tables and populations', () => {
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 40 }), fc.array(row, { maxLength: 60 }), fc.double({ min: 0, max: 1, noNaN: true }), (sample, extra, threshold) => {
        fc.pre([0, 1].every((j) => sample.some((r) => r[j] !== null))); // the memory engine refuses an all-missing quasi-identifier (engine-cli tests the DuckDB engine's refusal)
        const population = [...sample, ...extra];
        const q = (rows: readonly Row[]) => qiFromArrays(['a', 'b'], [rows.map((r) => r[0]), rows.map((r) => r[1])]);
        const memory = analyseRisk({ qi: q(sample), population: q(population), threshold, bootstrap: 0 });
        const s = naiveHistogram(sample);
        const p = naiveHistogram(population);
        const pairs = new Map<string, number>();
        for (const [key, f] of s.classes) {
          const k = `${f}|${p.classes.get(key)}`;
          pairs.set(k, (pairs.get(k) ?? 0) + 1);
        }
        const keys = [...pairs.keys()].map((k) => k.split('|').map(Number));
        const paired = { classSize: Float64Array.from(keys, (k) => k[0]!), populationSize: Float64Array.from(keys, (k) => k[1]!), classes: Float64Array.from([...pairs.values()]) };
        const fromHistograms = riskReportFromHistograms({ sample: s.histogram, threshold, population: { histogram: p.histogram, paired } });
        const { perRecord: _a, ...m } = memory;
        const { perRecord: _b, ...h } = fromHistograms;
        close(m, h);
      }),
      { numRuns: 200 },
    );
  });
  test('a class missing from the population is an error, as in journalistRisk', () => {
    expect(() => journalistFromPairs({ classSize: Float64Array.of(1), populationSize: Float64Array.of(0), classes: Float64Array.of(2) }, 2, 0.09)).toThrow(/do not occur in the population/);
  });
  test('a hand-counted histogram: sizes 1 x3, 2 x1, 5 x1 (10 records)', () => {
    const r = prosecutorFromHistogram({ sizes: Int32Array.of(1, 2, 5), sizeCounts: Float64Array.of(3, 1, 1) }, 0.3);
    expect(r).toMatchObject({ records: 10, classes: 5, averageRisk: 0.5, highestRisk: 1, lowestRisk: 0.2, sampleUniques: 3, minClassSize: 1 });
    expect(r.recordsAtRisk).toBeCloseTo(0.5, 15); // 3 uniques + 2 records of risk 1/2 > 0.3
  });
});

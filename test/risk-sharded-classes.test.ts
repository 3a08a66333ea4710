// The memory engine's mergeable class summaries: shards merged (hash partitions or partitions by a
// quasi-identifier every class respects) give the whole's class-size histogram; checked against a
// naive count of string keys, and against classSummary (the one histogram of the risk measures).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addHistograms, histogramFigures, histogramOfClassSizes, histogramOfKeysInPlace, recordsInClassesBelow } from '../attacks/risk/class-histogram.ts';
import { classCountsOfKeys, mergeClassCounts } from '../attacks/risk/class-counts.ts';
import { keySpace, packCodes } from '../attacks/risk/packed-keys.ts';
import { hashPartitions, ShardedClassSummary } from '../attacks/risk/sharded-classes.ts';
import { classSummary } from '../attacks/risk/classes.ts';
import type { ClassHistogram } from '../attacks/risk/types.ts';

const RADICES = [7, 2, 12]; // ZIP, sex, birth day: small, so classes of several records occur

/** Records as three code columns, with a shard for each. */
const records = fc
  .integer({ min: 1, max: 400 })
  .chain((n) =>
    fc.record({
      zip: fc.array(fc.integer({ min: 0, max: RADICES[0]! - 1 }), { minLength: n, maxLength: n }),
      sex: fc.array(fc.integer({ min: 0, max: 1 }), { minLength: n, maxLength: n }),
      day: fc.array(fc.integer({ min: 0, max: RADICES[2]! - 1 }), { minLength: n, maxLength: n }),
      shards: fc.integer({ min: 1, max: 6 }).chain((s) => fc.array(fc.integer({ min: 0, max: s - 1 }), { minLength: n, maxLength: n })),
      partitions: fc.integer({ min: 1, max: 9 }),
    }),
  );
type Records = { zip: number[]; sex: number[]; day: number[]; shards: number[]; partitions: number };

/** The naive histogram: a Map of string keys, then a Map of class sizes. */
function naiveHistogram(r: { zip: number[]; sex: number[]; day: number[] }, rows: number[]): { sizes: number[]; counts: number[] } {
  const classes = new Map<string, number>();
  for (const i of rows) {
    const k = `${r.zip[i]}|${r.sex[i]}|${r.day[i]}`;
    classes.set(k, (classes.get(k) ?? 0) + 1);
  }
  const bySize = new Map<number, number>();
  for (const s of classes.values()) bySize.set(s, (bySize.get(s) ?? 0) + 1);
  const sizes = [...bySize.keys()].sort((a, b) => a - b);
  return { sizes, counts: sizes.map((s) => bySize.get(s)!) };
}

const plain = (h: ClassHistogram) => ({ sizes: [...h.sizes], counts: [...h.sizeCounts] });
const allRows = (r: Records) => r.zip.map((_, i) => i);

function shardRows(r: Records): number[][] {
  const out: number[][] = [];
  r.shards.forEach((s, i) => (out[s] ??= []).push(i));
  return out.filter((rows) => rows !== undefined);
}

function keysOf(r: Records, rows: number[]): Float64Array {
  const out = new Float64Array(rows.length);
  packCodes([rows.map((i) => r.zip[i]!), rows.map((i) => r.sex[i]!), rows.map((i) => r.day[i]!)], RADICES, rows.length, out);
  return out;
}

describe('sharded class summaries', () => {
  it('hash partitions: shards merged give the whole histogram, whatever the split and partition count', () => {
    fc.assert(
      fc.property(records, (r) => {
        const summary = new ShardedClassSummary(r.partitions);
        for (const rows of shardRows(r)) {
          const keys = keysOf(r, rows);
          summary.addShard(keys, hashPartitions(keys, r.partitions));
        }
        expect(plain(summary.histogram())).toEqual(naiveHistogram(r, allRows(r)));
      }),
      { numRuns: 150 },
    );
  });

  it('partitions by a quasi-identifier (the ZIP): shards merged give the whole histogram, and each partition its own rows\' histogram', () => {
    fc.assert(
      fc.property(records, (r) => {
        const summary = new ShardedClassSummary(RADICES[0]!);
        for (const rows of shardRows(r)) summary.addShard(keysOf(r, rows), Int32Array.from(rows, (i) => r.zip[i]!));
        expect(plain(summary.histogram())).toEqual(naiveHistogram(r, allRows(r)));
        for (let z = 0; z < RADICES[0]!; z++) {
          const rows = allRows(r).filter((i) => r.zip[i] === z);
          expect(plain(summary.partitionHistogram(z))).toEqual(naiveHistogram(r, rows));
        }
      }),
      { numRuns: 150 },
    );
  });

  it('per-shard summaries merged (each shard summarised apart, then merged) equal the whole', () => {
    fc.assert(
      fc.property(records, (r) => {
        const merged = new ShardedClassSummary(r.partitions);
        for (const rows of shardRows(r)) {
          const own = new ShardedClassSummary(r.partitions);
          const keys = keysOf(r, rows);
          own.addShard(keys, hashPartitions(keys, r.partitions));
          merged.merge(own);
        }
        expect(plain(merged.histogram())).toEqual(naiveHistogram(r, allRows(r)));
      }),
      { numRuns: 100 },
    );
  });

  it('histograms of disjoint partitions add up to the whole (as bench:scale adds states)', () => {
    fc.assert(
      fc.property(records, (r) => {
        const parts = Array.from({ length: RADICES[0]! }, (_, z) => allRows(r).filter((i) => r.zip[i] === z)).filter((rows) => rows.length > 0);
        const added = addHistograms(parts.map((rows) => histogramOfKeysInPlace(keysOf(r, rows))));
        expect(plain(added)).toEqual(naiveHistogram(r, allRows(r)));
      }),
      { numRuns: 150 },
    );
  });

  it('merged class counts equal the counts of the union', () => {
    fc.assert(
      fc.property(records, (r) => {
        const rows = allRows(r);
        const half = rows.filter((i) => r.shards[i]! % 2 === 0);
        const rest = rows.filter((i) => r.shards[i]! % 2 === 1);
        const merged = mergeClassCounts(classCountsOfKeys(keysOf(r, half)), classCountsOfKeys(keysOf(r, rest)));
        const whole = classCountsOfKeys(keysOf(r, rows));
        expect([...merged.keys]).toEqual([...whole.keys]);
        expect([...merged.counts]).toEqual([...whole.counts]);
      }),
      { numRuns: 100 },
    );
  });
});

describe('one class histogram', () => {
  it('packed keys give the same histogram as classSummary on the same records', () => {
    fc.assert(
      fc.property(records, (r) => {
        const table = {
          records: r.zip.length,
          names: ['zip', 'sex', 'day'],
          codes: [Int32Array.from(r.zip), Int32Array.from(r.sex), Int32Array.from(r.day)],
          dictionaries: RADICES.map((n) => Array.from({ length: n }, (_, k) => String(k))),
        };
        const s = classSummary(table);
        const h = histogramOfKeysInPlace(keysOf(r, allRows(r)));
        expect(plain(h)).toEqual({ sizes: [...s.sizes], counts: [...s.sizeCounts] });
        expect(plain(histogramOfClassSizes(s.classSize))).toEqual(plain(h));
      }),
      { numRuns: 100 },
    );
  });

  it('figures: uniques, their share and records in classes below k match a naive count', () => {
    fc.assert(
      fc.property(records, fc.integer({ min: 1, max: 6 }), (r, k) => {
        const f = histogramFigures(histogramOfKeysInPlace(keysOf(r, allRows(r))));
        const classes = new Map<string, number>();
        r.zip.forEach((_, i) => classes.set(`${r.zip[i]}|${r.sex[i]}|${r.day[i]}`, (classes.get(`${r.zip[i]}|${r.sex[i]}|${r.day[i]}`) ?? 0) + 1));
        const sizes = [...classes.values()];
        const uniques = sizes.filter((s) => s === 1).length;
        expect(f.records).toBe(r.zip.length);
        expect(f.classes).toBe(classes.size);
        expect(f.uniques).toBe(uniques);
        expect(f.uniqueShare).toBe(uniques / r.zip.length);
        expect(f.largestClass).toBe(Math.max(...sizes));
        expect(recordsInClassesBelow(histogramOfKeysInPlace(keysOf(r, allRows(r))), k)).toBe(sizes.filter((s) => s < k).reduce((a, s) => a + s, 0));
      }),
      { numRuns: 100 },
    );
  });
});

describe('errors', () => {
  it('refuses codes outside their radix and key spaces past 2^53', () => {
    expect(() => packCodes([[0, 7]], [7], 2, new Float64Array(2))).toThrow(/code 7 of record 1 in column 0 is not in \[0, 7\)/);
    expect(() => keySpace([2 ** 30, 2 ** 30])).toThrow(/exceed exact 53-bit keys/);
  });

  it('refuses records for a closed partition, and partitions out of range', () => {
    const s = new ShardedClassSummary(2);
    s.addShard(Float64Array.of(1, 2), Int32Array.of(0, 1));
    s.partitionHistogram(0, true);
    expect(() => s.addShard(Float64Array.of(1), Int32Array.of(0))).toThrow(/partition 0 was closed/);
    expect(() => s.addShard(Float64Array.of(1), Int32Array.of(2))).toThrow(/partition 2, not in \[0, 2\)/);
    expect(() => histogramOfClassSizes([1, 0])).toThrow(/class 1 has size 0/);
  });
});

// Class summaries that merge across shards. Records are routed to partitions that every class respects
// (a quasi-identifier's code such as the state or the ZIP, or a hash of the packed key), so rows of one
// class from any shard meet in one partition; each partition keeps exact class counts, and the
// histogram of the whole is the sum of the partitions' histograms (disjoint partitions add).
// Browser-safe.
import { addHistograms } from './class-histogram.ts';
import { classCountsOfKeys, histogramOfClassCounts, mergeClassCounts, NO_CLASSES, type ClassCounts } from './class-counts.ts';
import { groupByCode, hashKey } from './group-tuples.ts';
import type { ClassHistogram } from './types.ts';

/** The partition of each key by its hash: equal keys, wherever they come from, go to the same partition. */
export function hashPartitions(keys: Float64Array, partitions: number): Int32Array {
  checkPartitions(partitions);
  const out = new Int32Array(keys.length);
  for (let i = 0; i < keys.length; i++) out[i] = (hashKey(keys[i]!) >>> 0) % partitions;
  return out;
}

/**
 * Exact class counts per partition, fed shard by shard. A partition closed (its rows all seen) gives
 * its histogram and frees its counts; memory is then bounded by the open partitions' classes.
 */
export class ShardedClassSummary {
  private readonly counts: (ClassCounts | null)[];
  private readonly closed: (ClassHistogram | null)[];

  constructor(readonly partitions: number) {
    checkPartitions(partitions);
    this.counts = Array.from({ length: partitions }, () => NO_CLASSES);
    this.closed = Array.from({ length: partitions }, () => null);
  }

  /** Adds a shard's records: keys[i] is record i's packed key, partition[i] its partition (a code every class respects, or hashPartitions). */
  addShard(keys: Float64Array, partition: Int32Array): void {
    if (partition.length !== keys.length) throw new Error(`addShard: ${keys.length} keys but ${partition.length} partitions`);
    for (let i = 0; i < partition.length; i++) {
      const p = partition[i]!;
      if (!(p >= 0 && p < this.partitions)) throw new Error(`addShard: record ${i} is in partition ${p}, not in [0, ${this.partitions})`);
    }
    const { start, order } = groupByCode(partition, this.partitions);
    for (let p = 0; p < this.partitions; p++) {
      const a = start[p]!;
      const b = start[p + 1]!;
      if (a === b) continue;
      if (this.counts[p] === null) throw new Error(`addShard: partition ${p} was closed; a class must not span a closed partition`);
      const part = new Float64Array(b - a);
      for (let t = a; t < b; t++) part[t - a] = keys[order[t]!]!;
      this.counts[p] = mergeClassCounts(this.counts[p]!, classCountsOfKeys(part));
    }
  }

  /** Merges another summary of the same partitioning (other shards' records) into this one. */
  merge(other: ShardedClassSummary): void {
    if (other.partitions !== this.partitions) throw new Error(`merge: ${other.partitions} partitions against ${this.partitions}`);
    for (let p = 0; p < this.partitions; p++) {
      const o = other.counts[p];
      if (o === null || this.counts[p] === null) throw new Error(`merge: partition ${p} is closed`);
      this.counts[p] = mergeClassCounts(this.counts[p]!, o);
    }
  }

  /** The histogram of partition p's classes; closing it frees its counts (later records for it are refused). */
  partitionHistogram(p: number, close = false): ClassHistogram {
    const done = this.closed[p];
    if (done) return done;
    const h = histogramOfClassCounts(this.counts[p]!);
    if (close) {
      this.closed[p] = h;
      this.counts[p] = null;
    }
    return h;
  }

  /** The histogram of all records seen: the sum of the partitions' histograms. */
  histogram(): ClassHistogram {
    return addHistograms(Array.from({ length: this.partitions }, (_, p) => this.partitionHistogram(p)));
  }
}

function checkPartitions(partitions: number): void {
  if (!Number.isSafeInteger(partitions) || partitions < 1) throw new Error(`partitions must be a whole number >= 1, got ${partitions}`);
}

// Hash inversion speed: SHA-256 and MD5 of SSN candidates ('AAA-GG-SSSS') on one thread and on all cores,
// extrapolated to the whole 10^9 space, the issuable space and reident's synthetic space, beside an
// assumed GPU attacker. Target: the whole 10^9 space in under 10 minutes on 2 cores (1.67M hashes/s).
// Usage: npx tsx bench/hash.ts [seconds budget, default 30]
import { availableParallelism, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHash } from 'node:crypto';
import { scanTargets } from '../attacks/hash/invert.ts';
import { ISSUABLE_SPACE, SYNTHETIC_SPACE, WHOLE_SPACE, formatCandidate, ssnAt } from '../attacks/hash/ssn-space.ts';
import { targetSet, type HashAlgorithm } from '../attacks/hash/targets.ts';
import { invertHashesParallel } from '../src/io/hash-workers.ts';

/**
 * ASSUMED GPU rates (not measured here): a commodity GPU at ~10 GH/s for SHA-256 and ~50 GH/s for MD5.
 * These are deliberately below the hashcat-class benchmarks published for a current high-end consumer
 * card (hashcat -b modes 1400 / 0 on an RTX 4090 are reported at roughly 20 GH/s SHA-256 and 150 GH/s MD5).
 */
export const ASSUMED_GPU_HASHES_PER_SECOND: Record<'sha256' | 'md5', number> = { sha256: 10e9, md5: 50e9 };

export interface HashBenchRow {
  algorithm: 'sha256' | 'md5';
  threads: number;
  candidates: number;
  seconds: number;
  hashesPerSecond: number;
  /** Seconds to enumerate each space at this rate. */
  wholeSeconds: number;
  issuableSeconds: number;
  syntheticSeconds: number;
}

export interface HashBench {
  rows: HashBenchRow[];
  gpu: { algorithm: 'sha256' | 'md5'; assumedHashesPerSecond: number; wholeSeconds: number; issuableSeconds: number }[];
  /** The whole 10^9 space under 10 minutes with SHA-256 on this machine's cores (the target is set for 2 cores). */
  meetsTarget: boolean;
  notes: string[];
}

const FORMAT = 'dashed' as const;
const SLICE_START = 100_000_000; // somewhere inside the issuable space, away from its edges

/** Two targets: one SSN at the slice's last index (so the scan finds something and cannot stop early) and one absent. */
function benchTargets(algorithm: 'sha256' | 'md5', end: number): string[] {
  const h = (t: string) => createHash(algorithm).update(t).digest('hex');
  return [h(formatCandidate(ssnAt(ISSUABLE_SPACE, end - 1), FORMAT)), h('not an SSN')];
}

function row(algorithm: 'sha256' | 'md5', threads: number, candidates: number, seconds: number): HashBenchRow {
  const rate = candidates / seconds;
  return {
    algorithm, threads, candidates, seconds, hashesPerSecond: rate,
    wholeSeconds: WHOLE_SPACE.size / rate, issuableSeconds: ISSUABLE_SPACE.size / rate, syntheticSeconds: SYNTHETIC_SPACE.size / rate,
  };
}

function singleThread(algorithm: HashAlgorithm & ('sha256' | 'md5'), candidates: number): HashBenchRow {
  const end = SLICE_START + candidates;
  const set = targetSet(algorithm, benchTargets(algorithm, end));
  scanTargets(set, ISSUABLE_SPACE, { algorithm, format: FORMAT, start: SLICE_START, end: SLICE_START + 300_000 }); // warm-up
  const t0 = performance.now();
  const r = scanTargets(set, ISSUABLE_SPACE, { algorithm, format: FORMAT, start: SLICE_START, end });
  const seconds = (performance.now() - t0) / 1000;
  if (r.found.length !== 1) throw new Error(`${algorithm}: expected to find 1 SSN in the slice, found ${r.found.length}`);
  return row(algorithm, 1, r.tried, seconds);
}

/** Measures hashes/s within about `budgetSeconds` in all (each algorithm: 1 thread, then all cores). */
export async function benchHash(budgetSeconds = 30, workers = availableParallelism()): Promise<HashBench> {
  const rows: HashBenchRow[] = [];
  for (const algorithm of ['sha256', 'md5'] as const) {
    // A short probe sizes the measured slices to the budget: ~10% on one thread, ~35% on all cores.
    const probe = singleThread(algorithm, 500_000);
    const one = singleThread(algorithm, clamp(probe.hashesPerSecond * budgetSeconds * 0.1, 1e6, 20e6));
    rows.push(one);
    const candidates = clamp(one.hashesPerSecond * workers * budgetSeconds * 0.35, 2e6, 50e6);
    const end = SLICE_START + candidates;
    const r = await invertHashesParallel(benchTargets(algorithm, end), ISSUABLE_SPACE, { algorithm, format: FORMAT, start: SLICE_START, end, workers });
    if (r.found.length !== 1 || r.tried !== candidates) throw new Error(`${algorithm}: the parallel scan tried ${r.tried} and found ${r.found.length}`);
    rows.push(row(algorithm, r.workers, r.tried, r.scanSeconds));
  }
  const gpu = (['sha256', 'md5'] as const).map((algorithm) => {
    const rate = ASSUMED_GPU_HASHES_PER_SECOND[algorithm];
    return { algorithm, assumedHashesPerSecond: rate, wholeSeconds: WHOLE_SPACE.size / rate, issuableSeconds: ISSUABLE_SPACE.size / rate };
  });
  const [one, all] = rows.filter((r) => r.algorithm === 'sha256') as [HashBenchRow, HashBenchRow];
  const busy = all.threads > 1 && all.hashesPerSecond < 1.2 * one.hashesPerSecond;
  return {
    rows, gpu, meetsTarget: all.wholeSeconds < 600,
    notes: [
      `SHA-256 on ${all.threads} threads: the whole 10^9 space in ${duration(all.wholeSeconds)} (target < 10 min on 2 cores) ${all.wholeSeconds < 600 ? 'OK' : 'ABOVE TARGET'}`,
      ...(busy ? [`the all-cores rate is not above 1.2x the 1-thread rate: other processes were probably using the cores (load average ${loadavg()[0]!.toFixed(1)}); rerun on an idle machine`] : []),
      'GPU rates are assumptions, not measurements: ~10 GH/s SHA-256 and ~50 GH/s MD5 for a commodity GPU, below hashcat-class benchmarks for a high-end consumer card (RTX 4090: roughly 20 GH/s SHA-256, 150 GH/s MD5).',
      'Threads hash one-block messages in plain JS; time excludes thread start-up. A secret key (HMAC-SHA256) defeats all of this: see attacks/hash/hmac.ts.',
    ],
  };
}

const clamp = (x: number, lo: number, hi: number) => Math.round(Math.min(hi, Math.max(lo, x)));

function duration(s: number): string {
  if (s < 1) return `${(s * 1000).toFixed(0)} ms`;
  if (s < 120) return `${s.toFixed(1)} s`;
  if (s < 7200) return `${(s / 60).toFixed(1)} min`;
  return `${(s / 3600).toFixed(1)} h`;
}

export function formatHashBench(b: HashBench): string {
  const lines = [
    'algorithm  threads   candidates  seconds     hashes/s   whole 10^9   issuable   synthetic',
    ...b.rows.map((r) =>
      `${r.algorithm.padEnd(9)}  ${String(r.threads).padStart(7)}  ${r.candidates.toLocaleString('en-US').padStart(11)}  ${r.seconds.toFixed(2).padStart(7)}  ` +
      `${(r.hashesPerSecond / 1e6).toFixed(2).padStart(9)}M  ${duration(r.wholeSeconds).padStart(11)}  ${duration(r.issuableSeconds).padStart(9)}  ${duration(r.syntheticSeconds).padStart(10)}`,
    ),
    ...b.gpu.map((g) =>
      `${g.algorithm.padEnd(9)}  ${'GPU*'.padStart(7)}  ${'-'.padStart(11)}  ${'-'.padStart(7)}  ${(g.assumedHashesPerSecond / 1e9).toFixed(0).padStart(9)}G  ` +
      `${duration(g.wholeSeconds).padStart(11)}  ${duration(g.issuableSeconds).padStart(9)}  ${duration(SYNTHETIC_SPACE.size / g.assumedHashesPerSecond).padStart(10)}`,
    ),
    '* assumed rate, not measured',
    ...b.notes.map((n) => `- ${n}`),
  ];
  return lines.join('\n');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const budget = Number(process.argv[2] ?? 30);
  if (!(budget > 0)) throw new Error(`the budget must be a positive number of seconds, not '${process.argv[2]}'`);
  console.log(`hash inversion: SHA-256 and MD5 of 'AAA-GG-SSSS' candidates, budget ${budget} s, ${availableParallelism()} cores`);
  console.log(formatHashBench(await benchHash(budget)));
}

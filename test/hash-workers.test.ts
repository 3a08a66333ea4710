// The worker-thread driver (src/io/hash-workers.ts) finds what the single-thread scan finds.
import { createHash } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { invertHashes } from '../attacks/hash/invert.ts';
import { SYNTHETIC_SPACE, formatCandidate, ssnAt } from '../attacks/hash/ssn-space.ts';
import { invertHashesParallel } from '../src/io/hash-workers.ts';

const sha256 = (t: string) => createHash('sha256').update(t).digest('hex');
const md5 = (t: string) => createHash('md5').update(t).digest('hex');

describe('invertHashesParallel', () => {
  const start = 1_000_000;
  const end = 1_600_000;
  const ssns = [0.05, 0.31, 0.5, 0.77, 0.99].map((u) => ssnAt(SYNTHETIC_SPACE, start + Math.floor(u * (end - start))));

  test.each([['sha256', 'dashed'], ['md5', 'digits']] as const)('%s / %s: same results as the single-thread scan', async (algorithm, format) => {
    const hash = algorithm === 'md5' ? md5 : sha256;
    const targets = [...ssns.map((s) => hash(formatCandidate(s, format))), hash('not an ssn')];
    const single = invertHashes(targets, SYNTHETIC_SPACE, { algorithm, format, start, end });
    const progress: number[] = [];
    const parallel = await invertHashesParallel(targets, SYNTHETIC_SPACE, {
      algorithm, format, start, end, workers: 2, chunk: 50_000, onProgress: (p) => progress.push(p.tried),
    });
    expect(parallel.found).toEqual(single.found);
    expect(parallel.found).toHaveLength(5);
    expect(parallel.tried).toBe(end - start);
    expect(parallel.workers).toBe(2);
    expect(progress).toHaveLength(12);
    expect(progress.at(-1)).toBe(end - start);
    expect(parallel.hashesPerSecond).toBeGreaterThan(0);
  });

  test('stops early when every target is found', async () => {
    const early = ssnAt(SYNTHETIC_SPACE, start + 1000);
    const r = await invertHashesParallel([sha256(formatCandidate(early, 'digits'))], SYNTHETIC_SPACE, {
      algorithm: 'sha256', format: 'digits', start, end: start + 5_000_000, workers: 2, chunk: 100_000,
    });
    expect(r.found.map((f) => f.value)).toEqual([early]);
    expect(r.tried).toBeLessThan(1_000_000);
  });

  test('a bad digest fails before any thread starts', async () => {
    await expect(invertHashesParallel(['xyz'], SYNTHETIC_SPACE, { algorithm: 'sha256', format: 'digits' })).rejects.toThrow(/not a sha256 digest/);
  });
});

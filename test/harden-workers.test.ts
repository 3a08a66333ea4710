// `generate --workers N` really runs N worker threads, and their output is byte-identical to one thread;
// the progress of generation moves within a batch.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { planWorld } from '../generators/world.ts';
import { writeWorld } from '../src/io/world-writer.ts';
import { cli } from './helpers/cli.ts';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'reident-workers-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const WORLD = ['--people', '3000', '--seed', 'w', '--batch-size', '700', '--tables', 'people', '--quiet'];

describe('generate --workers', () => {
  test('--workers 2 generates on two worker threads and writes the bytes one thread writes', async () => {
    const one = await cli('generate', ...WORLD, '--workers', '1', '--out', join(dir, 'one'));
    const two = await cli('generate', ...WORLD, '--workers', '2', '--out', join(dir, 'two'));
    expect(one.code).toBe(0);
    expect(two.code).toBe(0);
    expect(one.stdout).toMatch(/people\/s on one thread\n$/);
    expect(two.stdout).toMatch(/people\/s on 2 worker threads\n$/);
    for (const file of ['people.csv', 'manifest.json']) {
      expect(await readFile(join(dir, 'two', file)), file).toEqual(await readFile(join(dir, 'one', file)));
    }
  });

  test('the writer reports one thread when there is only one batch to make', async () => {
    const plan = planWorld({ seed: 'w', people: 1000 });
    const result = await writeWorld(plan, { outDir: join(dir, 'w1'), format: 'csv', tables: ['people'], batchSize: 1000, workers: 2 });
    expect(result.threads).toBe(1);
  });

  test('a custom generator cannot run in worker threads: an error, not a silent single thread', async () => {
    const plan = planWorld({ seed: 'w', people: 100 });
    const world = await import('../generators/world.ts');
    const custom = { generateWorld: world.generateWorld, shardRange: world.shardRange };
    await expect(writeWorld(plan, { outDir: join(dir, 'c'), format: 'csv', tables: ['people'], workers: 2, source: custom })).rejects.toThrow(/custom source/);
  });
});

describe('generation progress', () => {
  test('moves several times per batch, never backwards, in one thread and on worker threads', async () => {
    const plan = planWorld({ seed: 'w', people: 3000 });
    for (const workers of [1, 2]) {
      const seen: number[] = [];
      // batches of 1,500 people, made in slices of 1,000 (slices.ts)
      const onProgress = (done: number, total: number) => seen.push(done / total);
      await writeWorld(plan, { outDir: join(dir, `p${workers}`), format: 'csv', tables: ['people'], batchSize: 1500, workers, onProgress });
      expect(seen.some((f) => f > 0 && f < 1 && (f * 3000) % 1500 !== 0), `workers ${workers}: ${seen}`).toBe(true);
      expect(seen).toEqual([...seen].sort((a, b) => a - b));
      expect(seen.at(-1)).toBe(1);
    }
  });
});


// `generate --workers N` really generates on N threads, and their output is byte-identical to one thread;
// the progress of generation moves within a batch.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { planWorld } from '../generators/world.ts';
import { writeWorld } from '../src/io/world-writer.ts';
import { csvBytes } from '../src/io/csv-bytes.ts';
import { parallelBatches } from '../src/io/parallel-batches.ts';
import { generateWorld } from '../generators/world.ts';
import { cli } from './helpers/cli.ts';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'reident-workers-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const WORLD = ['--people', '3000', '--seed', 'w', '--batch-size', '700', '--tables', 'people', '--quiet'];

describe('generate --workers', () => {
  test('--workers 2 generates on two threads (one a worker) and writes the bytes one thread writes', async () => {
    const one = await cli('generate', ...WORLD, '--workers', '1', '--out', join(dir, 'one'));
    const two = await cli('generate', ...WORLD, '--workers', '2', '--out', join(dir, 'two'));
    expect(one.code).toBe(0);
    expect(two.code).toBe(0);
    expect(one.stdout).toMatch(/people\/s on one thread\n$/);
    expect(two.stdout).toMatch(/people\/s on 2 threads\n$/);
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
  test('moves several times per batch and never backwards in one thread', async () => {
    const plan = planWorld({ seed: 'w', people: 3000 });
    const seen: number[] = [];
    // one batch of 3,000 people, made in slices of 1,000 (slices.ts)
    await writeWorld(plan, { outDir: join(dir, 'p1'), format: 'csv', tables: ['people'], batchSize: 3000, onProgress: (done) => seen.push(done) });
    expect(seen).toEqual([0, 1000, 2000, 3000]);
  });

  test('worker threads report every slice, and their bytes are the bytes made in this thread', async () => {
    const plan = planWorld({ seed: 'w', people: 3000 });
    const job = { plan, options: { seed: 'w', people: 3000 }, tables: ['people' as const], format: 'csv' as const };
    const seen: number[] = [];
    // here: false, so the two workers make every batch (this thread would otherwise take the first ones while they start)
    const batches = parallelBatches(job, { start: 0, end: 3000, batchSize: 1500 }, { threads: 2, here: false, onGenerated: (n) => seen.push(n) });
    const got: Uint8Array[] = [];
    for await (const b of batches) got.push(b.bytes.people!);
    const want = [...generateWorld(plan, { start: 0, end: 3000, tables: new Set(['people']), batchSize: 1500 })].map((b) => csvBytes(plan.schemas.people, b.chunks.people!));
    expect(got).toEqual(want);
    expect(seen.some((n) => n % 1500 !== 0), `${seen}`).toBe(true);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(seen.at(-1)).toBe(3000);
  });

  test('a worker that cannot start fails the run, even when this thread made every batch itself', async () => {
    const plan = planWorld({ seed: 'w', people: 1000 });
    const job = { plan, options: { seed: 'w', people: 1000 }, tables: ['people' as const], format: 'csv' as const };
    const broken = join(dir, 'broken-worker.js');
    writeFileSync(broken, "throw new Error('this worker cannot start');\n");
    const run = async () => {
      for await (const b of parallelBatches(job, { start: 0, end: 1000, batchSize: 1000 }, { threads: 2, workerModule: pathToFileURL(broken).href })) b.release();
    };
    await expect(run()).rejects.toThrow('this worker cannot start');
  });
});

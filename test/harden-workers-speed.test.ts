// What makes `generate --workers 2` pay off on two cores (bench: npm run bench -- --only workers):
// workers start from a plain-JS bundle (not tsx), and output buffers go round instead of being allocated per batch.
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { planWorld } from '../generators/world.ts';
import { csvBytes } from '../src/io/csv-bytes.ts';
import { BatchFormatter } from '../src/io/format-batch.ts';
import { HashedFile } from '../src/io/hashed-file.ts';
import { parallelBatches } from '../src/io/parallel-batches.ts';
import { bundleWorker } from '../src/io/worker-bundle.ts';
import { generateWorld } from '../generators/world.ts';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'reident-workers-speed-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** Runs a worker file and returns the first message it posts. */
async function firstMessage(file: URL): Promise<unknown> {
  const w = new Worker(file);
  try {
    return await new Promise((resolve, reject) => {
      w.once('message', resolve);
      w.once('error', reject);
    });
  } finally {
    await w.terminate();
  }
}

describe('worker bundle', () => {
  test('a TypeScript worker module runs from one plain-JS file, rebuilt only when one of its sources changes', async () => {
    const entry = join(dir, 'entry.ts');
    const dep = join(dir, 'dep.ts');
    await writeFile(dep, 'export const answer: number = 41;\n');
    await writeFile(entry, "import { parentPort } from 'node:worker_threads';\nimport { answer } from './dep.ts';\nparentPort!.postMessage(answer + 1);\n");
    const first = await bundleWorker(pathToFileURL(entry).href);
    expect(first.file.href).toMatch(/\.mjs$/);
    expect(await readFile(first.file, 'utf8')).not.toMatch(/\.ts['"]/);
    expect(await firstMessage(first.file)).toBe(42);

    const built = (await stat(first.file)).mtimeMs;
    const again = await bundleWorker(pathToFileURL(entry).href);
    expect(again.file.href).toBe(first.file.href);
    expect((await stat(again.file)).mtimeMs).toBe(built);

    await writeFile(dep, 'export const answer: number = 99;\n');
    const changed = await bundleWorker(pathToFileURL(entry).href);
    expect(changed.file.href).not.toBe(first.file.href);
    expect(await firstMessage(changed.file)).toBe(100);
    await expect(stat(first.file)).rejects.toThrow(/ENOENT/);
  });
});

describe('output buffers go round', () => {
  const plan = planWorld({ seed: 'b', people: 3000 });
  const want = (start: number, end: number) =>
    text(csvBytes(plan.schemas.people, [...generateWorld(plan, { start, end, tables: new Set(['people']) })][0]!.chunks.people!));
  // compared as text: toEqual walks typed arrays element by element (seconds for a few hundred kB)
  const text = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');

  test('a batch formatter writes its next batch into the buffer handed back, with the right bytes', () => {
    const formatter = new BatchFormatter(plan, ['people'], 'csv');
    const run = (start: number, end: number) => {
      const making = formatter.batch(start, end);
      let step = making.next();
      while (!step.done) step = making.next();
      return step.value.bytes.people!;
    };
    const first = run(0, 1000);
    expect(text(first)).toBe(want(0, 1000));
    formatter.recycle([first.buffer as ArrayBuffer]);
    const second = run(1000, 2000); // made in the other buffer
    const third = run(2000, 3000);
    expect(third.buffer).toBe(first.buffer);
    expect(text(second)).toBe(want(1000, 2000));
    expect(text(third)).toBe(want(2000, 3000));
  });

  test("worker threads' buffers go back to them on release, and their bytes are right", async () => {
    const job = { plan, options: { seed: 'b', people: 3000 }, tables: ['people' as const], format: 'csv' as const };
    const handedBack: number[] = [];
    for await (const b of parallelBatches(job, { start: 0, end: 3000, batchSize: 500 }, { threads: 1, here: false })) {
      expect(text(b.bytes.people!)).toBe(want(b.start, b.end));
      const buffer = b.bytes.people!.buffer;
      b.release();
      handedBack.push(buffer.byteLength); // 0: transferred back to the worker
    }
    expect(handedBack).toEqual([0, 0, 0, 0, 0, 0]);
  });

  test('a written file calls back once the bytes are on disk, so their buffer may be reused', async () => {
    const path = join(dir, 'hashed.txt');
    const file = new HashedFile(path);
    const bytes = new TextEncoder().encode('abc\n');
    await new Promise<void>((resolve) => void file.write(bytes, resolve));
    bytes.fill(120); // reused for other text after the callback
    await file.close();
    expect(await readFile(path, 'utf8')).toBe('abc\n');
  }, 5000);
});

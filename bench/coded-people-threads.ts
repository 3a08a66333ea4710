// Coded people columns (peopleBatch, no strings) on N worker threads started from the bundled worker
// module (src/io/worker-bundle.ts). The clock starts when every worker has warmed up and stops when the
// last batch is made; start-up is reported apart. Also `npx tsx bench/coded-people-threads.ts [--people N] [--threads T] [--batch B] [--v8-default]`.
import { Worker } from 'node:worker_threads';
import { workerEntry } from '../src/io/worker-bundle.ts';
import { siblingModule } from '../src/io/worker-module.ts';
import { allowDeeperInlining } from '../src/io/v8-inlining.ts';
import type { CodedPeopleJob, CodedPeopleReply } from './coded-people-worker.ts';

const WORKER_URL = siblingModule('coded-people-worker', import.meta.url);

export interface CodedPeopleRun {
  readonly people: number;
  /** From "go" to the last batch made. */
  readonly seconds: number;
  /** Start-up: bundle check, worker start, planning and warm-up, until every worker is ready. */
  readonly startSeconds: number;
  /** CPU seconds of the whole process (all threads) from "go" to the last batch (process.cpuUsage is per process, in a worker too). */
  readonly cpuSeconds: number;
}

export async function codedPeopleThreads(people: number, threads: number, batch = 50_000): Promise<CodedPeopleRun> {
  const t0 = performance.now();
  const entry = await workerEntry(WORKER_URL);
  const job: CodedPeopleJob = { people, batch, counter: new SharedArrayBuffer(4) };
  const workers = Array.from({ length: threads }, () =>
    'file' in entry ? new Worker(entry.file, { workerData: job }) : new Worker(entry.eval, { eval: true, workerData: job }),
  );
  try {
    const replies = (kind: 'ready' | 'done') =>
      Promise.all(
        workers.map(
          (w) =>
            new Promise<CodedPeopleReply>((resolve, reject) => {
              const on = (m: CodedPeopleReply) => {
                if (m.kind === 'failed') reject(new Error(`coded people worker failed: ${m.message}`));
                else if (m.kind === kind) {
                  w.off('message', on);
                  resolve(m);
                }
              };
              w.on('message', on);
              w.once('error', reject);
            }),
        ),
      );
    await replies('ready');
    const t1 = performance.now();
    const cpu = process.cpuUsage();
    const done = replies('done');
    for (const w of workers) w.postMessage('go');
    const results = (await done) as Extract<CodedPeopleReply, { kind: 'done' }>[];
    const t2 = performance.now();
    const used = process.cpuUsage(cpu);
    const made = results.reduce((s, r) => s + r.people, 0);
    if (made !== people) throw new Error(`coded people workers made ${made} people, expected ${people}`);
    return { people, seconds: (t2 - t1) / 1000, startSeconds: (t1 - t0) / 1000, cpuSeconds: (used.user + used.system) / 1e6 };
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (!process.argv.includes('--v8-default')) allowDeeperInlining(); // as the CLI does
  const flag = (name: string, fallback: number) => (process.argv.includes(`--${name}`) ? Number(process.argv[process.argv.indexOf(`--${name}`) + 1]) : fallback);
  const r = await codedPeopleThreads(flag('people', 2_000_000), flag('threads', 2), flag('batch', 5_000));
  console.log(JSON.stringify({ ...r, perSecond: Math.round(r.people / r.seconds) }));
}

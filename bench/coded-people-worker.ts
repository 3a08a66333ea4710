// A worker of the coded-people bench row: plans the world, warms up (vocabularies, alias tables, JIT),
// says ready, then on {go} claims batches from a shared counter and makes their coded columns
// (peopleBatch, no strings) until none is left. Replies: ready | done {people} | failed.
import { parentPort, workerData } from 'node:worker_threads';
import { planWorld } from '../generators/world.ts';
import { peopleBatch } from '../generators/population/people.ts';

export interface CodedPeopleJob {
  readonly people: number;
  readonly batch: number;
  readonly counter: SharedArrayBuffer;
}
export type CodedPeopleReply = { kind: 'ready' } | { kind: 'done'; people: number } | { kind: 'failed'; message: string };

const port = parentPort!;
try {
  const job = workerData as CodedPeopleJob;
  const counter = new Int32Array(job.counter);
  const plan = planWorld({ seed: 1, people: job.people });
  for (let a = 0; a < Math.min(job.people, 50_000); a += job.batch) peopleBatch(plan.context, a, Math.min(job.people, a + job.batch)); // warm-up, as the 1-thread row does
  port.once('message', () => {
    try {
      let made = 0;
      for (let id = Atomics.add(counter, 0, 1); id * job.batch < job.people; id = Atomics.add(counter, 0, 1)) {
        const a = id * job.batch;
        const b = Math.min(job.people, a + job.batch);
        peopleBatch(plan.context, a, b);
        made += b - a;
      }
      port.postMessage({ kind: 'done', people: made } satisfies CodedPeopleReply);
    } catch (e) {
      port.postMessage({ kind: 'failed', message: e instanceof Error ? (e.stack ?? e.message) : String(e) } satisfies CodedPeopleReply);
    }
  });
  port.postMessage({ kind: 'ready' } satisfies CodedPeopleReply);
} catch (e) {
  port.postMessage({ kind: 'failed', message: e instanceof Error ? (e.stack ?? e.message) : String(e) } satisfies CodedPeopleReply);
}

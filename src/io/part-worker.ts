// A worker thread that writes parts of a partitioned world (part-writer.ts), one at a time as the
// main thread hands them out. Messages in: {init}, then {part}; out: {ready} | {progress} | {done} | {failed}.
import { parentPort } from 'node:worker_threads';
import { planWorld } from '../../generators/world.ts';
import type { Part } from './partition-plan.ts';
import { PartWriter, type PartJob, type PartResult } from './part-writer.ts';

export interface PartWorkerInit {
  readonly init: PartJob;
}
export interface PartWorkerTask {
  readonly part: Part;
}
export type PartWorkerReply =
  | { kind: 'ready' }
  | { kind: 'progress'; id: string; people: number }
  | { kind: 'done'; result: PartResult }
  | { kind: 'failed'; id: string; message: string };

const port = parentPort!;
let writer: PartWriter | null = null;

port.on('message', (m: PartWorkerInit | PartWorkerTask) => {
  if ('init' in m) {
    try {
      writer = new PartWriter(planWorld(m.init.options), m.init);
      port.postMessage({ kind: 'ready' } satisfies PartWorkerReply);
    } catch (e) {
      port.postMessage({ kind: 'failed', id: '', message: (e as Error).message } satisfies PartWorkerReply);
    }
    return;
  }
  const { part } = m;
  writer!
    .write(part, (people) => port.postMessage({ kind: 'progress', id: part.id, people } satisfies PartWorkerReply))
    .then(
      (result) => port.postMessage({ kind: 'done', result } satisfies PartWorkerReply),
      (e: Error) => port.postMessage({ kind: 'failed', id: part.id, message: e.message } satisfies PartWorkerReply),
    );
});

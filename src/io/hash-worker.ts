// A worker thread that scans index ranges of an SSN space for target digests (attacks/hash/invert.ts).
// Messages in: {init}, then {task}; out: {ready} | {done} | {failed}.
import { parentPort } from 'node:worker_threads';
import { scanTargets, type FoundSsn, type InvertOptions } from '../../attacks/hash/invert.ts';
import type { SsnCandidateSpace } from '../../attacks/hash/ssn-space.ts';
import { targetSet, type TargetSet } from '../../attacks/hash/targets.ts';

export interface HashWorkerInit {
  readonly init: { targets: string[]; space: SsnCandidateSpace; options: Omit<InvertOptions, 'start' | 'end'> };
}
export interface HashWorkerTask {
  readonly task: { id: number; start: number; end: number };
}
export type HashWorkerReply =
  | { kind: 'ready' }
  | { kind: 'done'; id: number; found: FoundSsn[]; tried: number }
  | { kind: 'failed'; id: number; message: string };

const port = parentPort!;
let targets: TargetSet | null = null;
let init: HashWorkerInit['init'] | null = null;

port.on('message', (m: HashWorkerInit | HashWorkerTask) => {
  if ('init' in m) {
    try {
      init = m.init;
      targets = targetSet(m.init.options.algorithm, m.init.targets);
      port.postMessage({ kind: 'ready' } satisfies HashWorkerReply);
    } catch (e) {
      port.postMessage({ kind: 'failed', id: -1, message: (e as Error).message } satisfies HashWorkerReply);
    }
    return;
  }
  const { id, start, end } = m.task;
  try {
    // A worker cannot know what the others found, so it scans its whole range unless it found all itself.
    const r = scanTargets(targets!, init!.space, { ...init!.options, start, end, stopWhenAllFound: true });
    port.postMessage({ kind: 'done', id, found: r.found, tried: r.tried } satisfies HashWorkerReply);
  } catch (e) {
    port.postMessage({ kind: 'failed', id, message: (e as Error).message } satisfies HashWorkerReply);
  }
});

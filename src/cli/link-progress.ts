// Linkage progress on stderr: one bar per step (blocking, comparing, sampling u, training, scoring),
// each with its rate and ETA; a step's bar is closed when the next step starts.
import type { LinkProgress, LinkStep } from '../../attacks/link/progress.ts';
import type { OutStream } from './io.ts';
import { openProgress, type Progress } from './progress.ts';

/** What each step counts, as the bar's label. */
const STEP_LABELS: Record<LinkStep, string> = {
  blocking: 'blocking (records x rules)',
  comparing: 'comparing (pairs x columns)',
  'sampling u': 'sampling u (random pairs x columns)',
  training: 'training (EM sessions)',
  scoring: 'scoring (pairs)',
};

export function openLinkProgress(stream: OutStream, quiet: boolean): { onProgress: LinkProgress; stop(): void } {
  let step: LinkStep | null = null;
  let bar: Progress | null = null;
  return {
    onProgress(next, done, total) {
      if (next !== step) {
        bar?.stop();
        step = next;
        bar = openProgress(stream as NodeJS.WriteStream, quiet, STEP_LABELS[next]);
      }
      bar!.update(done, total);
    },
    stop() {
      bar?.stop();
      bar = null;
      step = null;
    },
  };
}

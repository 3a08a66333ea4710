// Linkage progress on stderr: one bar per step (blocking, comparing, sampling u, training, scoring),
// each with its rate and ETA; a step's bar is closed when the next step starts.
import type { LinkProgress, LinkStep } from '../../attacks/link/progress.ts';
import type { OutStream } from './io.ts';
import { openProgress, stepProgress } from './progress.ts';

/** What each step counts, as the bar's label. */
const STEP_LABELS: Record<LinkStep, string> = {
  blocking: 'blocking (records x rules)',
  comparing: 'comparing (pairs x columns)',
  'sampling u': 'sampling u (random pairs x columns)',
  training: 'training (EM sessions)',
  scoring: 'scoring (pairs)',
};

export function openLinkProgress(stream: OutStream, quiet: boolean): { onProgress: LinkProgress; stop(): void } {
  const steps = stepProgress((label) => openProgress(stream as NodeJS.WriteStream, quiet, label));
  return { onProgress: (step, done, total) => steps.step(STEP_LABELS[step], done, total), stop: steps.stop };
}

// Progress on stderr: a bar when stderr is a terminal, nothing otherwise (or with --quiet).
import { SingleBar } from 'cli-progress';
import type { CliIO } from './io.ts';

export interface Progress {
  update(done: number, total: number): void;
  stop(): void;
}

const SILENT: Progress = { update() {}, stop() {} };

/** `label` names what is counted ('people' for generation; a linkage step such as 'comparing pairs'). */
export function openProgress(stream: NodeJS.WriteStream, quiet: boolean, label = 'people'): Progress {
  if (quiet || !stream.isTTY) return SILENT;
  const bar = new SingleBar({
    stream,
    format: `${label} {bar} {percentage}% | {value}/{total} | {rate}/s | ETA {eta_formatted}`,
    barCompleteChar: '\u2588',
    barIncompleteChar: '\u2591',
    hideCursor: true,
    etaBuffer: 20,
    fps: 5,
  });
  const started = performance.now();
  let running = false;
  // A resumed run starts with work already done: the rate counts only what this run did.
  let first: number | null = null;
  return {
    update(done, total) {
      first ??= done;
      const seconds = (performance.now() - started) / 1000;
      const rate = seconds > 0 ? Math.round((done - first) / seconds).toLocaleString('en-US') : '-';
      if (!running) {
        bar.start(total, done, { rate });
        running = true;
      } else {
        bar.setTotal(total);
        bar.update(done, { rate });
      }
    },
    stop() {
      if (running) bar.stop();
      running = false;
    },
  };
}

/** A command's bar: off with --quiet or --json (stdout then carries data a bar must not interleave with). */
export function commandProgress(io: CliIO, flags: { quiet?: boolean; json?: boolean }, label: string): Progress {
  return openProgress(io.stderr as NodeJS.WriteStream, flags.quiet === true || flags.json === true, label);
}

/** One bar per step of a longer job (a new step closes the previous bar); each bar has its own ETA. */
export function stepProgress(open: (unit: string) => Progress): { step(name: string, done: number, total: number): void; stop(): void } {
  let current: { name: string; bar: Progress } | null = null;
  return {
    step(name, done, total) {
      if (current?.name !== name) {
        current?.bar.stop();
        current = { name, bar: open(name) };
      }
      current.bar.update(done, total);
    },
    stop() {
      current?.bar.stop();
      current = null;
    },
  };
}

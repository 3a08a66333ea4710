// Progress on stderr: a bar when stderr is a terminal; otherwise (a log, a pipe, nohup) a plain line every
// 30 s once work has run that long, so short runs print nothing; nothing with --quiet.
import { SingleBar } from 'cli-progress';
import type { CliIO } from './io.ts';
import { duration } from '../report/numbers.ts';

export interface Progress {
  update(done: number, total: number): void;
  stop(): void;
}

const SILENT: Progress = { update() {}, stop() {} };

export interface ProgressOptions {
  /** Off a terminal, a line this often (default 30 s). */
  readonly logEveryMs?: number;
  /** What is counted is a percent (done of 100), not items: no counts or rate are shown. */
  readonly percent?: boolean;
  /** Off a terminal, print the first update at once (a bench that should show it has started), not after `logEveryMs`. */
  readonly firstLineAtOnce?: boolean;
}

/** `label` names what is counted ('people' for generation; a linkage step such as 'comparing pairs'). */
export function openProgress(stream: NodeJS.WriteStream, quiet: boolean, label = 'people', options: ProgressOptions = {}): Progress {
  if (quiet) return SILENT;
  if (!stream.isTTY) return progressLines(stream, label, options.logEveryMs ?? LOG_EVERY_MS, options.percent === true, options.firstLineAtOnce === true);
  const bar = new SingleBar({
    stream,
    format: options.percent ? `${label} {bar} {percentage}% | ETA {eta_formatted}` : `${label} {bar} {percentage}% | {value}/{total} | {rate}/s | ETA {eta_formatted}`,
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

const LOG_EVERY_MS = 30_000;

/** `people 42.0% (1,234,567 of 2,939,445), 61,520/s, ETA 27.0 s`: one line per `everyMs`, and one at the end if any was printed. */
function progressLines(stream: NodeJS.WriteStream, label: string, everyMs: number, percentOnly: boolean, firstAtOnce: boolean): Progress {
  const started = performance.now();
  let first: number | null = null;
  let last = firstAtOnce ? -Infinity : started;
  let latest: [number, number] | null = null;
  let printed = false;
  const print = (done: number, total: number) => {
    const seconds = (performance.now() - started) / 1000;
    const rate = seconds > 0 ? (done - first!) / seconds : 0;
    const eta = rate > 0 ? duration((total - done) / rate) : '?';
    const share = total > 0 ? ((100 * done) / total).toFixed(1) : '100.0';
    const counts = percentOnly ? '' : ` (${done.toLocaleString('en-US')} of ${total.toLocaleString('en-US')}), ${Math.round(rate).toLocaleString('en-US')}/s`;
    stream.write(`${label} ${share}%${counts}, ETA ${eta}\n`);
    printed = true;
  };
  return {
    update(done, total) {
      first ??= done;
      latest = [done, total];
      const now = performance.now();
      if (now - last < everyMs) return;
      last = now;
      print(done, total);
    },
    stop() {
      if (printed && latest) print(latest[0], latest[1]);
      latest = null;
    },
  };
}

/** A command's bar: off with --quiet or --json (stdout then carries data a bar must not interleave with). */
export function commandProgress(io: CliIO, flags: { quiet?: boolean; json?: boolean }, label: string, options: ProgressOptions = {}): Progress {
  return openProgress(io.stderr as NodeJS.WriteStream, flags.quiet === true || flags.json === true, label, options);
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

/** The DuckDB engine's progress: one bar per statement that runs long enough to report, in DuckDB's estimated percent done. */
export function sqlProgress(io: CliIO, flags: { quiet?: boolean; json?: boolean }): { onProgress(statement: number, percent: number): void; stop(): void } {
  const steps = stepProgress((unit) => commandProgress(io, flags, unit, { percent: true }));
  return { onProgress: (statement, percent) => steps.step(`SQL statement ${statement}`, Math.floor(percent), 100), stop: () => steps.stop() };
}

// Progress on stderr: a bar when stderr is a terminal, nothing otherwise (or with --quiet).
import { SingleBar } from 'cli-progress';

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
  return {
    update(done, total) {
      const seconds = (performance.now() - started) / 1000;
      const rate = seconds > 0 ? Math.round(done / seconds).toLocaleString('en-US') : '-';
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

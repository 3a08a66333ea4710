// Progress bars with an ETA for the long steps of `attack hash-inversion` and `risk`: drawn on a
// terminal, never with --json or --quiet.
import { describe, expect, test } from 'vitest';
import { analyseRisk } from '../attacks/risk/analyse.ts';
import { SYNTHETIC_SPACE } from '../attacks/hash/ssn-space.ts';
import { commandProgress, openProgress, stepProgress } from '../src/cli/progress.ts';
import type { CliIO } from '../src/cli/io.ts';
import { invertHashesParallel } from '../src/io/hash-workers.ts';

/** A CLI io whose stderr claims to be a terminal and records what is drawn. */
function terminalIo(): CliIO & { drawn: () => string } {
  let text = '';
  const stderr = { isTTY: true, columns: 120, write: (s: string) => ((text += s), true) };
  return { stdout: { write: () => true }, stderr, env: {}, drawn: () => text };
}

describe('hash inversion progress', () => {
  test('a scan draws a bar of SSNs tried with an ETA; with --json or --quiet nothing is drawn', async () => {
    const io = terminalIo();
    const bar = commandProgress(io, {}, 'SSNs tried');
    // 60,000 candidates in 6 chunks on one thread: one progress report per chunk.
    await invertHashesParallel(['0'.repeat(64)], SYNTHETIC_SPACE, {
      algorithm: 'sha256', format: 'digits', start: 0, end: 60_000, chunk: 10_000, workers: 1,
      onProgress: (p) => bar.update(p.tried, p.total),
    });
    bar.stop();
    expect(io.drawn()).toMatch(/SSNs tried .* 100% \| 60000\/60000 .* ETA/);
    for (const flags of [{ json: true }, { quiet: true }]) {
      const off = terminalIo();
      const silent = commandProgress(off, flags, 'SSNs tried');
      silent.update(10_000, 60_000);
      silent.stop();
      expect(off.drawn(), JSON.stringify(flags)).toBe('');
    }
  }, 30_000);
});

describe('risk progress', () => {
  test('the analysis reports its steps; each step gets its own bar with an ETA', () => {
    const steps: string[] = [];
    const codes = Int32Array.from({ length: 500 }, (_, i) => i % 97);
    const io = terminalIo();
    const bars = stepProgress((unit) => commandProgress(io, {}, unit));
    analyseRisk({
      qi: { records: 500, names: ['a'], codes: [codes], dictionaries: [Array.from({ length: 97 }, (_, i) => String(i))] },
      suda: true,
      bootstrap: 40,
      onProgress: (step, done, total) => {
        steps.push(`${step} ${done}/${total}`);
        bars.step(step, done, total);
      },
    });
    bars.stop();
    expect(steps).toEqual(expect.arrayContaining(['grouping records 1/1', 'SUDA 1/1', 'bootstrap replicates 1/40', 'bootstrap replicates 40/40']));
    expect(steps.filter((s) => s.startsWith('bootstrap'))).toHaveLength(40);
    for (const unit of ['grouping records', 'SUDA', 'bootstrap replicates']) expect(io.drawn()).toMatch(new RegExp(`${unit} .*ETA`));
  });
});

describe('progress off a terminal', () => {
  /** A stderr that is not a terminal (a log file, a pipe): records what is written. */
  function logStream(): NodeJS.WriteStream & { text: () => string } {
    let text = '';
    return { write: (s: string) => ((text += s), true), text: () => text } as unknown as NodeJS.WriteStream & { text: () => string };
  }

  test('long work prints plain lines with the share done, rate and ETA, and a last line at the end', () => {
    const log = logStream();
    const p = openProgress(log, false, 'people', { logEveryMs: 0 });
    p.update(0, 2_000_000);
    p.update(500_000, 2_000_000);
    p.stop();
    const lines = log.text().trimEnd().split('\n');
    expect(lines[0]).toMatch(/^people 0\.0% \(0 of 2,000,000\), [\d,]+\/s, ETA /);
    expect(lines[1]).toMatch(/^people 25\.0% \(500,000 of 2,000,000\), [\d,]+\/s, ETA \d+(\.\d+)? (ms|s|min|h)$/);
    expect(lines).toHaveLength(3);
    expect(log.text()).not.toMatch(/\r|\x1b/);
  });

  test('a percent (DuckDB statements) shows no counts or rate', () => {
    const log = logStream();
    const p = openProgress(log, false, 'SQL statement 2', { logEveryMs: 0, percent: true });
    p.update(0, 100);
    p.update(40, 100);
    p.stop();
    expect(log.text().split('\n')[1]).toMatch(/^SQL statement 2 40\.0%, ETA \d+(\.\d+)? (ms|s|min|h)$/);
  });

  test('work shorter than the interval prints nothing, and --quiet nothing at all', () => {
    const short = logStream();
    const p = openProgress(short, false, 'people');
    for (let i = 0; i <= 10; i++) p.update(i * 1000, 10_000);
    p.stop();
    expect(short.text()).toBe('');
    const quiet = logStream();
    const q = openProgress(quiet, true, 'people', { logEveryMs: 0 });
    q.update(5, 10);
    q.stop();
    expect(quiet.text()).toBe('');
  });

  test('firstLineAtOnce (bench:scale) prints the first update at once, then waits the interval, and the last at stop', () => {
    const log = logStream();
    const p = openProgress(log, false, 'bench:scale people', { logEveryMs: 60_000, firstLineAtOnce: true });
    for (let i = 0; i <= 10; i++) p.update(i * 1000, 10_000);
    p.stop();
    const lines = log.text().trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^bench:scale people 0\.0% \(0 of 10,000\), .*ETA/);
    expect(lines[1]).toMatch(/^bench:scale people 100\.0% \(10,000 of 10,000\)/);
  });
});

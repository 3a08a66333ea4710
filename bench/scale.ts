// npm run bench:scale: the complete 2010 country's uniqueness on {ZIP, sex, birth date}, {ZIP, sex,
// month + year of birth} and {county, sex, birth date}, from generated rows, beside Golle's and
// Sweeney's figures, with the time taken and the peak memory. Two worker threads take whole states
// largest first; each state's class-size histograms come back and add up, and the county classes of
// border counties (which can span states) come back as class counts that merge. At most one state's
// keys per worker are held (3 x 8 bytes per person of the state).
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { planWorld } from '../generators/world.ts';
import { OptionError, type WorldOptions } from '../generators/world-types.ts';
import { addHistograms, histogramFigures } from '../attacks/risk/class-histogram.ts';
import { histogramOfClassCounts, mergeClassCounts, NO_CLASSES, type ClassCounts } from '../attacks/risk/class-counts.ts';
import type { ClassHistogram } from '../attacks/risk/types.ts';
import { openProgress } from '../src/cli/progress.ts';
import { workerEntry } from '../src/io/worker-bundle.ts';
import { siblingModule } from '../src/io/worker-module.ts';
import { count, duration, percent } from '../src/report/numbers.ts';
import { QI_NAMES, type QiName } from './scale-keys.ts';
import { allowDeeperInlining } from '../src/io/v8-inlining.ts';
import type { ScaleReply, ScaleTask } from './scale-worker.ts';

const WORKER_URL = siblingModule('scale-worker', import.meta.url);

/** Published uniqueness (REFERENCE 7): Golle 2006 on the 2000 census, Sweeney 2000 on the 1990 census. */
const PUBLISHED: Record<QiName, { label: string; golle: number; sweeney: number | null }> = {
  zipSexDob: { label: '{ZIP, sex, birth date}', golle: 0.633, sweeney: 0.87 },
  zipSexMonthYear: { label: '{ZIP, sex, month + year of birth}', golle: 0.042, sweeney: null },
  countySexDob: { label: '{county, sex, birth date}', golle: 0.148, sweeney: 0.18 },
};

export interface ScaleResult {
  readonly people: number;
  readonly seconds: number;
  readonly peakMemoryBytes: number;
  readonly zipSexDob: number;
  readonly zipSexMonthYear: number;
  readonly countySexDob: number;
}

export class UsageError extends Error {}

interface Flags {
  readonly states: string[] | 'all';
  readonly scale: number;
  readonly workers: number;
  readonly json: boolean;
}

export function parseFlags(argv: string[]): Flags {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        states: { type: 'string', default: 'all' },
        scale: { type: 'string', default: '1' },
        workers: { type: 'string', default: String(Math.max(1, availableParallelism())) },
        json: { type: 'boolean', default: false },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (e) {
    throw new UsageError(`${(e as Error).message} (flags: --states LIST|all, --scale x in (0, 1], --workers N, --json)`);
  }
  const scale = Number(values.scale);
  if (values.scale.trim() === '' || !Number.isFinite(scale)) throw new UsageError(`--scale: must be a number in (0, 1], got "${values.scale}"`);
  const workers = Number(values.workers);
  if (!Number.isSafeInteger(workers) || workers < 1 || workers > 64) throw new UsageError(`--workers: must be a whole number from 1 to 64, got "${values.workers}"`);
  const s = values.states.trim();
  const states = s.toLowerCase() === 'all' ? 'all' : s.split(',').map((x) => x.trim()).filter((x) => x !== '');
  return { states, scale, workers, json: values.json };
}

/** Runs the bench on worker threads; `onProgress` gets the people done so far and the total. */
export async function runScale(flags: { states: string[] | 'all'; scale: number; workers: number }, onProgress?: (done: number, total: number) => void): Promise<ScaleResult> {
  const started = performance.now();
  // Realistic SSNs: the synthetic SSN space (55M) cannot number 309M people; SSNs do not enter these keys.
  const options: WorldOptions = { seed: 1, states: flags.states, scale: flags.scale, calibration: 'census2010', ssn: 'realistic' };
  const plan = planWorld(options); // validates the flags (OptionError names the flag)
  const frame = plan.context.frame;
  const total = plan.totalPeople;
  // Largest states first, so the last tasks are small and both workers finish together.
  const queue = frame.states.filter((s) => frame.stateFrameOf[s]!.count > 0).sort((a, b) => frame.stateFrameOf[b]!.count - frame.stateFrameOf[a]!.count);
  const perQi: ClassHistogram[][] = QI_NAMES.map(() => []);
  const borderCounty: ClassCounts[] = [];
  const entry = await workerEntry(WORKER_URL);
  const poolSize = Math.min(flags.workers, queue.length);
  let done = 0;
  await new Promise<void>((resolve, reject) => {
    const pool: Worker[] = [];
    let running = poolSize;
    let failed = false;
    const stopped = new Set<Worker>();
    const fail = (message: string) => {
      if (failed) return;
      failed = true;
      for (const w of pool) void w.terminate();
      reject(new Error(message));
    };
    const next = (w: Worker) => {
      const state = queue.shift();
      if (state === undefined) {
        stopped.add(w);
        w.postMessage({ stop: true } satisfies ScaleTask);
        void w.terminate();
        if (--running === 0) resolve();
      } else w.postMessage({ state } satisfies ScaleTask);
    };
    for (let k = 0; k < poolSize; k++) {
      const w = 'file' in entry ? new Worker(entry.file, { workerData: options }) : new Worker(entry.eval, { eval: true, workerData: options });
      pool.push(w);
      w.on('message', (m: ScaleReply) => {
        if (m.kind === 'failed') return fail(`bench:scale worker failed: ${m.message}`);
        if (m.kind === 'progress') {
          done += m.people;
          onProgress?.(done, total);
          return;
        }
        if (m.kind === 'done') {
          m.histograms.forEach((h, q) => perQi[q]!.push(h));
          borderCounty.push(m.borderCounty);
        }
        next(w);
      });
      w.on('error', (e) => fail(`bench:scale worker failed: ${e.stack ?? e.message}`));
      // A worker gone before its last task (out of memory, killed) must not leave the run waiting.
      w.on('exit', (code) => {
        if (!stopped.has(w)) fail(`bench:scale worker stopped with exit code ${code} before its work was done`);
      });
    }
  });
  perQi[2]!.push(histogramOfClassCounts(mergeAll(borderCounty)));
  const shares = perQi.map((hs) => histogramFigures(addHistograms(hs)));
  for (const f of shares) if (f.records !== total) throw new Error(`bench:scale: histograms hold ${f.records} people, the world ${total}`);
  return {
    people: total,
    seconds: (performance.now() - started) / 1000,
    peakMemoryBytes: peakRss(),
    zipSexDob: shares[0]!.uniqueShare,
    zipSexMonthYear: shares[1]!.uniqueShare,
    countySexDob: shares[2]!.uniqueShare,
  };
}

/** Merges class counts pairwise, so each key is copied about log2(parts) times. */
function mergeAll(parts: ClassCounts[]): ClassCounts {
  let level = parts.length > 0 ? parts : [NO_CLASSES];
  while (level.length > 1) {
    const next: ClassCounts[] = [];
    for (let i = 0; i < level.length; i += 2) next.push(i + 1 < level.length ? mergeClassCounts(level[i]!, level[i + 1]!) : level[i]!);
    level = next;
  }
  return level[0]!;
}

/** The process's peak resident set (every thread's memory, workers included), in bytes. */
function peakRss(): number {
  return process.resourceUsage().maxRSS * 1024;
}

function table(r: ScaleResult, flags: Flags): string {
  const where = flags.states === 'all' ? 'all 50 states + DC' : flags.states.join(',').toUpperCase();
  const rows = QI_NAMES.map((q) => {
    const p = PUBLISHED[q];
    return `  ${p.label.padEnd(40)}${percent(r[q], 1).padStart(8)}${percent(p.golle, 1).padStart(12)}${(p.sweeney === null ? '-' : percent(p.sweeney, 0)).padStart(14)}`;
  });
  return [
    `bench:scale: 2010 census world, seed 1, ${where}, scale ${flags.scale}: ${count(r.people)} people`,
    `  ${'share of people alone in their class'.padEnd(40)}${'reident'.padStart(8)}${'Golle 2006'.padStart(12)}${'Sweeney 2000'.padStart(14)}`,
    ...rows,
    `  time ${duration(r.seconds)} on ${flags.workers} worker thread(s); peak memory ${(r.peakMemoryBytes / 2 ** 30).toFixed(2)} GiB (process peak RSS, workers included)`,
    `  Golle: 2000 census, birthdays uniform within the year of age; Sweeney: 1990 census (no month + year figure).`,
  ].join('\n');
}

async function main(): Promise<void> {
  allowDeeperInlining(); // as the CLI does
  let flags: Flags;
  try {
    flags = parseFlags(process.argv.slice(2));
    // Off a terminal: the first line at once, then one every 15 s, and the last at 100%.
    const progress = openProgress(process.stderr, false, 'bench:scale people', { logEveryMs: 15_000, firstLineAtOnce: true });
    const result = await runScale(flags, (done, total) => progress.update(done, total));
    progress.stop();
    process.stdout.write(flags.json ? `${JSON.stringify(result)}\n` : `${table(result, flags)}\n`);
  } catch (e) {
    if (e instanceof UsageError || e instanceof OptionError) {
      process.stderr.write(`bench:scale: ${e.message}\n`);
      process.exitCode = 2;
      return;
    }
    throw e;
  }
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('bench/scale.ts')) await main();

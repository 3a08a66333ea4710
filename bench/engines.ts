// Engines bench: `reident risk` with the DuckDB engine against the memory engine on the same rows, and
// Fellegi-Sunter linkage of a voter roll against an extract with the DuckDB engine. Each run is a child
// process under /usr/bin/time -v, so its CPU time (user + sys) and peak memory (maximum resident set
// size) are its own. Inputs are generated once, with `reident generate` and `reident adversary`, into
// .bench/engines/ and reused.
//
//   npx tsx bench/engines.ts           full sizes: risk on 50M rows; 10M voters against a 5M extract
//   npx tsx bench/engines.ts --quick   1M rows; 200k voters against a 100k extract
//   flags: --risk-rows N --voters N --extract N --only risk|linkage --json --skip-memory (the memory engine past its means)
//   --memory-limit SIZE (also run DuckDB's risk and linkage under that limit)
//   --train (also run `link --train --save-model` on both engines; the memory one unless --skip-memory)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openSession } from '../src/engine/duckdb-session.ts';
import { str } from '../src/engine/dialect.ts';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const CLI = join(ROOT, 'src', 'cli', 'main.ts');

export interface EnginesBenchOptions {
  /** Rows of the risk table (people of the generated world). */
  riskRows?: number;
  /** Voter-roll records and extract records of the linkage. */
  voters?: number;
  extract?: number;
  /** Skip the memory engine's risk run (when the rows would not fit). */
  skipMemory?: boolean;
  /** Also run DuckDB's risk under this --memory-limit (e.g. '2GB'). */
  memoryLimit?: string;
  /** Run one half only. */
  only?: 'risk' | 'linkage';
  /** Also train the model on both engines (`link --train`). */
  train?: boolean;
  cache?: string;
  log?: (line: string) => void;
}

/** One child run: wall and CPU seconds, peak resident memory, exit code. */
export interface Measured {
  seconds: number;
  cpuSeconds: number;
  peakMemoryBytes: number;
  code: number;
}

export interface EnginesBenchResult {
  risk: null | {
    rows: number;
    file: string;
    memory: Measured | null;
    duckdbCsv: Measured;
    duckdbParquet: Measured;
    cpuRatio: number | null;
    sameFigures: boolean | null;
    /** DuckDB under --memory-limit, when asked: its limit, runs, and whether its figures are the unbounded run's. */
    bounded: null | { limit: string; csv: Measured; parquet: Measured; sameFigures: boolean };
  };
  linkage: null | {
    voters: number;
    extract: number;
    candidatePairs: number;
    links: number;
    run: Measured;
    recordsPerMinute: number;
    /** The same link under --memory-limit, when asked; samePairs: the same candidate pairs and links. */
    bounded: null | { limit: string; run: Measured; samePairs: boolean };
    /** `link --train` when asked: DuckDB's run, the memory engine's (null when skipped), its links, and whether the saved models are the same bytes. */
    trained: null | { duckdb: Measured; memory: Measured | null; links: number; sameModel: boolean | null };
  };
}

export const FULL = { riskRows: 50_000_000, voters: 10_000_000, extract: 5_000_000 };
export const QUICK = { riskRows: 1_000_000, voters: 200_000, extract: 100_000 };

/** Runs the CLI under /usr/bin/time -v; throws with its stderr when it fails. */
export function measure(args: readonly string[], log: (l: string) => void): Measured & { stdout: string } {
  const started = process.hrtime.bigint();
  const r = spawnSync('/usr/bin/time', ['-v', process.execPath, '--import', 'tsx', CLI, ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 30 });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const field = (name: string) => Number(new RegExp(`${name}[^:]*: ([0-9.]+)`).exec(r.stderr)?.[1] ?? NaN);
  const out = { seconds, cpuSeconds: field('User time') + field('System time'), peakMemoryBytes: field('Maximum resident set size') * 1024, code: r.status ?? -1, stdout: r.stdout };
  log(`  reident ${args.join(' ')}: ${seconds.toFixed(1)} s wall, ${out.cpuSeconds.toFixed(1)} s CPU, peak ${(out.peakMemoryBytes / 2 ** 30).toFixed(2)} GiB`);
  if (out.code !== 0) throw new Error(`reident ${args.join(' ')} failed (${out.code}):\n${r.stderr.slice(-2000)}`);
  return out;
}

function ensure(path: string, make: () => void, log: (l: string) => void): void {
  if (existsSync(path)) return log(`  cached: ${path}`);
  make();
}

/** A world of `people` people (the people table's zip, sex and birth_date, Parquet), generated once. */
function world(cache: string, people: number, log: (l: string) => void): string {
  const dir = join(cache, `world-${people}-qi`);
  ensure(join(dir, 'manifest.json'), () => measure(['generate', '--people', String(people), '--tables', 'people', '--columns', 'zip,sex,birth_date', '--format', 'parquet', '--workers', '2', '--quiet', '--out', dir], log), log);
  return dir;
}

/** People per shard of the linkage world (CSV: `reident adversary` reads a CSV world column by column, a Parquet one row by row). */
const SHARD_PEOPLE = 2_500_000;

/** COPY a query's rows to a file by DuckDB (the narrow risk table, a truncated extract). */
async function copyTo(query: string, file: string, format: 'csv' | 'parquet'): Promise<void> {
  const session = await openSession();
  try {
    await session.run(`COPY (${query}) TO ${str(`${file}.tmp`)} (FORMAT ${format === 'csv' ? 'CSV, HEADER' : 'PARQUET, COMPRESSION ZSTD'});`);
  } finally {
    session.close();
  }
  const { renameSync } = await import('node:fs');
  renameSync(`${file}.tmp`, file);
}

export async function benchEngines(o: EnginesBenchOptions = {}): Promise<EnginesBenchResult> {
  const log = o.log ?? ((l: string) => process.stderr.write(l + '\n'));
  const cache = o.cache ?? join(ROOT, '.bench', 'engines');
  mkdirSync(cache, { recursive: true });
  const riskRows = o.riskRows ?? FULL.riskRows;
  const voters = o.voters ?? FULL.voters;
  const extract = o.extract ?? FULL.extract;

  const risk = o.only === 'linkage' ? null : await benchRisk(cache, riskRows, o.skipMemory === true, o.memoryLimit ?? null, log);
  const linkage = o.only === 'risk' ? null : await benchLinkage(cache, voters, extract, o.memoryLimit ?? null, log, o.train === true ? { skipMemory: o.skipMemory === true } : null);
  return { risk, linkage };
}

async function benchRisk(cache: string, riskRows: number, skipMemory: boolean, memoryLimit: string | null, log: (l: string) => void): Promise<EnginesBenchResult['risk']> {
  log(`risk on ${riskRows.toLocaleString('en-US')} rows {zip, sex, birth_date}`);
  const people = join(world(cache, riskRows, log), 'people.parquet');
  const riskCsv = join(cache, `risk-${riskRows}.csv`);
  const riskParquet = join(cache, `risk-${riskRows}.parquet`);
  const narrow = `SELECT zip, sex, birth_date FROM read_parquet(${str(people)})`;
  if (!existsSync(riskCsv)) await copyTo(narrow, riskCsv, 'csv');
  if (!existsSync(riskParquet)) await copyTo(narrow, riskParquet, 'parquet');
  const riskArgs = (file: string, engine: string) => ['risk', file, '--qi', 'zip,sex,birth_date', '--json', '--bootstrap', '0', '--quiet', '--engine', engine];
  const duckdbCsv = measure(riskArgs(riskCsv, 'duckdb'), log);
  const duckdbParquet = measure(riskArgs(riskParquet, 'duckdb'), log);
  const memory = skipMemory ? null : measure(riskArgs(riskCsv, 'memory'), log);
  // The figures of a report: not the engine, its warnings or the input's name (CSV and Parquet are compared).
  const figures = (s: string) => {
    const { engine: _e, warnings: _w, file: _f, ...f } = JSON.parse(s);
    return JSON.stringify(f);
  };
  const sameFigures = memory ? figures(memory.stdout) === figures(duckdbCsv.stdout) : null;
  let bounded = null;
  if (memoryLimit) {
    const csv = measure([...riskArgs(riskCsv, 'duckdb'), '--memory-limit', memoryLimit], log);
    const parquet = measure([...riskArgs(riskParquet, 'duckdb'), '--memory-limit', memoryLimit], log);
    bounded = { limit: memoryLimit, csv, parquet, sameFigures: figures(csv.stdout) === figures(duckdbCsv.stdout) && figures(parquet.stdout) === figures(duckdbCsv.stdout) };
  }
  return { rows: riskRows, file: riskCsv, memory, duckdbCsv, duckdbParquet, cpuRatio: memory ? memory.cpuSeconds / duckdbCsv.cpuSeconds : null, sameFigures, bounded };
}

async function benchLinkage(cache: string, voters: number, extract: number, memoryLimit: string | null, log: (l: string) => void, train: { skipMemory: boolean } | null): Promise<EnginesBenchResult['linkage']> {
  log(`linkage: ${voters.toLocaleString('en-US')} voters against a ${extract.toLocaleString('en-US')}-record extract`);
  // Somewhat under half of the people are on the voter roll (adult citizens, registered); the broker
  // file, cut to `extract` records, is the extract. `reident adversary` holds its world in memory (about
  // 1.5 GB per million people), so a large world is generated and read in shards of SHARD_PEOPLE
  // (`generate --shard i/K`: the shards together are the one world) and their files concatenated.
  const worldPeople = Math.ceil(voters * 2.2);
  const shards = Math.ceil(worldPeople / SHARD_PEOPLE);
  const rolls: string[] = [];
  const brokers: string[] = [];
  for (let i = 0; i < shards; i++) {
    const tag = shards === 1 ? `${worldPeople}` : `${worldPeople}-shard-${i}-of-${shards}`;
    const dir = join(cache, `world-${tag}-csv`);
    ensure(join(dir, 'manifest.json'), () => measure(['generate', '--people', String(worldPeople), ...(shards > 1 ? ['--shard', `${i}/${shards}`] : []), '--tables', 'people', '--format', 'csv', '--workers', '2', '--quiet', '--out', dir], log), log);
    const roll = join(cache, `voters-${tag}.csv`);
    const broker = join(cache, `broker-${tag}.csv`);
    ensure(roll, () => measure(['adversary', 'voter-roll', '--world', dir, '--with-truth', '--out', roll], log), log);
    ensure(broker, () => measure(['adversary', 'broker-file', '--world', dir, '--with-truth', '--out', broker], log), log);
    rolls.push(roll);
    brokers.push(broker);
  }
  const votersFile = join(cache, `voters-${voters}.parquet`);
  const extractFile = join(cache, `extract-${extract}.parquet`);
  const head = (files: string[], n: number) => `SELECT * FROM read_csv([${files.map(str).join(', ')}], header = true, all_varchar = true) LIMIT ${n}`;
  if (!existsSync(votersFile)) await copyTo(head(rolls, voters), votersFile, 'parquet');
  if (!existsSync(extractFile)) await copyTo(head(brokers, extract), extractFile, 'parquet');
  const pairs = join(cache, 'pairs.csv');
  const settings = join(ROOT, 'test', 'fixtures', 'engine', 'link-model.json');
  const linkOf = (engine: string) => ['link', '--left', votersFile, '--right', extractFile, '--settings', settings, '--out', pairs, '--engine', engine, '--json', '--quiet'];
  const linkArgs = linkOf('duckdb');
  const run = measure(linkArgs, log);
  const summary = JSON.parse(run.stdout);
  const records = summary.leftRecords + summary.rightRecords;
  let bounded = null;
  if (memoryLimit) {
    const b = measure([...linkArgs, '--memory-limit', memoryLimit], log);
    const s = JSON.parse(b.stdout);
    bounded = { limit: memoryLimit, run: b, samePairs: s.candidatePairs === summary.candidatePairs && s.links === summary.links };
  }
  let trained = null;
  if (train) {
    const trainArgs = (engine: string) => [...linkOf(engine), '--train', '--save-model', join(cache, `model-${engine}.json`)];
    const duckdb = measure(trainArgs('duckdb'), log);
    const memory = train.skipMemory ? null : measure(trainArgs('memory'), log);
    const model = (engine: string) => readFileSync(join(cache, `model-${engine}.json`), 'utf8');
    const links = (JSON.parse(duckdb.stdout) as { links: number }).links;
    trained = { duckdb, memory, links, sameModel: memory ? model('duckdb') === model('memory') && (JSON.parse(memory.stdout) as { links: number }).links === links : null };
  }
  rmSync(pairs, { force: true }); // every candidate pair with its weight: 6 GB at 10M x 5M
  return { voters: summary.leftRecords, extract: summary.rightRecords, candidatePairs: summary.candidatePairs, links: summary.links, run, recordsPerMinute: (records / run.seconds) * 60, bounded, trained };
}

function strip({ stdout: _s, ...m }: Measured & { stdout?: string }): Measured {
  return m;
}

const gib = (b: number) => `${(b / 2 ** 30).toFixed(2)} GiB`;
const line = (name: string, m: Measured) => `  ${name.padEnd(24)} ${m.seconds.toFixed(1).padStart(8)} s wall ${m.cpuSeconds.toFixed(1).padStart(8)} s CPU   peak ${gib(m.peakMemoryBytes)}`;

/** The readable report of a run. */
export function formatEnginesBench(r: EnginesBenchResult): string {
  const out: string[] = [`load average ${readFileSync('/proc/loadavg', 'utf8').split(' ')[0]} (CPU seconds are the comparable figure on a shared machine)`];
  if (r.risk) {
    const k = r.risk;
    out.push(
      `risk on ${k.rows.toLocaleString('en-US')} rows {zip, sex, birth_date}`,
      k.memory ? line('memory engine (CSV)', k.memory) : '  memory engine            skipped',
      line('duckdb engine (CSV)', k.duckdbCsv),
      line('duckdb engine (Parquet)', k.duckdbParquet),
      `  CPU ratio memory / duckdb (CSV): ${k.cpuRatio === null ? '-' : k.cpuRatio.toFixed(2)}; same figures: ${k.sameFigures ?? '-'}; CSV ${(statSync(k.file).size / 2 ** 20).toFixed(0)} MiB`,
    );
    if (k.bounded) {
      out.push(
        line(`duckdb --memory-limit ${k.bounded.limit} (CSV)`, k.bounded.csv),
        line(`duckdb --memory-limit ${k.bounded.limit} (Parquet)`, k.bounded.parquet),
        `  same figures as unbounded: ${k.bounded.sameFigures}`,
      );
    }
  }
  if (r.linkage) {
    const l = r.linkage;
    out.push(
      `linkage: ${l.voters.toLocaleString('en-US')} voters x ${l.extract.toLocaleString('en-US')} extract records, blocking on (last_name, zip), (first_name, zip), (street)`,
      line('duckdb engine (Parquet)', l.run),
      `  ${l.candidatePairs.toLocaleString('en-US')} candidate pairs, ${l.links.toLocaleString('en-US')} links; ${Math.round(l.recordsPerMinute).toLocaleString('en-US')} records a minute by wall clock (Splink's published figure: about 1,000,000 a minute on a laptop)`,
    );
    if (l.bounded) out.push(line(`duckdb --memory-limit ${l.bounded.limit}`, l.bounded.run), `  same candidate pairs and links as unbounded: ${l.bounded.samePairs}`);
    if (l.trained) {
      out.push(line('duckdb --train', l.trained.duckdb), l.trained.memory ? line('memory --train', l.trained.memory) : '  memory --train           skipped');
      out.push(`  ${l.trained.links.toLocaleString('en-US')} links with the trained model; same saved model and links on both engines: ${l.trained.sameModel ?? '-'}`);
    }
  }
  return out.join('\n') + '\n';
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const value = (flag: string) => {
    const i = args.indexOf(flag);
    if (i < 0) return undefined;
    const n = Number(args[i + 1]);
    if (!Number.isInteger(n) || n <= 0) throw new Error(`${flag} must be a positive integer, got "${args[i + 1]}"`);
    return n;
  };
  const onlyAt = args.indexOf('--only');
  const only = onlyAt < 0 ? undefined : args[onlyAt + 1];
  if (only !== undefined && only !== 'risk' && only !== 'linkage') throw new Error(`--only must be risk or linkage, got "${only}"`);
  const base = args.includes('--quick') ? QUICK : FULL;
  const limitAt = args.indexOf('--memory-limit');
  const memoryLimit = limitAt < 0 ? undefined : args[limitAt + 1];
  const r = await benchEngines({ riskRows: value('--risk-rows') ?? base.riskRows, voters: value('--voters') ?? base.voters, extract: value('--extract') ?? base.extract, skipMemory: args.includes('--skip-memory'), train: args.includes('--train'), ...(only ? { only } : {}), ...(memoryLimit ? { memoryLimit } : {}) });
  if (args.includes('--json')) {
    const bounded = r.risk?.bounded && { ...r.risk.bounded, csv: strip(r.risk.bounded.csv), parquet: strip(r.risk.bounded.parquet) };
    const risk = r.risk && { ...r.risk, memory: r.risk.memory && strip(r.risk.memory), duckdbCsv: strip(r.risk.duckdbCsv), duckdbParquet: strip(r.risk.duckdbParquet), bounded };
    const trained = r.linkage?.trained && { ...r.linkage.trained, duckdb: strip(r.linkage.trained.duckdb), memory: r.linkage.trained.memory && strip(r.linkage.trained.memory) };
    const linkage = r.linkage && { ...r.linkage, run: strip(r.linkage.run), bounded: r.linkage.bounded && { ...r.linkage.bounded, run: strip(r.linkage.bounded.run) }, trained };
    process.stdout.write(JSON.stringify({ risk, linkage }, null, 1) + '\n');
  } else process.stdout.write(formatEnginesBench(r));
}

// `reident risk ... --engine duckdb`: the flags the DuckDB engine takes (the rest need per-record data
// and are refused, naming the flag), the histograms by SQL, the same report as the memory engine.
import { InputError } from '../io/input-error.ts';
import { UsageError } from '../cli/errors.ts';
import type { CliIO } from '../cli/io.ts';
import { formatRiskReport } from '../cli/risk-render.ts';
import type { UniquenessCompat } from '../../attacks/risk/analyse.ts';
import { openEngineSession } from './duckdb-session.ts';
import { riskHistograms } from './duckdb-risk.ts';
import { fileSource } from './file-source.ts';
import { riskReportFromHistograms } from './risk-report.ts';

export interface DuckdbRiskRun {
  file: string;
  qis: string[];
  threshold: number;
  samplingFraction?: number;
  populationSize?: number;
  /** The population file and the flag it came from (--population, or --world's people table). */
  population?: { flag: string; file: string };
  compat?: UniquenessCompat;
  delimiter?: string;
  naTokens: string[];
  json: boolean;
  quiet: boolean;
  printSql: boolean;
  memoryLimit?: string | undefined;
}

/** Flags whose figures need the records themselves; each is refused by name under --engine duckdb. */
export function refusedRiskFlags(raw: Record<string, unknown>): void {
  const needRecords: [string, string][] = [
    ['suda', '--suda'],
    ['weight', '--weight'],
    ['household', '--household'],
    ['sensitive', '--sensitive'],
    ['combinations', '--combinations'],
    ['perRecord', '--per-record'],
    ['sample', '--sample'],
  ];
  for (const [key, flag] of needRecords) if (raw[key] !== undefined && raw[key] !== false) throw new UsageError(`${flag} is not available with --engine duckdb (it needs the records in memory); use --engine memory`);
  if (raw.missing === 'wildcard') throw new UsageError('--missing wildcard is not available with --engine duckdb (wildcard matching needs the classes in memory); use --engine memory');
  if (raw.bootstrap !== undefined && raw.bootstrap !== '0') throw new UsageError('--bootstrap is not available with --engine duckdb (replicates resample records in file order); give --bootstrap 0 or use --engine memory');
  if (raw.encoding !== undefined && raw.encoding !== 'utf8') throw new UsageError('--encoding: the DuckDB engine reads UTF-8 only; use --engine memory');
}

export async function runRiskDuckdb(r: DuckdbRiskRun, io: CliIO): Promise<void> {
  const csv = { naTokens: r.naTokens, ...(r.delimiter ? { delimiter: r.delimiter } : {}) };
  const sample = { flag: 'the table', source: fileSource('the table', r.file, csv) };
  const population = r.population ? { flag: r.population.flag, source: fileSource(r.population.flag, r.population.file, { naTokens: r.naTokens }) } : undefined;
  for (const s of [sample, population]) if (s && s.source.format === 'parquet' && r.naTokens.length) throw new UsageError(`--na: ${s.source.path} is Parquet, whose missing values are NULLs; --na is for CSV with --engine duckdb`);
  const session = await openEngineSession(r, io);
  let report;
  try {
    const h = await riskHistograms(session, { qis: r.qis, sample, ...(population ? { population } : {}) });
    report = riskReportFromHistograms({
      sample: h.sample,
      threshold: r.threshold,
      ...(r.populationSize !== undefined ? { populationSize: r.populationSize } : {}),
      ...(r.samplingFraction !== undefined ? { samplingFraction: r.samplingFraction } : {}),
      ...(r.compat ? { compat: r.compat } : {}),
      ...(h.population ? { population: h.population } : {}),
    });
  } catch (e) {
    if (e instanceof InputError || e instanceof UsageError) throw e;
    throw new InputError(`${r.file}: ${(e as Error).message}`);
  } finally {
    session.close();
  }
  const { perRecord: _omit, ...shown } = report;
  const header = { file: r.file, qi: r.qis, sampled: null };
  io.stdout.write(r.json ? JSON.stringify({ ...header, warnings: [], engine: 'duckdb', ...shown }, null, 1) + '\n' : formatRiskReport(header, report));
}

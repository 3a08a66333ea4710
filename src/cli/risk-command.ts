// `reident risk FILE --qi ...`: every re-identification risk measure of a table, with ground truth
// when the population is known. Reads CSV or Parquet; prints a readable report or JSON.
import { analyseRisk, type RiskInput, type RiskReport } from '../../attacks/risk/analyse.ts';
import type { QiTable } from '../../attacks/risk/types.ts';
import { sampleIndices } from '../random/sample.ts';
import { InputError, readColumns } from '../io/read-columns.ts';
import { asText, type Table, type TextColumn } from '../table/table.ts';
import { writeFileAtomic } from '../io/out-dir.ts';
import { printWarnings, uselessColumnWarnings } from './column-warnings.ts';
import { parseMemoryLimit } from './memory-limit.ts';
import { UsageError } from './errors.ts';
import type { CliIO } from './io.ts';
import { parseEncoding, positiveInteger, positiveNumber } from './options.ts';
import { commandProgress, stepProgress } from './progress.ts';
import { formatRiskReport } from './risk-render.ts';
import { checkOutputs, type NamedPath } from './output-paths.ts';
import { openWorldInput } from './world-input.ts';
import { worldTablePath } from '../io/world-tables.ts';
import { chooseEngine, duckdbFromBytes } from '../engine/choose-engine.ts';
import { refusedRiskFlags, runRiskDuckdb } from '../engine/duckdb-risk-command.ts';

/** Tables from this size on get progress bars (grouping, SUDA and the bootstrap then take seconds). */
export const PROGRESS_FROM_RECORDS = 200_000;

export interface RawRiskOptions {
  qi?: string;
  delimiter?: string;
  encoding?: string;
  samplingFraction?: string;
  populationSize?: string;
  population?: string;
  world?: string;
  sample?: string;
  weight?: string;
  household?: string;
  sensitive?: string;
  suda?: boolean;
  combinations?: string;
  missing?: string;
  na?: string[];
  threshold?: string;
  perRecord?: string;
  json?: boolean;
  quiet?: boolean;
  compat?: string;
  bootstrap?: string;
  seed?: string;
  verify?: boolean;
  engine?: string;
  printSql?: boolean;
  memoryLimit?: string;
}

function fraction(flag: string, text: string): number {
  const f = positiveNumber(flag, text);
  if (f > 1) throw new UsageError(`${flag} must be in (0, 1], got "${text}"`);
  return f;
}

/** The read quasi-identifiers as they are coded (a sample keeps the whole file's dictionaries). */
function qiTableOf(names: string[], read: Table, rows?: Int32Array): QiTable {
  const pick = (c: TextColumn) => (rows ? Int32Array.from(rows, (r) => c.codes[r]!) : c.codes);
  const text = (n: string) => asText(read.columns[n]!);
  return {
    records: rows ? rows.length : read.rows,
    names,
    codes: names.map((n) => pick(text(n))),
    dictionaries: names.map((n) => text(n).dictionary),
  };
}

export async function runRisk(file: string, raw: RawRiskOptions, io: CliIO): Promise<void> {
  if (!raw.qi) throw new UsageError('--qi is required: the quasi-identifier columns, e.g. --qi zip,sex,birth_date');
  const qis = raw.qi.split(',').map((s) => s.trim()).filter(Boolean);
  if (qis.length === 0) throw new UsageError('--qi lists no column');
  const missing = raw.missing ?? 'category';
  if (missing !== 'category' && missing !== 'wildcard') throw new UsageError(`--missing must be category or wildcard, got "${missing}"`);
  const threshold = raw.threshold === undefined ? 0.09 : fraction('--threshold', raw.threshold);
  const sizes = [raw.samplingFraction, raw.populationSize, raw.population ?? raw.world].filter((x) => x !== undefined);
  if (sizes.length > 1) throw new UsageError('give only one of --sampling-fraction, --population-size and --population/--world');
  if (raw.population && raw.world) throw new UsageError('give --population FILE or --world DIR, not both');
  const samplingFraction = raw.samplingFraction === undefined ? undefined : fraction('--sampling-fraction', raw.samplingFraction);
  const populationSize = raw.populationSize === undefined ? undefined : positiveInteger('--population-size', raw.populationSize);
  const sampleFraction = raw.sample === undefined ? undefined : fraction('--sample', raw.sample);
  const bootstrap = raw.bootstrap === undefined ? 200 : raw.bootstrap === '0' ? 0 : positiveInteger('--bootstrap', raw.bootstrap);
  const seed = raw.seed ?? '1';
  if (raw.compat !== undefined && raw.compat !== 'arx') throw new UsageError(`--compat must be arx (or left out for the corrected estimators), got "${raw.compat}"`);
  const na = (raw.na ?? []).flatMap((t) => t.split(','));
  // Outputs and the world are checked before anything is read or written.
  const outputs: NamedPath[] = raw.perRecord ? [{ flag: '--per-record', path: raw.perRecord }] : [];
  const inputs: NamedPath[] = [{ flag: 'the table', path: file }, ...(raw.population ? [{ flag: '--population', path: raw.population }] : [])];
  const worldPeople = raw.world ? worldTablePath(await openWorldInput(raw.world, { verify: raw.verify, outputs, inputs }), 'people') : undefined;
  if (!raw.world) await checkOutputs(outputs, inputs);
  // --print-sql and --memory-limit are the DuckDB engine's, so they pick that engine unless told otherwise.
  const memoryLimit = parseMemoryLimit(raw.memoryLimit);
  const sqlFlag = raw.printSql ? '--print-sql' : memoryLimit ? '--memory-limit' : null;
  const populationInput = raw.population ?? worldPeople;
  const engine = sqlFlag && raw.engine === undefined ? 'duckdb' : chooseEngine(raw.engine, [file, ...(populationInput ? [populationInput] : [])], (l) => raw.quiet || io.stderr.write(l), duckdbFromBytes(io.env));
  if (sqlFlag && engine !== 'duckdb') throw new UsageError(`${sqlFlag} is for --engine duckdb; it does not go with --engine memory`);
  if (engine === 'duckdb') {
    refusedRiskFlags({ ...raw });
    return runRiskDuckdb(
      {
        file,
        qis,
        threshold,
        naTokens: na,
        json: raw.json === true,
        quiet: raw.quiet === true,
        printSql: raw.printSql === true,
        memoryLimit,
        ...(samplingFraction !== undefined ? { samplingFraction } : {}),
        ...(populationSize !== undefined ? { populationSize } : {}),
        ...(populationInput ? { population: { flag: raw.population ? '--population' : '--world', file: populationInput } } : {}),
        ...(raw.compat === 'arx' ? { compat: 'arx' as const } : {}),
        ...(raw.delimiter ? { delimiter: raw.delimiter } : {}),
      },
      io,
    );
  }
  const asCsv = { naTokens: na, encoding: parseEncoding(raw.encoding), ...(raw.delimiter ? { delimiter: raw.delimiter } : {}) };

  const extra = [raw.weight, raw.household, raw.sensitive].filter((c): c is string => c !== undefined);
  const columns = [...new Set([...qis, ...extra])];
  const read = await readColumns(file, { columns, ...asCsv });
  if (read.rows === 0) throw new InputError(`${file}: the table has no records`);

  // --sample f: the file is the population and a seeded simple random sample of it is analysed.
  const rows = sampleFraction === undefined ? undefined : sampleIndices(read.rows, Math.max(1, Math.round(sampleFraction * read.rows)), seed);
  const qi = qiTableOf(qis, read, rows);
  const warnings = uselessColumnWarnings(file, 'quasi-identifier', new Map(qis.map((n, j) => [n, { codes: qi.codes[j]!, dictionary: qi.dictionaries[j]! }])));
  printWarnings(io, warnings);
  const textOfColumn = (c: string) => asText(read.columns[c]!);
  const gather = (c: string) => {
    const codes = textOfColumn(c).codes;
    return rows ? Int32Array.from(rows, (r) => codes[r]!) : codes;
  };

  const input: { -readonly [K in keyof RiskInput]: RiskInput[K] } = { qi, missing, threshold, bootstrap, seed, suda: raw.suda === true, combinations: raw.combinations === undefined ? 0 : positiveInteger('--combinations', raw.combinations) };
  if (raw.compat === 'arx') input.compat = 'arx';
  if (samplingFraction !== undefined) input.samplingFraction = samplingFraction;
  if (populationSize !== undefined) input.populationSize = populationSize;
  const populationFile = raw.population ?? worldPeople ?? (rows ? file : undefined);
  if (populationFile) {
    const pop = populationFile === file ? read : await readColumns(populationFile, { columns: qis, ...(raw.world ? { naTokens: na } : asCsv) }); // a world's file is reident's own CSV
    input.population = qiTableOf(qis, pop);
  }
  if (raw.weight) {
    const c = textOfColumn(raw.weight);
    const values = c.dictionary.map(Number);
    const bad = c.dictionary.findIndex((v, k) => !(Number.isFinite(values[k]) && values[k]! > 0));
    if (bad >= 0) throw new InputError(`${file}: --weight column "${raw.weight}" holds "${c.dictionary[bad]}", not a positive number`);
    const codes = gather(raw.weight);
    if (codes.some((k) => k < 0)) throw new InputError(`${file}: --weight column "${raw.weight}" has missing values`);
    input.weights = Float64Array.from(codes, (k) => values[k]!);
  }
  if (raw.household) {
    if (!raw.weight) throw new UsageError('--household needs --weight (household risk builds on individual risk)');
    const c = textOfColumn(raw.household);
    input.households = Array.from(gather(raw.household), (k) => (k < 0 ? '' : c.dictionary[k]!));
  }
  if (raw.sensitive) input.sensitive = { name: raw.sensitive, codes: gather(raw.sensitive), dictionary: textOfColumn(raw.sensitive).dictionary };

  // Bars only where a step can take seconds: tables of a few hundred thousand records and more.
  const steps = stepProgress((unit) => commandProgress(io, { quiet: raw.quiet === true || qi.records < PROGRESS_FROM_RECORDS, json: raw.json }, unit));
  input.onProgress = steps.step;
  let report: RiskReport;
  try {
    report = analyseRisk(input);
  } catch (e) {
    throw new InputError(`${file}: ${(e as Error).message}`);
  } finally {
    steps.stop();
  }
  if (raw.perRecord) await writeFileAtomic(raw.perRecord, perRecordCsv(report, rows));
  const { perRecord: _omit, ...shown } = report;
  const header = { file, qi: qis, sampled: rows ? { fraction: sampleFraction, records: rows.length, of: read.rows, seed } : null };
  io.stdout.write(raw.json ? JSON.stringify({ ...header, warnings, ...shown }, null, 1) + '\n' : formatRiskReport(header, report));
}

function perRecordCsv(r: RiskReport, rows?: Int32Array): string {
  const p = r.perRecord;
  const cols: [string, ArrayLike<number> | null][] = [
    ['class_size', p.classSize],
    ['risk', p.risk],
    ['population_class_size', p.populationClassSize],
    ['individual_risk', p.individualRisk],
    ['household_risk', p.householdRisk],
    ['l', p.l],
    ['suda_score', p.sudaScore],
  ];
  const present = cols.filter((c): c is [string, ArrayLike<number>] => c[1] !== null);
  const lines = ['row,' + present.map((c) => c[0]).join(',')];
  for (let i = 0; i < r.records; i++) lines.push(`${rows ? rows[i] : i},${present.map((c) => c[1][i]).join(',')}`);
  return lines.join('\n') + '\n';
}

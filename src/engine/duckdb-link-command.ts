// `reident link ... --engine duckdb`: blocking, comparison and scoring as SQL over the files, with the
// model given in the settings (m, u, lambda) or, with --train, estimated from counts gathered in SQL
// (duckdb-train.ts); the pairs CSV is written by DuckDB itself. The summary is the memory engine's
// (link-render.ts).
import { rename, rm } from 'node:fs/promises';
import { splinkModel } from '../../attacks/link/splink/to-splink.ts';
import { parametersFromSettings, type FSParameters } from '../../attacks/link/fellegi-sunter.ts';
import type { LinkSettings } from '../../attacks/link/settings.ts';
import { trainFromCounts, type TrainOptions, type TrainResult } from '../../attacks/link/train.ts';
import { SettingsError } from '../../attacks/link/settings.ts';
import { scoreLinks } from '../../attacks/score/index.ts';
import { InputError } from '../io/input-error.ts';
import { readColumns } from '../io/read-columns.ts';
import { truthIds } from '../io/table-file.ts';
import { writeFileAtomic } from '../io/out-dir.ts';
import { asText } from '../table/table.ts';
import { UsageError } from '../cli/errors.ts';
import type { CliIO } from '../cli/io.ts';
import { lambdaSourceOf, trainFlagColumns, trainFlagError } from '../cli/link-train-flags.ts';
import { formatLinkSummary, linkSummary } from '../cli/link-render.ts';
import { buildCandidatePairs, copyScoredPairs, readLinks, patternCounts, patternWeights } from './duckdb-link.ts';
import { openEngineSession } from './duckdb-session.ts';
import { fileSource } from './file-source.ts';
import { sqlTrainingCounts } from './duckdb-train.ts';
import { UnsupportedInSql } from './link-sql.ts';

export interface DuckdbLinkRun {
  left: string;
  right?: string;
  settingsFile: string;
  settings: LinkSettings;
  out: string;
  threshold: number;
  truthLeft?: string;
  truthRight?: string;
  saveModel?: string;
  json: boolean;
  quiet: boolean;
  printSql: boolean;
  memoryLimit?: string | undefined;
  /** --train and its options: m, u and lambda estimated from counts gathered in SQL (duckdb-train.ts) instead of the settings' own. */
  train?: TrainOptions;
}

/** Flags of the memory engine the DuckDB engine does not run; each refused by name. */
export function refusedLinkFlags(raw: Record<string, unknown>): void {
  const refused: [string, string, string][] = [
    ['curve', '--curve', 'it needs every pair in memory'],
    ['explain', '--explain', 'use --engine memory'],
    ['modelReport', '--model-report', 'use --engine memory'],
    ['oneToOne', '--one-to-one', 'the greedy assignment runs in memory'],
  ];
  for (const [key, flag, why] of refused) if (raw[key] !== undefined && raw[key] !== false) throw new UsageError(`${flag} is not available with --engine duckdb (${why})`);
  if (raw.encoding !== undefined && raw.encoding !== 'utf8') throw new UsageError('--encoding: the DuckDB engine reads UTF-8 only; use --engine memory');
}

async function truthOf(flag: string, file: string, column: string): Promise<Int32Array> {
  const read = await readColumns(file, { columns: [column] }).catch((e: Error) => {
    throw new InputError(`${flag}: ${e.message}`);
  });
  return truthIds(file, column, asText(read.columns[column]!));
}

export async function runLinkDuckdb(r: DuckdbLinkRun, io: CliIO): Promise<void> {
  const { settings } = r;
  const dedupe = settings.link_type === 'dedupe_only';
  const sources = { left: { flag: '--left', source: fileSource('--left', r.left) }, ...(r.right ? { right: { flag: '--right', source: fileSource('--right', r.right) } } : {}) };
  const session = await openEngineSession(r, io);
  const tmp = `${r.out}.${process.pid}.tmp`;
  let sizes;
  let links;
  let training: TrainResult | null = null;
  let parameters: FSParameters;
  try {
    sizes = await buildCandidatePairs(session, settings, sources, r.train ? trainFlagColumns(r.train) : []);
    if (r.train) training = trainFromCounts(await sqlTrainingCounts(session, settings, sizes, r.train), settings, r.train);
    parameters = training?.parameters ?? parametersFromSettings(settings);
    const weights = patternWeights(await patternCounts(session, settings), parameters);
    await copyScoredPairs(session, settings, weights, 0, tmp);
    await rename(tmp, r.out);
    links = await readLinks(session, settings, weights, r.threshold, r.truthLeft !== undefined);
  } catch (e) {
    await rm(tmp, { force: true });
    if (e instanceof UnsupportedInSql) throw new UsageError(`${r.settingsFile}: ${e.message}`);
    if (e instanceof SettingsError) throw new InputError(`${r.settingsFile}: ${e.message}`);
    throw trainFlagError(e);
  } finally {
    session.close();
  }
  if (r.saveModel) await writeFileAtomic(r.saveModel, JSON.stringify(splinkModel(settings, parameters), null, 4) + '\n');
  let score = null;
  if (r.truthLeft) {
    const truthLeft = await truthOf('--truth-left', r.left, r.truthLeft);
    const truthRight = r.right ? await truthOf('--truth-right', r.right, r.truthRight!) : truthLeft;
    score = scoreLinks({ left: links.left, right: links.right }, truthLeft, truthRight, { dedupe });
  }
  const run = {
    left: { file: r.left, records: sizes.leftRecords },
    right: r.right ? { file: r.right, records: sizes.rightRecords } : null,
    blockingRules: settings.blocking.length,
    comparisons: settings.comparisons.length,
    possiblePairs: dedupe ? (sizes.leftRecords * (sizes.leftRecords - 1)) / 2 : sizes.leftRecords * sizes.rightRecords,
    candidatePairs: sizes.candidatePairs,
    pairs: sizes.candidatePairs,
    oneToOne: false,
    links: links.count,
    threshold: r.threshold,
    lambda: parameters.lambda,
    lambdaSource: lambdaSourceOf(training, settings),
    trained: training !== null,
    out: r.out,
    score,
    curve: null,
  };
  const summary = linkSummary(run);
  io.stdout.write(r.json ? JSON.stringify({ ...summary, warnings: [], engine: 'duckdb' }, null, 1) + '\n' : formatLinkSummary(run, summary));
}

// Fellegi-Sunter linkage run as SQL over the files: candidate pairs and gammas in a DuckDB temporary
// table (it spills to disk past memory), pattern counts back to JS, the model's weight of each pattern
// from the core's scoring (so both engines weigh a pattern with the same code), scored pairs copied
// straight to a CSV file, and the links counted (their rows read only to score them against truth).
import { scorePairs, type FSParameters } from '../../attacks/link/fellegi-sunter.ts';
import type { LinkSettings } from '../../attacks/link/settings.ts';
import { sourceView, str, type FileSource } from './dialect.ts';
import { UsageError } from '../cli/errors.ts';
import { asNumbers, type SqlSession } from './duckdb-session.ts';
import { checkColumns } from './file-source.ts';
import { candidatePairsSql, checkSupported, gammaColumn, LEFT_INPUT, linkColumns, linkCountSql, linkRowsSql, patternCountsSql, recordViews, RIGHT_INPUT, scoredPairsSql, type PatternWeight } from './link-sql.ts';

export interface LinkSources {
  readonly left: { readonly flag: string; readonly source: FileSource };
  /** Absent for dedupe_only. */
  readonly right?: { readonly flag: string; readonly source: FileSource };
}

/** Distinct comparison patterns (row-major, pattern x comparison) and how many candidate pairs have each. */
export interface SqlPatternCounts {
  readonly comparisons: number;
  readonly gamma: Int8Array;
  readonly count: Float64Array;
}

/** The statements that make the candidate pairs, in order (views, then the pairs table); `extra`: more columns for the record views (training rules'). */
export function linkSetupStatements(settings: LinkSettings, s: LinkSources, extra: readonly string[] = []): string[] {
  checkSupported(settings);
  const dedupe = settings.link_type === 'dedupe_only';
  return [sourceView(LEFT_INPUT, s.left.source), ...(dedupe || !s.right ? [] : [sourceView(RIGHT_INPUT, s.right.source)]), ...recordViews(settings, dedupe, extra), candidatePairsSql(settings)];
}

/**
 * Builds the candidate pairs; returns the records on each side and the number of candidate pairs.
 * `flagColumns`: columns named by --training-rules or --lambda-rules, checked with their own message.
 */
export async function buildCandidatePairs(session: SqlSession, settings: LinkSettings, s: LinkSources, flagColumns: readonly string[] = []): Promise<{ leftRecords: number; rightRecords: number; candidatePairs: number }> {
  const [leftView, ...rest] = linkSetupStatements(settings, s, flagColumns);
  await session.run(leftView!);
  const needed = linkColumns(settings);
  const check = async (view: string, side: { flag: string; source: FileSource }, name: string) => {
    await checkColumns(session, view, side.flag, side.source.path, needed);
    await checkColumns(session, view, side.flag, side.source.path, flagColumns, (c) => new UsageError(`${side.source.path}: no column "${c}" (named in --lambda-rules or --training-rules; ${name} table)`));
  };
  const dedupe = settings.link_type === 'dedupe_only';
  await check(LEFT_INPUT, s.left, 'left');
  if (!dedupe) {
    await session.run(rest.shift()!);
    await check(RIGHT_INPUT, s.right!, 'right');
  }
  for (const sql of rest) await session.run(sql);
  const counts = await session.columns(
    `SELECT (SELECT count(*) FROM ${LEFT_INPUT}) AS left_records, (SELECT count(*) FROM ${dedupe ? LEFT_INPUT : RIGHT_INPUT}) AS right_records, (SELECT count(*) FROM scored_candidates) AS candidate_pairs`,
  );
  return { leftRecords: Number(counts.left_records![0]), rightRecords: Number(counts.right_records![0]), candidatePairs: Number(counts.candidate_pairs![0]) };
}

export async function patternCounts(session: SqlSession, settings: LinkSettings): Promise<SqlPatternCounts> {
  return patternsOf(session, settings, patternCountsSql(settings));
}

/** The patterns a query returns (a gamma column per comparison and `pairs`), row-major. */
export async function patternsOf(session: SqlSession, settings: LinkSettings, sql: string): Promise<SqlPatternCounts> {
  const c = await session.columns(sql);
  const nc = settings.comparisons.length;
  const count = asNumbers(c.pairs!);
  const gamma = new Int8Array(count.length * nc);
  settings.comparisons.forEach((comp, j) => {
    const col = c[gammaColumn(comp)]!;
    for (let k = 0; k < count.length; k++) gamma[k * nc + j] = Number(col[k]);
  });
  return { comparisons: nc, gamma, count };
}

/** The model's match weight and probability of each pattern, by the core's scorePairs (no term frequencies). */
export function patternWeights(patterns: SqlPatternCounts, parameters: FSParameters): PatternWeight[] {
  const n = patterns.count.length;
  const nc = patterns.comparisons;
  const gamma = Array.from({ length: nc }, (_, j) => Int8Array.from({ length: n }, (_, k) => patterns.gamma[k * nc + j]!));
  const rows = new Int32Array(n);
  const { weight, probability } = scorePairs({ left: rows, right: rows, count: n }, gamma, parameters, null);
  return Array.from({ length: n }, (_, k) => ({ gamma: gamma.map((g) => g[k]!), weight: weight[k]!, probability: probability[k]! }));
}

/**
 * The links (pairs at or above `minProbability`): how many, and with `rows` their left and right rows
 * (to score against truth; the only pairs that come into JS, and only when asked).
 */
export async function readLinks(session: SqlSession, settings: LinkSettings, weights: readonly PatternWeight[], minProbability: number, rows: boolean): Promise<{ count: number; left: Int32Array; right: Int32Array }> {
  const none = { count: 0, left: new Int32Array(0), right: new Int32Array(0) };
  if (weights.length === 0) return none;
  if (!rows) return { ...none, count: Number((await session.columns(linkCountSql(settings, weights, minProbability))).links![0]) };
  const c = await session.columns(linkRowsSql(settings, weights, minProbability));
  return { count: c.left_row!.length, left: Int32Array.from(asNumbers(c.left_row!)), right: Int32Array.from(asNumbers(c.right_row!)) };
}

/** COPY of the scored pairs to a CSV file (the memory engine's pairs CSV columns), never through JS. */
export async function copyScoredPairs(session: SqlSession, settings: LinkSettings, weights: readonly PatternWeight[], minProbability: number, file: string): Promise<void> {
  const header = ['left_row', 'right_row', 'match_weight', 'match_probability', ...settings.comparisons.map(gammaColumn)].join(', ');
  const query = weights.length ? scoredPairsSql(settings, weights, minProbability) : `SELECT ${header} FROM (SELECT 0 AS left_row, 0 AS right_row, 0.0 AS match_weight, 0.0 AS match_probability${settings.comparisons.map((c) => `, 0 AS ${gammaColumn(c)}`).join('')}) AS none WHERE FALSE`;
  await session.run(`COPY (${query}) TO ${str(file)} (FORMAT CSV, HEADER);`);
}

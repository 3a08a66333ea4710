// `reident link --train --engine duckdb`: the counts training reads, gathered in SQL (train-sql.ts) so no
// record or pair is held in JS; the core's trainFromCounts then estimates m, u and lambda from them,
// bit for bit as the memory engine does from its own counts. The u sample is drawn by the core's seeded
// sampler and handed to the SQL as a CSV file of row numbers.
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pairsAmongSample, uSamplePairs, uSamplePlan, uSampleRecords } from '../../attacks/link/em.ts';
import { levelCount } from '../../attacks/link/gamma.ts';
import type { PatternCounts } from '../../attacks/link/patterns.ts';
import type { LinkSettings } from '../../attacks/link/settings.ts';
import { checkLambdaOptions, checkRulePairs, lambdaFromCounts, lambdaFromSessionsNeeded, trainingRulesOf, type TrainingCounts, type TrainOptions } from '../../attacks/link/train.ts';
import { sourceView } from './dialect.ts';
import { patternsOf } from './duckdb-link.ts';
import type { SqlSession } from './duckdb-session.ts';
import { LEFT_RECORDS, rightRecords } from './link-sql.ts';
import { presentCountsSql, rulePatternsSql, rulesPairCountSql, U_PAIRS, U_RECORDS, uPairsPatternsSql, uRecordsPatternsSql } from './train-sql.ts';

/** Sampled pairs written per chunk (as the memory engine compares them). */
const CHUNK = 1 << 20;

/** Writes lines to a file chunk by chunk. */
function writeLines(file: string, header: string, chunks: Iterable<string[]>): void {
  const fd = openSync(file, 'w');
  try {
    writeSync(fd, header + '\n');
    for (const lines of chunks) if (lines.length) writeSync(fd, lines.join('\n') + '\n');
  } finally {
    closeSync(fd);
  }
}

/** The u sample (uSamplePlan, as the memory engine draws it) as a file and the query of its patterns; `pairs` is how many pairs it compares. */
function writeUSample(dir: string, settings: LinkSettings, sizes: { leftRecords: number; rightRecords: number }, all: number, options: TrainOptions): { file: string; view: string; sql: string; method: 'pairs' | 'records'; pairs: number } {
  const rightRows = settings.link_type === 'dedupe_only' ? null : sizes.rightRecords;
  const seed = options.seed ?? 0;
  const plan = uSamplePlan(sizes.leftRecords, rightRows, all, { maxPairs: options.maxPairsForU, method: options.uSampling });
  if (plan.method === 'records') {
    const file = join(dir, 'u-records.csv');
    const sample = uSampleRecords(sizes.leftRecords, rightRows, plan.proportion, seed);
    const lines = (side: string, rows: Int32Array | null) => Array.from(rows ?? [], (row) => `${side},${row}`);
    writeLines(file, 'side,sample_row', [lines('l', sample.left), lines('r', sample.right)]);
    return { file, view: U_RECORDS, sql: uRecordsPatternsSql(settings), method: 'records', pairs: pairsAmongSample(sample) };
  }
  const file = join(dir, 'u-pairs.csv');
  const n = plan.pairs;
  function* chunks() {
    for (let from = 0; from < n; from += CHUNK) {
      const c = uSamplePairs(sizes.leftRecords, rightRows, from, Math.min(CHUNK, n - from), seed);
      yield Array.from(c.left, (l, k) => `${l},${c.right[k]}`);
    }
  }
  writeLines(file, 'left_row,right_row', chunks());
  return { file, view: U_PAIRS, sql: uPairsPatternsSql(settings), method: 'pairs', pairs: n };
}

/** Each comparison's level counts over the patterns (null gammas not counted). */
function levelCounts(settings: LinkSettings, p: PatternCounts): Float64Array[] {
  const nc = p.comparisons;
  return settings.comparisons.map((comp, c) => {
    const counts = new Float64Array(levelCount(comp));
    for (let k = 0; k < p.count.length; k++) {
      const g = p.gamma[k * nc + c]!;
      if (g >= 0) counts[g]! += p.count[k]!;
    }
    return counts;
  });
}

/**
 * TrainingCounts from SQL over the record views (recordViews, with the training rules' columns): the
 * memory engine's trainingCounts, in the same order, so its errors come at the same step.
 */
export async function sqlTrainingCounts(session: SqlSession, settings: LinkSettings, sizes: { leftRecords: number; rightRecords: number }, options: TrainOptions): Promise<TrainingCounts> {
  const dedupe = settings.link_type === 'dedupe_only';
  const all = dedupe ? (sizes.leftRecords * (sizes.leftRecords - 1)) / 2 : sizes.leftRecords * sizes.rightRecords;
  checkLambdaOptions(options.lambdaRules, options.lambdaRecall);
  let lambdaRulePairs = null;
  if (options.lambdaRules) {
    lambdaRulePairs = Number((await session.columns(rulesPairCountSql(settings, options.lambdaRules))).pairs![0]);
    lambdaFromCounts(lambdaRulePairs, all, options.lambdaRules, options.lambdaRecall!); // its errors before the long steps
  }
  const dir = mkdtempSync(join(tmpdir(), 'reident-u-sample-'));
  let u;
  try {
    const sample = writeUSample(dir, settings, sizes, all, options);
    await session.run(sourceView(sample.view, { path: sample.file, format: 'csv', delimiter: ',' }));
    u = { levelCounts: levelCounts(settings, await patternsOf(session, settings, sample.sql)), method: sample.method, pairs: sample.pairs };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const rules: TrainingCounts['rules'] = [];
  for (const [i, rule] of trainingRulesOf(settings, options).entries()) {
    const patterns = await patternsOf(session, settings, rulePatternsSql(settings, rule));
    const pairs = patterns.count.reduce((a, b) => a + b, 0);
    checkRulePairs(i, rule, pairs, options);
    rules.push({ rule, pairs, patterns });
  }
  let present = null;
  if (lambdaFromSessionsNeeded(settings, options)) {
    const shares = async (records: string) => {
      const c = await session.columns(presentCountsSql(settings, records));
      const n = Number(c.records![0]);
      return settings.comparisons.map((_, k) => Number(c[`present_${k}`]![0]) / Math.max(1, n));
    };
    const left = await shares(LEFT_RECORDS);
    const right = dedupe ? left : await shares(rightRecords(false));
    present = left.map((l, k) => ({ left: l, right: right[k]! }));
  }
  return { all, lambdaRulePairs, uLevelCounts: u.levelCounts, uSampling: { method: u.method, pairs: u.pairs }, rules, present };
}

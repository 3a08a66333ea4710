// `reident link`: Fellegi-Sunter linkage of two tables (or dedupe of one) described by a settings
// JSON; writes scored pairs and, given truth columns, precision, recall and F1.
import { linkTables } from '../../attacks/link/link.ts';
import { SettingsError, settingsColumns, validateSettings, type LinkSettings } from '../../attacks/link/settings.ts';
import { splinkModel } from '../../attacks/link/splink/to-splink.ts';
import { allPairsCount } from '../../attacks/link/blocking.ts';
import { parametersFromSettings } from '../../attacks/link/fellegi-sunter.ts';
import { precisionRecallCurve, scoreLinks } from '../../attacks/score/index.ts';
import { InputError, readColumns } from '../io/read-columns.ts';
import { asText, drop, type Table } from '../table/table.ts';
import { writeFileAtomic } from '../io/out-dir.ts';
import { readJsonFile } from '../io/json-file.ts';
import { truthIds } from '../io/table-file.ts';
import type { TextEncodingName } from '../io/text-decoding.ts';
import { printWarnings, uselessColumnWarnings } from './column-warnings.ts';
import { parseMemoryLimit } from './memory-limit.ts';
import { UsageError } from './errors.ts';
import { checkOutputs } from './output-paths.ts';
import type { CliIO } from './io.ts';
import { openLinkProgress } from './link-progress.ts';
import { formatLinkSummary, linkSummary } from './link-render.ts';
import { parseEncoding, parseSeed, positiveNumber } from './options.ts';
import { checkExplainRows, explainPair, formatWaterfall, parseExplain, waterfallJson } from './link-explain.ts';
import { writeModelReport } from './link-model-report.ts';
import { waterfallModel } from '../../attacks/link/waterfall.ts';
import { count } from '../report/numbers.ts';
import { chooseEngine, duckdbFromBytes } from '../engine/choose-engine.ts';
import { refusedLinkFlags, runLinkDuckdb } from '../engine/duckdb-link-command.ts';
import { lambdaSourceOf, namingTrainFlag, parseTrainFlags, trainFlagColumns, type RawTrainFlags } from './link-train-flags.ts';

export interface RawLinkOptions extends RawTrainFlags {
  left?: string;
  right?: string;
  dedupe?: boolean;
  settings?: string;
  encoding?: string;
  train?: boolean;
  threshold?: string;
  out?: string;
  truthLeft?: string;
  truthRight?: string;
  oneToOne?: boolean;
  seed?: string;
  curve?: string;
  json?: boolean;
  quiet?: boolean;
  saveModel?: string;
  explain?: string;
  modelReport?: string;
  engine?: string;
  printSql?: boolean;
  memoryLimit?: string;
}

/** A table with its truth column taken out (the linkage never sees it). */
async function readTable(file: string, truth: string | undefined, encoding: TextEncodingName): Promise<{ table: Table; truth: Int32Array | null }> {
  const read = await readColumns(file, { columns: 'all', encoding });
  if (truth && !read.columns[truth]) throw new InputError(`${file}: no truth column "${truth}" (columns: ${read.names.join(', ')})`);
  const ids = truth ? truthIds(file, truth, asText(read.columns[truth]!)) : null;
  return { table: truth ? drop(read, [truth]) : read, truth: ids };
}

/** Runs `check` and turns a SettingsError into an input error naming the settings file (exit 2). */
function namingFile<T>(file: string, check: () => T, hint = ''): T {
  try {
    return check();
  } catch (e) {
    if (e instanceof SettingsError) throw new InputError(`${file}: ${e.message}${hint}`);
    throw e;
  }
}

/**
 * The settings file, validated; without --train, lambda and every m and u must be in it. A Splink 4
 * settings dictionary or saved model is recognised by its shape and translated (splink/from-splink.ts).
 */
function readSettings(file: string, train: boolean): LinkSettings {
  const json = readJsonFile(file);
  const settings = namingFile(file, () => validateSettings(json));
  if (!train) namingFile(file, () => parametersFromSettings(settings), ' (give it in the settings, or use --train to estimate it)');
  return settings;
}

export async function runLink(raw: RawLinkOptions, io: CliIO): Promise<void> {
  if (!raw.left) throw new UsageError('--left FILE is required');
  if (!raw.settings) throw new UsageError('--settings S.json is required (see docs/linkage-settings.example.json)');
  if (!raw.out) throw new UsageError('--out pairs.csv is required');
  if (!!raw.right === !!raw.dedupe) throw new UsageError('give --right FILE to link two tables, or --dedupe to deduplicate --left');
  if (!!raw.truthLeft !== !!(raw.truthRight ?? (raw.dedupe ? raw.truthLeft : undefined))) throw new UsageError('--truth-left and --truth-right go together (with --dedupe, --truth-left alone)');
  const threshold = raw.threshold === undefined ? 0.5 : positiveNumber('--threshold', raw.threshold);
  if (threshold > 1) throw new UsageError(`--threshold must be in (0, 1], got "${raw.threshold}"`);
  const seed = parseSeed(raw.seed ?? '1');
  if (raw.curve && !raw.truthLeft) throw new UsageError('--curve needs --truth-left (and --truth-right) to count precision and recall');
  const explain = raw.explain === undefined ? null : parseExplain(raw.explain);
  await checkOutputs(
    [
      { flag: '--out', path: raw.out },
      ...(raw.curve ? [{ flag: '--curve', path: raw.curve }] : []),
      ...(raw.saveModel ? [{ flag: '--save-model', path: raw.saveModel }] : []),
      ...(raw.modelReport ? [{ flag: '--model-report', path: raw.modelReport }] : []),
    ],
    [{ flag: '--left', path: raw.left }, ...(raw.right ? [{ flag: '--right', path: raw.right }] : []), { flag: '--settings', path: raw.settings }],
  );
  const train = raw.train === true;
  const trainFlags = parseTrainFlags(raw, train);
  const settings = readSettings(raw.settings, train);
  if (raw.dedupe && settings.link_type !== 'dedupe_only') throw new UsageError(`--dedupe needs "link_type": "dedupe_only" in ${raw.settings}`);
  if (raw.right && settings.link_type !== 'link_only') throw new UsageError(`--right needs "link_type": "link_only" in ${raw.settings}`);
  // --print-sql and --memory-limit are the DuckDB engine's, so they pick that engine unless told otherwise.
  const memoryLimit = parseMemoryLimit(raw.memoryLimit);
  const sqlFlag = raw.printSql ? '--print-sql' : memoryLimit ? '--memory-limit' : null;
  const engine = sqlFlag && raw.engine === undefined ? 'duckdb' : chooseEngine(raw.engine, [raw.left, ...(raw.right ? [raw.right] : [])], (l) => raw.quiet || io.stderr.write(l), duckdbFromBytes(io.env));
  if (sqlFlag && engine !== 'duckdb') throw new UsageError(`${sqlFlag} is for --engine duckdb; it does not go with --engine memory`);
  if (engine === 'duckdb') {
    refusedLinkFlags(raw as Record<string, unknown>);
    const { left, right, out, truthLeft, truthRight, saveModel } = raw;
    return runLinkDuckdb({ left, settingsFile: raw.settings, settings, out, threshold, json: raw.json === true, quiet: raw.quiet === true, printSql: raw.printSql === true, memoryLimit, ...(right ? { right } : {}), ...(truthLeft ? { truthLeft } : {}), ...(truthRight ? { truthRight } : {}), ...(saveModel ? { saveModel } : {}), ...(train ? { train: { ...trainFlags, seed } } : {}) }, io);
  }
  const encoding = parseEncoding(raw.encoding);
  const left = await readTable(raw.left, raw.truthLeft, encoding);
  const right = raw.right ? await readTable(raw.right, raw.truthRight, encoding) : null;
  const explainFiles = { left: raw.left, right: raw.right ?? null };
  if (explain) checkExplainRows(explain, { left: left.table.rows, right: (right ?? left).table.rows }, explainFiles);
  const used = new Set(settingsColumns(settings));
  for (const [side, t, file] of [['left', left, raw.left], ['right', right, raw.right]] as const) {
    if (!t) continue;
    for (const c of used) if (!(c in t.table.columns)) throw new InputError(`${file}: no column "${c}" (used by the settings; ${side} table)`);
    for (const c of trainFlagColumns(trainFlags)) if (!(c in t.table.columns)) throw new UsageError(`${file}: no column "${c}" (named in --lambda-rules or --training-rules; ${side} table)`);
  }
  const sides = [[left, raw.left], [right, raw.right]] as const;
  const warnings = sides.flatMap(([t, file]) => (t ? uselessColumnWarnings(file!, 'linkage column', new Map([...used].map((c) => [c, asText(t.table.columns[c]!)]))) : []));
  printWarnings(io, warnings);
  const progress = openLinkProgress(io.stderr, raw.quiet === true);
  let result;
  try {
    const options = { train, seed, onProgress: progress.onProgress, ...trainFlags, ...(raw.oneToOne ? { oneToOne: true } : {}) };
    result = namingTrainFlag(() => namingFile(raw.settings!, () => linkTables(left.table, right?.table ?? null, settings, options)));
  } finally {
    progress.stop();
  }

  const names = settings.comparisons.map((c) => c.column);
  const lines = ['left_row,right_row,match_weight,match_probability,' + names.map((n) => `gamma_${n}`).join(',')];
  for (let k = 0; k < result.count; k++) {
    lines.push(`${result.left[k]},${result.right[k]},${result.weight[k]},${result.probability[k]},${result.gamma.map((g) => g[k]).join(',')}`);
  }
  await writeFileAtomic(raw.out, lines.join('\n') + '\n');
  // the model used (given or trained) as a Splink 4 saved model
  if (raw.saveModel) await writeFileAtomic(raw.saveModel, JSON.stringify(splinkModel(settings, result.parameters), null, 4) + '\n');

  const keep: number[] = [];
  for (let k = 0; k < result.count; k++) if (result.probability[k]! >= threshold) keep.push(k);
  let score = null;
  if (left.truth) {
    const links = { left: Int32Array.from(keep, (k) => result.left[k]!), right: Int32Array.from(keep, (k) => result.right[k]!) };
    const truthRight = right ? right.truth! : left.truth;
    score = scoreLinks(links, left.truth, truthRight, { dedupe: !right });
    if (raw.curve) {
      // Precision and recall at every match probability, thinned to at most ~200 points; recall is left empty when there are no true pairs.
      const all = { left: result.left.subarray(0, result.count), right: result.right.subarray(0, result.count), score: result.probability.subarray(0, result.count) };
      const curve = precisionRecallCurve(all, left.truth, truthRight, { dedupe: !right });
      const step = Math.max(1, Math.floor(curve.length / 200));
      const rows = curve.filter((_, i) => i % step === 0 || i === curve.length - 1).map((c) => `${c.threshold},${c.links},${c.precision},${Number.isFinite(c.recall) ? c.recall : ''}`);
      await writeFileAtomic(raw.curve, ['threshold,links,precision,recall', ...rows].join('\n') + '\n');
    }
  }
  const run = {
    left: { file: raw.left, records: left.table.rows },
    right: right ? { file: raw.right!, records: right.table.rows } : null,
    blockingRules: settings.blocking.length,
    comparisons: settings.comparisons.length,
    possiblePairs: allPairsCount(left.table, right?.table ?? null, settings.link_type),
    candidatePairs: result.candidatePairs,
    pairs: result.count,
    oneToOne: raw.oneToOne === true,
    links: keep.length,
    threshold,
    lambda: result.parameters.lambda,
    lambdaSource: lambdaSourceOf(result.training, settings),
    trained: train,
    out: raw.out,
    score,
    curve: score && raw.curve ? raw.curve : null,
  };
  // --explain and --model-report read the model the run used (given or trained).
  const model = explain || raw.modelReport ? waterfallModel(left.table, right?.table ?? null, settings, result.parameters) : null;
  const waterfall = explain ? explainPair(model!, explain, explainFiles) : null;
  if (raw.modelReport) {
    const subject = right ? `${raw.left} (${count(left.table.rows)} records) linked to ${raw.right} (${count(right.table.rows)} records)` : `${raw.left} (${count(left.table.rows)} records) deduplicated`;
    await writeModelReport(raw.modelReport, model!, result, threshold, subject);
  }
  const summary = linkSummary(run);
  const explained = waterfall ? { explain: waterfallJson(waterfall) } : {};
  io.stdout.write(raw.json ? JSON.stringify({ ...summary, warnings, ...explained }, null, 1) + '\n' : formatLinkSummary(run, summary) + (waterfall ? formatWaterfall(waterfall, explainFiles) : ''));
}

// What `reident link` tells its reader: the figures (also its --json) and one sentence per figure,
// built from the same values so a sentence and its table row never disagree.
import { explainLinkScore, formatRate, type LinkScore } from '../../attacks/score/index.ts';
import { count } from '../report/numbers.ts';

export interface LinkRun {
  /** The input files and their record counts (right is null for --dedupe). */
  left: { file: string; records: number };
  right: { file: string; records: number } | null;
  blockingRules: number;
  comparisons: number;
  possiblePairs: number;
  candidatePairs: number;
  /** Rows written to --out (all candidate pairs, or the one-to-one subset). */
  pairs: number;
  oneToOne: boolean;
  /** Pairs at match probability >= threshold. */
  links: number;
  threshold: number;
  lambda: number;
  /** Where lambda came from: the settings, estimated by EM (--train without settings.lambda), or from --lambda-rules. */
  lambdaSource: 'settings' | 'trained' | 'rules';
  trained: boolean;
  out: string;
  score: LinkScore | null;
  curve: string | null;
}

/** "1 in 4,185": a small prior probability as odds a reader can picture (never a raw float). */
function oneIn(p: number): string {
  const n = 1 / p;
  return `1 in ${n >= 100 ? count(Math.round(n)) : n.toPrecision(3)}`;
}

const LAMBDA_SOURCE: Record<LinkRun['lambdaSource'], string> = {
  settings: 'given in the settings',
  trained: 'estimated from the training sessions',
  rules: 'the pairs the --lambda-rules make, divided by --lambda-recall, over all pairs',
};

/** F1 as a score in [0, 1], three decimals. */
const f1Text = (f1: number): string => f1.toFixed(3);

/** The --json object: the figures (undefined ones as null), their intervals and one sentence each. */
export function linkSummary(run: LinkRun): Record<string, unknown> {
  const e: Record<string, string> = {};
  const what = run.right
    ? `Linked ${run.left.file} (${count(run.left.records)} records) to ${run.right.file} (${count(run.right.records)} records)`
    : `Deduplicated ${run.left.file} (${count(run.left.records)} records)`;
  e.candidatePairs =
    `${what}: ${count(run.candidatePairs)} of the ${count(run.possiblePairs)} possible pairs agree on every column of at least one ` +
    `of the ${count(run.blockingRules)} blocking rules, and only these were compared on ${count(run.comparisons)} columns.`;
  e.pairs = run.oneToOne
    ? `${run.out} holds ${count(run.pairs)} scored pairs: the best pair of each record (one-to-one, greedy by match probability).`
    : `${run.out} holds all ${count(run.pairs)} candidate pairs with their match weight and probability.`;
  e.links = `${count(run.links)} of the ${count(run.pairs)} scored pairs reached match probability ${run.threshold} and count as links.`;
  e.lambda =
    `Before any comparison, two records drawn at random belong to the same person with probability ${oneIn(run.lambda)} ` +
    `(the prior, lambda, ${LAMBDA_SOURCE[run.lambdaSource]}).`;
  const figures: Record<string, unknown> = {
    leftRecords: run.left.records,
    ...(run.right ? { rightRecords: run.right.records } : {}),
    blockingRules: run.blockingRules,
    comparisons: run.comparisons,
    possiblePairs: run.possiblePairs,
    candidatePairs: run.candidatePairs,
    pairs: run.pairs,
    links: run.links,
    threshold: run.threshold,
    lambda: run.lambda,
    trained: run.trained,
    out: run.out,
  };
  const s = run.score;
  if (s) {
    const told = explainLinkScore(s);
    const defined = (x: number) => (Number.isFinite(x) ? x : null);
    e.precision = s.links === 0 ? `No pair reached match probability ${run.threshold}, so there are no links and precision is undefined.` : told.precision.explanation;
    e.recall = s.truePairs === 0 ? 'No record has a true match on the other side (by the truth columns), so recall is undefined.' : told.recall.explanation;
    e.f1 = Number.isFinite(s.f1)
      ? `F1, the harmonic mean of precision and recall, is ${f1Text(s.f1)}, on a scale where one is every link right and every true pair found.`
      : 'F1 is undefined: it needs links and true pairs, and at least one correct link.';
    e.falsePositives = told.falseMatches.explanation;
    Object.assign(figures, {
      precision: defined(s.precision.point),
      recall: defined(s.recall.point),
      f1: defined(s.f1),
      intervals: Object.fromEntries(
        (['precision', 'recall'] as const).filter((k) => s[k].n > 0).map((k) => [k, { confidence: s[k].confidence, low: s[k].low, high: s[k].high }]),
      ),
      truePositives: s.truePositives,
      falsePositives: s.falsePositives,
      truePairs: s.truePairs,
    });
    if (run.curve) figures.curve = run.curve;
  }
  figures.explanations = e;
  return figures;
}

/** The readable form: one line per figure, its sentence beneath it. */
export function formatLinkSummary(run: LinkRun, summary: Record<string, unknown>): string {
  const e = summary.explanations as Record<string, string>;
  const out: string[] = [];
  const line = (label: string, value: string, key?: string) => {
    out.push(`${label.padEnd(24)} ${value}`);
    if (key && e[key]) out.push(`    ${e[key]}`);
  };
  line('candidate pairs', `${count(run.candidatePairs)} of ${count(run.possiblePairs)} possible`, 'candidatePairs');
  line('scored pairs', `${count(run.pairs)} in ${run.out}`, 'pairs');
  line('links', `${count(run.links)} at match probability >= ${run.threshold}`, 'links');
  line('prior (lambda)', `${oneIn(run.lambda)} pairs`, 'lambda');
  const s = run.score;
  if (s) {
    line('precision', s.links === 0 ? 'undefined (no links)' : formatRate(s.precision), 'precision');
    line('recall', s.truePairs === 0 ? 'undefined (no true pairs)' : formatRate(s.recall), 'recall');
    line('F1', Number.isFinite(s.f1) ? f1Text(s.f1) : 'undefined', 'f1');
    line('false matches', count(s.falsePositives), 'falsePositives');
    if (run.curve) line('curve', run.curve);
  }
  return out.join('\n') + '\n';
}

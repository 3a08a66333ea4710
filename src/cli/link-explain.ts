// `reident link --explain LEFT,RIGHT`: the waterfall of one pair (attacks/link/waterfall.ts) as a table a
// reader can follow step by step, or as one JSON object. Parsing and range checks name the flag.
import { pairWaterfall, sideRows, type Waterfall, type WaterfallModel, type WaterfallStep } from '../../attacks/link/waterfall.ts';
import { count, percent } from '../report/numbers.ts';
import { UsageError } from './errors.ts';

/** The two 0-based data rows of --explain ("12,40"); a UsageError names the flag. */
export function parseExplain(text: string): { left: number; right: number } {
  const m = /^\s*(\d+)\s*,\s*(\d+)\s*$/.exec(text);
  if (!m) throw new UsageError(`--explain must be two 0-based data rows, LEFT_ROW,RIGHT_ROW (e.g. 12,40), got "${text}"`);
  return { left: Number(m[1]), right: Number(m[2]) };
}

export interface ExplainFiles {
  left: string;
  /** null for --dedupe: both rows are of the left file. */
  right: string | null;
}

/** A row out of range (or, for --dedupe, a row paired with itself) is a UsageError naming the flag and the rows there are. */
export function checkExplainRows(pair: { left: number; right: number }, rows: { left: number; right: number }, files: ExplainFiles): void {
  const sides = [['left', pair.left, rows.left, files.left], ['right', pair.right, rows.right, files.right ?? files.left]] as const;
  for (const [side, row, n, file] of sides) {
    if (row >= n) {
      const which = files.right ? `${side} row` : 'row';
      throw new UsageError(`--explain: ${which} ${row} is out of range: ${file} has ${count(n)} data rows (0 to ${count(n - 1)})`);
    }
  }
  if (!files.right && pair.left === pair.right) throw new UsageError(`--explain: ${pair.left},${pair.right} pairs a record with itself; give two different rows of ${files.left}`);
}

/** The waterfall of the pair, its rows checked first (checkExplainRows). */
export function explainPair(model: WaterfallModel, pair: { left: number; right: number }, files: ExplainFiles): Waterfall {
  checkExplainRows(pair, sideRows(model), files);
  return pairWaterfall(model, pair.left, pair.right);
}

/** One sentence on whether the run compared this pair at all. */
export function candidateSentence(w: Waterfall): string {
  return w.blockedBy
    ? `Blocking rule ${w.blockedBy.rule + 1} (equal ${w.blockedBy.columns.join(' and ')}) makes this a candidate pair, so the run scored it with the weight below.`
    : 'No blocking rule makes this pair a candidate, so the run never compared it; below is the weight it would have had.';
}

/** A signed weight with three decimals ("+3.170", "-9.966"). */
function signed(x: number): string {
  return `${x >= 0 ? '+' : '-'}${Math.abs(x).toFixed(3)}`;
}

/** A Bayes factor as a reader reads it: "x9.00" (more likely a match) or "/8.50" (less likely). */
function factor(bf: number): string {
  return bf >= 1 ? `x${bf.toPrecision(3)}` : `/${(1 / bf).toPrecision(3)}`;
}

const probability = (x: number | null) => (x === null ? '' : String(Number(x.toPrecision(4))));

function clip(text: string | null, width: number): string {
  if (text === null) return '(missing)';
  return text.length > width ? text.slice(0, width - 1) + '…' : text;
}

function values(s: WaterfallStep): [string, string] {
  if (s.kind === 'term_frequency') return [s.tfLeft === null ? '' : `tf ${probability(s.tfLeft)}`, s.tfRight === null ? '' : `tf ${probability(s.tfRight)}`];
  if (s.kind === 'comparison') return [clip(s.valueLeft, 18), clip(s.valueRight, 18)];
  return ['', ''];
}

/** The readable waterfall: one line per step with its level, values, m, u, Bayes factor, weight and the running weight. */
export function formatWaterfall(w: Waterfall, files: ExplainFiles): string {
  const title = files.right ? `left row ${w.leftRow} of ${files.left} and right row ${w.rightRow} of ${files.right}` : `rows ${w.leftRow} and ${w.rightRow} of ${files.left}`;
  const header = ['step', 'level', 'left', 'right', 'm', 'u', 'Bayes factor', 'weight', 'running'];
  const rows = w.steps.map((s) => {
    const [l, r] = values(s);
    const final = s.kind === 'final';
    return [s.name, s.label, l, r, probability(s.m), probability(s.u), final ? '' : factor(s.bayesFactor), final ? '' : signed(s.weight), signed(s.cumulative)];
  });
  const widths = header.map((h, j) => Math.max(h.length, ...rows.map((r) => r[j]!.length)));
  const right = new Set([4, 5, 6, 7, 8]);
  const line = (r: readonly string[]) => r.map((c, j) => (right.has(j) ? c.padStart(widths[j]!) : c.padEnd(widths[j]!))).join('  ').trimEnd();
  return [
    '',
    `Waterfall of ${title}`,
    candidateSentence(w),
    '',
    line(header),
    ...rows.map(line),
    '',
    `Match weight ${signed(w.matchWeight)} bits: match probability ${percent(w.matchProbability, 2)}. Each step adds log2(m/u) of the pair's level (0 when a value is missing) to the prior; a term frequency step corrects an exact match for how common the value is.`,
    '',
  ].join('\n');
}

/** The --json form: the waterfall with the sentence. */
export function waterfallJson(w: Waterfall): Record<string, unknown> {
  return { leftRow: w.leftRow, rightRow: w.rightRow, candidate: w.blockedBy !== null, blockedBy: w.blockedBy, matchWeight: w.matchWeight, matchProbability: w.matchProbability, steps: w.steps, explanation: candidateSentence(w) };
}

// Scoring a linkage attack: the attack's links (row pairs + scores) joined with truth held apart.
import { wilson, type RateInterval } from './wilson.ts';

/** An attack's output (DESIGN contract 1): pairs of row indices, optionally with a score each. */
export interface Links {
  left: Int32Array;
  right: Int32Array;
  score?: Float64Array;
}

export interface LinkScoreOptions {
  /** Keep only links with score >= threshold (needs `score`). Default: keep all. */
  threshold?: number;
  /** Number of true pairs (overrides counting them from the truth arrays, e.g. for a sample). */
  truePairs?: number;
  /**
   * Deduplication: both sides are the same table (truthLeft === truthRight is typical). Pairs are
   * unordered, a row linked to itself is ignored, and true pairs are pairs of distinct rows of one person.
   */
  dedupe?: boolean;
  confidence?: number;
}

/** A wrong link and whom it hit. */
export interface FalseMatch {
  leftRow: number;
  rightRow: number;
  leftPerson: number;
  rightPerson: number;
  score: number;
}

export interface LinkScore {
  /** Distinct links scored (after threshold and removal of duplicate pairs). */
  links: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  truePairs: number;
  /** TP / (TP + FP): how often a claimed link is right. */
  precision: RateInterval;
  /** TP / truePairs: how many of the real pairs were found. */
  recall: RateInterval;
  /** Harmonic mean of the precision and recall shares (raw k/n, not Wilson centres); NaN if undefined. */
  f1: number;
  /**
   * True re-identification rate: share of left records with at least one correct link, over all left
   * records (`reidentified`) and over the left records whose person is present on the right
   * (`reidentifiedLinkable`, the ceiling an attack could reach).
   */
  reidentified: RateInterval;
  reidentifiedLinkable: RateInterval;
  falseMatches: FalseMatch[];
}

interface Pair {
  left: number;
  right: number;
  score: number;
  correct: boolean;
}

function checkRows(name: string, rows: Int32Array, size: number): void {
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    if (r < 0 || r >= size) throw new Error(`links.${name}[${i}] = ${r} is outside the ${size} rows of its truth`);
  }
}

/** Distinct pairs (duplicates keep their highest score), labelled with the truth. */
function distinctPairs(links: Links, truthLeft: ArrayLike<number>, truthRight: ArrayLike<number>, dedupe: boolean, threshold?: number): Pair[] {
  const { left, right, score } = links;
  if (left.length !== right.length) throw new Error(`links: ${left.length} left rows but ${right.length} right rows`);
  if (score && score.length !== left.length) throw new Error(`links: ${left.length} pairs but ${score.length} scores`);
  if (threshold !== undefined && !score) throw new Error('links: a threshold needs scores');
  checkRows('left', left, truthLeft.length);
  checkRows('right', right, truthRight.length);
  const width = Math.max(truthLeft.length, truthRight.length) + 1;
  const byKey = new Map<number, Pair>();
  for (let i = 0; i < left.length; i++) {
    const s = score ? score[i]! : 1;
    if (threshold !== undefined && !(s >= threshold)) continue;
    let l = left[i]!;
    let r = right[i]!;
    if (dedupe) {
      if (l === r) continue;
      if (l > r) [l, r] = [r, l];
    }
    const key = l * width + r;
    const seen = byKey.get(key);
    if (seen) {
      if (s > seen.score) seen.score = s;
    } else {
      byKey.set(key, { left: l, right: r, score: s, correct: truthLeft[l] === truthRight[r] });
    }
  }
  return [...byKey.values()];
}

function countBy(ids: ArrayLike<number>): Map<number, number> {
  const m = new Map<number, number>();
  for (let i = 0; i < ids.length; i++) m.set(ids[i]!, (m.get(ids[i]!) ?? 0) + 1);
  return m;
}

/**
 * True pairs from the truth: for linkage, sum over people of (rows on the left) x (rows on the right);
 * for dedupe (one table), sum over people of C(rows, 2).
 */
export function countTruePairs(truthLeft: ArrayLike<number>, truthRight: ArrayLike<number>, dedupe = false): number {
  if (dedupe) {
    let pairs = 0;
    for (const c of countBy(truthLeft).values()) pairs += (c * (c - 1)) / 2;
    return pairs;
  }
  const rightCounts = countBy(truthRight);
  let pairs = 0;
  for (const [id, c] of countBy(truthLeft)) pairs += c * (rightCounts.get(id) ?? 0);
  return pairs;
}

/** Scores links against row-aligned person ids of the two sides. */
export function scoreLinks(links: Links, truthLeft: ArrayLike<number>, truthRight: ArrayLike<number>, options: LinkScoreOptions = {}): LinkScore {
  const dedupe = options.dedupe ?? false;
  const confidence = options.confidence ?? 0.95;
  if (dedupe && truthLeft.length !== truthRight.length) throw new Error('scoreLinks: dedupe needs one table (truth arrays of equal length)');
  const pairs = distinctPairs(links, truthLeft, truthRight, dedupe, options.threshold);
  const truePairs = options.truePairs ?? countTruePairs(truthLeft, truthRight, dedupe);
  let tp = 0;
  const falseMatches: FalseMatch[] = [];
  const hitLeft = new Uint8Array(truthLeft.length);
  for (const p of pairs) {
    if (p.correct) {
      tp++;
      hitLeft[p.left] = 1;
      if (dedupe) hitLeft[p.right] = 1;
    } else {
      falseMatches.push({ leftRow: p.left, rightRow: p.right, leftPerson: truthLeft[p.left]!, rightPerson: truthRight[p.right]!, score: p.score });
    }
  }
  if (tp > truePairs) throw new Error(`scoreLinks: ${tp} correct links but only ${truePairs} true pairs (truePairs too small?)`);
  const fp = pairs.length - tp;
  let reidentified = 0;
  for (let i = 0; i < hitLeft.length; i++) reidentified += hitLeft[i]!;
  // Left records whose person has another record to be linked to.
  let linkable = 0;
  const rightCounts = countBy(truthRight);
  for (let i = 0; i < truthLeft.length; i++) {
    const c = rightCounts.get(truthLeft[i]!) ?? 0;
    if (dedupe ? c >= 2 : c >= 1) linkable++;
  }
  const p = pairs.length ? tp / pairs.length : NaN;
  const r = truePairs ? tp / truePairs : NaN;
  return {
    links: pairs.length,
    truePositives: tp,
    falsePositives: fp,
    falseNegatives: truePairs - tp,
    truePairs,
    precision: wilson(tp, pairs.length, confidence),
    recall: wilson(tp, truePairs, confidence),
    f1: p + r > 0 ? (2 * p * r) / (p + r) : NaN,
    reidentified: wilson(reidentified, truthLeft.length, confidence),
    reidentifiedLinkable: wilson(reidentified, linkable, confidence),
    falseMatches,
  };
}

export interface CurvePoint {
  /** Links with score >= threshold are kept. */
  threshold: number;
  links: number;
  truePositives: number;
  falsePositives: number;
  precision: number;
  recall: number;
}

/**
 * Precision and recall at every distinct score, highest threshold first: one sort, one sweep,
 * O(n log n). Raw shares (no intervals); call scoreLinks at a chosen threshold for intervals.
 */
export function precisionRecallCurve(
  links: Links, truthLeft: ArrayLike<number>, truthRight: ArrayLike<number>,
  options: { truePairs?: number; dedupe?: boolean } = {},
): CurvePoint[] {
  if (!links.score) throw new Error('precisionRecallCurve: links need scores');
  const dedupe = options.dedupe ?? false;
  const pairs = distinctPairs(links, truthLeft, truthRight, dedupe);
  const truePairs = options.truePairs ?? countTruePairs(truthLeft, truthRight, dedupe);
  pairs.sort((a, b) => b.score - a.score);
  const curve: CurvePoint[] = [];
  let tp = 0;
  for (let i = 0; i < pairs.length; i++) {
    if (pairs[i]!.correct) tp++;
    if (i + 1 < pairs.length && pairs[i + 1]!.score === pairs[i]!.score) continue;
    const n = i + 1;
    curve.push({ threshold: pairs[i]!.score, links: n, truePositives: tp, falsePositives: n - tp, precision: tp / n, recall: truePairs ? tp / truePairs : NaN });
  }
  return curve;
}

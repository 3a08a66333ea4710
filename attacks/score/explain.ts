// One-sentence explanations of scores (DESIGN contract 6: every figure explains itself).
import type { RateInterval } from './wilson.ts';
import type { ResidualRisk } from './baseline.ts';
import type { LinkScore } from './links.ts';
import { count, interval, percent as pct } from '../../src/report/numbers.ts';

/** "85.0% (95% CI 82.7%-87.1%)": the raw share with its Wilson interval. */
export function formatRate(r: RateInterval): string {
  if (r.n === 0) return 'undefined (no trials)';
  return `${pct(r.point)} (${interval(r.low, r.high, r.confidence)})`;
}

export interface Explained {
  value: number;
  explanation: string;
}

/** Precision, recall and re-identification of a linkage, each in one sentence. */
export function explainLinkScore(s: LinkScore): Record<'precision' | 'recall' | 'reidentified' | 'falseMatches', Explained> {
  return {
    precision: {
      value: s.precision.point,
      explanation: `Of the ${count(s.links)} link${s.links === 1 ? '' : 's'} the attack claimed, ${count(s.truePositives)} joined two records of the same person: precision ${formatRate(s.precision)}.`,
    },
    recall: {
      value: s.recall.point,
      explanation: `The attack found ${count(s.truePositives)} of the ${count(s.truePairs)} pairs of records that really belong to one person: recall ${formatRate(s.recall)}.`,
    },
    reidentified: {
      value: s.reidentified.point,
      explanation: `${formatRate(s.reidentified)} of the people in the released records were correctly linked to their own record on the other side.`,
    },
    falseMatches: {
      value: s.falsePositives,
      explanation: `${count(s.falsePositives)} link${s.falsePositives === 1 ? '' : 's'} pointed at the wrong person: each is a person wrongly said to be someone else.`,
    },
  };
}

/** Residual risk against a control or baseline, in one sentence. */
export function explainResidualRisk(r: ResidualRisk): Explained {
  return {
    value: r.risk,
    explanation:
      `The attack succeeded ${pct(r.attack.rate)} of the time against ${pct(r.control.rate)} for the control, ` +
      `so it took ${pct(r.risk)} (between ${pct(r.low)} and ${pct(r.high)}) of the room left above what anyone could guess without the data.`,
  };
}

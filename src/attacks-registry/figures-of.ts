// Figures of attack results: a scored rate as a rate figure, a residual risk as its share and interval.
// Browser-safe.
import { rateFigure, shareFigure } from '../scenarios/figures.ts';
import type { Figure } from '../scenarios/result.ts';

/** A rate already scored (k of n): the figure, its Wilson interval recomputed from k and n. */
export function rateOf(name: string, label: string, r: { readonly k: number; readonly n: number }, sentence: string, baseline?: Figure['baseline']): Figure {
  return rateFigure(name, label, r.k, r.n, sentence, baseline);
}

/** A residual risk (attack over baseline or control, clipped to [0, 1]) with its interval, which is propagated error, not a Wilson interval of k of n. */
export function residualFigures(name: string, label: string, r: { readonly risk: number; readonly low: number; readonly high: number }, over: string): Figure[] {
  return [shareFigure(name, `${label}: residual risk`, r.risk, `The attack's success beyond ${over}, as a share of what was left to gain: {share}.`, { low: r.low, high: r.high })];
}

// The common result of the three synthetic-data evaluators (Anonymeter's EvaluationResults + risk).
import { wilson, residualRiskFromCounts, type RateInterval, type ResidualRisk } from '../score/index.ts';
import { residual, shareOf } from '../../src/report/numbers.ts';

export interface SyntheticAttackResult {
  attack: 'linkability' | 'singling-out' | 'inference';
  /** Attacks run against the original (training) records. */
  nAttacks: number;
  /** Success against records used for synthesis (Wilson; `rate` is the Wilson centre). */
  main: RateInterval;
  /** Success of the naive attacker (random neighbours / random predicates / random synthetic record). */
  baseline: RateInterval;
  /** Success of the same attack against held-out control records (null without a control table). */
  control: RateInterval | null;
  /** Residual risk (main - control)/(1 - control); against the baseline when there is no control. */
  risk: ResidualRisk | null;
  riskAgainst: 'control' | 'baseline';
  /** False when the attack does no better than the naive baseline: then the risk figure says little. */
  beatsBaseline: boolean;
  /** Inference on a numeric secret: a guess within this relative tolerance of the value counts as right. */
  tolerance?: number;
  /** One sentence: what the figure means for a person in the original data. */
  explanation: string;
}

/**
 * Assembles a result from raw counts, with Wilson rates and the residual risk from the score module
 * (residualRiskFromCounts). `who` is the subject clause of the one-sentence explanation, e.g. "An
 * attacker who knows a person's age and ZIP and guesses their diagnosis from the synthetic data".
 */
export function assembleResult(
  attack: SyntheticAttackResult['attack'],
  counts: { k: number; n: number; kb: number; nb: number; kc: number | null; nc: number | null },
  who: string,
  confidence = 0.95,
): SyntheticAttackResult {
  const main = wilson(counts.k, counts.n, confidence);
  const baseline = wilson(counts.kb, counts.nb, confidence);
  const control = counts.kc === null || counts.nc === null ? null : wilson(counts.kc, counts.nc, confidence);
  const riskAgainst = control ? 'control' : 'baseline';
  const [kr, nr] = control ? [counts.kc!, counts.nc!] : [counts.kb, counts.nb];
  const risk = counts.n > 0 && nr > 0 ? residualRiskFromCounts(counts.k, counts.n, kr, nr, confidence) : null;
  const beatsBaseline = counts.n > 0 && counts.nb > 0 && main.rate > baseline.rate;
  let explanation: string;
  // The sentence quotes the raw shares k of n, as the table does; the residual risk is computed from
  // the Wilson centres (Anonymeter's definition), and is quoted with its interval.
  if (risk) {
    const versus = control
      ? `against ${shareOf(counts.kc!, counts.nc!)} for people whose records were never used for synthesis (random guessing: ${shareOf(counts.kb, counts.nb)})`
      : `against ${shareOf(counts.kb, counts.nb)} for random guessing (no control records were given)`;
    explanation =
      `${who} succeeded in ${shareOf(counts.k, counts.n)} attacks ${versus}: a residual risk of ${residual(risk, confidence)} ` +
      `that the synthetic data expose a person of the original data this way` +
      (beatsBaseline ? '.' : ', though the attack did no better than random guessing, so the figure may mean little.');
  } else {
    explanation = `${who} could not be run: too few attacks to measure a risk.`;
  }
  return { attack, nAttacks: counts.n, main, baseline, control, risk, riskAgainst, beatsBaseline, explanation };
}

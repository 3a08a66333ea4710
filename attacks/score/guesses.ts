// Scoring attribute guesses (inference attacks) against the truth, and against a baseline guesser.
import { wilson, type RateInterval } from './wilson.ts';
import { residualRiskFromCounts, type ResidualRisk } from './baseline.ts';

/** An inference attack's output: for some target rows, a guessed value of the secret attribute. */
export interface Guesses<T> {
  rows: ArrayLike<number>;
  values: ArrayLike<T>;
}

export interface GuessScore {
  /** Guesses made (rows attacked). */
  n: number;
  correct: number;
  /** Share of guesses that were right, with its Wilson interval. */
  accuracy: RateInterval;
}

export interface InferenceScore {
  attack: GuessScore;
  baseline: GuessScore;
  /** Residual risk of the attack over the baseline guesser, (a - b)/(1 - b) with propagated error. */
  risk: ResidualRisk;
}

/** Counts how many guesses equal the true value of the guessed row. */
export function scoreGuesses<T>(guesses: Guesses<T>, truth: ArrayLike<T>, confidence = 0.95): GuessScore {
  const { rows, values } = guesses;
  if (rows.length !== values.length) throw new Error(`scoreGuesses: ${rows.length} rows but ${values.length} values`);
  let correct = 0;
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    if (!Number.isInteger(r) || r < 0 || r >= truth.length) throw new Error(`scoreGuesses: row ${r} is outside the truth (${truth.length} rows)`);
    if (Object.is(values[i], truth[r]) || values[i] === truth[r]) correct++;
  }
  return { n: rows.length, correct, accuracy: wilson(correct, rows.length, confidence) };
}

/** The most frequent value of an array (ties: first seen). The natural baseline guess. */
export function majorityValue<T>(values: ArrayLike<T>): T {
  if (values.length === 0) throw new Error('majorityValue: no values');
  const counts = new Map<T, number>();
  let best = values[0]!;
  let bestCount = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    const c = (counts.get(v) ?? 0) + 1;
    counts.set(v, c);
    if (c > bestCount) {
      best = v;
      bestCount = c;
    }
  }
  return best;
}

/**
 * Scores an inference attack against a baseline guesser on the same target rows. With no baseline
 * given, the baseline guesses the majority value of `baselineFrom` (default: the truth of the targets,
 * i.e. an adversary who knows only the marginal distribution).
 */
export function scoreInference<T>(
  guesses: Guesses<T>,
  truth: ArrayLike<T>,
  options: { baseline?: Guesses<T>; baselineFrom?: ArrayLike<T>; confidence?: number } = {},
): InferenceScore {
  const confidence = options.confidence ?? 0.95;
  const attack = scoreGuesses(guesses, truth, confidence);
  let baselineGuesses = options.baseline;
  if (!baselineGuesses) {
    const from = options.baselineFrom ?? Array.from(guesses.rows, (r) => truth[r]!);
    const guess = majorityValue(from);
    baselineGuesses = { rows: guesses.rows, values: Array.from(guesses.rows, () => guess) };
  }
  const baseline = scoreGuesses(baselineGuesses, truth, confidence);
  const risk = residualRiskFromCounts(attack.correct, attack.n, baseline.correct, baseline.n, confidence);
  return { attack, baseline, risk };
}

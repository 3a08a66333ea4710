// Runs Anonymeter's three evaluators (singling out, linkability, inference) on one synthetic table.
import type { Table } from '../../src/table/table.ts';
import { evaluateLinkability } from './linkability.ts';
import { evaluateSinglingOut, type SinglingOutResult } from './singling-out.ts';
import { evaluateInference } from './inference.ts';
import type { SyntheticAttackResult } from './result.ts';
import { count } from '../../src/report/numbers.ts';

export type { SyntheticAttackResult } from './result.ts';

export interface EvaluateSyntheticOptions {
  /** The records the synthetic table was made from. */
  original: Table;
  synthetic: Table;
  /** Records of the same population held out from synthesis (strongly advised: the residual risk is measured against them). */
  control?: Table;
  /** Linkability's first auxiliary set (default: the first half of the non-secret columns). */
  auxA?: string[];
  /** Linkability's second auxiliary set (default: the other half). */
  auxB?: string[];
  /** The column the inference attack guesses; the inference attacker knows auxA and auxB. */
  secret: string;
  nAttacks: number;
  seed: number | string;
  /** Singling-out queries on one column (default) or on nCols columns (Anonymeter's multivariate mode). */
  singlingOutMode?: 'univariate' | 'multivariate';
  /** Columns per multivariate singling-out query (default 3). */
  nCols?: number;
  /** Neighbours per side for linkability (default 1). */
  nNeighbors?: number;
  /** Relative tolerance for a numeric secret (default 0.05). */
  tolerance?: number;
  confidence?: number;
}

export interface SyntheticEvaluation {
  singlingOut: SinglingOutResult;
  linkability: SyntheticAttackResult;
  inference: SyntheticAttackResult;
}

/**
 * The fewest records the evaluators accept in the original, synthetic and control tables. With fewer
 * than 100 attacks, the 95% Wilson interval of a success rate near 50% is wider than +-9.8 points, and
 * the residual risk, built from two such rates, spans most of [0, 1]: it says nothing.
 */
export const MIN_EVALUATION_RECORDS = 100;

/** Why tables are too small to evaluate (naming each by its label), or null when they are not. */
export function tooFewRecords(tables: Record<string, number>): string | null {
  const small = Object.entries(tables).filter(([, n]) => n < MIN_EVALUATION_RECORDS);
  if (small.length === 0) return null;
  return `${small.map(([name, n]) => `${name} has ${count(n)} records`).join(' and ')}: the evaluators need at least ${MIN_EVALUATION_RECORDS} ` +
    'records in each table, since fewer attacks give intervals too wide to say anything (+-10 points around 50% at 100 attacks)';
}

/** Runs the three evaluators with the same seed (each on its own random streams). */
export function evaluateSynthetic(o: EvaluateSyntheticOptions): SyntheticEvaluation {
  const problem = tooFewRecords({ 'the original table': o.original.rows, 'the synthetic table': o.synthetic.rows, ...(o.control ? { 'the control table': o.control.rows } : {}) });
  if (problem) throw new Error(`evaluateSynthetic: ${problem}`);
  const others = o.synthetic.names.filter((c) => c !== o.secret);
  if (!o.synthetic.columns[o.secret]) throw new Error(`evaluateSynthetic: the synthetic table has no column "${o.secret}"`);
  const half = Math.ceil(others.length / 2);
  const auxA = o.auxA ?? others.slice(0, half);
  const auxB = o.auxB ?? others.slice(half);
  const shared = { original: o.original, synthetic: o.synthetic, nAttacks: o.nAttacks, seed: o.seed, confidence: o.confidence };
  const withControl = o.control ? { control: o.control } : {};
  return {
    singlingOut: evaluateSinglingOut({ ...shared, ...withControl, mode: o.singlingOutMode, nCols: o.nCols }),
    linkability: evaluateLinkability({ ...shared, ...withControl, auxA, auxB, nNeighbors: o.nNeighbors }),
    inference: evaluateInference({
      ...shared, ...withControl, aux: [...new Set([...auxA, ...auxB])], secret: o.secret, tolerance: o.tolerance,
    }),
  };
}

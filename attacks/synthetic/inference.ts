// Anonymeter's inference attack on a synthetic table: knowing some columns of a person, guess a
// secret column from the closest synthetic record.
import { takeRows, type Table } from '../../src/table/table.ts';
import { streamKey } from '../../src/random/prng.ts';
import { textReader } from '../../src/table/text.ts';
import { buildSpace, encode, isNumericColumn, kNearest } from './distance.ts';
import { sampleWithoutReplacement, sampleWithReplacement } from './sample.ts';
import { assembleResult, type SyntheticAttackResult } from './result.ts';
import { percent } from '../../src/report/numbers.ts';

export interface InferenceOptions {
  original: Table;
  synthetic: Table;
  control?: Table;
  /** Columns the attacker knows about each target. */
  aux: string[];
  /** The column to guess. */
  secret: string;
  nAttacks: number;
  seed: number | string;
  /** Treat the secret as numeric (guess within a relative tolerance); default: numeric when every value parses. */
  regression?: boolean;
  /** Relative tolerance for numeric secrets (default 0.05). */
  tolerance?: number;
  confidence?: number;
}

/**
 * Whether a guess is right: both null; or, for a numeric secret, |guess - secret| <= tolerance * |secret|
 * (exact when the secret is 0); otherwise the same text.
 */
export function guessIsRight(guess: string | null, secret: string | null, regression: boolean, tolerance = 0.05): boolean {
  if (guess === null || secret === null) return guess === null && secret === null;
  if (!regression) return guess === secret;
  const g = Number(guess);
  const s = Number(secret);
  if (!Number.isFinite(g) || !Number.isFinite(s)) return guess === secret;
  return Math.abs(g - s) <= tolerance * Math.abs(s);
}

/**
 * Runs the inference attack: for each target (drawn without replacement), the nearest synthetic row
 * on the auxiliary columns gives the guess. Baseline: the secret of a random synthetic row. Control:
 * the same attack against held-out records.
 */
export function evaluateInference(o: InferenceOptions): SyntheticAttackResult {
  if (o.aux.includes(o.secret)) throw new Error(`inference: the secret "${o.secret}" is among the auxiliary columns`);
  if (o.aux.length === 0) throw new Error('inference: at least one auxiliary column is needed');
  const tables = o.control ? [o.original, o.synthetic, o.control] : [o.original, o.synthetic];
  const regression = o.regression ?? isNumericColumn(tables, o.secret);
  const tol = o.tolerance ?? 0.05;
  const space = buildSpace(tables, o.aux);
  const nSyn = o.synthetic.rows;
  const syn = encode(space, o.synthetic, nSyn);
  if (!o.synthetic.columns[o.secret]) throw new Error(`inference: the synthetic table has no column "${o.secret}"`);
  const synSecret = textReader(o.synthetic, o.secret);

  const attack = (targets: Table, n: number): number => {
    if (nSyn === 0) return 0;
    if (!targets.columns[o.secret]) throw new Error(`inference: the target table has no column "${o.secret}"`);
    const secrets = textReader(targets, o.secret);
    const nn = kNearest(space, encode(space, targets, n), n, syn, nSyn, 1);
    let right = 0;
    for (let t = 0; t < n; t++) if (guessIsRight(synSecret(nn.index[t]!), secrets(t), regression, tol)) right++;
    return right;
  };

  const mainRows = sampleWithoutReplacement(streamKey(o.seed, 'inference:targets'), o.original.rows, o.nAttacks);
  const n = mainRows.length;
  const mainTargets = takeRows(o.original, mainRows);
  const k = attack(mainTargets, n);

  let kb = 0;
  if (nSyn > 0) {
    const guesses = sampleWithReplacement(streamKey(o.seed, 'inference:baseline'), nSyn, n);
    const secrets = textReader(mainTargets, o.secret);
    for (let t = 0; t < n; t++) if (guessIsRight(synSecret(guesses[t]!), secrets(t), regression, tol)) kb++;
  }

  let kc: number | null = null;
  let nc: number | null = null;
  if (o.control) {
    const ctlRows = sampleWithoutReplacement(streamKey(o.seed, 'inference:control'), o.control.rows, o.nAttacks);
    nc = ctlRows.length;
    kc = attack(takeRows(o.control, ctlRows), nc);
  }

  const result = assembleResult('inference', { k, n, kb, nb: n, kc, nc },
    `An attacker who knows a person's ${o.aux.join(', ')} and guesses their ${o.secret}${regression ? ` (within ${percent(tol)} of its value)` : ''} from the closest synthetic record`,
    o.confidence);
  return regression ? { ...result, tolerance: tol } : result;
}

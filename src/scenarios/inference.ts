// What a k-anonymous Medicare extract reveals: the extract keeps ZIP3, birth year and sex (classes
// under k suppressed) and a chronic-condition flag; an adversary who knows a neighbour's ZIP, sex
// and birth date guesses the flag, against a guesser who knows only how common the condition is.
import { classGuess } from '../../attacks/inference/class-guess.ts';
import { scoreInference } from '../../attacks/score/index.ts';
import { count, countOf, shareOf } from '../report/numbers.ts';
import { beneficiaryRows, needTable, visible, type WorldView } from './world-view.ts';

export interface InferenceOptions {
  seed: number | string;
  /** The flag the extract carries (a DE-SynPUF SP_* column), and the one the adversary also knows. */
  sensitive?: string;
  background?: string;
  k?: number;
}

export function inferenceAttack(world: WorldView, o: InferenceOptions) {
  const benes = needTable(world.beneficiaries, 'beneficiaries');
  const sensitive = o.sensitive ?? 'sp_depressn';
  const k = o.k ?? 5;
  const rows = beneficiaryRows(benes);
  const base = visible(benes, ['mailing_zip', 'bene_birth_dt', 'bene_sex_ident_cd', sensitive, ...(o.background ? [o.background] : [])], rows);
  const t = base.table;
  t.zip3 = t.mailing_zip!.map((z) => (z ? z.slice(0, 3) : null));
  t.birth_year = t.bene_birth_dt!.map((d) => (d ? d.slice(0, 4) : null));
  // k-anonymity by suppression: drop records whose (zip3, birth year, sex) class is smaller than k.
  const size = new Map<string, number>();
  const keyAt = (i: number) => `${t.zip3![i]}|${t.birth_year![i]}|${t.bene_sex_ident_cd![i]}`;
  for (let i = 0; i < rows.length; i++) size.set(keyAt(i), (size.get(keyAt(i)) ?? 0) + 1);
  const kept = rows.map((_, i) => i).filter((i) => size.get(keyAt(i))! >= k);
  const release = Object.fromEntries(['zip3', 'birth_year', 'bene_sex_ident_cd', sensitive, ...(o.background ? [o.background] : [])].map((c) => [c, kept.map((i) => t[c]![i] ?? null)]));
  // Targets: every released person, as the adversary knows them (QIs, and the background attribute).
  const guesses = classGuess(release, release, { qi: ['zip3', 'birth_year', 'bene_sex_ident_cd'], sensitive, ...(o.background ? { background: o.background } : {}) });
  if (guesses.rows.length === 0) {
    return {
      attack: 'inference', k, sensitive, background: o.background ?? null, beneficiaries: rows.length, released: 0, suppressed: rows.length, homogeneousTargets: 0,
      accuracy: null, baselineAccuracy: null, residualRisk: null,
      explanation: `Every (ZIP3, birth year, sex) class of this world is smaller than ${k}, so the ${k}-anonymous extract suppresses all ${count(rows.length)} beneficiaries and nothing can be inferred (try a larger or complete-state world).`,
    };
  }
  const truth = release[sensitive]!.map((v) => v ?? '');
  const score = scoreInference({ rows: guesses.rows, values: guesses.values }, truth);
  return {
    attack: 'inference',
    k,
    sensitive,
    background: o.background ?? null,
    beneficiaries: rows.length,
    released: kept.length,
    suppressed: rows.length - kept.length,
    homogeneousTargets: guesses.homogeneous,
    accuracy: score.attack.accuracy,
    baselineAccuracy: score.baseline.accuracy,
    residualRisk: score.risk,
    explanation:
      `A ${k}-anonymous extract (ZIP3, birth year, sex) releases ${countOf(kept.length, rows.length)} beneficiaries and suppresses ${count(rows.length - kept.length)} in classes smaller than ${k}. ` +
      `Guessing ${sensitive} from a released person's class is right for ${shareOf(score.attack.correct, score.attack.n)}, ` +
      `against ${shareOf(score.baseline.correct, score.baseline.n)} for a guess from the overall rate; ${count(guesses.homogeneous)} people sit in classes where everyone shares the value.`,
  };
}

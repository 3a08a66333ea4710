// What a k-anonymous Medicare extract reveals: the holder releases ZIP3, birth year and sex (classes
// under k suppressed) and a chronic-condition flag, made by the safeguards (generalise, then
// k-anonymity by suppression alone); an adversary who knows a neighbour's ZIP, sex and birth date
// guesses the flag, against a guesser who knows only how common the condition is.
import { classGuess } from '../../attacks/inference/class-guess.ts';
import { scoreInference } from '../../attacks/score/index.ts';
import { OptionError } from '../../generators/world-types.ts';
import { kAnonymise } from '../../safeguards/k-anonymity/k-anonymise.ts';
import { applyPipeline } from '../../safeguards/registry.ts';
import type { Release } from '../../safeguards/types.ts';
import { asText, drop, withColumn, type Table } from '../table/table.ts';
import { mapText, textColumnOf, textsOf } from '../table/text.ts';
import { cmsToIso } from '../dates.ts';
import { count, countOf, shareOf } from '../report/numbers.ts';
import { beneficiaryRows, needTable, visible, type WorldView } from './world-view.ts';

export interface InferenceOptions {
  seed: number | string;
  /** The flag the extract carries (a DE-SynPUF SP_* column), and the one the adversary also knows. */
  sensitive?: string;
  background?: string;
  k?: number;
}

/** The released quasi-identifiers: ZIP3 and birth year after generalisation, and sex. */
const QI = ['mailing_zip', 'birth_date', 'bene_sex_ident_cd'];

export function inferenceAttack(world: WorldView, o: InferenceOptions) {
  const benes = needTable(world.beneficiaries, 'beneficiaries');
  const sensitive = o.sensitive ?? 'sp_depressn';
  const k = o.k ?? 5;
  const beneficiaries = beneficiaryRows(benes).length;
  const release = kAnonymousExtract(benes, sensitive, o.background, k);
  const released = release ? release.table : null;
  // Targets: every released person, as the adversary knows them (QIs, and the background attribute).
  const guesses = released ? classGuess(released, released, { qi: QI, sensitive, ...(o.background ? { background: o.background } : {}) }) : null;
  if (!released || !guesses || guesses.rows.length === 0) {
    return {
      attack: 'inference', k, sensitive, background: o.background ?? null, beneficiaries, released: 0, suppressed: beneficiaries, homogeneousTargets: 0,
      accuracy: null, baselineAccuracy: null, residualRisk: null,
      explanation: `Every (ZIP3, birth year, sex) class of this world is smaller than ${k}, so the ${k}-anonymous extract suppresses all ${count(beneficiaries)} beneficiaries and nothing can be inferred (try a larger or complete-state world).`,
    };
  }
  const kept = release!.truth.length;
  const truth = textsOf(released, sensitive).map((v) => v ?? '');
  const score = scoreInference({ rows: guesses.rows, values: guesses.values }, truth);
  return {
    attack: 'inference',
    k,
    sensitive,
    background: o.background ?? null,
    beneficiaries,
    released: kept,
    suppressed: beneficiaries - kept,
    homogeneousTargets: guesses.homogeneous,
    accuracy: score.attack.accuracy,
    baselineAccuracy: score.baseline.accuracy,
    residualRisk: score.risk,
    explanation:
      `A ${k}-anonymous extract (ZIP3, birth year, sex) releases ${countOf(kept, beneficiaries)} beneficiaries and suppresses ${count(beneficiaries - kept)} in classes smaller than ${k}. ` +
      `Guessing ${sensitive} from a released person's class is right for ${shareOf(score.attack.correct, score.attack.n)}, ` +
      `against ${shareOf(score.baseline.correct, score.baseline.n)} for a guess from the overall rate; ${count(guesses.homogeneous)} people sit in classes where everyone shares the value.`,
  };
}

/**
 * The holder's release, made by the safeguards: ZIP to ZIP3 and birth date to year (generalise), then
 * k-anonymity that keeps those levels and suppresses every class under k. Null when every class is
 * under k (nothing can be released).
 */
export function kAnonymousExtract(benes: Table, sensitive: string, background: string | undefined, k: number): Release | null {
  const base = visible(benes, ['mailing_zip', 'bene_birth_dt', 'bene_sex_ident_cd', sensitive, ...(background ? [background] : [])], beneficiaryRows(benes));
  // in the date hierarchy's terms: YYYYMMDD -> YYYY-MM-DD
  const born = mapText(textColumnOf(base.table, 'bene_birth_dt'), (d) => (d ? cmsToIso(d) : null));
  const extract = { table: withColumn(drop(base.table, ['bene_birth_dt']), 'birth_date', born), truth: base.truth };
  const generalised = applyPipeline(extract, [{ safeguard: 'generalise', options: { levels: { mailing_zip: 1, birth_date: 2 } } }]);
  // One level per quasi-identifier: the search has one node (these levels), so k-anonymity only suppresses.
  const hierarchies = Object.fromEntries(QI.map((q) => [q, { rows: asText(generalised.table.columns[q]!).dictionary.map((v) => [v]) }]));
  const rows = generalised.truth.length;
  try {
    // A limit that lets it suppress every record but one: as many as it takes.
    return kAnonymise(generalised, { quasiIdentifiers: QI, hierarchies, k, suppressionLimit: rows ? 1 - 0.5 / rows : 0 });
  } catch (e) {
    // With one node, the only way to fail is that every class is under k.
    if (e instanceof OptionError && e.option === 'suppressionLimit') return null;
    throw e;
  }
}

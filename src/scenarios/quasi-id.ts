// Sweeney's join: a de-identified Medicare extract (ZIP, sex, birth date, no names) linked to a voter
// roll on those quasi-identifiers, linking only unique combinations.
import { voterRoll } from '../../generators/adversary/voter-roll.ts';
import { quasiIdentifierJoin, type UniquenessRule } from '../../attacks/join/quasi-identifier-join.ts';
import { scoreLinks } from '../../attacks/score/index.ts';
import { cmsToIso } from '../dates.ts';
import { geography } from '../../generators/calibration/tables.ts';
import { OptionError } from '../../generators/world-types.ts';
import { count, shareOf } from '../report/numbers.ts';
import { withColumn, type Table } from '../table/table.ts';
import { mapText, textColumnOf } from '../table/text.ts';
import { beneficiaryRows, needTable, visible, type WorldView } from './world-view.ts';

export interface QuasiIdOptions {
  seed: number | string;
  rule?: UniquenessRule;
  /** States whose voter file has only the birth year. */
  birthYearOnly?: readonly string[];
}

export function quasiIdAttack(world: WorldView, o: QuasiIdOptions) {
  const benes = needTable(world.beneficiaries, 'beneficiaries');
  const extract = inVoterTerms(visible(benes, ['mailing_zip', 'bene_sex_ident_cd', 'bene_birth_dt'], beneficiaryRows(benes)));
  const birthYearOnly = o.birthYearOnly ? knownStates(o.birthYearOnly) : undefined;
  const roll = voterRoll(world.people, { seed: o.seed, ...(birthYearOnly ? { birthYearOnly } : {}) });
  const rule = o.rule ?? 'unique-both';
  const join = quasiIdentifierJoin(extract.table, roll.table, { on: [['mailing_zip', 'zip'], ['sex', 'sex'], ['birth_date', 'birth_date']], rule });
  const score = scoreLinks(join.links, extract.truth, roll.truth);
  return quasiIdResultOf(rule, { extractRecords: extract.truth.length, voterRecords: roll.truth.length, linked: join.linked }, score);
}

/** The attack's result from its counts and score (shared with the DuckDB engine, which counts in SQL). */
export function quasiIdResultOf(
  rule: UniquenessRule,
  counts: { extractRecords: number; voterRecords: number; linked: number },
  score: Pick<ReturnType<typeof scoreLinks>, 'precision' | 'recall' | 'reidentified' | 'truePositives' | 'falsePositives'>,
) {
  return {
    attack: 'quasi-id',
    rule,
    extractRecords: counts.extractRecords,
    voterRecords: counts.voterRecords,
    linked: counts.linked,
    precision: score.precision,
    recall: score.recall,
    reidentified: score.reidentified,
    wrongLinks: score.falsePositives,
    explanation:
      `Linking the de-identified extract to the voter roll on ZIP, sex and birth date (${rule}) named ` +
      `${shareOf(score.truePositives, counts.extractRecords)} beneficiaries correctly; ${count(score.falsePositives)} links named the wrong person ` +
      `(usually because the right person is not registered, or registered at an old address).`,
  };
}

/** The extract in the voter roll's terms: sex 1/2 -> M/F, YYYYMMDD -> YYYY-MM-DD (once per distinct value). */
function inVoterTerms<D extends { table: Table }>(d: D): D {
  const sex = mapText(textColumnOf(d.table, 'bene_sex_ident_cd'), (s) => (s === '1' ? 'M' : s === '2' ? 'F' : null));
  const birth = mapText(textColumnOf(d.table, 'bene_birth_dt'), (v) => (v ? cmsToIso(v) : null));
  return { ...d, table: withColumn(withColumn(d.table, 'sex', sex), 'birth_date', birth) };
}

/** State abbreviations, upper-cased; an unknown one is an error naming it and the flag. */
function knownStates(states: readonly string[]): string[] {
  const known = geography.states.map((s) => s.abbr);
  return states.map((raw) => {
    const abbr = raw.trim().toUpperCase();
    if (!known.includes(abbr)) throw new OptionError('birth-year-only', `unknown state "${raw}" (known: ${known.join(',')})`);
    return abbr;
  });
}

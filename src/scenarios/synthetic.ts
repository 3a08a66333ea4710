// Judging a synthetic release (Anonymeter): the beneficiary extract is split into the records used for
// synthesis and held-out control records; a synthetic table is drawn (by default with reident's
// baseline marginal synthesizer) and singling out, linkability and inference are measured on it.
import { evaluateSynthetic, type SyntheticAttackResult } from '../../attacks/synthetic/index.ts';
import { asText, drop, takeRows, withColumn, type Table } from '../table/table.ts';
import { compactTable, mapText } from '../table/text.ts';
import { synthesizeMarginals } from '../../safeguards/synthesize/marginals.ts';
import { below, streamKey } from '../random/prng.ts';
import { OptionError } from '../../generators/world-types.ts';
import { MIN_EVALUATION_RECORDS, tooFewRecords } from '../../attacks/synthetic/evaluate.ts';
import { takeSize } from './requested-size.ts';
import { beneficiaryRows, needTable, visible, type WorldView } from './world-view.ts';

export const SYNTHETIC_COLUMNS = ['mailing_zip', 'bene_sex_ident_cd', 'bene_race_cd', 'bene_birth_dt', 'sp_diabetes', 'sp_chf', 'sp_depressn', 'sp_copd'];

export interface SyntheticOptions {
  seed: number | string;
  secret?: string;
  attacks?: number;
  /** Extract rows used (half for synthesis, half as control). */
  rows?: number;
}

export function syntheticAttack(world: WorldView, o: SyntheticOptions) {
  const benes = needTable(world.beneficiaries, 'beneficiaries');
  const all = beneficiaryRows(benes);
  const key = streamKey(o.seed, 'synthetic-split');
  const take = Math.min(o.rows ?? 4000, all.length);
  const picked = Array.from({ length: take }, (_, k) => all[below(key, k, 0, all.length)]!);
  const dated = visible(benes, SYNTHETIC_COLUMNS, picked).table;
  const extract = drop(withColumn(dated, 'birth_year', mapText(asText(dated.columns.bene_birth_dt!), (d) => (d ? d.slice(0, 4) : null))), ['bene_birth_dt']);
  const half = Math.floor(take / 2);
  const problem = tooFewRecords({ "the world's synthesis half": half, "the world's control half": take - half });
  if (problem) throw new OptionError('world', `${problem}; the extract is split in halves, so generate a world with at least ${2 * MIN_EVALUATION_RECORDS} beneficiaries`);
  const part = (from: number, to: number): Table => rowsBetween(extract, from, to);
  const original = part(0, half);
  const control = part(half, take);
  const synthetic = synthesizeMarginals(original, { rows: half, seed: o.seed, keepPairs: [['birth_year', 'sp_chf']] });
  return evaluateReleases(original, synthetic, control, { seed: o.seed, secret: o.secret ?? 'sp_diabetes', ...(o.attacks ? { attacks: o.attacks } : {}) });
}

/** Rows from..to-1 of the table, coded afresh (as a file of those rows would read). */
export function rowsBetween(t: Table, from: number, to: number): Table {
  return compactTable(takeRows(t, Int32Array.from({ length: Math.max(0, to - from) }, (_, i) => from + i)));
}

/** The three evaluators on given tables (a user's own original, synthetic and control files). */
export function evaluateReleases(original: Table, synthetic: Table, control: Table | null, o: { seed: number | string; secret: string; attacks?: number }) {
  const records = original.names.length ? original.rows : 0;
  const attacks = takeSize(o.attacks, 500, records, 'attacks', 'attacks (one per original record)');
  const r = evaluateSynthetic({ original, synthetic, ...(control ? { control } : {}), secret: o.secret, nAttacks: attacks.size, seed: o.seed });
  const shown = (e: SyntheticAttackResult) => ({
    attacks: e.nAttacks, riskAgainst: e.riskAgainst, risk: e.risk, main: e.main, control: e.control, baseline: e.baseline,
    ...(e.tolerance !== undefined ? { tolerance: e.tolerance } : {}),
  });
  return {
    attack: 'synthetic',
    secret: o.secret,
    originalRecords: records,
    ...(attacks.capped ? { capped: attacks.capped } : {}),
    singlingOut: shown(r.singlingOut),
    linkability: shown(r.linkability),
    inference: shown(r.inference),
    explanation: [r.singlingOut.explanation, r.linkability.explanation, r.inference.explanation].join(' '),
  };
}

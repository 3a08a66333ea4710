// `reident attack quasi-id --engine duckdb`: Sweeney's join run as SQL over a world's beneficiary file
// and a voter-roll file (written by `reident adversary voter-roll --with-truth`): the extract's
// first-year beneficiaries in the roll's terms (sex 1/2 -> M/F, YYYYMMDD -> YYYY-MM-DD), joined on
// ZIP, sex and birth date under the uniqueness rule; counts and scores come back, never the rows.
import { wilson } from '../../attacks/score/wilson.ts';
import { quasiIdResultOf } from '../scenarios/quasi-id.ts';
import { asText, caseWhen, sourceView, type FileSource } from './dialect.ts';
import type { SqlSession } from './duckdb-session.ts';
import { checkColumns } from './file-source.ts';
import { countsSql, joinedSql, keyedSideSql, linksSql, type QiJoinRule, type QiJoinSide } from './qi-join-sql.ts';

export interface QiJoinSources {
  readonly beneficiaries: FileSource;
  readonly voterRoll: FileSource;
  /** The roll's column of person ids (for scoring only). */
  readonly voterTruth: string;
}

const BENEFICIARY_COLUMNS = ['person_id', 'year', 'mailing_zip', 'bene_sex_ident_cd', 'bene_birth_dt'];
const VOTER_COLUMNS = ['zip', 'sex', 'birth_date'];

/** A CMS date (YYYYMMDD) as YYYY-MM-DD; a value already in that form (a typed DATE column read as text) is kept. */
function isoDate(expr: string): string {
  const t = asText(expr);
  return caseWhen([[`length(${t}) = 8`, `concat(substr(${t}, 1, 4), '-', substr(${t}, 5, 2), '-', substr(${t}, 7, 2))`]], t);
}

/** The extract side: the beneficiaries of the first year, in the voter roll's terms. */
export const EXTRACT_SIDE: QiJoinSide = {
  view: 'beneficiaries',
  where: 'CAST(year AS BIGINT) = (SELECT min(CAST(year AS BIGINT)) FROM beneficiaries)',
  keys: ['mailing_zip', caseWhen([[`${asText('bene_sex_ident_cd')} = '1'`, "'M'"], [`${asText('bene_sex_ident_cd')} = '2'`, "'F'"]], 'NULL'), isoDate('bene_birth_dt')],
  person: 'person_id',
};

export function voterSide(truth: string): QiJoinSide {
  return { view: 'voter_roll', keys: VOTER_COLUMNS, person: truth };
}

/** Every statement of the join, in order. */
export function qiJoinStatements(s: QiJoinSources, rule: QiJoinRule): { setup: string[]; counts: string; links: string } {
  return {
    setup: [sourceView('beneficiaries', s.beneficiaries), sourceView('voter_roll', s.voterRoll), keyedSideSql('qi_left', EXTRACT_SIDE), keyedSideSql('qi_right', voterSide(s.voterTruth)), joinedSql(3)],
    counts: countsSql(rule),
    links: linksSql(rule),
  };
}

export async function runQiJoin(session: SqlSession, s: QiJoinSources, rule: QiJoinRule, flags: { beneficiaries: string; voterRoll: string }) {
  const sql = qiJoinStatements(s, rule);
  const [bView, vView, ...rest] = sql.setup;
  await session.run(bView!);
  await checkColumns(session, 'beneficiaries', flags.beneficiaries, s.beneficiaries.path, BENEFICIARY_COLUMNS);
  await session.run(vView!);
  await checkColumns(session, 'voter_roll', flags.voterRoll, s.voterRoll.path, [...VOTER_COLUMNS, s.voterTruth]);
  for (const q of rest) await session.run(q);
  const c = await session.columns(sql.counts);
  const n = (k: string) => Number(c[k]![0] ?? 0);
  const linked = n('linked');
  const correct = n('correct');
  const extractRecords = n('left_records');
  const confidence = 0.95;
  // scoreLinks' figures, from counts: each extract record links at most once, so re-identified = correct.
  const score = {
    precision: wilson(correct, linked, confidence),
    recall: wilson(correct, n('true_pairs'), confidence),
    reidentified: wilson(correct, extractRecords, confidence),
    truePositives: correct,
    falsePositives: linked - correct,
  };
  return { result: quasiIdResultOf(rule, { extractRecords, voterRecords: n('right_records'), linked }, score), counts: { leftWithKey: n('left_with_key'), matchedAny: n('matched_any'), linkable: n('linkable') } };
}

/** The links themselves as columns (left_row, right_row, correct), for tests and users who want them. */
export async function qiJoinLinks(session: SqlSession, rule: QiJoinRule): Promise<{ left: Int32Array; right: Int32Array }> {
  const c = await session.columns(linksSql(rule));
  return { left: Int32Array.from(c.left_row!, (v) => Number(v)), right: Int32Array.from(c.right_row!, (v) => Number(v)) };
}

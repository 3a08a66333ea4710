// The SQL of the quasi-identifier join (attacks/join/quasi-identifier-join.ts) run over files: each
// side's keys (normalised by trim and upper-case, a key with any part missing takes no part), the
// number of records of each key on each side, the links under the uniqueness rule, and the counts
// that score them against the truth (person ids carried beside the keys, never used to link).
import { and, asText, createTable, equalPresent, ident } from './dialect.ts';

export type QiJoinRule = 'unique-right' | 'unique-both';

/** One side of the join: the view it reads, an optional row filter, the key parts as SQL expressions over its columns, and its person-id expression. */
export interface QiJoinSide {
  readonly view: string;
  readonly where?: string;
  readonly keys: readonly string[];
  readonly person: string;
}

/** The join's normalisation of a key part (defaultNormalise: trim, then upper-case). */
export function normalised(expr: string): string {
  return `upper(trim(${asText(expr)}))`;
}

const keyNames = (n: number) => Array.from({ length: n }, (_, j) => `k${j}`);

/**
 * A side's keyed records as a temporary table: row_ix (0-based, in file order among the rows kept),
 * person, k0, k1, ... A row index counted after a filter is ordered by the file's row index, so it is
 * the memory engine's row of the filtered table.
 */
export function keyedSideSql(table: string, side: QiJoinSide): string {
  const keys = side.keys.map((k, j) => `${normalised(k)} AS k${j}`).join(', ');
  return createTable(table, `SELECT row_number() OVER (ORDER BY row_ix) - 1 AS row_ix, ${asText(side.person)} AS person, ${keys}\nFROM ${ident(side.view)}${side.where ? `\nWHERE ${side.where}` : ''}`);
}

const present = (alias: string, n: number) => and(keyNames(n).map((k) => `${alias}.${k} IS NOT NULL`));
const sameKey = (a: string, b: string, n: number) => and(keyNames(n).map((k) => equalPresent(`${a}.${k}`, `${b}.${k}`)));

/**
 * Every left record with a complete key, its key's count on each side and, when the key occurs once on
 * the right, that right record's row and person: one row per left record, from which the counts and
 * links are read.
 */
export function joinedSql(parts: number): string {
  const k = keyNames(parts).join(', ');
  return createTable('qi_joined', [
    `WITH left_counts AS (SELECT ${k}, count(*) AS n_left FROM qi_left AS l WHERE ${present('l', parts)} GROUP BY ${k}),`,
    `right_counts AS (SELECT ${k}, count(*) AS n_right, min(row_ix) AS right_row FROM qi_right AS r WHERE ${present('r', parts)} GROUP BY ${k})`,
    'SELECT l.row_ix AS left_row, l.person AS left_person, lc.n_left AS n_left, rc.n_right AS n_right, rc.right_row AS right_row',
    'FROM qi_left AS l',
    `JOIN left_counts AS lc ON ${sameKey('l', 'lc', parts)}`,
    `LEFT JOIN right_counts AS rc ON ${sameKey('l', 'rc', parts)}`,
  ].join('\n'));
}

/** The link condition of a joined row under the rule. */
function linkedWhen(rule: QiJoinRule): string {
  return rule === 'unique-both' ? 'j.n_right = 1 AND j.n_left = 1' : 'j.n_right = 1';
}

/** Links as (left_row, right_row, correct), ordered by left row as the memory engine makes them. */
export function linksSql(rule: QiJoinRule): string {
  return [
    'SELECT j.left_row AS left_row, j.right_row AS right_row, CASE WHEN j.left_person = r.person THEN 1 ELSE 0 END AS correct',
    'FROM qi_joined AS j JOIN qi_right AS r ON r.row_ix = j.right_row',
    `WHERE ${linkedWhen(rule)}`,
    'ORDER BY left_row',
  ].join('\n');
}

/** The join's counts and the scoring's: records, keys, matches, links, correct links, true pairs and linkable left records. */
export function countsSql(rule: QiJoinRule): string {
  return [
    'SELECT',
    '  (SELECT count(*) FROM qi_left) AS left_records,',
    '  (SELECT count(*) FROM qi_right) AS right_records,',
    '  (SELECT count(*) FROM qi_joined) AS left_with_key,',
    '  (SELECT count(*) FROM qi_joined WHERE n_right IS NOT NULL) AS matched_any,',
    `  (SELECT count(*) FROM qi_joined AS j WHERE ${linkedWhen(rule)}) AS linked,`,
    `  (SELECT count(*) FROM qi_joined AS j JOIN qi_right AS r ON r.row_ix = j.right_row WHERE ${linkedWhen(rule)} AND j.left_person = r.person) AS correct,`,
    '  (SELECT sum(a.n * b.n) FROM (SELECT person, count(*) AS n FROM qi_left GROUP BY person) AS a JOIN (SELECT person, count(*) AS n FROM qi_right GROUP BY person) AS b ON a.person = b.person) AS true_pairs,',
    '  (SELECT count(*) FROM qi_left AS l WHERE l.person IN (SELECT person FROM qi_right)) AS linkable',
  ].join('\n');
}

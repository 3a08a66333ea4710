// The SQL of `reident link --train --engine duckdb`: the counts the core's training reads (TrainingCounts
// in attacks/link/train.ts), each a small result computed where the data is: the pairs the lambda rules
// make, the comparison patterns of the u sample and of each training rule's pairs, and the share of
// present values of each comparison's column. The u sample itself (row numbers, drawn by the core's
// seeded sampler) is a file the caller writes and reads as a view.
import type { LinkSettings } from '../../attacks/link/settings.ts';
import { gammaColumn, gammaSelects, LEFT_RECORDS, rightRecords, rulePairsFrom } from './link-sql.ts';
import { ident } from './dialect.ts';

/** The u sample of `--u-sampling pairs`: one row per sampled pair (left_row, right_row). */
export const U_PAIRS = 'u_pairs';
/** The u sample of `--u-sampling records`: one row per sampled record (side 'l' or 'r', sample_row). */
export const U_RECORDS = 'u_records';

/** How many pairs have each comparison pattern, over the pairs `from` (FROM ... [WHERE ...]) names as l and r; in ascending gamma order. */
function patternsSql(settings: LinkSettings, from: readonly string[]): string {
  const g = settings.comparisons.map(gammaColumn).join(', ');
  return [`SELECT ${g}, count(*) AS pairs FROM (`, `  SELECT ${gammaSelects(settings).join(',\n    ')}`, `  ${from.join('\n  ')}`, `) AS p GROUP BY ${g} ORDER BY ${g}`].join('\n');
}

/** The comparison patterns of the pairs one training rule makes (all of them: an EM session reads its rule's pairs alone). */
export function rulePatternsSql(settings: LinkSettings, rule: readonly string[]): string {
  return patternsSql(settings, rulePairsFrom([rule], 0, settings.link_type === 'dedupe_only'));
}

/** How many pairs the rules make together, each pair once (Splink's deterministic rules for lambda). */
export function rulesPairCountSql(settings: LinkSettings, rules: readonly (readonly string[])[]): string {
  const dedupe = settings.link_type === 'dedupe_only';
  const selects = rules.map((_, r) => ['SELECT 1 AS one', ...rulePairsFrom(rules, r, dedupe)].join('\n'));
  return `SELECT count(*) AS pairs FROM (\n${selects.join('\nUNION ALL\n')}\n) AS rule_pairs`;
}

/** The comparison patterns of the sampled pairs (U_PAIRS), a pair drawn twice counted twice. */
export function uPairsPatternsSql(settings: LinkSettings): string {
  const right = rightRecords(settings.link_type === 'dedupe_only');
  return patternsSql(settings, [`FROM ${U_PAIRS} AS s JOIN ${LEFT_RECORDS} AS l ON l.row_ix = CAST(s.left_row AS BIGINT)`, `JOIN ${right} AS r ON r.row_ix = CAST(s.right_row AS BIGINT)`]);
}

/** The comparison patterns of every pair among the sampled records (U_RECORDS): left x right, or i < j for dedupe. */
export function uRecordsPatternsSql(settings: LinkSettings): string {
  const dedupe = settings.link_type === 'dedupe_only';
  const side = (records: string, s: string) => `(SELECT x.* FROM ${U_RECORDS} AS s JOIN ${records} AS x ON x.row_ix = CAST(s.sample_row AS BIGINT) WHERE s.side = '${s}')`;
  return patternsSql(settings, [`FROM ${side(LEFT_RECORDS, 'l')} AS l`, `CROSS JOIN ${side(rightRecords(dedupe), dedupe ? 'l' : 'r')} AS r`, ...(dedupe ? ['WHERE l.row_ix < r.row_ix'] : [])]);
}

/** The records of a side and, per comparison c, how many have its column present (`present_c`). */
export function presentCountsSql(settings: LinkSettings, records: string): string {
  return `SELECT count(*) AS records, ${settings.comparisons.map((c, k) => `count(${ident(c.column)}) AS present_${k}`).join(', ')} FROM ${records}`;
}

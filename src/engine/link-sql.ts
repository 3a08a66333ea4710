// The SQL of `reident link --engine duckdb`: candidate pairs from the blocking rules (a pair counted by
// the first rule that makes it, as the memory engine and Splink do), each comparison's gamma as CASE
// WHEN, comparison-pattern counts (what EM reads), and the scored pairs joined to the model's weight of
// their pattern. Levels with no exact equivalent in the SQL both engines share are refused, naming the
// comparison and level.
import { isSqlBlockingTerm } from '../../attacks/link/splink/sql-parse.ts';
import { levelGammas } from '../../attacks/link/gamma.ts';
import type { Comparison, LinkSettings } from '../../attacks/link/settings.ts';
import { and, asText, call, caseWhen, createTable, createView, definitely, equalPresent, ident, num, or, STRING_FUNCTIONS, valuesTable } from './dialect.ts';

/** Views the link SQL reads: the two inputs (one for dedupe) as files; see sourceView. */
export const LEFT_INPUT = 'input_l';
export const RIGHT_INPUT = 'input_r';
export const LEFT_RECORDS = 'records_l';
const RIGHT_RECORDS = 'records_r';
export const PAIRS_TABLE = 'scored_candidates';

export class UnsupportedInSql extends Error {}

/** The name of a comparison's gamma column, as the memory engine's pairs CSV names it. */
export function gammaColumn(comp: Comparison): string {
  return ident(`gamma_${comp.column}`);
}

/** The columns the SQL reads: each blocking column and each comparison's column. */
export function linkColumns(settings: LinkSettings): string[] {
  return [...new Set([...settings.blocking.flat(), ...settings.comparisons.map((c) => c.column)])];
}

/** Throws UnsupportedInSql naming the rule, comparison or level the SQL engines cannot run exactly. */
export function checkSupported(settings: LinkSettings): void {
  settings.blocking.forEach((rule, r) => {
    for (const term of rule) if (isSqlBlockingTerm(term)) throw new UnsupportedInSql(`blocking rule ${r + 1} (${rule.join(', ')}): the SQL term "${term}" is not run by --engine duckdb; block on column names, or use --engine memory`);
  });
  settings.comparisons.forEach((comp, c) => {
    comp.levels.forEach((level, k) => {
      const where = `comparison ${c + 1} ("${comp.column}"), level ${k + 1} (${level.type})`;
      if (level.type === 'sql' || (level.type === 'null' && level.sql !== undefined)) throw new UnsupportedInSql(`${where}: a SQL condition is evaluated by reident's own SQL reader, not passed to DuckDB; use --engine memory`);
      if (level.type === 'date_diff') throw new UnsupportedInSql(`${where}: date_diff counts calendar boundaries differently in DuckDB (date_diff) and Spark (datediff, months_between); use --engine memory`);
      if (level.type === 'exact' && (level.tf_adjustment ?? 0) > 0) throw new UnsupportedInSql(`${where}: term-frequency adjustments are not computed by --engine duckdb; set tf_adjustment to 0 or use --engine memory`);
    });
  });
}

/** Views of the inputs with only the columns the linkage reads (and `extra`: training rules' columns), each as text (a typed Parquet column compares as the memory engine reads it). */
export function recordViews(settings: LinkSettings, dedupe: boolean, extra: readonly string[] = []): string[] {
  const cols = [...new Set([...linkColumns(settings), ...extra])].map(ident);
  const view = (name: string, from: string) => createView(name, `SELECT row_ix, ${cols.map((c) => `${asText(c)} AS ${c}`).join(', ')} FROM ${from}`);
  return [view(LEFT_RECORDS, LEFT_INPUT), ...(dedupe ? [] : [view(RIGHT_RECORDS, RIGHT_INPUT)])];
}

/** Gamma of one comparison for the pair (l, r): the first level that applies. */
export function gammaExpression(comp: Comparison): string {
  const gammas = levelGammas(comp);
  const a = `l.${ident(comp.column)}`;
  const b = `r.${ident(comp.column)}`;
  const branches: [string, string][] = [];
  comp.levels.forEach((level, k) => {
    const g = num(gammas[k]!);
    switch (level.type) {
      case 'null':
        branches.push([`${a} IS NULL OR ${b} IS NULL`, g]);
        break;
      case 'exact':
        branches.push([equalPresent(a, b), g]);
        break;
      case 'jaro_winkler':
        branches.push([`${call(STRING_FUNCTIONS.jaroWinkler, [a, b])} >= ${num(level.threshold)}`, g]);
        break;
      case 'levenshtein':
        branches.push([`${call(STRING_FUNCTIONS.levenshtein, [a, b])} <= ${num(level.threshold)}`, g]);
        break;
      case 'else':
        break;
      default:
        throw new UnsupportedInSql(`comparison "${comp.column}", level ${k + 1} (${level.type}): not run by --engine duckdb`);
    }
  });
  return caseWhen(branches, '0');
}

/** Rule r's condition on (l, r): each of its columns equal and present on both sides. */
function ruleCondition(rule: readonly string[]): string {
  return and(rule.map((c) => equalPresent(`l.${ident(c)}`, `r.${ident(c)}`)));
}

/** The view of the right-hand records of a pair (dedupe: the one input's). */
export function rightRecords(dedupe: boolean): string {
  return dedupe ? LEFT_RECORDS : RIGHT_RECORDS;
}

/** FROM and WHERE of the pairs (l, r) rule `r` of `rules` makes that no earlier rule made; dedupe pairs are (i, j) with i < j. */
export function rulePairsFrom(rules: readonly (readonly string[])[], r: number, dedupe: boolean): string[] {
  const earlier = rules.slice(0, r).map(ruleCondition);
  const where = [...(dedupe ? ['l.row_ix < r.row_ix'] : []), ...(earlier.length ? [`NOT ${definitely(or(earlier))}`] : [])];
  return [`FROM ${LEFT_RECORDS} AS l JOIN ${rightRecords(dedupe)} AS r ON ${ruleCondition(rules[r]!)}`, ...(where.length ? [`WHERE ${and(where)}`] : [])];
}

/** Each comparison's gamma on (l, r), named as its gamma column. */
export function gammaSelects(settings: LinkSettings): string[] {
  return settings.comparisons.map((c) => `${gammaExpression(c)} AS ${gammaColumn(c)}`);
}

/** The candidate pairs with their gammas, as a table: one SELECT per blocking rule, each keeping only pairs no earlier rule made, joined by UNION ALL. */
export function candidatePairsSql(settings: LinkSettings): string {
  const dedupe = settings.link_type === 'dedupe_only';
  const selects = settings.blocking.map((_, r) => [`SELECT l.row_ix AS left_row, r.row_ix AS right_row, ${r} AS blocking_rule,`, `  ${gammaSelects(settings).join(',\n  ')}`, ...rulePairsFrom(settings.blocking, r, dedupe)].join('\n'));
  return createTable(PAIRS_TABLE, selects.join('\nUNION ALL\n'));
}

/** How many candidate pairs have each comparison pattern (the counts EM reads). */
export function patternCountsSql(settings: LinkSettings): string {
  const cols = settings.comparisons.map(gammaColumn).join(', ');
  return `SELECT ${cols}, count(*) AS pairs FROM ${PAIRS_TABLE} GROUP BY ${cols} ORDER BY ${cols}`;
}

/** A pattern and the model's weight and probability for it (computed by the core's scoring). */
export interface PatternWeight {
  readonly gamma: readonly number[];
  readonly weight: number;
  readonly probability: number;
}

/** FROM the candidate pairs (p) joined to the model's weight of their pattern (w), WHERE the probability is at least `minProbability`. */
function linksFrom(settings: LinkSettings, weights: readonly PatternWeight[], minProbability: number): string[] {
  const g = settings.comparisons.map(gammaColumn);
  const model = valuesTable('w', [...g, 'match_weight', 'match_probability'], weights.map((p) => [...p.gamma.map(num), num(p.weight), num(p.probability)]));
  return [`FROM ${PAIRS_TABLE} AS p JOIN ${model}`, `ON ${and(g.map((c) => `p.${c} = w.${c}`))}`, `WHERE w.match_probability >= ${num(minProbability)}`];
}

/**
 * Pairs whose pattern's match probability is at least `minProbability`, with their weight, probability
 * and gammas: the memory engine's pairs CSV columns, ordered by left row, then right row.
 */
export function scoredPairsSql(settings: LinkSettings, weights: readonly PatternWeight[], minProbability: number): string {
  const g = settings.comparisons.map(gammaColumn);
  return [
    `SELECT p.left_row AS left_row, p.right_row AS right_row, w.match_weight AS match_weight, w.match_probability AS match_probability, ${g.map((c) => `p.${c} AS ${c}`).join(', ')}`,
    ...linksFrom(settings, weights, minProbability),
    'ORDER BY left_row, right_row',
  ].join('\n');
}

/** How many pairs are links (probability at least `minProbability`). */
export function linkCountSql(settings: LinkSettings, weights: readonly PatternWeight[], minProbability: number): string {
  return ['SELECT count(*) AS links', ...linksFrom(settings, weights, minProbability)].join('\n');
}

/** The links' left and right rows, ordered by left row, then right row (to score against truth). */
export function linkRowsSql(settings: LinkSettings, weights: readonly PatternWeight[], minProbability: number): string {
  return ['SELECT p.left_row AS left_row, p.right_row AS right_row', ...linksFrom(settings, weights, minProbability), 'ORDER BY left_row, right_row'].join('\n');
}

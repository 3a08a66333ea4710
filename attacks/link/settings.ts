// Linkage settings as data (Splink-style): blocking rules and ordered comparison levels.
// A Splink 4 settings dictionary or saved model is recognised by its shape and translated
// (splink/from-splink.ts) before the checks here.

import { columnsOf, isExactMatchOn, isSqlBlockingTerm, parseSqlCached, SqlError, type SqlNode } from './splink/sql-parse.ts';
import { isSplinkSettings, settingsFromSplink } from './splink/from-splink.ts';
import { ruleTerms } from './splink/blocking-terms.ts';

export type LinkType = 'link_only' | 'dedupe_only';
export type DateUnit = 'day' | 'month' | 'year';

/** Optional trained or given probabilities of a (non-null) level. */
export interface LevelProbabilities {
  m?: number;
  u?: number;
}

/** Splink's term-frequency settings of a level: weight (tf_adjustment_weight) and floor (tf_minimum_u_value). */
export interface LevelTermFrequency {
  tf_adjustment?: number;
  tf_minimum_u?: number;
}

/** A level's name in charts and reports (Splink's label_for_charts). */
interface Labelled {
  label?: string;
}

export type ComparisonLevel =
  | ({ type: 'null'; sql?: string } & Labelled)
  | ({ type: 'exact' } & LevelTermFrequency & LevelProbabilities & Labelled)
  | ({ type: 'jaro_winkler'; threshold: number } & LevelProbabilities & Labelled)
  | ({ type: 'levenshtein'; threshold: number } & LevelProbabilities & Labelled)
  | ({ type: 'date_diff'; unit: DateUnit; threshold: number } & LevelProbabilities & Labelled)
  /** A condition in Splink's SQL (columns as "name_l" / "name_r"); tf_column names the column whose term frequencies adjust it. */
  | ({ type: 'sql'; sql: string; tf_column?: string } & LevelTermFrequency & LevelProbabilities & Labelled)
  | ({ type: 'else' } & LevelProbabilities & Labelled);

export interface Comparison {
  /** The column compared by the built-in levels; with SQL levels, the comparison's name (Splink's output_column_name). */
  column: string;
  /** Ordered: the first level that applies to a pair wins. The last level must be 'else'. */
  levels: ComparisonLevel[];
}

export interface LinkSettings {
  link_type: LinkType;
  /** Prior probability that two random records match (Splink's probability_two_random_records_match). */
  lambda?: number;
  /**
   * Each rule is a conjunction of terms: a column name (equal and non-missing on both records), or a
   * condition in SQL naming the records l and r (`substr(l.first_name, 1, 1) = substr(r.first_name, 1, 1)`).
   * Pairs are the union over rules, each counted by the first rule that makes it.
   */
  blocking: string[][];
  comparisons: Comparison[];
  /** 'splink': read from a Splink model, whose m and u are used as given (Splink does not ask them to sum to 1). */
  source?: 'splink';
  /** Splink's unique_id_column_name, kept so that a model saved again names the same id column. */
  unique_id_column?: string;
}

export class SettingsError extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(`settings${path}: ${message}`);
    this.name = 'SettingsError';
  }
}

const LEVEL_TYPES = ['null', 'exact', 'jaro_winkler', 'levenshtein', 'date_diff', 'sql', 'else'] as const;
const LEVEL_KEYS: Record<string, string[]> = {
  null: ['type', 'sql', 'label'],
  exact: ['type', 'tf_adjustment', 'tf_minimum_u', 'm', 'u', 'label'],
  jaro_winkler: ['type', 'threshold', 'm', 'u', 'label'],
  levenshtein: ['type', 'threshold', 'm', 'u', 'label'],
  date_diff: ['type', 'unit', 'threshold', 'm', 'u', 'label'],
  sql: ['type', 'sql', 'tf_column', 'tf_adjustment', 'tf_minimum_u', 'm', 'u', 'label'],
  else: ['type', 'm', 'u', 'label'],
};

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function probability(x: unknown, path: string, open: boolean): void {
  if (typeof x !== 'number' || !Number.isFinite(x) || x < 0 || x > 1 || (open && (x === 0 || x === 1))) {
    throw new SettingsError(path, `must be a probability in ${open ? '(0, 1)' : '[0, 1]'}, got ${JSON.stringify(x)}`);
  }
}

/** The tree of a level's SQL condition (cached); a SettingsError names the path and the construct. */
export function levelCondition(sql: string, path: string): SqlNode {
  try {
    return parseSqlCached(sql, 'suffix');
  } catch (e) {
    if (e instanceof SqlError) throw new SettingsError(path, e.message);
    throw e;
  }
}

/** The tree of a blocking-rule term written in SQL (cached). */
export function blockingCondition(term: string, path: string): SqlNode {
  try {
    return parseSqlCached(term, 'qualified');
  } catch (e) {
    if (e instanceof SqlError) throw new SettingsError(path, e.message);
    throw e;
  }
}

function validateLevel(raw: unknown, path: string, open: boolean): ComparisonLevel {
  if (!isObject(raw)) throw new SettingsError(path, 'must be an object');
  const type = raw.type;
  if (typeof type !== 'string' || !(LEVEL_TYPES as readonly string[]).includes(type)) {
    throw new SettingsError(`${path}.type`, `must be one of ${LEVEL_TYPES.join(', ')}, got ${JSON.stringify(type)}`);
  }
  for (const key of Object.keys(raw)) {
    if (!LEVEL_KEYS[type]!.includes(key)) throw new SettingsError(`${path}.${key}`, `is not allowed on a '${type}' level`);
  }
  // m or u of 0 or 1 would make a match weight of -Infinity or +Infinity.
  if (raw.m !== undefined) probability(raw.m, `${path}.m`, open);
  if (raw.u !== undefined) probability(raw.u, `${path}.u`, open);
  if (raw.label !== undefined && typeof raw.label !== 'string') throw new SettingsError(`${path}.label`, 'must be text');
  if (type === 'sql' || (type === 'null' && raw.sql !== undefined)) {
    if (typeof raw.sql !== 'string' || raw.sql.trim() === '') throw new SettingsError(`${path}.sql`, 'must be a SQL condition');
    levelCondition(raw.sql, `${path}.sql`);
  }
  if (raw.tf_column !== undefined && (typeof raw.tf_column !== 'string' || raw.tf_column === '')) throw new SettingsError(`${path}.tf_column`, 'must be a column name');
  if (raw.tf_minimum_u !== undefined) probability(raw.tf_minimum_u, `${path}.tf_minimum_u`, false);
  if (type === 'jaro_winkler') {
    const t = raw.threshold;
    if (typeof t !== 'number' || !(t >= 0 && t <= 1)) throw new SettingsError(`${path}.threshold`, 'must be a number in [0, 1]');
  }
  if (type === 'levenshtein' || type === 'date_diff') {
    const t = raw.threshold;
    if (typeof t !== 'number' || !Number.isInteger(t) || t < 0) {
      throw new SettingsError(`${path}.threshold`, 'must be a non-negative integer');
    }
  }
  if (type === 'date_diff' && !['day', 'month', 'year'].includes(raw.unit as string)) {
    throw new SettingsError(`${path}.unit`, `must be 'day', 'month' or 'year', got ${JSON.stringify(raw.unit)}`);
  }
  if ((type === 'exact' || type === 'sql') && raw.tf_adjustment !== undefined) {
    const w = raw.tf_adjustment;
    if (typeof w !== 'number' || !(w >= 0 && w <= 1)) throw new SettingsError(`${path}.tf_adjustment`, 'must be a weight in [0, 1]');
  }
  return raw as unknown as ComparisonLevel;
}

/** Tolerance of the check that a comparison's m (or u) values sum to 1. */
export const PROBABILITY_SUM_TOLERANCE = 1e-6;

/**
 * The columns a comparison reads: its column for the built-in levels, and those its SQL levels name.
 */
export function comparisonColumns(comp: Comparison): string[] {
  const out = new Set<string>();
  for (const l of comp.levels) {
    if (l.type === 'sql' || (l.type === 'null' && l.sql !== undefined)) {
      for (const c of columnsOf(parseSqlCached(l.sql!, 'suffix'))) out.add(c.name);
      if (l.type === 'sql' && l.tf_column !== undefined && (l.tf_adjustment ?? 1) > 0) out.add(l.tf_column);
    } else if (l.type !== 'else') out.add(comp.column);
  }
  return [...out];
}

/** The columns a blocking rule reads. */
export function blockingColumns(rule: string[]): string[] {
  return [...new Set(rule.flatMap((term) => (isSqlBlockingTerm(term) ? columnsOf(parseSqlCached(term, 'qualified')).map((c) => c.name) : [term])))];
}

/** Every input column the settings read (blocking and comparisons), each once. */
export function settingsColumns(settings: LinkSettings): string[] {
  return [...new Set([...settings.blocking.flatMap(blockingColumns), ...settings.comparisons.flatMap(comparisonColumns)])];
}

/**
 * The level whose u the term-frequency adjustment of level `k` starts from (Splink: the comparison's
 * exact-match level on the tf column): for an 'exact' level, itself; for a SQL level, the level of the
 * comparison whose condition is `"col_l" = "col_r"` on its tf_column (or an 'exact' level when that
 * column is the comparison's column). -1 when there is none.
 */
export function exactLevelForTf(comp: Comparison, k: number): number {
  const level = comp.levels[k]!;
  if (level.type === 'exact') return k;
  if (level.type !== 'sql' || level.tf_column === undefined) return -1;
  const col = level.tf_column;
  return comp.levels.findIndex(
    (l) => (l.type === 'exact' && comp.column === col) || (l.type === 'sql' && isExactMatchOn(parseSqlCached(l.sql, 'suffix'), col)),
  );
}

/**
 * m and u are distributions over a comparison's non-null levels (the null level has none: a missing
 * value contributes weight 0): each is given on every non-null level or on none, and sums to 1.
 */
function checkDistributions(levels: ComparisonLevel[], path: string): void {
  for (const key of ['m', 'u'] as const) {
    const given = levels.map((l, k) => ({ l, k })).filter(({ l }) => l.type !== 'null');
    const missing = given.filter(({ l }) => (l as LevelProbabilities)[key] === undefined);
    if (missing.length === given.length) continue;
    if (missing.length > 0) {
      throw new SettingsError(`${path}.levels[${missing[0]!.k}].${key}`, `is missing: give ${key} on every non-null level of a comparison, or on none`);
    }
    const sum = given.reduce((s, { l }) => s + (l as LevelProbabilities)[key]!, 0);
    if (Math.abs(sum - 1) > PROBABILITY_SUM_TOLERANCE) {
      throw new SettingsError(`${path}.levels[*].${key}`, `the ${key} values of the non-null levels sum to ${Number(sum.toFixed(7))}; they must sum to 1 (within ${PROBABILITY_SUM_TOLERANCE})`);
    }
  }
}

/** Checks raw (e.g. parsed JSON) settings and returns them typed; throws SettingsError naming the path at fault. */
export function validateSettings(given: unknown): LinkSettings {
  const raw = isSplinkSettings(given) ? settingsFromSplink(given) : given;
  if (!isObject(raw)) throw new SettingsError('', 'must be an object');
  for (const key of Object.keys(raw)) {
    if (!['link_type', 'lambda', 'blocking', 'comparisons', 'source', 'unique_id_column'].includes(key)) throw new SettingsError(`.${key}`, 'is not a known setting');
  }
  if (raw.source !== undefined && raw.source !== 'splink') throw new SettingsError('.source', `must be 'splink' when given, got ${JSON.stringify(raw.source)}`);
  if (raw.unique_id_column !== undefined && (typeof raw.unique_id_column !== 'string' || raw.unique_id_column === '')) {
    throw new SettingsError('.unique_id_column', 'must be a column name');
  }
  // Splink's m and u may be 0 (Splink floors them at 1e-300) and need not sum to 1.
  const splink = raw.source === 'splink';
  if (raw.link_type !== 'link_only' && raw.link_type !== 'dedupe_only') {
    throw new SettingsError('.link_type', `must be 'link_only' or 'dedupe_only', got ${JSON.stringify(raw.link_type)}`);
  }
  if (raw.lambda !== undefined) probability(raw.lambda, '.lambda', true);
  if (!Array.isArray(raw.blocking) || raw.blocking.length === 0) {
    throw new SettingsError('.blocking', 'must be a non-empty array of rules (arrays of column names)');
  }
  raw.blocking.forEach((rule, r) => {
    if (!Array.isArray(rule) || rule.length === 0) throw new SettingsError(`.blocking[${r}]`, 'must be a non-empty array of column names');
    rule.forEach((c, k) => {
      if (typeof c !== 'string' || c === '') throw new SettingsError(`.blocking[${r}][${k}]`, 'must be a column name or a SQL condition on l and r');
      if (isSqlBlockingTerm(c)) blockingCondition(c, `.blocking[${r}][${k}]`);
    });
    const terms = ruleTerms(rule as string[]);
    if (terms.columns.length === 0 && terms.keys.length === 0) {
      throw new SettingsError(`.blocking[${r}]`, 'needs a column, or an equality between an expression of l and one of r, to join on (without one every pair would be compared)');
    }
  });
  if (!Array.isArray(raw.comparisons) || raw.comparisons.length === 0) {
    throw new SettingsError('.comparisons', 'must be a non-empty array');
  }
  raw.comparisons.forEach((comp, c) => {
    const path = `.comparisons[${c}]`;
    if (!isObject(comp)) throw new SettingsError(path, 'must be an object');
    if (typeof comp.column !== 'string' || comp.column === '') throw new SettingsError(`${path}.column`, 'must be a column name');
    if (!Array.isArray(comp.levels) || comp.levels.length < 2) {
      throw new SettingsError(`${path}.levels`, 'must be an array of at least two levels');
    }
    const levels = comp.levels.map((l, k) => validateLevel(l, `${path}.levels[${k}]`, !splink));
    if (levels[levels.length - 1]!.type !== 'else') {
      throw new SettingsError(`${path}.levels[${levels.length - 1}]`, "the last level must be 'else'");
    }
    levels.forEach((l, k) => {
      if (l.type === 'else' && k !== levels.length - 1) throw new SettingsError(`${path}.levels[${k}]`, "'else' must be the last level");
    });
    if (levels.filter((l) => l.type === 'null').length > 1) throw new SettingsError(`${path}.levels`, "has more than one 'null' level");
    const nonNull = levels.filter((l) => l.type !== 'null').length;
    // Gammas (0 .. levels - 1, and -1 for null) are stored as 8-bit integers, one byte per pair and comparison.
    if (nonNull > 127) throw new SettingsError(`${path}.levels`, `has ${nonNull} levels besides 'null'; at most 127 are supported (level numbers are stored as 8-bit integers)`);
    levels.forEach((l, k) => {
      if (l.type === 'sql' && l.tf_column !== undefined && (l.tf_adjustment ?? 1) > 0 && exactLevelForTf(comp as unknown as Comparison, k) < 0) {
        throw new SettingsError(`${path}.levels[${k}].tf_column`, `term frequencies of '${l.tf_column}' need a level of this comparison that is an exact match on it ("${l.tf_column}_l" = "${l.tf_column}_r"), whose u they start from`);
      }
    });
    if (!splink) checkDistributions(levels, path);
  });
  return raw as unknown as LinkSettings;
}

const probabilitySchema = { type: 'number', minimum: 0, maximum: 1 };
/** m and u: open bounds (0 or 1 would give an infinite match weight); their sums are checked by validateSettings. */
const levelProbabilitySchema = { type: 'number', exclusiveMinimum: 0, exclusiveMaximum: 1 };

const labelSchema = { type: 'string', description: "The level's name in charts (Splink's label_for_charts)" };
const tfWeightSchema = { ...probabilitySchema, description: "Splink's tf_adjustment_weight" };
const tfMinimumSchema = { ...probabilitySchema, description: "Splink's tf_minimum_u_value: the term frequency used is at least this" };
const sqlSchema = { type: 'string', minLength: 1, description: 'A condition in the SQL Splink writes for DuckDB; columns as "name_l" and "name_r"' };

/** JSON Schema (draft 2020-12) for LinkSettings. */
export const settingsJsonSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  title: 'reident Fellegi-Sunter linkage settings',
  description: 'A Splink 4 settings dictionary or saved model is also accepted where these settings are (recognised by its shape); see attacks/link/README.md.',
  type: 'object',
  additionalProperties: false,
  required: ['link_type', 'blocking', 'comparisons'],
  properties: {
    link_type: { enum: ['link_only', 'dedupe_only'] },
    lambda: { type: 'number', exclusiveMinimum: 0, exclusiveMaximum: 1 },
    blocking: {
      type: 'array',
      minItems: 1,
      description: 'Rules, each a conjunction of terms: a column name (equal and non-missing), or a SQL condition naming the records l and r.',
      items: { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } },
    },
    source: { const: 'splink', description: 'Read from a Splink model: m and u are used as given (0 allowed, no sum check), as Splink does.' },
    unique_id_column: { type: 'string', minLength: 1, description: "Splink's unique_id_column_name, written again by --save-model" },
    comparisons: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['column', 'levels'],
        properties: {
          column: { type: 'string', minLength: 1 },
          levels: {
            description:
              "Ordered; the last is 'else'. m and u (in (0, 1)) are given on every non-null level of a comparison or on none, and each sums to 1 over those levels (within 1e-6); the null level has neither.",
            type: 'array',
            minItems: 2,
            items: {
              oneOf: [
                { type: 'object', additionalProperties: false, required: ['type'], properties: { type: { const: 'null' }, sql: sqlSchema, label: labelSchema } },
                {
                  type: 'object',
                  additionalProperties: false,
                  required: ['type'],
                  properties: {
                    type: { const: 'exact' },
                    tf_adjustment: tfWeightSchema,
                    tf_minimum_u: tfMinimumSchema,
                    m: levelProbabilitySchema,
                    u: levelProbabilitySchema,
                    label: labelSchema,
                  },
                },
                {
                  type: 'object',
                  additionalProperties: false,
                  required: ['type', 'threshold'],
                  properties: { type: { const: 'jaro_winkler' }, threshold: probabilitySchema, m: levelProbabilitySchema, u: levelProbabilitySchema, label: labelSchema },
                },
                {
                  type: 'object',
                  additionalProperties: false,
                  required: ['type', 'threshold'],
                  properties: { type: { const: 'levenshtein' }, threshold: { type: 'integer', minimum: 0 }, m: levelProbabilitySchema, u: levelProbabilitySchema, label: labelSchema },
                },
                {
                  type: 'object',
                  additionalProperties: false,
                  required: ['type', 'unit', 'threshold'],
                  properties: {
                    type: { const: 'date_diff' },
                    unit: { enum: ['day', 'month', 'year'] },
                    threshold: { type: 'integer', minimum: 0 },
                    m: levelProbabilitySchema,
                    u: levelProbabilitySchema,
                    label: labelSchema,
                  },
                },
                {
                  type: 'object',
                  additionalProperties: false,
                  required: ['type', 'sql'],
                  properties: {
                    type: { const: 'sql' },
                    sql: sqlSchema,
                    tf_column: { type: 'string', minLength: 1, description: "Splink's tf_adjustment_column; the weight (tf_adjustment) defaults to 1" },
                    tf_adjustment: tfWeightSchema,
                    tf_minimum_u: tfMinimumSchema,
                    m: levelProbabilitySchema,
                    u: levelProbabilitySchema,
                    label: labelSchema,
                  },
                },
                { type: 'object', additionalProperties: false, required: ['type'], properties: { type: { const: 'else' }, m: levelProbabilitySchema, u: levelProbabilitySchema, label: labelSchema } },
              ],
            },
          },
        },
      },
    },
  },
} as const;

/** A reasonable starting point for people-like tables (first_name, last_name, birth_date, zip). */
export const peopleSettingsExample: LinkSettings = {
  link_type: 'link_only',
  blocking: [['last_name', 'birth_date'], ['first_name', 'zip'], ['birth_date', 'zip']],
  comparisons: [
    {
      column: 'first_name',
      levels: [{ type: 'null' }, { type: 'exact', tf_adjustment: 1 }, { type: 'jaro_winkler', threshold: 0.9 }, { type: 'else' }],
    },
    {
      column: 'last_name',
      levels: [{ type: 'null' }, { type: 'exact', tf_adjustment: 1 }, { type: 'jaro_winkler', threshold: 0.9 }, { type: 'else' }],
    },
    {
      column: 'birth_date',
      levels: [
        { type: 'null' },
        { type: 'exact' },
        { type: 'levenshtein', threshold: 1 },
        { type: 'date_diff', unit: 'year', threshold: 1 },
        { type: 'else' },
      ],
    },
    { column: 'zip', levels: [{ type: 'null' }, { type: 'exact', tf_adjustment: 1 }, { type: 'else' }] },
  ],
};

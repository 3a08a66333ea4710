// Linkage settings as data (Splink-style): blocking rules and ordered comparison levels.

export type LinkType = 'link_only' | 'dedupe_only';
export type DateUnit = 'day' | 'month' | 'year';

/** Optional trained or given probabilities of a (non-null) level. */
export interface LevelProbabilities {
  m?: number;
  u?: number;
}

export type ComparisonLevel =
  | { type: 'null' }
  | ({ type: 'exact'; tf_adjustment?: number } & LevelProbabilities)
  | ({ type: 'jaro_winkler'; threshold: number } & LevelProbabilities)
  | ({ type: 'levenshtein'; threshold: number } & LevelProbabilities)
  | ({ type: 'date_diff'; unit: DateUnit; threshold: number } & LevelProbabilities)
  | ({ type: 'else' } & LevelProbabilities);

export interface Comparison {
  column: string;
  /** Ordered: the first level that applies to a pair wins. The last level must be 'else'. */
  levels: ComparisonLevel[];
}

export interface LinkSettings {
  link_type: LinkType;
  /** Prior probability that two random records match (Splink's probability_two_random_records_match). */
  lambda?: number;
  /** Each rule: columns that must be equal and non-missing. Pairs are the union over rules. */
  blocking: string[][];
  comparisons: Comparison[];
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

const LEVEL_TYPES = ['null', 'exact', 'jaro_winkler', 'levenshtein', 'date_diff', 'else'] as const;
const LEVEL_KEYS: Record<string, string[]> = {
  null: ['type'],
  exact: ['type', 'tf_adjustment', 'm', 'u'],
  jaro_winkler: ['type', 'threshold', 'm', 'u'],
  levenshtein: ['type', 'threshold', 'm', 'u'],
  date_diff: ['type', 'unit', 'threshold', 'm', 'u'],
  else: ['type', 'm', 'u'],
};

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function probability(x: unknown, path: string, open: boolean): void {
  if (typeof x !== 'number' || !Number.isFinite(x) || x < 0 || x > 1 || (open && (x === 0 || x === 1))) {
    throw new SettingsError(path, `must be a probability in ${open ? '(0, 1)' : '[0, 1]'}, got ${JSON.stringify(x)}`);
  }
}

function validateLevel(raw: unknown, path: string): ComparisonLevel {
  if (!isObject(raw)) throw new SettingsError(path, 'must be an object');
  const type = raw.type;
  if (typeof type !== 'string' || !(LEVEL_TYPES as readonly string[]).includes(type)) {
    throw new SettingsError(`${path}.type`, `must be one of ${LEVEL_TYPES.join(', ')}, got ${JSON.stringify(type)}`);
  }
  for (const key of Object.keys(raw)) {
    if (!LEVEL_KEYS[type]!.includes(key)) throw new SettingsError(`${path}.${key}`, `is not allowed on a '${type}' level`);
  }
  // m or u of 0 or 1 would make a match weight of -Infinity or +Infinity.
  if (raw.m !== undefined) probability(raw.m, `${path}.m`, true);
  if (raw.u !== undefined) probability(raw.u, `${path}.u`, true);
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
  if (type === 'exact' && raw.tf_adjustment !== undefined) {
    const w = raw.tf_adjustment;
    if (typeof w !== 'number' || !(w >= 0 && w <= 1)) throw new SettingsError(`${path}.tf_adjustment`, 'must be a weight in [0, 1]');
  }
  return raw as unknown as ComparisonLevel;
}

/** Tolerance of the check that a comparison's m (or u) values sum to 1. */
export const PROBABILITY_SUM_TOLERANCE = 1e-6;

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
export function validateSettings(raw: unknown): LinkSettings {
  if (!isObject(raw)) throw new SettingsError('', 'must be an object');
  for (const key of Object.keys(raw)) {
    if (!['link_type', 'lambda', 'blocking', 'comparisons'].includes(key)) throw new SettingsError(`.${key}`, 'is not a known setting');
  }
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
      if (typeof c !== 'string' || c === '') throw new SettingsError(`.blocking[${r}][${k}]`, 'must be a column name');
    });
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
    const levels = comp.levels.map((l, k) => validateLevel(l, `${path}.levels[${k}]`));
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
    checkDistributions(levels, path);
  });
  return raw as unknown as LinkSettings;
}

const probabilitySchema = { type: 'number', minimum: 0, maximum: 1 };
/** m and u: open bounds (0 or 1 would give an infinite match weight); their sums are checked by validateSettings. */
const levelProbabilitySchema = { type: 'number', exclusiveMinimum: 0, exclusiveMaximum: 1 };

/** JSON Schema (draft 2020-12) for LinkSettings. */
export const settingsJsonSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  title: 'reident Fellegi-Sunter linkage settings',
  type: 'object',
  additionalProperties: false,
  required: ['link_type', 'blocking', 'comparisons'],
  properties: {
    link_type: { enum: ['link_only', 'dedupe_only'] },
    lambda: { type: 'number', exclusiveMinimum: 0, exclusiveMaximum: 1 },
    blocking: {
      type: 'array',
      minItems: 1,
      items: { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } },
    },
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
                { type: 'object', additionalProperties: false, required: ['type'], properties: { type: { const: 'null' } } },
                {
                  type: 'object',
                  additionalProperties: false,
                  required: ['type'],
                  properties: { type: { const: 'exact' }, tf_adjustment: probabilitySchema, m: levelProbabilitySchema, u: levelProbabilitySchema },
                },
                {
                  type: 'object',
                  additionalProperties: false,
                  required: ['type', 'threshold'],
                  properties: { type: { const: 'jaro_winkler' }, threshold: probabilitySchema, m: levelProbabilitySchema, u: levelProbabilitySchema },
                },
                {
                  type: 'object',
                  additionalProperties: false,
                  required: ['type', 'threshold'],
                  properties: { type: { const: 'levenshtein' }, threshold: { type: 'integer', minimum: 0 }, m: levelProbabilitySchema, u: levelProbabilitySchema },
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
                  },
                },
                { type: 'object', additionalProperties: false, required: ['type'], properties: { type: { const: 'else' }, m: levelProbabilitySchema, u: levelProbabilitySchema } },
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

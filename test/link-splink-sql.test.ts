// The SQL subset of Splink's comparison levels and blocking rules: parsed, printed back, evaluated as
// DuckDB evaluates it (DuckDB itself is the oracle), refused by name when outside the subset.
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { blockPairs } from '../attacks/link/blocking.ts';
import { SettingsError, validateSettings } from '../attacks/link/settings.ts';
import { compileSql, holds } from '../attacks/link/splink/sql-eval.ts';
import { parseSql } from '../attacks/link/splink/sql-parse.ts';
import { sqlOf } from '../attacks/link/splink/sql-print.ts';
import { readColumns } from '../src/io/read-columns.ts';

/** Conditions in the forms Splink 4's comparison library and templates write for DuckDB (Jaro and Jaro-Winkler are checked against DuckDB in their own test). */
const CONDITIONS = [
  `"a_l" IS NULL OR "a_r" IS NULL`,
  `"a_l" = "a_r"`,
  `CAST("a_l" AS TEXT) = CAST("a_r" AS TEXT)`,
  `lower("a_l") = lower("a_r")`,
  `SUBSTRING("a_l", 1, 3) = SUBSTRING("a_r", 1, 3)`,
  `substr("a_l", 0, 2) = substr("a_r", -3, 2)`,
  `levenshtein("a_l", "a_r") <= 1`,
  `levenshtein(CAST("a_l" AS TEXT), CAST("a_r" AS TEXT)) <= 2`,
  `damerau_levenshtein("a_l", "a_r") <= 1`,
  `jaccard("a_l", "a_r") >= 0.5`,
  `NULLIF(regexp_extract("a_l", '^[^@]+', 0), '') = NULLIF(regexp_extract("a_r", '^[^@]+', 0), '')`,
  `NULLIF(regexp_extract("a_l", '@([^@]+)$', 1), '') IS NULL OR NULLIF(regexp_extract("a_r", '@([^@]+)$', 1), '') IS NULL`,
  `"a_l" = "b_r" AND "a_r" = "b_l"`,
  `("a_l" = "a_r") AND NOT ("b_l" = "b_r")`,
  `(levenshtein("a_l", "a_r") <= 1) OR ("b_l" = "b_r")`,
  `ABS(EPOCH(try_strptime("d_l", '%Y-%m-%d')) - EPOCH(try_strptime("d_r", '%Y-%m-%d'))) <= 2629800.0`,
  `ABS(EPOCH(try_strptime("d_l", '%Y-%m-%d')) - EPOCH(try_strptime("d_r", '%Y-%m-%d'))) <= 31557600.0`,
  `try_strptime("d_l", '%Y-%m-%d') IS NULL OR try_strptime("d_r", '%Y-%m-%d') IS NULL`,
  `abs(date_diff('day', try_strptime("d_l", '%Y-%m-%d'), try_strptime("d_r", '%Y-%m-%d'))) <= 30`,
  `abs(date_diff('month', coalesce(try_strptime("d_l", '%Y-%m-%d'), try_strptime("d_l", '%Y%m%d')), coalesce(try_strptime("d_r", '%Y-%m-%d'), try_strptime("d_r", '%Y%m%d')))) <= 1`,
  `abs(datediff('year', try_strptime("d_l", '%Y-%m-%d'), try_strptime("d_r", '%Y-%m-%d'))) <= 1`,
  `SUBSTRING(CAST(try_strptime("d_l", '%Y-%m-%d') AS TEXT), 6, 5) = '01-01' OR SUBSTRING(CAST(try_strptime("d_r", '%Y-%m-%d') AS TEXT), 1, 4) = '2015'`,
  `"a_l" || "b_l" = "a_r" || "b_r"`,
  `"a_l" <> "a_r" AND "b_l" IS NOT NULL`,
];

const text = fc.oneof(
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.constant('') },
  { weight: 4, arbitrary: fc.string({ unit: fc.constantFrom('a', 'b', 'B', 'é', ' ', '@', 'x', '.'), maxLength: 7 }) },
);
const date = fc.oneof(
  fc.constant(null),
  fc.constantFrom('2015-01-01', '2015-12-31', '2016-01-01', '2015-02-30', '2015-1-5', ' 2015-03-04', '20150304', 'x'),
  fc.date({ min: new Date('1990-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
);
const record = fc.record({ a: text, b: text, d: date });

const lit = (v: string | null) => (v === null ? 'NULL::VARCHAR' : `'${v.replaceAll("'", "''")}'`);

describe('Splink SQL conditions against DuckDB', () => {
  let db: DuckDBConnection;
  beforeAll(async () => {
    db = await (await DuckDBInstance.create(':memory:')).connect();
  });
  afterAll(() => db.closeSync());

  test('each condition holds on the same pairs of records as in DuckDB', async () => {
    const pairs = fc.sample(fc.tuple(record, record), { numRuns: 150, seed: 11 });
    const names = ['a', 'b', 'd'];
    const values = pairs.map(([l, r]) => `(${names.flatMap((n) => [lit(l[n as 'a']), lit(r[n as 'a'])]).join(', ')})`).join(',\n');
    const columns = names.flatMap((n) => [`"${n}_l"`, `"${n}_r"`]).join(', ');
    for (const sql of CONDITIONS) {
      // DuckDB's jaccard raises an error on an empty string (reident gives NULL): keep those rows away from it
      const duck = sql.replace(`jaccard("a_l", "a_r")`, `jaccard(NULLIF("a_l", ''), NULLIF("a_r", ''))`);
      const rows = (await db.runAndReadAll(`SELECT COALESCE((${duck}), false) AS h FROM (VALUES ${values}) AS t(${columns})`)).getRowObjects();
      const f = compileSql(parseSql(sql, 'suffix'), (name, side) => 2 * names.indexOf(name) + (side === 'r' ? 1 : 0));
      // string distances are compare-strings.ts's (tested against DuckDB on Unicode there): here, ASCII only
      const distance = /levenshtein/.test(sql);
      let checked = 0;
      pairs.forEach(([l, r], k) => {
        const row = names.flatMap((n) => [l[n as 'a'], r[n as 'a']]);
        if (distance && (row.some((v) => v !== null && /[^\x00-\x7f]/.test(v)))) return;
        checked++;
        expect(holds(f(row)), `${sql} on ${JSON.stringify(row)}`).toBe(rows[k]!.h);
      });
      expect(checked).toBeGreaterThan(40);
    }
  }, 30_000);

  test('printing a tree gives SQL that parses to the same tree', () => {
    for (const sql of CONDITIONS) {
      const tree = parseSql(sql, 'suffix');
      expect(parseSql(sqlOf(tree, 'suffix'), 'suffix'), sql).toEqual(tree);
    }
  });

  test('constructs outside the subset are refused by name', () => {
    const refused: [string, RegExp][] = [
      [`regexp_replace("a_l", 'x', '') = "a_r"`, /regexp_replace is not supported/],
      [`CASE WHEN "a_l" = "a_r" THEN 1 END = 1`, /CASE is not supported/],
      [`"a_l" IN ('x', 'y')`, /IN is not supported/],
      [`"a_l" LIKE 'x%'`, /LIKE is not supported/],
      [`CAST("a_l" AS BLOB) = "a_r"`, /CAST to BLOB is not supported/],
      [`"name" = "a_r"`, /column "name": a comparison level names columns as "name_l" and "name_r"/],
      [`levenshtein("a_l") <= 1`, /levenshtein takes 2 arguments, got 1/],
      [`"a_l" = `, /unexpected the end of the condition/],
    ];
    for (const [sql, message] of refused) expect(() => parseSql(sql, 'suffix'), sql).toThrow(message);
    expect(() => parseSql(`first_name_l = r.first_name`, 'qualified')).toThrow(/a blocking rule names columns as l.name and r.name/);
    expect(() => compileSql(parseSql(`try_strptime("d_l", '%j') IS NULL`, 'suffix'), () => 0)).toThrow(/format %j is not supported/);
  });
});

describe('Splink settings', () => {
  const base = {
    link_type: 'dedupe_only',
    probability_two_random_records_match: 0.01,
    blocking_rules_to_generate_predictions: ['l."a" = r."a"'],
    comparisons: [
      {
        output_column_name: 'a',
        comparison_levels: [
          { sql_condition: '"a_l" IS NULL OR "a_r" IS NULL', is_null_level: true },
          { sql_condition: '"a_l" = "a_r"', m_probability: 0.9, u_probability: 0.1, tf_adjustment_column: 'a', tf_adjustment_weight: 1 },
          { sql_condition: 'ELSE', m_probability: 0.1, u_probability: 0.9 },
        ],
      },
    ],
  };
  const error = (raw: unknown): string => {
    try {
      validateSettings(raw);
    } catch (e) {
      expect(e).toBeInstanceOf(SettingsError);
      return (e as Error).message;
    }
    throw new Error('expected a SettingsError');
  };

  test('are recognised by their shape and translated', () => {
    const s = validateSettings(base);
    expect(s.lambda).toBe(0.01);
    expect(s.blocking).toEqual([['a']]);
    expect(s.source).toBe('splink');
    expect(s.comparisons[0]!.levels).toEqual([
      { type: 'null', sql: '"a_l" IS NULL OR "a_r" IS NULL' },
      { type: 'sql', sql: '"a_l" = "a_r"', tf_column: 'a', tf_adjustment: 1, m: 0.9, u: 0.1 },
      { type: 'else', m: 0.1, u: 0.9 },
    ]);
    // a rule with other conditions keeps them as SQL; {blocking_rule: ...} objects are read too
    const withSql = validateSettings({ ...base, blocking_rules_to_generate_predictions: [{ blocking_rule: '(l."a" = r."a") AND (substr(l.b, 1, 1) = substr(r.b, 1, 1))', sql_dialect: 'duckdb' }] });
    expect(withSql.blocking).toEqual([['a', 'substr(l."b", 1, 1) = substr(r."b", 1, 1)']]);
  });

  test('what reident does not run is refused, naming where', () => {
    expect(error({ ...base, link_type: 'link_and_dedupe' })).toMatch(/settings\.link_type: link_and_dedupe is not supported/);
    expect(error({ ...base, sql_dialect: 'spark' })).toMatch(/settings\.sql_dialect: is "spark"/);
    expect(error({ ...base, blocking_rules_to_generate_predictions: [] })).toMatch(/at least one blocking rule/);
    expect(error({ ...base, blocking_rules_to_generate_predictions: ['levenshtein(l.a, r.a) <= 1'] })).toMatch(/blocking\[0\]: needs a column, or an equality/);
    const tfWithoutExact = structuredClone(base);
    tfWithoutExact.comparisons[0]!.comparison_levels[1]!.sql_condition = 'levenshtein("a_l", "a_r") <= 1';
    expect(error(tfWithoutExact)).toMatch(/levels\[1\]\.tf_column: term frequencies of 'a' need a level of this comparison that is an exact match on it/);
    const unknown = structuredClone(base) as Record<string, unknown>;
    unknown.retain_everything = true;
    expect(error(unknown)).toMatch(/settings\.retain_everything: is not a known Splink setting/);
  });
});

describe('blocking rules with SQL terms, against DuckDB', () => {
  test('the same pairs as DuckDB, each counted once by the first rule that makes it', async () => {
    const file = 'test/fixtures/splink/fake_1000_from_splink_demos.csv';
    const table = await readColumns(file, { columns: 'all' });
    const rules = [
      `substr(l.first_name, 1, 2) = substr(r.first_name, 1, 2) AND levenshtein(l.surname, r.surname) <= 2`,
      `lower(l.city) = lower(r.city) AND l.dob = r.dob`,
      `l.email = r.email OR l.surname = r.surname`,
    ];
    // the third rule has no join key: refused; the first two run
    expect(() => validateSettings({ link_type: 'dedupe_only', blocking_rules_to_generate_predictions: rules, comparisons: [{ output_column_name: 'x', comparison_levels: [{ sql_condition: 'ELSE' }, { sql_condition: 'ELSE' }] }] })).toThrow(/blocking_rules_to_generate_predictions|blocking\[2\]/);
    const settings = validateSettings({
      link_type: 'dedupe_only',
      blocking_rules_to_generate_predictions: rules.slice(0, 2),
      comparisons: [{ output_column_name: 'city', comparison_levels: [{ sql_condition: '"city_l" = "city_r"' }, { sql_condition: 'ELSE' }] }],
    });
    const pairs = blockPairs(table, null, settings.blocking, 'dedupe_only');
    const db = await (await DuckDBInstance.create(':memory:')).connect();
    await db.run(`CREATE TABLE df AS SELECT * REPLACE (CAST(unique_id AS BIGINT) AS unique_id) FROM read_csv('${file}', all_varchar = true, header = true)`);
    const sql = rules
      .slice(0, 2)
      .map((rule, k) => `SELECT l.unique_id AS i, r.unique_id AS j, ${k} AS rule FROM df l JOIN df r ON (${rule}) WHERE l.unique_id < r.unique_id${rules.slice(0, k).map((e) => ` AND NOT COALESCE((${e}), false)`).join('')}`)
      .join(' UNION ALL ');
    const rows = (await db.runAndReadAll(sql)).getRowObjects();
    db.closeSync();
    expect(pairs.count).toBe(rows.length);
    expect(rows.length).toBeGreaterThan(100);
    const ours = new Set(Array.from(pairs.left, (l, k) => `${l},${pairs.right[k]},${pairs.rule[k]}`));
    expect(ours).toEqual(new Set(rows.map((r) => `${r.i},${r.j},${r.rule}`)));
  });
});

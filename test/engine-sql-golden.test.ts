// The SQL the DuckDB engine generates, compared byte for byte with test/golden/sql/*.sql (UPDATE_GOLDEN=1
// rewrites them), and kept to the dialect both DuckDB and Spark SQL read: no statement but DuckDB's own
// file readers uses a construct Spark reads differently. (engine-equivalence.test.ts runs the same
// generators on real files.)
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { validateSettings } from '../attacks/link/settings.ts';
import { linkSetupStatements, patternWeights } from '../src/engine/duckdb-link.ts';
import { qiJoinStatements } from '../src/engine/duckdb-qi-join.ts';
import { riskStatements } from '../src/engine/duckdb-risk.ts';
import { sourceView, type FileSource } from '../src/engine/dialect.ts';
import { linkCountSql, linkRowsSql, patternCountsSql, scoredPairsSql } from '../src/engine/link-sql.ts';
import { presentCountsSql, rulePatternsSql, rulesPairCountSql, U_PAIRS, U_RECORDS, uPairsPatternsSql, uRecordsPatternsSql } from '../src/engine/train-sql.ts';
import { parametersFromSettings } from '../attacks/link/fellegi-sunter.ts';

const GOLDEN = join(import.meta.dirname, 'golden', 'sql');
const csv = (path: string): FileSource => ({ path, format: 'csv', delimiter: ',' });
const parquet = (path: string): FileSource => ({ path, format: 'parquet' });
const model = validateSettings(JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures', 'engine', 'link-model.json'), 'utf8')));
const dedupeModel = validateSettings({ ...model, link_type: 'dedupe_only' });

/** A fixed set of patterns (every gamma of the fixture model's first levels) weighed by the model. */
function someWeights() {
  const gamma = Int8Array.from([2, 2, 2, 1, 0, 0, 0, 0, -1, 1, 2, 0]);
  return patternWeights({ comparisons: 4, gamma, count: Float64Array.from([5, 7, 1]) }, parametersFromSettings(model));
}

const script = (statements: readonly string[]) => statements.map((s) => s.trimEnd().replace(/;?$/, ';')).join('\n\n') + '\n';

const CASES: Record<string, () => string> = {
  'risk-histogram': () => {
    const s = riskStatements({ qis: ['zip', 'sex', 'birth_date'], sample: { flag: 'the table', source: csv('data/extract.csv') } });
    return script([...s.views, s.sample]);
  },
  'risk-population': () => {
    const s = riskStatements({ qis: ['zip', 'sex', 'birth_date'], sample: { flag: 'the table', source: csv('data/extract.csv') }, population: { flag: '--world', source: parquet('out/people/state=*/*.parquet') } });
    return script([...s.views, s.sample, s.population!, s.paired!]);
  },
  'link-link-only': () => script([...linkSetupStatements(model, { left: { flag: '--left', source: csv('voters.csv') }, right: { flag: '--right', source: csv('extract.csv') } }), patternCountsSql(model), scoredPairsSql(model, someWeights(), 0.5), linkCountSql(model, someWeights(), 0.5), linkRowsSql(model, someWeights(), 0.5)]),
  'link-dedupe': () => script([...linkSetupStatements(dedupeModel, { left: { flag: '--left', source: parquet('people.parquet') } }), patternCountsSql(dedupeModel)]),
  'link-train': () =>
    script([
      rulesPairCountSql(model, [['first_name', 'last_name', 'city'], ['street']]),
      sourceView(U_PAIRS, csv('u-pairs.csv')),
      uPairsPatternsSql(model),
      rulePatternsSql(model, ['last_name', 'zip']),
      presentCountsSql(model, 'records_l'),
    ]),
  'link-train-dedupe': () => script([sourceView(U_RECORDS, csv('u-records.csv')), uRecordsPatternsSql(dedupeModel), rulePatternsSql(dedupeModel, ['zip'])]),
  'qi-join': () => {
    const s = qiJoinStatements({ beneficiaries: parquet('world/beneficiaries.parquet'), voterRoll: csv('voters.csv'), voterTruth: 'truth_person_id' }, 'unique-both');
    return script([...s.setup, s.counts, s.links]);
  },
  'sources-spark': () => script([sourceView('sample', csv('data/extract.csv'), 'spark'), sourceView('population', parquet('out/people'), 'spark')]),
};

const update = process.env.UPDATE_GOLDEN === '1';

describe('generated SQL against golden files', () => {
  for (const [name, make] of Object.entries(CASES)) {
    test(`${name}.sql`, () => {
      const file = join(GOLDEN, `${name}.sql`);
      const sql = make();
      if (update) writeFileSync(file, sql);
      expect(sql).toBe(readFileSync(file, 'utf8'));
    });
  }
});

/** Statements other than DuckDB's own file readers (read_csv/read_parquet views, COPY): the part Spark runs too. */
function portable(sql: string): string[] {
  return sql
    .split(/;\n/)
    .map((s) => s.trim())
    .filter((s) => s && !/read_(csv|parquet)\(/.test(s) && !/USING (csv|parquet)|monotonically_increasing_id/.test(s) && !/^COPY /.test(s))
    // DuckDB's temporary table is Spark's CACHE TABLE (docs/spark.md): the query after it is what must be portable
    .map((s) => s.replace(/^CREATE OR REPLACE TEMPORARY TABLE \w+ AS\n/, ''));
}

describe('the dialect both engines read', () => {
  const duckdbOnly: [RegExp, string][] = [
    [/::/, 'the :: cast'],
    [/"/, 'double-quoted names (Spark reads them as strings)'],
    [/GROUP BY ALL/i, 'GROUP BY ALL'],
    [/\bILIKE\b/i, 'ILIKE'],
    [/\bVARCHAR\b/, 'VARCHAR (STRING is the name both take)'],
    [/\b(list|struct)_\w+\(/i, 'list/struct functions'],
    [/\bQUALIFY\b/i, 'QUALIFY'],
    [/\bEXCLUDE\b/i, 'SELECT * EXCLUDE'],
  ];
  for (const name of Object.keys(CASES).filter((n) => n !== 'sources-spark')) {
    test(`${name}: no DuckDB-only construct`, () => {
      for (const s of portable(CASES[name]!())) for (const [re, what] of duckdbOnly) expect(re.test(s), `${what} in: ${s.slice(0, 200)}`).toBe(false);
    });
  }
  test('the portable checks can fail (a DuckDB-only statement is caught)', () => {
    expect(duckdbOnly.some(([re]) => re.test('SELECT x::INT FROM t GROUP BY ALL'))).toBe(true);
  });
});

// A second baseline for people -> CSV: DuckDB SQL on 2 threads writing rows of the people table's
// columns (same names, types and order as PEOPLE_SCHEMA) with COPY ... TO CSV. Every value is drawn by
// hashing the row number into the same vocabularies reident uses (first names, surnames, streets,
// cities, ZIPs, states, counties...), with no calibration: the cost of the text, not of the model.
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { geography } from '../generators/calibration/tables.ts';
import { streetVocabulary } from '../generators/population/address.ts';
import { firstNameModelOf, surnameDictionary } from '../generators/population/names.ts';
import { PEOPLE_SCHEMA } from '../generators/population/people-table.ts';
import { IMMIGRATION_STATUSES, RACES, SSN_ERRORS } from '../generators/population/rates.ts';

/** Large vocabularies, each loaded into DuckDB as a table of (k, w): entry k of the vocabulary is w. */
function vocabularies(): Record<string, readonly string[]> {
  return { first_names: firstNameModelOf().dictionary, surnames: surnameDictionary(), streets: streetVocabulary() };
}

/** Small vocabularies, written into the SQL as list literals. */
const LISTS: Record<string, readonly string[]> = {
  letters: Array.from('ABCDEFGHIJKLMNOPQRSTUVWXYZ'),
  sexes: ['M', 'F'],
  races: RACES,
  statuses: IMMIGRATION_STATUSES,
  ssn_errors: SSN_ERRORS,
};

/** Places: one row per ZIP with its city, state and first county, as reident derives them from the ZIP. */
function places(): { zip: string; city: string; state: string; county: string }[] {
  const z = geography.zctas;
  return z.zcta.map((zip, k) => ({
    zip,
    city: geography.cities[z.city[k]]!,
    state: geography.states[z.state[k]]!.abbr,
    county: String(geography.countyParts.geoid[z.countyStart[k]]).padStart(5, '0'),
  }));
}

/** Sizes of the table vocabularies, by name. */
const SIZES: Record<string, number> = { ...Object.fromEntries(Object.entries(vocabularies()).map(([name, words]) => [name, words.length])), places: geography.zctas.zcta.length };
/** Joins of the SELECT being built: one per table draw, on a key hashed from the row number. */
let joins: string[] = [];
/** A row of a vocabulary table drawn by hashing the row number (`v[hash(i, k) % len(v)]`), by a join on its index: the join's alias. */
function row(v: string, k: number): string {
  const alias = `j${joins.length}`;
  joins.push(`JOIN v_${v} ${alias} ON ${alias}.k = (hash(i, ${k}) % ${SIZES[v]})::INTEGER`);
  return alias;
}
/** An entry of a vocabulary drawn by hashing the row number: a list literal's element, or a table's by a join. */
function pick(v: string, k: number): string {
  const list = LISTS[v];
  if (list) return `([${list.map((w) => `'${w}'`).join(', ')}])[1 + (hash(i, ${k}) % ${list.length})::BIGINT]`;
  return `${row(v, k)}.w`;
}
/** A whole number in [0, n) drawn by hashing the row number. */
const draw = (k: number, n: number) => `(hash(i, ${k}) % ${n})::BIGINT`;
/** The expression when hash(i, k) falls in the first `percent` of 100, else NULL. */
const some = (k: number, percent: number, e: string) => `CASE WHEN hash(i, ${k}) % 100 < ${percent} THEN ${e} END`;
const digits = (e: string, width: number) => `lpad(CAST(${e} AS VARCHAR), ${width}, '0')`;
const ssnText = (k: number) => `concat(${digits(`1 + ${draw(k, 899)}`, 3)}, '-', ${digits(`1 + ${draw(k + 1, 99)}`, 2)}, '-', ${digits(`1 + ${draw(k + 2, 9999)}`, 4)})`;
const street = (k: number) =>
  `concat(1 + ${draw(k, 9999)}, ' ', ${pick('streets', k + 1)}, CASE WHEN hash(i, ${k + 2}) % 100 < 16 THEN concat(' Apt ', 1 + ${draw(k + 3, 240)}) ELSE '' END)`;
const day = (k: number, from: string, days: number) => `DATE '${from}' + ${draw(k, days)}::INTEGER`;

/** One SQL expression per people column, by name (vocabulary draws add their joins). */
function expressions(): Record<string, string> {
  const here = row('places', 28);
  const before = row('places', 37);
  return {
  person_id: 'i',
  household_id: `greatest(0, i - ${draw(1, 3)})`,
  first_name: pick('first_names', 2),
  middle_initial: some(3, 88, pick('letters', 4)),
  last_name: pick('surnames', 5),
  sex: pick('sexes', 6),
  birth_date: day(7, '1920-01-01', 36500),
  age: draw(8, 100),
  ssn: some(9, 92, ssnText(10)),
  itin: some(13, 3, ssnText(14)),
  ssn_recorded: some(17, 94, ssnText(18)),
  ssn_error: pick('ssn_errors', 21),
  ssn_source_person_id: some(22, 1, draw(23, 1_000_000_000)),
  street: street(24),
  city: `${here}.city`,
  state: `${here}.state`,
  zip: `${here}.zip`,
  county: `${here}.county`,
  prev_street: some(32, 11, street(33)),
  prev_city: some(32, 11, `${before}.city`),
  prev_state: some(32, 11, `${before}.state`),
  prev_zip: some(32, 11, `${before}.zip`),
  move_date: some(32, 11, day(40, '2009-04-01', 365)),
  race_ethnicity: pick('races', 41),
  immigration_status: pick('statuses', 42),
  admission_year: some(43, 14, `1950 + ${draw(44, 60)}`),
  work_quarters: draw(45, 161),
  disabled: `${draw(46, 100)} // 95`,
  disability_onset: some(47, 5, day(48, '2000-01-01', 3650)),
  esrd: `${draw(49, 1000)} // 998`,
  esrd_onset: some(50, 1, day(51, '2005-01-01', 2000)),
  death_date: some(52, 1, day(53, '2010-04-01', 365)),
  spouse_person_id: some(54, 40, `i + 1`),
  };
}

const DUCKDB_TYPE = { int: 'BIGINT', string: 'VARCHAR', date: 'DATE', money: 'DECIMAL(18,2)' } as const;

/** The SELECT of n people rows, its columns in PEOPLE_SCHEMA's order. */
export function baselineSelect(n: number): string {
  joins = [];
  const byName = expressions();
  const cols = PEOPLE_SCHEMA.columns.map((c) => {
    const e = byName[c.name];
    if (e === undefined) throw new Error(`duckdb baseline: no expression for people column ${c.name}`);
    return `CAST(${e} AS ${DUCKDB_TYPE[c.type]}) AS ${c.name}`;
  });
  return `SELECT ${cols.join(',\n  ')}\nFROM range(${n}) t(i)\n${joins.join('\n')}`;
}

export async function loadVocabularies(con: DuckDBConnection): Promise<void> {
  for (const [name, words] of Object.entries(vocabularies())) {
    await con.run(`CREATE TABLE v_${name} (k INTEGER, w VARCHAR)`);
    const appender = await con.createAppender(`v_${name}`);
    words.forEach((w, k) => {
      appender.appendInteger(k);
      appender.appendVarchar(w);
      appender.endRow();
    });
    appender.closeSync();
  }
  await con.run('CREATE TABLE v_places (k INTEGER, zip VARCHAR, city VARCHAR, state VARCHAR, county VARCHAR)');
  const appender = await con.createAppender('v_places');
  places().forEach((p, k) => {
    appender.appendInteger(k);
    for (const text of [p.zip, p.city, p.state, p.county]) appender.appendVarchar(text);
    appender.endRow();
  });
  appender.closeSync();
}

export interface DuckdbBaseline {
  rows: number;
  seconds: number;
  cpuSeconds: number;
  bytes: number;
}

/** Writes n people rows to `csvPath` with DuckDB on `threads` threads (vocabularies loaded before the clock starts). */
export async function duckdbPeopleCsv(n: number, csvPath: string, threads = 2): Promise<DuckdbBaseline> {
  const db = await DuckDBInstance.create(':memory:', { threads: String(threads) });
  const con = await db.connect();
  try {
    await loadVocabularies(con);
    // The columns' names and types must be the people table's, in its order.
    const described = (await con.runAndReadAll(`DESCRIBE ${baselineSelect(1)}`)).getRows();
    PEOPLE_SCHEMA.columns.forEach((c, j) => {
      const [name, type] = [String(described[j]![0]), String(described[j]![1])];
      if (name !== c.name || type !== DUCKDB_TYPE[c.type]) throw new Error(`duckdb baseline: column ${j} is ${name} ${type}, people has ${c.name} ${DUCKDB_TYPE[c.type]}`);
    });
    await con.run(`COPY (SELECT 1 AS x) TO '${csvPath}' (HEADER)`); // warm-up
    const cpu = process.cpuUsage();
    const t = performance.now();
    await con.run(`COPY (${baselineSelect(n)}) TO '${csvPath}' (HEADER, DELIMITER ',')`);
    const seconds = (performance.now() - t) / 1000;
    const used = process.cpuUsage(cpu);
    const size = await con.runAndReadAll(`SELECT size FROM read_blob('${csvPath}')`);
    return { rows: n, seconds, cpuSeconds: (used.user + used.system) / 1e6, bytes: Number(size.getRows()[0]![0]) };
  } finally {
    con.closeSync();
    db.closeSync();
  }
}

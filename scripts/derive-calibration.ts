/**
 * derive-calibration — turn the raw Census/SSA files into the compact tables in
 * generators/calibration/data/ (committed, so a fresh clone needs no raw data).
 *
 *   npx tsx scripts/derive-calibration.ts [--data DIR] [--out DIR]
 *
 * --data defaults to ../shared/data relative to the repo root; --out defaults to
 * generators/calibration/data. Output is deterministic (same input -> same bytes);
 * each file is written as x.json.tmp and renamed. A missing or malformed input
 * stops the run with a message naming the file (and line, column).
 *
 * Derivations (details and caveats: generators/calibration/README.md):
 *
 * geography.json
 *   states      the 50 states + DC (no PR), by FIPS; abbr/name/SSA code hard-coded
 *               below (names checked against the NAME column of the age-sex file).
 *   zctas       zcta_pop_2010.csv rows with ZPOP > 0 and MAIN_STATE among those 51,
 *               sorted by (state index, ZCTA). pop = ZPOP, housingUnits = ZHU.
 *   city        zip_zcta_crosswalk_jsi2015.csv po_name of the ZIP equal to the ZCTA
 *               (if absent or blank: the first ZIP by code mapping to the ZCTA with a
 *               non-blank po_name; else the most common city among ZCTAs with the same
 *               MAIN_COUNTY_GEOID; else ''). A trailing ", ST" is stripped; names with
 *               no lower-case letter are Title Cased (vowel-less words such as JBPHH
 *               stay upper case); mixed-case names (McAllen) are kept as given.
 *   countyParts zcta_county_rel_10.csv: per ZCTA its (GEOID, POPPT) rows by GEOID,
 *               POPPT = 0 rows dropped unless none would remain (then MAIN_COUNTY_GEOID
 *               with pop = ZPOP). countyStart[i]..countyStart[i+1]-1 index them.
 *   counties    omitted: no county-name source exists in the raw folder.
 * ageSex.json
 *   census2010  st-est00int-agesex.csv CENSUS2010POP; est2019 sc-est2019-agesex-civ.csv
 *               POPEST2019_CIV (CIVILIAN population, not resident). Ages 0..84 copied;
 *               the state's 85+ count is split over 85..100 (100 = 100+) in proportion
 *               to the national shape by sex in nc-est2019-agesex-res.csv (CENSUS2010POP
 *               resp. POPESTIMATE2019) by largest-remainder rounding (ties: lower age).
 *               Every state x sex total is checked against the source's AGE 999 row.
 * surnames.json
 *   Names_2010Census_top1022.csv in rank order (per100k = prop100k), then every name of
 *   census1990_dist.all.last.txt not already present, in rank order, with per100k =
 *   percent * 1000 (an integer); 1990 names printed as 0.000% share equally the mass of the
 *   cumulative column past the last non-zero name (about 0.34 per 100k each). race.* are
 *   the 2010 pct columns; "(S)" cells share 100 - sum(known) equally (2 decimals).
 * firstNames.json
 *   ssa_first_names/yob{1930,1940,1950,1960}.txt: count >= 20, top 2500 per sex by
 *   count (ties by name), weight = count. census1990_dist.{male,female}.first.txt: all
 *   names, weight = percent * 1000. Names Title Cased; cohorts cover years 0..9999.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { REPO_ROOT, STATES, STATE_INDEX, InputError } from './calibration/input.ts';
import { deriveGeography } from './calibration/geography.ts';
import { deriveAgeSex } from './calibration/age-sex.ts';
import { deriveSurnames, deriveFirstNames } from './calibration/names.ts';
import { formatJson, writeAtomic } from './calibration/output.ts';
export { largestRemainder } from './calibration/age-sex.ts';
export { InputError } from './calibration/input.ts';

export interface DeriveOptions {
  dataDir: string;
  outDir: string;
  log?: (line: string) => void;
}

/** Derive every table from dataDir and write them to outDir; returns the file paths written. */
export function deriveCalibration({ dataDir, outDir, log = () => {} }: DeriveOptions): string[] {
  if (!existsSync(dataDir)) throw new InputError(`data folder not found: ${dataDir}`);
  const geography = deriveGeography(dataDir, log);
  const ageSex = deriveAgeSex(dataDir, log);
  // Cross-check: ZCTA totals per state (by main state and by county part) vs the census.
  const census = ageSex.census2010;
  const stateTotal = STATES.map((_, i) => [...census.male[i], ...census.female[i]].reduce((s, x) => s + x, 0));
  const byMain = new Array<number>(STATES.length).fill(0);
  geography.zctas.pop.forEach((p, i) => (byMain[geography.zctas.state[i]] += p));
  const byPart = new Array<number>(STATES.length).fill(0);
  geography.countyParts.geoid.forEach((g, i) => {
    const s = STATE_INDEX.get(String(Math.floor(g / 1000)).padStart(2, '0'));
    if (s !== undefined) byPart[s] += geography.countyParts.pop[i];
  });
  const sum = (a: number[]) => a.reduce((s, x) => s + x, 0);
  const gaps = STATES.map((s, i) => [s[1], stateTotal[i] - byPart[i]] as const).filter(([, d]) => d !== 0);
  log(`check: census2010 ${sum(stateTotal).toLocaleString('en-US')} - ZCTA ${sum(byMain).toLocaleString('en-US')} = ${(sum(stateTotal) - sum(byMain)).toLocaleString('en-US')} people in blocks with no 2010 ZCTA (county-part sums; census minus ZCTA parts by state: ${gaps.map(([a, d]) => `${a} ${d}`).join(', ')})`);
  log(`check: ${STATES.filter((_, i) => byMain[i] !== byPart[i]).length} states whose main-state ZCTA sum differs from their county-part sum (ZCTAs crossing state lines; largest shift ${Math.max(...byMain.map((x, i) => Math.abs(x - byPart[i])))})`);

  const tables: Record<string, unknown> = {
    'geography.json': geography,
    'ageSex.json': ageSex,
    'surnames.json': deriveSurnames(dataDir, log),
    'firstNames.json': deriveFirstNames(dataDir, log),
  };
  mkdirSync(outDir, { recursive: true });
  return Object.entries(tables).map(([file, value]) => {
    const path = join(outDir, file);
    writeAtomic(path, formatJson(value) + '\n');
    return path;
  });
}

function main(argv: string[]): void {
  let dataDir = resolve(REPO_ROOT, '../shared/data');
  let outDir = join(REPO_ROOT, 'generators/calibration/data');
  for (let i = 0; i < argv.length; i++) {
    const next = () => {
      if (i + 1 >= argv.length) throw new InputError(`${argv[i]} needs a directory`);
      return resolve(argv[++i]);
    };
    if (argv[i] === '--data') dataDir = next();
    else if (argv[i] === '--out') outDir = next();
    else throw new InputError(`unknown argument ${argv[i]} (usage: derive-calibration [--data DIR] [--out DIR])`);
  }
  const written = deriveCalibration({ dataDir, outDir, log: (s) => console.log(s) });
  for (const path of written) console.log(`wrote ${path} (${readFileSync(path).length.toLocaleString('en-US')} bytes)`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    main(process.argv.slice(2));
  } catch (e) {
    console.error(`derive-calibration: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  }
}

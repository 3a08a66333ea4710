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
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** [FIPS, USPS abbreviation, name, SSA state code] for the 50 states + DC, by FIPS. */
const STATES: readonly (readonly [string, string, string, string])[] = [
  ['01', 'AL', 'Alabama', '01'], ['02', 'AK', 'Alaska', '02'], ['04', 'AZ', 'Arizona', '03'],
  ['05', 'AR', 'Arkansas', '04'], ['06', 'CA', 'California', '05'], ['08', 'CO', 'Colorado', '06'],
  ['09', 'CT', 'Connecticut', '07'], ['10', 'DE', 'Delaware', '08'],
  ['11', 'DC', 'District of Columbia', '09'], ['12', 'FL', 'Florida', '10'],
  ['13', 'GA', 'Georgia', '11'], ['15', 'HI', 'Hawaii', '12'], ['16', 'ID', 'Idaho', '13'],
  ['17', 'IL', 'Illinois', '14'], ['18', 'IN', 'Indiana', '15'], ['19', 'IA', 'Iowa', '16'],
  ['20', 'KS', 'Kansas', '17'], ['21', 'KY', 'Kentucky', '18'], ['22', 'LA', 'Louisiana', '19'],
  ['23', 'ME', 'Maine', '20'], ['24', 'MD', 'Maryland', '21'], ['25', 'MA', 'Massachusetts', '22'],
  ['26', 'MI', 'Michigan', '23'], ['27', 'MN', 'Minnesota', '24'], ['28', 'MS', 'Mississippi', '25'],
  ['29', 'MO', 'Missouri', '26'], ['30', 'MT', 'Montana', '27'], ['31', 'NE', 'Nebraska', '28'],
  ['32', 'NV', 'Nevada', '29'], ['33', 'NH', 'New Hampshire', '30'], ['34', 'NJ', 'New Jersey', '31'],
  ['35', 'NM', 'New Mexico', '32'], ['36', 'NY', 'New York', '33'], ['37', 'NC', 'North Carolina', '34'],
  ['38', 'ND', 'North Dakota', '35'], ['39', 'OH', 'Ohio', '36'], ['40', 'OK', 'Oklahoma', '37'],
  ['41', 'OR', 'Oregon', '38'], ['42', 'PA', 'Pennsylvania', '39'], ['44', 'RI', 'Rhode Island', '41'],
  ['45', 'SC', 'South Carolina', '42'], ['46', 'SD', 'South Dakota', '43'], ['47', 'TN', 'Tennessee', '44'],
  ['48', 'TX', 'Texas', '45'], ['49', 'UT', 'Utah', '46'], ['50', 'VT', 'Vermont', '47'],
  ['51', 'VA', 'Virginia', '49'], ['53', 'WA', 'Washington', '50'], ['54', 'WV', 'West Virginia', '51'],
  ['55', 'WI', 'Wisconsin', '52'], ['56', 'WY', 'Wyoming', '53'],
];
const STATE_INDEX = new Map(STATES.map((s, i) => [s[0], i]));

/** Bad or missing raw input; the message names the file. */
export class InputError extends Error {
  override name = 'InputError';
}

const byCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

// ---------------------------------------------------------------- input parsing

function readInput(dataDir: string, file: string): string {
  const path = join(dataDir, file);
  if (!existsSync(path)) throw new InputError(`missing input file ${file} (looked for ${path})`);
  const text = readFileSync(path, 'utf8');
  if (text.trim() === '') throw new InputError(`${file}: file is empty`);
  return text.replace(/\r\n?/g, '\n');
}

interface Csv {
  file: string;
  rows: string[][];
  /** Column index by header name; throws naming the file if absent. */
  col(name: string): number;
}

/** RFC 4180 CSV (quoted fields, "" escapes); every row must have the header's width. */
function readCsv(dataDir: string, file: string): Csv {
  const text = readInput(dataDir, file);
  const records: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch !== '"') field += ch;
      else if (text[i + 1] === '"') (field += '"'), i++;
      else quoted = false;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(field), (field = '');
    else if (ch === '\n') row.push(field), records.push(row), (row = []), (field = '');
    else field += ch;
  }
  if (quoted) throw new InputError(`${file}: unterminated quoted field`);
  if (field !== '' || row.length > 0) row.push(field), records.push(row);
  const header = records.shift()!.map((h) => h.trim());
  records.forEach((r, i) => {
    if (r.length !== header.length)
      throw new InputError(`${file}:${i + 2}: expected ${header.length} fields, found ${r.length}`);
  });
  const index = new Map(header.map((h, i) => [h, i]));
  const col = (name: string) => {
    const c = index.get(name);
    if (c === undefined) throw new InputError(`${file}: missing column ${name}`);
    return c;
  };
  if (records.length === 0) throw new InputError(`${file}: no data rows`);
  return { file, rows: records, col };
}

function int(file: string, line: number, what: string, value: string): number {
  if (!/^-?\d+$/.test(value)) throw new InputError(`${file}:${line}: ${what} is not an integer: "${value}"`);
  return Number(value);
}

function digits(file: string, line: number, what: string, value: string, n: number): string {
  if (!new RegExp(`^\\d{${n}}$`).test(value))
    throw new InputError(`${file}:${line}: ${what} should be ${n} digits: "${value}"`);
  return value;
}

interface RankedName { name: string; thousandths: number; cumulative: number; rank: number }

/** Census 1990 name file: NAME, percent (3 decimals), cumulative percent, rank. */
function readNameFile(dataDir: string, file: string): RankedName[] {
  const out: RankedName[] = [];
  readInput(dataDir, file).split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    const m = /^([A-Z][A-Z' -]*?)\s+(\d+)\.(\d{3})\s+(\d+\.\d{3})\s+(\d+)\s*$/.exec(line);
    if (!m) throw new InputError(`${file}:${i + 1}: not "NAME percent cumulative rank": "${line}"`);
    out.push({ name: m[1], thousandths: Number(m[2]) * 1000 + Number(m[3]), cumulative: Number(m[4]), rank: Number(m[5]) });
  });
  out.forEach((r, i) => {
    if (i > 0 && r.rank < out[i - 1].rank) throw new InputError(`${file}: ranks not ascending at ${r.name}`);
  });
  return out;
}

const titleCase = (s: string) =>
  s.toLowerCase().replace(/(^|[\s\-'./])([a-z])/g, (_, sep: string, c: string) => sep + c.toUpperCase());

/** USPS post-office name -> display city. */
function cityName(poName: string, state: string): string {
  let s = poName.trim().replace(/\s+/g, ' ');
  if (s.endsWith(`, ${state}`)) s = s.slice(0, -(state.length + 2));
  if (/[a-z]/.test(s)) return s;
  return s.split(' ').map((w) => (/[AEIOUY]/.test(w) ? titleCase(w) : w)).join(' ');
}

// ---------------------------------------------------------------- geography

function deriveGeography(dataDir: string, log: (s: string) => void) {
  const zf = 'zcta_pop_2010.csv';
  const z = readCsv(dataDir, zf);
  const [cZ, cPop, cHu, cSt, cCo] = ['ZCTA5', 'ZPOP', 'ZHU', 'MAIN_STATE', 'MAIN_COUNTY_GEOID'].map(z.col);
  const kept: { zcta: string; state: number; pop: number; hu: number; county: string }[] = [];
  let dropped = 0;
  z.rows.forEach((r, i) => {
    const zcta = digits(zf, i + 2, 'ZCTA5', r[cZ], 5);
    const pop = int(zf, i + 2, 'ZPOP', r[cPop]);
    const state = STATE_INDEX.get(digits(zf, i + 2, 'MAIN_STATE', r[cSt], 2));
    if (state === undefined || pop <= 0) return void dropped++;
    const county = digits(zf, i + 2, 'MAIN_COUNTY_GEOID', r[cCo], 5);
    kept.push({ zcta, state, pop, hu: int(zf, i + 2, 'ZHU', r[cHu]), county });
  });
  kept.sort((a, b) => a.state - b.state || byCode(a.zcta, b.zcta));
  for (let i = 1; i < kept.length; i++)
    if (kept[i].zcta === kept[i - 1].zcta) throw new InputError(`${zf}: duplicate ZCTA ${kept[i].zcta}`);

  const rf = 'zcta_county_rel_10.csv';
  const rel = readCsv(dataDir, rf);
  const [rZ, rGeo, rPop] = ['ZCTA5', 'GEOID', 'POPPT'].map(rel.col);
  const parts = new Map<string, { geoid: string; pop: number }[]>();
  rel.rows.forEach((r, i) => {
    const list = parts.get(r[rZ]) ?? [];
    list.push({ geoid: digits(rf, i + 2, 'GEOID', r[rGeo], 5), pop: int(rf, i + 2, 'POPPT', r[rPop]) });
    parts.set(r[rZ], list);
  });

  const xf = 'zip_zcta_crosswalk_jsi2015.csv';
  const xw = readCsv(dataDir, xf);
  const [xZip, xPo, xSt, xZcta] = ['zip', 'po_name', 'state', 'zcta'].map(xw.col);
  const poByZip = new Map<string, string>();
  const zipsByZcta = new Map<string, string[]>();
  xw.rows.forEach((r, i) => {
    const zip = digits(xf, i + 2, 'zip', r[xZip], 5);
    if (poByZip.has(zip)) throw new InputError(`${xf}:${i + 2}: duplicate zip ${zip}`);
    poByZip.set(zip, cityName(r[xPo], r[xSt]));
    const list = zipsByZcta.get(r[xZcta]) ?? [];
    list.push(zip);
    zipsByZcta.set(r[xZcta], list);
  });

  // City: same-code ZIP, else first ZIP (by code) of the ZCTA, else main county's mode.
  const city = kept.map((k) => {
    const same = poByZip.get(k.zcta);
    if (same) return same;
    const zips = [...(zipsByZcta.get(k.zcta) ?? [])].sort(byCode);
    return zips.map((zip) => poByZip.get(zip)!).find((p) => p !== '') ?? '';
  });
  const countyCities = new Map<string, Map<string, number>>();
  kept.forEach((k, i) => {
    if (city[i] === '') return;
    const m = countyCities.get(k.county) ?? new Map<string, number>();
    m.set(city[i], (m.get(city[i]) ?? 0) + 1);
    countyCities.set(k.county, m);
  });
  const fallbacks: string[] = [];
  kept.forEach((k, i) => {
    if (city[i] !== '') return;
    const counts = [...(countyCities.get(k.county) ?? new Map<string, number>())];
    counts.sort((a, b) => b[1] - a[1] || byCode(a[0], b[0]));
    city[i] = counts[0]?.[0] ?? '';
    fallbacks.push(`${k.zcta}->${city[i] || "''"}`);
  });
  const cities = [...new Set(city)].sort(byCode);
  const cityIndex = new Map(cities.map((c, i) => [c, i]));

  const countyStart = [0];
  const geoid: number[] = [];
  const partPop: number[] = [];
  for (const k of kept) {
    const all = parts.get(k.zcta);
    if (!all) throw new InputError(`${rf}: no rows for ZCTA ${k.zcta}`);
    const sum = all.reduce((s, p) => s + p.pop, 0);
    if (sum !== k.pop) throw new InputError(`${rf}: POPPT of ZCTA ${k.zcta} sums to ${sum}, ZPOP is ${k.pop}`);
    let use = all.filter((p) => p.pop > 0).sort((a, b) => byCode(a.geoid, b.geoid));
    if (use.length === 0) use = [{ geoid: k.county, pop: k.pop }];
    for (const p of use) geoid.push(Number(p.geoid)), partPop.push(p.pop);
    countyStart.push(geoid.length);
  }

  const pop = kept.reduce((s, k) => s + k.pop, 0);
  log(`geography: ${kept.length} ZCTAs kept (${dropped} dropped: ZPOP = 0 or not 50 states + DC), population ${pop.toLocaleString('en-US')}`);
  log(`geography: ${cities.length} distinct cities; ${geoid.length} county parts; city fallbacks: ${fallbacks.join(', ') || 'none'}`);
  return {
    source: 'Census 2010 ZCTA population (ZPOP, ZHU) and ZCTA-county relationship file; USPS post-office names from the UDS Mapper ZIP-ZCTA crosswalk 2015',
    states: STATES.map(([fips, abbr, name, ssa]) => ({ fips, abbr, name, ssa })),
    zctas: {
      zcta: kept.map((k) => k.zcta),
      state: kept.map((k) => k.state),
      pop: kept.map((k) => k.pop),
      housingUnits: kept.map((k) => k.hu),
      city: city.map((c) => cityIndex.get(c)!),
      countyStart,
    },
    cities,
    countyParts: { geoid, pop: partPop },
  };
}

// ---------------------------------------------------------------- age x sex

type Cells = Map<string, number>; // "state|sex|age" -> count

/** State-level file (STATE, NAME columns) or, with national = true, the national file (STATE = 0). */
function readAgeSex(dataDir: string, file: string, valueCol: string, national: boolean): Cells {
  const csv = readCsv(dataDir, file);
  const [cSex, cAge, cVal] = ['SEX', 'AGE', valueCol].map(csv.col);
  const [cState, cName] = national ? [-1, -1] : ['STATE', 'NAME'].map(csv.col);
  const cells: Cells = new Map();
  const fipsIndex = new Map(STATES.map((s, i) => [Number(s[0]), i]));
  csv.rows.forEach((r, i) => {
    const state = national ? 0 : int(file, i + 2, 'STATE', r[cState]);
    const key = `${state}|${int(file, i + 2, 'SEX', r[cSex])}|${int(file, i + 2, 'AGE', r[cAge])}`;
    if (cells.has(key)) throw new InputError(`${file}:${i + 2}: duplicate row ${key}`);
    cells.set(key, int(file, i + 2, valueCol, r[cVal]));
    const si = fipsIndex.get(state);
    if (!national && si !== undefined && r[cName] !== STATES[si][2])
      throw new InputError(`${file}:${i + 2}: NAME "${r[cName]}" does not match FIPS ${STATES[si][0]} (${STATES[si][2]})`);
  });
  return cells;
}

function cell(cells: Cells, file: string, key: string): number {
  const v = cells.get(key);
  if (v === undefined) throw new InputError(`${file}: missing row STATE|SEX|AGE = ${key}`);
  return v;
}

/** Split total over weights; integer largest remainder (ties: earlier index); sums to total. */
export function largestRemainder(total: number, weights: readonly number[]): number[] {
  const w = weights.reduce((s, x) => s + x, 0);
  if (w <= 0) throw new Error('largestRemainder: weights sum to 0');
  const big = BigInt(total);
  const bw = BigInt(w);
  const out = weights.map((x) => Number((big * BigInt(x)) / bw));
  const rem = weights.map((x, i) => ({ i, r: (big * BigInt(x)) % bw }));
  rem.sort((a, b) => (a.r > b.r ? -1 : a.r < b.r ? 1 : a.i - b.i));
  let left = total - out.reduce((s, x) => s + x, 0);
  for (let k = 0; left > 0; k++, left--) out[rem[k].i]++;
  return out;
}

function deriveAgeSexSnapshot(dataDir: string, file: string, col: string, nationalCol: string) {
  const cells = readAgeSex(dataDir, file, col, false);
  const nf = 'nc-est2019-agesex-res.csv';
  const nat = readAgeSex(dataDir, nf, nationalCol, true);
  const out = { male: [] as number[][], female: [] as number[][] };
  for (const sex of [1, 2] as const) {
    const shape = Array.from({ length: 16 }, (_, k) => cell(nat, nf, `0|${sex}|${85 + k}`));
    for (const [fips] of STATES) {
      const st = Number(fips);
      const ages = Array.from({ length: 85 }, (_, a) => cell(cells, file, `${st}|${sex}|${a}`));
      ages.push(...largestRemainder(cell(cells, file, `${st}|${sex}|85`), shape));
      const total = cell(cells, file, `${st}|${sex}|999`);
      const sum = ages.reduce((s, x) => s + x, 0);
      if (sum !== total) throw new InputError(`${file}: state ${fips} sex ${sex}: ages sum to ${sum}, AGE 999 row says ${total}`);
      (sex === 1 ? out.male : out.female).push(ages);
    }
  }
  return out;
}

function deriveAgeSex(dataDir: string, log: (s: string) => void) {
  const c10 = deriveAgeSexSnapshot(dataDir, 'st-est00int-agesex.csv', 'CENSUS2010POP', 'CENSUS2010POP');
  const e19 = deriveAgeSexSnapshot(dataDir, 'sc-est2019-agesex-civ.csv', 'POPEST2019_CIV', 'POPESTIMATE2019');
  const total = (s: { male: number[][]; female: number[][] }) =>
    [...s.male, ...s.female].flat().reduce((a, x) => a + x, 0);
  log(`ageSex: census2010 total ${total(c10).toLocaleString('en-US')}, est2019 civilian total ${total(e19).toLocaleString('en-US')}`);
  return {
    ages: 101,
    states: STATES.map((s) => s[1]),
    census2010: {
      refDate: '2010-04-01',
      source: 'Census 2010 counts (st-est00int-agesex CENSUS2010POP); 85+ split by the national 2010 shape (nc-est2019-agesex-res)',
      ...c10,
    },
    est2019: {
      refDate: '2019-07-01',
      source: 'Vintage 2019 CIVILIAN population estimates (sc-est2019-agesex-civ POPEST2019_CIV), excludes armed forces; 85+ split by the national 2019 resident shape (nc-est2019-agesex-res)',
      ...e19,
    },
  };
}

// ---------------------------------------------------------------- names

function deriveSurnames(dataDir: string, log: (s: string) => void) {
  const f = 'Names_2010Census_top1022.csv';
  const csv = readCsv(dataDir, f);
  const [cName, cRank, cProp] = ['name', 'rank', 'prop100k'].map(csv.col);
  const raceCols = ['pctwhite', 'pctblack', 'pctapi', 'pctaian', 'pct2prace', 'pcthispanic'].map(csv.col);
  const rows = csv.rows.map((r, i) => {
    const line = i + 2;
    const prop = Number(r[cProp]);
    if (!/^\d+(\.\d+)?$/.test(r[cProp]) || !(prop > 0)) throw new InputError(`${f}:${line}: bad prop100k "${r[cProp]}"`);
    const known = raceCols.map((c) => {
      if (r[c] === '(S)') return null;
      if (!/^\d+(\.\d+)?$/.test(r[c])) throw new InputError(`${f}:${line}: bad percentage "${r[c]}"`);
      return Number(r[c]);
    });
    const nS = known.filter((x) => x === null).length;
    const rest = 100 - known.reduce<number>((s, x) => s + (x ?? 0), 0);
    const fill = nS ? Math.max(0, Math.round((rest / nS) * 100) / 100) : 0;
    return { name: r[cName].trim(), rank: int(f, line, 'rank', r[cRank]), prop, race: known.map((x) => x ?? fill) };
  });
  rows.forEach((r, i) => {
    if (i > 0 && r.rank < rows[i - 1].rank) throw new InputError(`${f}: ranks not ascending at ${r.name}`);
  });
  const name = rows.map((r) => r.name);
  const per100k = rows.map((r) => r.prop);
  const seen = new Set(name);
  const all1990 = readNameFile(dataDir, 'census1990_dist.all.last.txt');
  // Names printed as 0.000% share the mass their cumulative column adds up to (about 5.6% of people).
  const firstZero = all1990.findIndex((r) => r.thousandths === 0);
  const zeroCount = firstZero < 0 ? 0 : all1990.length - firstZero;
  const zeroMass = firstZero <= 0 ? 0 : all1990[all1990.length - 1].cumulative - all1990[firstZero - 1].cumulative;
  const zeroEach = zeroCount ? Math.round((zeroMass * 1000 * 1000) / zeroCount) / 1000 : 0;
  const zero = zeroCount;
  for (const r of all1990) {
    if (seen.has(r.name)) continue;
    seen.add(r.name), name.push(r.name), per100k.push(r.thousandths === 0 ? zeroEach : r.thousandths);
  }
  const cover = per100k.reduce((s, x) => s + x, 0);
  const cover10 = rows.reduce((s, r) => s + r.prop, 0);
  log(`surnames: ${rows.length} from 2010 (${(cover10 / 1000).toFixed(3)}%) + ${name.length - rows.length} from 1990; ${zero} 1990 names printed as 0.000% given ${zeroEach} per 100k each; total coverage ${cover.toFixed(2)} per 100k = ${(cover / 1000).toFixed(3)}%`);
  const race = (k: number) => rows.map((r) => r.race[k]);
  return {
    source: 'Census 2010 surnames top 1022 (prop100k, race shares) then Census 1990 surnames (percent * 1000)',
    name,
    per100k,
    race: { count: rows.length, white: race(0), black: race(1), api: race(2), aian: race(3), multi: race(4), hispanic: race(5) },
  };
}

function ssaNames(dataDir: string, year: number) {
  const file = `ssa_first_names/yob${year}.txt`;
  const bySex = { M: new Map<string, number>(), F: new Map<string, number>() };
  readInput(dataDir, file).split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    const m = /^([A-Za-z]+),([MF]),(\d+)$/.exec(line.trim());
    if (!m) throw new InputError(`${file}:${i + 1}: not "name,sex,count": "${line}"`);
    const map = bySex[m[2] as 'M' | 'F'];
    const name = titleCase(m[1]);
    map.set(name, (map.get(name) ?? 0) + Number(m[3]));
  });
  const pick = (map: Map<string, number>) => {
    const list = [...map].filter(([, c]) => c >= 20).sort((a, b) => b[1] - a[1] || byCode(a[0], b[0])).slice(0, 2500);
    if (list.length === 0) throw new InputError(`${file}: no names with count >= 20`);
    return { name: list.map((x) => x[0]), weight: list.map((x) => x[1]) };
  };
  return { male: pick(bySex.M), female: pick(bySex.F) };
}

function deriveFirstNames(dataDir: string, log: (s: string) => void) {
  const census = (file: string) => {
    const rows = readNameFile(dataDir, file);
    return { name: rows.map((r) => titleCase(r.name)), weight: rows.map((r) => r.thousandths) };
  };
  const cohorts = [
    { label: 'ssa1930', fromYear: 0, toYear: 1934, ...ssaNames(dataDir, 1930) },
    { label: 'ssa1940', fromYear: 1935, toYear: 1944, ...ssaNames(dataDir, 1940) },
    { label: 'ssa1950', fromYear: 1945, toYear: 1954, ...ssaNames(dataDir, 1950) },
    { label: 'ssa1960', fromYear: 1955, toYear: 1969, ...ssaNames(dataDir, 1960) },
    {
      label: 'census1990', fromYear: 1970, toYear: 9999,
      male: census('census1990_dist.male.first.txt'), female: census('census1990_dist.female.first.txt'),
    },
  ];
  log(`firstNames: ${cohorts.map((c) => `${c.label} ${c.male.name.length}M/${c.female.name.length}F`).join(', ')}`);
  return {
    source: 'SSA names by year of birth 1930/1940/1950/1960 (count >= 20, top 2500 per sex); Census 1990 first names (percent * 1000)',
    cohorts,
  };
}

// ---------------------------------------------------------------- output

/** JSON with objects indented and arrays of scalars on one line; rejects non-finite numbers. */
export function formatJson(v: unknown, indent = ''): string {
  const inner = indent + '  ';
  const flat = (x: unknown): boolean =>
    x === null || typeof x !== 'object' || (!Array.isArray(x) && Object.values(x).every((y) => y === null || typeof y !== 'object'));
  if (typeof v === 'number' && !Number.isFinite(v)) throw new Error(`formatJson: non-finite number ${v}`);
  if (Array.isArray(v)) {
    if (v.every((x) => x === null || typeof x !== 'object')) {
      v.forEach((x) => formatJson(x));
      return JSON.stringify(v);
    }
    return `[\n${v.map((x) => inner + formatJson(x, inner)).join(',\n')}\n${indent}]`;
  }
  if (v !== null && typeof v === 'object') {
    if (flat(v)) return JSON.stringify(v);
    const body = Object.entries(v).map(([k, x]) => `${inner}${JSON.stringify(k)}: ${formatJson(x, inner)}`);
    return `{\n${body.join(',\n')}\n${indent}}`;
  }
  return JSON.stringify(v);
}

function writeAtomic(path: string, text: string): void {
  writeFileSync(`${path}.tmp`, text);
  renameSync(`${path}.tmp`, path);
}

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

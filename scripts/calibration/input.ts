// Reading the raw Census/SSA files: CSV and fixed-width name files, with errors naming file and line.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';


export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** [FIPS, USPS abbreviation, name, SSA state code] for the 50 states + DC, by FIPS. */
export const STATES: readonly (readonly [string, string, string, string])[] = [
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
export const STATE_INDEX = new Map(STATES.map((s, i) => [s[0], i]));

/** Bad or missing raw input; the message names the file. */
export class InputError extends Error {
  override name = 'InputError';
}

export const byCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

// ---------------------------------------------------------------- input parsing

export function readInput(dataDir: string, file: string): string {
  const path = join(dataDir, file);
  if (!existsSync(path)) throw new InputError(`missing input file ${file} (looked for ${path})`);
  const text = readFileSync(path, 'utf8');
  if (text.trim() === '') throw new InputError(`${file}: file is empty`);
  return text.replace(/\r\n?/g, '\n');
}

export interface Csv {
  file: string;
  rows: string[][];
  /** Column index by header name; throws naming the file if absent. */
  col(name: string): number;
}

/** RFC 4180 CSV (quoted fields, "" escapes); every row must have the header's width. */
export function readCsv(dataDir: string, file: string): Csv {
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

export function int(file: string, line: number, what: string, value: string): number {
  if (!/^-?\d+$/.test(value)) throw new InputError(`${file}:${line}: ${what} is not an integer: "${value}"`);
  return Number(value);
}

export function digits(file: string, line: number, what: string, value: string, n: number): string {
  if (!new RegExp(`^\\d{${n}}$`).test(value))
    throw new InputError(`${file}:${line}: ${what} should be ${n} digits: "${value}"`);
  return value;
}

export interface RankedName { name: string; thousandths: number; cumulative: number; rank: number }

/** Census 1990 name file: NAME, percent (3 decimals), cumulative percent, rank. */
export function readNameFile(dataDir: string, file: string): RankedName[] {
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

export const titleCase = (s: string) =>
  s.toLowerCase().replace(/(^|[\s\-'./])([a-z])/g, (_, sep: string, c: string) => sep + c.toUpperCase());

/** USPS post-office name -> display city. */
export function cityName(poName: string, state: string): string {
  let s = poName.trim().replace(/\s+/g, ' ');
  if (s.endsWith(`, ${state}`)) s = s.slice(0, -(state.length + 2));
  if (/[a-z]/.test(s)) return s;
  return s.split(' ').map((w) => (/[AEIOUY]/.test(w) ? titleCase(w) : w)).join(' ');
}

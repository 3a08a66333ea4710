// State sex x single-year-of-age tables (ageSex.json).
import { STATES, InputError, readCsv, int } from './input.ts';

// ---------------------------------------------------------------- age x sex

export type Cells = Map<string, number>; // "state|sex|age" -> count

/** State-level file (STATE, NAME columns) or, with national = true, the national file (STATE = 0). */
export function readAgeSex(dataDir: string, file: string, valueCol: string, national: boolean): Cells {
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

export function cell(cells: Cells, file: string, key: string): number {
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

export function deriveAgeSexSnapshot(dataDir: string, file: string, col: string, nationalCol: string) {
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

export function deriveAgeSex(dataDir: string, log: (s: string) => void) {
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

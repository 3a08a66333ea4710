// Surnames with race shares, and first names by sex and birth cohort (surnames.json, firstNames.json).
import { InputError, byCode, readInput, readCsv, int, readNameFile, titleCase } from './input.ts';

// ---------------------------------------------------------------- names

export function deriveSurnames(dataDir: string, log: (s: string) => void) {
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

export function ssaNames(dataDir: string, year: number) {
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

export function deriveFirstNames(dataDir: string, log: (s: string) => void) {
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

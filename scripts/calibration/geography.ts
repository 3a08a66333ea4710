// ZCTAs with populations, cities and county parts (geography.json).
import { STATES, STATE_INDEX, InputError, byCode, readCsv, int, digits, cityName } from './input.ts';

// ---------------------------------------------------------------- geography

export function deriveGeography(dataDir: string, log: (s: string) => void) {
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

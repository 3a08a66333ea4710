// The committed ZIP3 populations (safeguards/safe-harbor/data/zip3-2010.json): checked against HHS's
// published list of restricted 3-digit ZIPs for 2010 and, when the raw data is present, re-derived
// byte for byte (REIDENT_DATA, else ../shared/data next to the repository).
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import zip3Json from '../safeguards/safe-harbor/data/zip3-2010.json' with { type: 'json' };
import { deriveZip3, ZIP3_FILE } from '../scripts/derive-zip3.ts';
import { derivedRestrictedZip3s, HHS_RESTRICTED_ZIP3_2010, safeHarborZip3, zip3Of, zip3Population } from '../safeguards/safe-harbor/zip3.ts';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const RAW = process.env.REIDENT_DATA ?? resolve(REPO, '../shared/data');

describe('ZIP3 populations, 2010', () => {
  test('areas are sorted 3-digit codes with whole, non-negative populations', () => {
    expect(zip3Json.zip3.length).toBe(zip3Json.population.length);
    expect([...zip3Json.zip3].sort()).toEqual(zip3Json.zip3);
    expect(new Set(zip3Json.zip3).size).toBe(zip3Json.zip3.length);
    for (const z of zip3Json.zip3) expect(z).toMatch(/^\d{3}$/);
    for (const p of zip3Json.population) expect(Number.isInteger(p) && p >= 0).toBe(true);
  });

  test("the restricted areas match HHS's 2010 list but for three, each explained", () => {
    const derived = new Set(derivedRestrictedZip3s());
    const hhs = new Set(HHS_RESTRICTED_ZIP3_2010);
    expect(HHS_RESTRICTED_ZIP3_2010).toHaveLength(17);
    const onlyDerived = [...derived].filter((z) => !hhs.has(z));
    const onlyHhs = [...hhs].filter((z) => !derived.has(z));
    // 202 and 204 are Washington DC federal-agency ZIPs whose 2010 ZCTAs have no residents.
    expect(onlyDerived).toEqual(['202', '204']);
    for (const z of onlyDerived) expect(zip3Population(z)).toBe(0);
    // 890 (southern Nevada) sums to over 500,000 in the ZCTAs; HHS lists it, so Safe Harbor restricts it too.
    expect(onlyHhs).toEqual(['890']);
    expect(zip3Population('890')!).toBeGreaterThan(20_000);
    expect(safeHarborZip3('89002')).toBe('000');
  });

  test('ZIP3 of a ZIP: 5 digits, ZIP+4 with or without a dash; anything else is no ZIP', () => {
    expect(['02138', '021381234', '02138-1234', ' 02138 '].map(zip3Of)).toEqual(['021', '021', '021', '021']);
    expect(['2138', 'ABCDE', '', '0213-81234'].map(zip3Of)).toEqual([null, null, null, null]);
    expect(safeHarborZip3('ABCDE')).toBe('000');
  });
});

test.skipIf(!existsSync(join(RAW, 'zcta_pop_2010.csv')))('re-deriving from the raw data reproduces the committed file byte for byte', () => {
  const out = mkdtempSync(join(tmpdir(), 'reident-zip3-'));
  try {
    const path = deriveZip3({ dataDir: RAW, outDir: out });
    const committed = readFileSync(join(REPO, 'safeguards/safe-harbor/data', ZIP3_FILE));
    expect(readFileSync(path).equals(committed)).toBe(true);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

// Safe Harbor's geography rule: keep the first three ZIP digits only where that 3-digit area holds
// more than 20,000 people (2010 census), else write 000. Populations: data/zip3-2010.json
// (scripts/derive-zip3.ts). Browser-safe.
import zip3Json from './data/zip3-2010.json' with { type: 'json' };

/** Safe Harbor keeps a ZIP3 only where the area has more than this many people. */
export const ZIP3_MIN_POPULATION = 20_000;
export const RESTRICTED_ZIP3 = '000';

/** The 17 restricted 3-digit codes HHS's de-identification guidance lists for the 2010 census. */
export const HHS_RESTRICTED_ZIP3_2010: readonly string[] = [
  '036', '059', '102', '203', '205', '369', '556', '692', '753', '772', '821', '823', '878', '879', '884', '890', '893',
];

const population = new Map(zip3Json.zip3.map((z, i) => [z, zip3Json.population[i]!]));

/** The 2010 population of a 3-digit ZIP area, or undefined when no 2010 ZCTA lies in it. */
export function zip3Population(zip3: string): number | undefined {
  return population.get(zip3);
}

/** The areas the 2010 ZCTA populations restrict (20,000 people or fewer), sorted. */
export function derivedRestrictedZip3s(): string[] {
  return zip3Json.zip3.filter((_, i) => zip3Json.population[i]! <= ZIP3_MIN_POPULATION);
}

const hhs = new Set(HHS_RESTRICTED_ZIP3_2010);

/**
 * True when a ZIP3 may be released: its 2010 population is known and above 20,000, and HHS does not
 * list it. Conservative on both counts: an area missing from the 2010 ZCTAs (PO-box-only or unused
 * codes) is restricted, and so is an area HHS lists though the ZCTA sums put it above the threshold.
 */
export function zip3Releasable(zip3: string): boolean {
  const p = population.get(zip3);
  return p !== undefined && p > ZIP3_MIN_POPULATION && !hhs.has(zip3);
}

/** The 3 leading digits of a ZIP (5 digits, ZIP+4 as 9 digits or 'NNNNN-NNNN'), or null if it is none. */
export function zip3Of(zip: string): string | null {
  const m = /^\s*(\d{3})\d{2}(?:-?\d{4})?\s*$/.exec(zip);
  return m ? m[1]! : null;
}

/** What Safe Harbor writes for a ZIP: its ZIP3 when releasable, else 000 (also for text that is no ZIP). */
export function safeHarborZip3(zip: string): string {
  const z = zip3Of(zip);
  return z !== null && zip3Releasable(z) ? z : RESTRICTED_ZIP3;
}

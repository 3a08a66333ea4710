// Calibration tables derived from public Census/SSA aggregates by
// scripts/derive-calibration.ts (see ./README.md). Browser-safe: JSON only, no node:*.
// Arrays are typed mutable for convenience of callers; treat them as read-only shared data.
import geographyJson from './data/geography.json' with { type: 'json' };
import ageSexJson from './data/ageSex.json' with { type: 'json' };
import surnamesJson from './data/surnames.json' with { type: 'json' };
import firstNamesJson from './data/firstNames.json' with { type: 'json' };

/** One of the 50 states or DC (Puerto Rico is not included). */
export interface StateInfo {
  /** 2-digit FIPS state code, e.g. "01". */
  readonly fips: string;
  /** USPS abbreviation, e.g. "AL". */
  readonly abbr: string;
  /** Full name, e.g. "Alabama". */
  readonly name: string;
  /** 2-digit SSA state code (alphabetical by name, with DC 09, PR 40, VI 48 holding slots). */
  readonly ssa: string;
}

/** 2010 ZCTAs with population, as parallel columns (row i is one ZCTA). */
export interface ZctaColumns {
  /** 5-character ZCTA code with leading zeros. Sorted by state index, then code. */
  readonly zcta: string[];
  /** Index into Geography.states of the ZCTA's main state. */
  readonly state: number[];
  /** 2010 census population (ZPOP), always > 0. */
  readonly pop: number[];
  /** 2010 census housing units (ZHU). */
  readonly housingUnits: number[];
  /** Index into Geography.cities: USPS post-office name of the ZIP with the same code. */
  readonly city: number[];
  /** Length zcta.length + 1: parts of ZCTA i are countyStart[i] .. countyStart[i+1]-1 in countyParts. */
  readonly countyStart: number[];
}

/** Population of each ZCTA in each county it overlaps (POPPT > 0), as parallel columns. */
export interface CountyParts {
  /** 5-digit county GEOID (state FIPS * 1000 + county FIPS) as a number, e.g. 1001 = "01001". */
  readonly geoid: number[];
  /** 2010 population of the ZCTA part in that county (POPPT). */
  readonly pop: number[];
}

export interface Geography {
  readonly source: string;
  /** 50 states + DC sorted by FIPS; every other table's state index refers to this order. */
  readonly states: StateInfo[];
  readonly zctas: ZctaColumns;
  /** Distinct city names, sorted by code unit. */
  readonly cities: string[];
  readonly countyParts: CountyParts;
  /** County names, present only if a name source was available to the derivation (it is not at present). */
  readonly counties?: { readonly geoid: number[]; readonly name: string[] };
}

/** Population by state x single year of age (index 0..100, 100 = 100+) for one sex. */
export type AgeCounts = number[][];

export interface AgeSexSnapshot {
  /** Reference date of the counts (ISO yyyy-mm-dd). */
  readonly refDate: string;
  readonly source: string;
  /** male[stateIndex][age]: persons; 85..100 split from 85+ by the national shape. */
  readonly male: AgeCounts;
  readonly female: AgeCounts;
}

export interface AgeSexTables {
  /** Number of age slots: 101 (0..99 single years, 100 = 100 and over). */
  readonly ages: number;
  /** State abbreviations, same order as Geography.states. */
  readonly states: string[];
  /** 2010 census resident population (April 1, 2010). */
  readonly census2010: AgeSexSnapshot;
  /** Vintage 2019 estimate of the CIVILIAN population (excludes armed forces), July 1, 2019. */
  readonly est2019: AgeSexSnapshot;
}

/** Race/ethnicity shares (percent, rows sum to ~100) for the first `count` surnames. */
export interface SurnameRace {
  /** Number of surnames with race shares: the 2010 top-1022 block at the start of Surnames.name. */
  readonly count: number;
  readonly white: number[];
  readonly black: number[];
  /** Asian and Pacific Islander. */
  readonly api: number[];
  /** American Indian and Alaska Native. */
  readonly aian: number[];
  /** Two or more races. */
  readonly multi: number[];
  readonly hispanic: number[];
}

export interface Surnames {
  readonly source: string;
  /** Upper-case surnames: 2010 top 1022 in rank order, then further 1990 names in rank order. */
  readonly name: string[];
  /** Occurrences per 100,000 people (2010 prop100k; 1990 names: percent * 1000, an integer). */
  readonly per100k: number[];
  readonly race: SurnameRace;
}

/** Title-cased first names with relative weights (not normalised). */
export interface NameWeights {
  readonly name: string[];
  readonly weight: number[];
}

/** First-name frequencies for people born in [fromYear, toYear]. */
export interface FirstNameCohort {
  readonly label: string;
  readonly fromYear: number;
  readonly toYear: number;
  readonly male: NameWeights;
  readonly female: NameWeights;
}

export interface FirstNames {
  readonly source: string;
  /** Contiguous, ascending cohorts covering years 0..9999. */
  readonly cohorts: FirstNameCohort[];
}

export const geography: Geography = geographyJson;
export const ageSex: AgeSexTables = ageSexJson;
export const surnames: Surnames = surnamesJson;
export const firstNames: FirstNames = firstNamesJson;

/** Index into geography.states of a USPS abbreviation (case-insensitive), -1 if unknown. */
export function stateIndexByAbbr(abbr: string): number {
  const a = abbr.trim().toUpperCase();
  return geography.states.findIndex((s) => s.abbr === a);
}

/** Index into geography.states of a 2-digit FIPS code ("6" and "06" both work), -1 if unknown. */
export function stateIndexByFips(fips: string): number {
  const f = fips.trim().padStart(2, '0');
  return geography.states.findIndex((s) => s.fips === f);
}

/** The first-name cohort for a birth year, or undefined outside 0..9999. */
export function firstNameCohortForYear(year: number): FirstNameCohort | undefined {
  return firstNames.cohorts.find((c) => year >= c.fromYear && year <= c.toYear);
}

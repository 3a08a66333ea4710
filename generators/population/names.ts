// Name vocabularies as dictionaries + alias tables, built once from the calibration tables.
// Surnames: census frequencies, with the mass the census list does not cover spread over synthetic
// rare surnames (spliced from pieces of census names), so rare names stay rare as in life.
import { firstNames, surnames } from '../calibration/tables.ts';
import { aliasTable, type AliasTable } from '../../src/random/alias.ts';
import { NATIONAL_RACE_SHARES } from './rates.ts';

/** Synthetic rare surnames that share the uncovered frequency mass. */
export const RARE_SURNAMES = 250_000;

export interface SurnameModel {
  readonly alias: AliasTable; // codes 0..listed-1 are census names, listed.. are synthetic rare names
  readonly listed: number;
  /** Race shares (6, in RACES order) per listed code where known; others use national shares. */
  readonly raceAlias: readonly AliasTable[];
  readonly nationalRace: AliasTable;
}

let surnameModel: SurnameModel | null = null;

export function surnameModelOf(): SurnameModel {
  if (surnameModel) return surnameModel;
  const listed = surnames.name.length;
  let covered = 0;
  for (const w of surnames.per100k) covered += w;
  const rareEach = Math.max(0, 100_000 - covered) / RARE_SURNAMES;
  const weights = new Float64Array(listed + RARE_SURNAMES);
  weights.set(surnames.per100k);
  weights.fill(rareEach, listed);
  const r = surnames.race;
  const raceAlias: AliasTable[] = [];
  for (let i = 0; i < r.count; i++) {
    // RACES order: white, black, hispanic, asian_pi, aian, multi_other
    raceAlias.push(aliasTable([r.white[i], r.black[i], r.hispanic[i], r.api[i], r.aian[i], r.multi[i]].map((x) => Math.max(0, x) + 1e-9)));
  }
  surnameModel = { alias: aliasTable(weights), listed, raceAlias, nationalRace: aliasTable(NATIONAL_RACE_SHARES) };
  return surnameModel;
}

const rareCache = new Map<number, string>();

function titleCase(s: string): string {
  return s.length === 0 ? s : s[0].toUpperCase() + s.slice(1).toLowerCase();
}

const listedText: (string | undefined)[] = new Array(surnames.name.length);

/** The surname for a code, in Title Case. */
export function surnameText(code: number): string {
  const listed = surnames.name.length;
  if (code < listed) return (listedText[code] ??= titleCase(surnames.name[code]));
  if (allSurnames) return allSurnames[code];
  let s = rareCache.get(code);
  if (s === undefined) {
    s = rareSurname(code - listed, listed);
    if (rareCache.size > 1_000_000) rareCache.clear();
    rareCache.set(code, s);
  }
  return s;
}

/** Synthetic rare surname j (code listed + j): the first half of one census name and the second half of another. */
function rareSurname(j: number, listed: number): string {
  const a = surnames.name[(j * 2654435761) % listed >>> 0];
  const b = surnames.name[((j * 40503 + 17) % listed) >>> 0];
  return titleCase(a.slice(0, Math.ceil(a.length / 2)) + b.slice(Math.floor(b.length / 2)));
}

let allSurnames: string[] | null = null;

/** Every surname code's text (census names and the synthetic rare ones), built once (the rare ones without the per-code cache). */
export function surnameDictionary(): readonly string[] {
  if (allSurnames) return allSurnames;
  const listed = surnames.name.length;
  const all = new Array<string>(listed + RARE_SURNAMES);
  for (let code = 0; code < listed; code++) all[code] = surnameText(code);
  for (let j = 0; j < RARE_SURNAMES; j++) all[listed + j] = rareSurname(j, listed);
  return (allSurnames = all);
}

export interface FirstNameModel {
  readonly dictionary: readonly string[];
  /** Cohort boundaries: cohort c covers birth years [fromYear[c], toYear[c]]. */
  readonly fromYear: Int32Array;
  readonly toYear: Int32Array;
  /** alias[c * 2 + (sex - 1)] picks a position in codes[c * 2 + (sex - 1)]. */
  readonly alias: readonly AliasTable[];
  readonly codes: readonly Int32Array[];
}

let firstNameModel: FirstNameModel | null = null;

export function firstNameModelOf(): FirstNameModel {
  if (firstNameModel) return firstNameModel;
  const dictionary: string[] = [];
  const codeOf = new Map<string, number>();
  const alias: AliasTable[] = [];
  const codes: Int32Array[] = [];
  const cohorts = firstNames.cohorts;
  for (const c of cohorts) {
    for (const list of [c.male, c.female]) {
      codes.push(
        Int32Array.from(list.name, (nm) => {
          let k = codeOf.get(nm);
          if (k === undefined) {
            k = dictionary.length;
            dictionary.push(nm);
            codeOf.set(nm, k);
          }
          return k;
        }),
      );
      alias.push(aliasTable(list.weight));
    }
  }
  firstNameModel = {
    dictionary,
    fromYear: Int32Array.from(cohorts, (c) => c.fromYear),
    toYear: Int32Array.from(cohorts, (c) => c.toYear),
    alias,
    codes,
  };
  return firstNameModel;
}

/** Index of the first-name cohort for a birth year. */
export function cohortOf(m: FirstNameModel, birthYear: number): number {
  for (let c = 0; c < m.fromYear.length; c++) if (birthYear <= m.toYear[c]) return c;
  return m.fromYear.length - 1;
}

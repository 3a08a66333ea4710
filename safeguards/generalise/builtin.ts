// Built-in hierarchies for reident's columns, built from the values a column holds: ZIP -> ZIP3 -> state,
// date -> month -> year -> 5-year band, age -> 5/10/20-year bands, ICD-10 code -> category -> chapter.
// Each is a Hierarchy (data), so it searches and prints like one a user brings. Browser-safe.
import { stateOfZip3 } from '../../generators/medicare/providers.ts';
import { asText, type Column } from '../../src/table/table.ts';
import { HierarchyError, type Hierarchy } from './hierarchy.ts';

export type BuiltinHierarchy = 'zip' | 'date' | 'age' | 'icd10';
export const BUILTIN_HIERARCHIES: readonly BuiltinHierarchy[] = ['zip', 'date', 'age', 'icd10'];

const TOP = '*';

/** '12345' -> ['12345', '123**', 'NY', '*'] */
export function zipLevels(zip: string): string[] {
  if (!/^\d{5}$/.test(zip)) throw new HierarchyError(`the ZIP hierarchy needs 5-digit ZIP codes, not "${zip}"`);
  return [zip, `${zip.slice(0, 3)}**`, stateOfZip3(Number(zip.slice(0, 3))), TOP];
}

/** '1948-07-21' -> ['1948-07-21', '1948-07', '1948', '1945-1949', '*'] */
export function dateLevels(date: string): string[] {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new HierarchyError(`the date hierarchy needs YYYY-MM-DD dates, not "${date}"`);
  const year = Number(date.slice(0, 4));
  const band = year - (year % 5);
  return [date, date.slice(0, 7), date.slice(0, 4), `${band}-${band + 4}`, TOP];
}

/** 67 -> ['67', '65-69', '60-69', '60-79', '*'] (bands of 5, 10 and 20 years). */
export function ageLevels(age: string): string[] {
  const a = Number(age);
  if (!Number.isInteger(a) || a < 0) throw new HierarchyError(`the age hierarchy needs whole ages, not "${age}"`);
  const band = (w: number): string => `${a - (a % w)}-${a - (a % w) + w - 1}`;
  return [age, band(5), band(10), band(20), TOP];
}

// ICD-10 chapters (WHO 2019): the first category of each chapter, sorted (U, special purposes, is chapter
// XXII); a code belongs to the last chapter starting at or before it.
const ICD10_CHAPTERS: readonly (readonly [string, string])[] = [
  ['A00', 'I'], ['C00', 'II'], ['D50', 'III'], ['E00', 'IV'], ['F00', 'V'], ['G00', 'VI'], ['H00', 'VII'],
  ['H60', 'VIII'], ['I00', 'IX'], ['J00', 'X'], ['K00', 'XI'], ['L00', 'XII'], ['M00', 'XIII'], ['N00', 'XIV'],
  ['O00', 'XV'], ['P00', 'XVI'], ['Q00', 'XVII'], ['R00', 'XVIII'], ['S00', 'XIX'], ['U00', 'XXII'], ['V01', 'XX'],
  ['Z00', 'XXI'],
];

/** 'E119' or 'E11.9' -> ['E119', 'E11', 'chapter IV', '*'] */
export function icd10Levels(code: string): string[] {
  const category = code.replace('.', '').slice(0, 3).toUpperCase();
  if (!/^[A-Z]\d[0-9A-Z]$/.test(category)) throw new HierarchyError(`the ICD-10 hierarchy needs ICD-10 codes, not "${code}"`);
  let chapter = 'I';
  for (const [start, name] of ICD10_CHAPTERS) if (category >= start) chapter = name;
  return [code, category, `chapter ${chapter}`, TOP];
}

const LEVELS: Record<BuiltinHierarchy, (v: string) => string[]> = { zip: zipLevels, date: dateLevels, age: ageLevels, icd10: icd10Levels };

/** The built-in hierarchy of this kind over the values the column holds. */
export function builtinHierarchy(kind: BuiltinHierarchy, column: Column, name: string): Hierarchy {
  const levels = LEVELS[kind];
  if (!levels) throw new HierarchyError(`unknown built-in hierarchy "${kind}" for column "${name}" (known: ${BUILTIN_HIERARCHIES.join(', ')})`);
  const text = asText(column);
  try {
    return { rows: text.dictionary.map(levels) };
  } catch (e) {
    throw new HierarchyError(`column "${name}": ${(e as Error).message}`);
  }
}

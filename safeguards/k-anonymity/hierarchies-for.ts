// The hierarchy of each quasi-identifier a release names: an ARX hierarchy CSV the user brought, a
// built-in one asked for by name (zip, date, age, icd10) or guessed from the column's name, else the
// two-level hierarchy value -> '*' (keep it or suppress it). Browser-safe.
import { columnOf, asText, type Table } from '../../src/table/table.ts';
import { parseArxHierarchy } from '../generalise/arx-csv.ts';
import { BUILTIN_HIERARCHIES, builtinHierarchy, type BuiltinHierarchy } from '../generalise/builtin.ts';
import type { Hierarchy } from '../generalise/hierarchy.ts';

/** Which built-in hierarchy a column's name suggests (zip, *_date / *_dt, age, icd*), if any. */
export function guessedHierarchy(name: string): BuiltinHierarchy | null {
  if (/(^|_)zip$/.test(name)) return 'zip';
  if (/(_date|_dt)$|^dob$/.test(name)) return 'date';
  if (/^age$/.test(name)) return 'age';
  if (/^icd|_dgns_cd/.test(name)) return 'icd10';
  return null;
}

/**
 * `named[col]` is a built-in name; `csv[col]` the text of an ARX hierarchy file. A column with neither
 * gets the guessed built-in, else value -> '*'.
 */
export function hierarchiesFor(table: Table, qis: readonly string[], named: Readonly<Record<string, string>> = {}, csv: Readonly<Record<string, string>> = {}): Record<string, Hierarchy> {
  const out: Record<string, Hierarchy> = {};
  for (const q of qis) {
    const column = columnOf(table, q);
    if (csv[q] !== undefined) out[q] = parseArxHierarchy(csv[q]!, `the hierarchy of "${q}"`);
    else {
      const kind = named[q] ?? guessedHierarchy(q);
      if (kind !== null && !BUILTIN_HIERARCHIES.includes(kind as BuiltinHierarchy)) throw new Error(`hierarchy: "${kind}" for "${q}" is neither a built-in hierarchy (${BUILTIN_HIERARCHIES.join(', ')}) nor a file`);
      out[q] = kind ? builtinHierarchy(kind as BuiltinHierarchy, column, q) : { rows: asText(column).dictionary.map((v) => [v, '*']) };
    }
  }
  return out;
}

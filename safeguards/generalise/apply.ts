// Generalise columns to chosen hierarchy levels: the release transform behind full-domain generalisation.
// Browser-safe.
import { released, type Dataset, type Release } from '../types.ts';
import { columnOf, withColumn, type Table, type TextColumn } from '../../src/table/table.ts';
import { codeHierarchy, HierarchyError, type CodedHierarchy, type Hierarchy } from './hierarchy.ts';

/** A column at one level of its coded hierarchy (missing stays missing). */
export function columnAtLevel(codes: Int32Array, coded: CodedHierarchy, level: number): TextColumn {
  const map = coded.maps[level]!;
  const out = new Int32Array(codes.length);
  for (let i = 0; i < codes.length; i++) out[i] = codes[i]! < 0 ? -1 : map[codes[i]!]!;
  return { kind: 'text', codes: out, dictionary: coded.dictionaries[level]! };
}

/** Check a level against a hierarchy's height; the message names the column. */
export function checkLevel(name: string, level: number, height: number): void {
  if (!Number.isInteger(level) || level < 0 || level >= height) {
    throw new HierarchyError(`level ${level} of column "${name}" is not one of its hierarchy's levels 0..${height - 1}`);
  }
}

/** The table with each named column replaced by its values at the given level. */
export function generaliseTable(table: Table, hierarchies: Readonly<Record<string, Hierarchy>>, levels: Readonly<Record<string, number>>): Table {
  let out = table;
  for (const [name, level] of Object.entries(levels)) {
    const hierarchy = hierarchies[name];
    if (!hierarchy) throw new HierarchyError(`column "${name}" has a level but no hierarchy`);
    const coded = codeHierarchy(hierarchy, columnOf(table, name), name);
    checkLevel(name, level, coded.height);
    out = withColumn(out, name, columnAtLevel(coded.codes, coded, level));
  }
  return out;
}

export interface GeneraliseOptions {
  readonly hierarchies: Readonly<Record<string, Hierarchy>>;
  /** The level of each column to generalise (0 keeps it as it is). */
  readonly levels: Readonly<Record<string, number>>;
}

/** Full-domain generalisation: every value of a column goes to the same level. Rows are kept as they are. */
export function generalise(input: Dataset | Release, options: GeneraliseOptions): Release {
  const table = generaliseTable(input.table, options.hierarchies, options.levels);
  return released(input, table, input.truth, {
    safeguard: 'generalise',
    parameters: { levels: { ...options.levels } },
    summary: { columns: Object.keys(options.levels).length },
  });
}

// Generalisation hierarchies as data: one row per original value, then its generalisations from the most
// specific to the most general (ARX's layout). Coding one against a column gives, per level, a map from the
// column's dictionary codes to the codes of that level's values. Browser-safe.
import { asText, type Column } from '../../src/table/table.ts';

/** rows[i] = [original value, level 1, ..., top level]; every row has the same length (the height). */
export interface Hierarchy {
  readonly rows: readonly (readonly string[])[];
}

/** A bad hierarchy or one that does not fit its column; the message names the column. */
export class HierarchyError extends Error {
  override readonly name = 'HierarchyError';
}

/** A hierarchy coded against one column: level 0 is the column as it is. */
export interface CodedHierarchy {
  /** The column's values as text codes (level 0). */
  readonly codes: Int32Array;
  /** Number of levels, the original included. */
  readonly height: number;
  /** maps[level][code] = the code of the column value `code` at that level (-1, missing, stays -1). */
  readonly maps: readonly Int32Array[];
  /** dictionaries[level] = the values of that level. */
  readonly dictionaries: readonly (readonly string[])[];
  /** leaves[level][c] = how many of the hierarchy's original values lie under value c of that level. */
  readonly leaves: readonly Int32Array[];
  /** The number of original values in the hierarchy. */
  readonly domainSize: number;
}

/**
 * Check a hierarchy: at least one row, rows of equal length, each original value once, and each value of a
 * level generalising to one value of the next (else a lattice node would not be a function of the data).
 */
export function checkHierarchy(h: Hierarchy, what: string): Hierarchy {
  if (h.rows.length === 0) throw new HierarchyError(`${what}: the hierarchy has no rows`);
  const height = h.rows[0]!.length;
  if (height === 0) throw new HierarchyError(`${what}: the hierarchy's first row is empty`);
  const seen = new Set<string>();
  const parent: Map<string, string>[] = Array.from({ length: height }, () => new Map());
  h.rows.forEach((row, r) => {
    if (row.length !== height) {
      throw new HierarchyError(`${what}: row ${r + 1} ("${row[0]}") has ${row.length} levels, the first row ${height}`);
    }
    if (seen.has(row[0]!)) throw new HierarchyError(`${what}: the value "${row[0]}" has two rows`);
    seen.add(row[0]!);
    for (let l = 1; l < height; l++) {
      const before = parent[l]!.get(row[l - 1]!);
      if (before === undefined) parent[l]!.set(row[l - 1]!, row[l]!);
      else if (before !== row[l]) {
        throw new HierarchyError(`${what}: "${row[l - 1]}" at level ${l - 1} generalises to both "${before}" and "${row[l]}"`);
      }
    }
  });
  return h;
}

/** Code a hierarchy against a column (numbers and dates are matched as their text). Every value present must have a row. */
export function codeHierarchy(h: Hierarchy, column: Column, name: string): CodedHierarchy {
  const what = `the hierarchy of column "${name}"`;
  checkHierarchy(h, what);
  const text = asText(column);
  const height = h.rows[0]!.length;
  const rowOf = new Map(h.rows.map((row) => [row[0]!, row]));
  const present = new Uint8Array(text.dictionary.length);
  for (let i = 0; i < text.codes.length; i++) if (text.codes[i]! >= 0) present[text.codes[i]!] = 1;
  const maps: Int32Array[] = [];
  const dictionaries: string[][] = [];
  const leaves: Int32Array[] = [];
  for (let l = 0; l < height; l++) {
    const index = new Map<string, number>();
    const dictionary: string[] = [];
    const codeOf = (v: string): number => {
      let c = index.get(v);
      if (c === undefined) index.set(v, (c = dictionary.push(v) - 1));
      return c;
    };
    const map = new Int32Array(text.dictionary.length).fill(-1);
    text.dictionary.forEach((value, c) => {
      const row = rowOf.get(value);
      if (!row) {
        if (present[c]) throw new HierarchyError(`${what} has no row for the value "${value}"`);
        return;
      }
      map[c] = codeOf(row[l]!);
    });
    const count: number[] = [];
    for (const row of h.rows) {
      const c = codeOf(row[l]!);
      count[c] = (count[c] ?? 0) + 1;
    }
    maps.push(map);
    dictionaries.push(dictionary);
    leaves.push(Int32Array.from(count));
  }
  return { codes: text.codes, height, maps, dictionaries, leaves, domainSize: h.rows.length };
}

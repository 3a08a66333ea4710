// A table made ready for the lattice search: the quasi-identifiers' hierarchies coded against the table, and
// the rows collapsed to their distinct tuples (quasi-identifiers plus the sensitive column) with counts, so
// that a node's equivalence classes are found from the tuples, never from the rows again. Browser-safe.
import { groupTuples } from '../../attacks/risk/group-tuples.ts';
import { asText, columnOf, TableError, type Table } from '../../src/table/table.ts';
import { codeHierarchy, HierarchyError, type CodedHierarchy, type Hierarchy } from '../generalise/hierarchy.ts';

export interface Prepared {
  readonly names: readonly string[];
  readonly hierarchies: readonly CodedHierarchy[];
  readonly rows: number;
  /** Which distinct tuple each row is. */
  readonly tupleOf: Int32Array;
  readonly tuples: number;
  /** leaf[j][t] = the level-0 code of quasi-identifier j in tuple t. */
  readonly leaf: readonly Int32Array[];
  /** Rows per tuple. */
  readonly count: Float64Array;
  /** The sensitive value (code) of each tuple, when a sensitive column is given. */
  readonly sensitive?: { readonly name: string; readonly codes: Int32Array; readonly dictionary: readonly string[]; readonly numeric: Float64Array | null };
}

/** Prepare `table` for a search over the quasi-identifiers `names` (each with a hierarchy). */
export function prepare(table: Table, names: readonly string[], hierarchies: Readonly<Record<string, Hierarchy>>, sensitive?: string): Prepared {
  if (names.length === 0) throw new TableError('k-anonymity needs at least one quasi-identifier');
  if (table.rows === 0) throw new TableError('k-anonymity: the table is empty');
  const coded = names.map((name) => {
    const h = hierarchies[name];
    if (!h) throw new HierarchyError(`quasi-identifier "${name}" has no hierarchy`);
    return codeHierarchy(h, columnOf(table, name), name);
  });
  const cols = coded.map((c) => c.codes);
  const sizes = coded.map((c) => c.dictionaries[0]!.length);
  let sensitiveText;
  let numeric: Float64Array | null = null;
  if (sensitive !== undefined) {
    if (names.includes(sensitive)) throw new TableError(`the sensitive column "${sensitive}" is also a quasi-identifier`);
    const column = columnOf(table, sensitive);
    sensitiveText = asText(column);
    if (sensitiveText.codes.includes(-1)) throw new TableError(`the sensitive column "${sensitive}" has missing values`);
    if (column.kind === 'number') numeric = Float64Array.from(sensitiveText.dictionary, Number);
    cols.push(sensitiveText.codes);
    sizes.push(sensitiveText.dictionary.length);
  }
  const groups = groupTuples(cols, sizes, table.rows);
  const count = new Float64Array(groups.distinct);
  for (let i = 0; i < table.rows; i++) count[groups.ids[i]!]!++;
  const at = (codes: Int32Array): Int32Array => Int32Array.from(groups.first, (r) => codes[r]!);
  return {
    names,
    hierarchies: coded,
    rows: table.rows,
    tupleOf: groups.ids,
    tuples: groups.distinct,
    leaf: coded.map((c) => at(c.codes)),
    count,
    sensitive: sensitiveText && { name: sensitive!, codes: at(sensitiveText.codes), dictionary: sensitiveText.dictionary, numeric },
  };
}

/** The equivalence classes of the tuples at one lattice node. */
export interface NodeClasses {
  readonly levels: readonly number[];
  readonly classOf: Int32Array;
  readonly classes: number;
  /** Rows per class. */
  readonly size: Float64Array;
  /** A tuple of each class. */
  readonly rep: Int32Array;
}

/** Each tuple its own class: where every roll-up starts. */
function tupleClasses(p: Prepared): NodeClasses {
  const ids = Int32Array.from({ length: p.tuples }, (_, t) => t);
  return { levels: p.hierarchies.map(() => 0), classOf: ids, classes: p.tuples, size: p.count, rep: ids };
}

/**
 * The classes at a node, rolled up from the classes of a node `from` below it (each of its classes lies in
 * one class of the node above), so the work is proportional to from's classes, not to the rows.
 */
export function nodeClasses(p: Prepared, levels: readonly number[], from: NodeClasses = tupleClasses(p)): NodeClasses {
  const units = from.classes;
  const cols = p.hierarchies.map((h, j) => {
    const map = h.maps[levels[j]!]!;
    const leaf = p.leaf[j]!;
    const out = new Int32Array(units);
    for (let u = 0; u < units; u++) {
      const c = leaf[from.rep[u]!]!;
      out[u] = c < 0 ? -1 : map[c]!;
    }
    return out;
  });
  const sizes = p.hierarchies.map((h, j) => h.dictionaries[levels[j]!]!.length);
  const groups = groupTuples(cols, sizes, units);
  const size = new Float64Array(groups.distinct);
  for (let u = 0; u < units; u++) size[groups.ids[u]!]! += from.size[u]!;
  const classOf = new Int32Array(p.tuples);
  for (let t = 0; t < p.tuples; t++) classOf[t] = groups.ids[from.classOf[t]!]!;
  const rep = new Int32Array(groups.distinct);
  for (let g = 0; g < groups.distinct; g++) rep[g] = from.rep[groups.first[g]!]!;
  return { levels, classOf, classes: groups.distinct, size, rep };
}

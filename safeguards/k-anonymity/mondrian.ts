// Mondrian multidimensional k-anonymity (LeFevre, DeWitt & Ramakrishnan 2006), strict partitioning: split
// the rows recursively on the quasi-identifier of widest normalised range, at the cut nearest the median
// that leaves at least k rows on each side, until no cut is allowed; each partition's values become its
// range. For large tables: O(rows x quasi-identifiers x depth), no lattice. Browser-safe.
import { released, type Dataset, type Release } from '../types.ts';
import { columnLength, columnOf, TableError, withColumn, type Column, type TextColumn } from '../../src/table/table.ts';
import { isoDate, NO_DAY } from '../../src/dates.ts';
import { kOption, OptionError } from '../options.ts';

export interface MondrianOptions {
  readonly quasiIdentifiers: readonly string[];
  /** Default 5. */
  readonly k?: number;
}

/** A column as dense ranks of its values in ascending order (numbers, dates by day, text in code-unit order). */
interface Ranked {
  readonly rank: Int32Array;
  readonly labels: readonly string[];
}

function ranked(c: Column, name: string): Ranked {
  const n = columnLength(c);
  const keys: (number | string)[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const key = c.kind === 'text' ? (c.codes[i]! < 0 ? null : c.dictionary[c.codes[i]!]!) : c.kind === 'date' ? (c.days[i] === NO_DAY ? null : c.days[i]!) : Number.isNaN(c.values[i]) ? null : c.values[i]!;
    if (key === null) throw new TableError(`Mondrian needs a value in every row of quasi-identifier "${name}" (row ${i + 1} is missing)`);
    keys[i] = key;
  }
  const distinct = [...new Set(keys)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const index = new Map(distinct.map((v, r) => [v, r]));
  const rank = Int32Array.from(keys, (v) => index.get(v)!);
  const labels = distinct.map((v) => (c.kind === 'date' ? isoDate(v as number) : String(v)));
  return { rank, labels };
}

/** Partitions as ranges [start, end) of `order`, each with at least k rows. */
function partition(qis: readonly Ranked[], rows: number, k: number): { order: Int32Array; bounds: number[] } {
  const order = Int32Array.from({ length: rows }, (_, i) => i);
  const bounds: number[] = [];
  const stack: [number, number][] = [[0, rows]];
  while (stack.length) {
    const [start, end] = stack.pop()!;
    const cut = bestCut(qis, order, start, end, k);
    if (!cut) {
      bounds.push(start, end);
      continue;
    }
    // Stable split: rows with rank <= cut.rank first.
    const part = order.slice(start, end);
    const rank = qis[cut.column]!.rank;
    let left = start;
    let right = start + cut.left;
    for (const i of part) order[rank[i]! <= cut.rank ? left++ : right++] = i;
    stack.push([start + cut.left, end], [start, start + cut.left]);
  }
  return { order, bounds };
}

/** The allowed cut of the widest column (normalised by its whole range), nearest the median; null when none. */
function bestCut(qis: readonly Ranked[], order: Int32Array, start: number, end: number, k: number): { column: number; rank: number; left: number } | null {
  const n = end - start;
  if (n < 2 * k) return null;
  const spans = qis.map((q, j) => {
    let lo = Infinity;
    let hi = -Infinity;
    for (let t = start; t < end; t++) {
      const r = q.rank[order[t]!]!;
      if (r < lo) lo = r;
      if (r > hi) hi = r;
    }
    return { j, lo, hi, width: q.labels.length > 1 ? (hi - lo) / (q.labels.length - 1) : 0 };
  });
  spans.sort((a, b) => b.width - a.width || a.j - b.j);
  for (const { j, lo, hi, width } of spans) {
    if (width === 0) break;
    const counts = new Int32Array(hi - lo + 1);
    for (let t = start; t < end; t++) counts[qis[j]!.rank[order[t]!]! - lo]!++;
    let best: { column: number; rank: number; left: number } | null = null;
    for (let r = 0, cum = 0; r < counts.length - 1; r++) {
      cum += counts[r]!;
      if (cum >= k && n - cum >= k && (!best || Math.abs(cum - n / 2) < Math.abs(best.left - n / 2))) best = { column: j, rank: lo + r, left: cum };
    }
    if (best) return best;
  }
  return null;
}

/** Mondrian k-anonymisation: every quasi-identifier replaced by its partition's range "[lo, hi]" (or the value). */
export function mondrian(input: Dataset | Release, options: MondrianOptions): Release {
  const k = kOption(options.k ?? 5);
  if (!Array.isArray(options.quasiIdentifiers) || options.quasiIdentifiers.length === 0) throw new OptionError('quasiIdentifiers', 'must name at least one column');
  const rows = input.table.rows;
  if (rows < k) throw new TableError(`Mondrian: the table has ${rows} rows, fewer than k = ${k}`);
  const qis = options.quasiIdentifiers.map((name) => ranked(columnOf(input.table, name), name));
  const { order, bounds } = partition(qis, rows, k);
  let table = input.table;
  qis.forEach((q, j) => {
    const codes = new Int32Array(rows);
    const dictionary: string[] = [];
    const index = new Map<string, number>();
    for (let b = 0; b < bounds.length; b += 2) {
      let lo = Infinity;
      let hi = -Infinity;
      for (let t = bounds[b]!; t < bounds[b + 1]!; t++) {
        lo = Math.min(lo, q.rank[order[t]!]!);
        hi = Math.max(hi, q.rank[order[t]!]!);
      }
      const label = lo === hi ? q.labels[lo]! : `[${q.labels[lo]}, ${q.labels[hi]}]`;
      let code = index.get(label);
      if (code === undefined) index.set(label, (code = dictionary.push(label) - 1));
      for (let t = bounds[b]!; t < bounds[b + 1]!; t++) codes[order[t]!] = code;
    }
    const column: TextColumn = { kind: 'text', codes, dictionary };
    table = withColumn(table, options.quasiIdentifiers[j]!, column);
  });
  let smallest = Infinity;
  let discernibility = 0;
  for (let b = 0; b < bounds.length; b += 2) {
    const size = bounds[b + 1]! - bounds[b]!;
    smallest = Math.min(smallest, size);
    discernibility += size * size;
  }
  const classes = bounds.length / 2;
  return released(input, table, input.truth, {
    safeguard: 'mondrian',
    parameters: { quasiIdentifiers: [...options.quasiIdentifiers], k },
    summary: { classes, smallestClass: smallest, averageClassSize: rows / classes, discernibility, suppressed: 0 },
  });
}

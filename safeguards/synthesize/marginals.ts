// A deliberately simple synthesizer: every column drawn from its own marginal distribution
// (optionally one column conditional on another). It is a BASELINE for testing the synthetic-data
// evaluators in attacks/synthetic/, NOT a privacy method: it copies rare values verbatim, offers no
// formal guarantee, and keeps only the dependencies listed in keepPairs. Browser-safe.
import { asText, tableOf, type Column, type Table, type TextColumn } from '../../src/table/table.ts';
import { compactText, mapText } from '../../src/table/text.ts';
import { below, streamKey } from '../../src/random/prng.ts';

export interface MarginalsOptions {
  /** Rows to synthesize. */
  rows: number;
  seed: number | string;
  /**
   * [given, dependent] pairs: the dependent column is drawn from its distribution conditional on the
   * given column's synthetic value (the empirical rows that share that value). A column can be the
   * dependent of at most one pair; the given column must be independent or the dependent of an earlier pair.
   */
  keepPairs?: [string, string][];
}

/**
 * Draws `rows` synthetic rows. An independent column takes, at each row, the value of a uniformly
 * drawn source row (an exact draw from its empirical marginal, nulls included). A dependent column
 * takes the value of a uniformly drawn source row among those whose given column equals the synthetic
 * row's given value. Each column has its own random stream, so the result is a pure function of
 * (table, rows, seed, keepPairs).
 */
export function synthesizeMarginals(table: Table, opts: MarginalsOptions): Table {
  const { rows, seed } = opts;
  if (!Number.isInteger(rows) || rows < 0) throw new Error(`synthesizeMarginals: rows must be a non-negative integer, got ${rows}`);
  const n = table.rows;
  const names = table.names;
  // Each column as text, one dictionary entry per distinct value: equal values share a code.
  const source = new Map(names.map((c) => [c, mapText(asText(table.columns[c]!), (v) => v)] as const));
  // Drawn codes index the source's dictionaries until the end, where each column is coded afresh.
  const out = new Map<string, Int32Array>();
  const result = (): Table => {
    const columns: Record<string, Column> = {};
    for (const c of names) columns[c] = compactText({ kind: 'text', codes: out.get(c)!, dictionary: source.get(c)!.dictionary });
    return tableOf(columns, rows);
  };
  if (n === 0) {
    if (rows > 0) throw new Error('synthesizeMarginals: cannot draw rows from an empty table');
    for (const c of names) out.set(c, new Int32Array(0));
    return result();
  }
  const pairs = opts.keepPairs ?? [];
  const dependent = new Set<string>();
  for (const [given, dep] of pairs) {
    if (!table.columns[given] || !table.columns[dep]) throw new Error(`synthesizeMarginals: unknown column in pair [${given}, ${dep}]`);
    if (given === dep) throw new Error(`synthesizeMarginals: a column cannot depend on itself (${dep})`);
    if (dependent.has(dep)) throw new Error(`synthesizeMarginals: ${dep} is the dependent of more than one pair`);
    dependent.add(dep);
  }
  for (const c of names) {
    if (dependent.has(c)) continue;
    const src = source.get(c)!.codes;
    const key = streamKey(seed, `marginals:${c}`);
    const col = new Int32Array(rows);
    for (let i = 0; i < rows; i++) col[i] = src[below(key, i, 0, n)]!;
    out.set(c, col);
  }
  for (const [given, dep] of pairs) {
    const givenSyn = out.get(given);
    if (!givenSyn) throw new Error(`synthesizeMarginals: ${given} must be drawn before ${dep} (list its own pair first)`);
    const givenSrc = source.get(given)!;
    const depSrc = source.get(dep)!.codes;
    const groups = groupRows(givenSrc);
    const key = streamKey(seed, `marginals:${given}->${dep}`);
    const col = new Int32Array(rows);
    for (let i = 0; i < rows; i++) {
      // Every synthetic given value came from the source, so its group is not empty.
      const group = groups[givenSyn[i]! + 1]!;
      col[i] = depSrc[group[below(key, i, 0, group.length)]!]!;
    }
    out.set(dep, col);
  }
  return result();
}

/** Source rows grouped by the column's value: group 0 holds the missing rows, group k + 1 code k's. */
function groupRows(c: TextColumn): number[][] {
  const groups: number[][] = Array.from({ length: c.dictionary.length + 1 }, () => []);
  for (let r = 0; r < c.codes.length; r++) groups[c.codes[r]! + 1]!.push(r);
  return groups;
}

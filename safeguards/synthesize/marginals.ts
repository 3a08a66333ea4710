// A deliberately simple synthesizer: every column drawn from its own marginal distribution
// (optionally one column conditional on another). It is a BASELINE for testing the synthetic-data
// evaluators in attacks/synthetic/, NOT a privacy method: it copies rare values verbatim, offers no
// formal guarantee, and keeps only the dependencies listed in keepPairs. Browser-safe.
import type { Columns } from '../../generators/adversary/types.ts';
import { rowsOf } from '../../generators/adversary/types.ts';
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
export function synthesizeMarginals(table: Columns, opts: MarginalsOptions): Columns {
  const { rows, seed } = opts;
  if (!Number.isInteger(rows) || rows < 0) throw new Error(`synthesizeMarginals: rows must be a non-negative integer, got ${rows}`);
  const n = rowsOf(table);
  const names = Object.keys(table);
  const out: Columns = {};
  if (n === 0) {
    if (rows > 0) throw new Error('synthesizeMarginals: cannot draw rows from an empty table');
    for (const c of names) out[c] = [];
    return out;
  }
  const pairs = opts.keepPairs ?? [];
  const dependent = new Set<string>();
  for (const [given, dep] of pairs) {
    if (!(given in table) || !(dep in table)) throw new Error(`synthesizeMarginals: unknown column in pair [${given}, ${dep}]`);
    if (given === dep) throw new Error(`synthesizeMarginals: a column cannot depend on itself (${dep})`);
    if (dependent.has(dep)) throw new Error(`synthesizeMarginals: ${dep} is the dependent of more than one pair`);
    dependent.add(dep);
  }
  for (const c of names) {
    if (dependent.has(c)) continue;
    const src = table[c]!;
    const key = streamKey(seed, `marginals:${c}`);
    const col: (string | null)[] = new Array(rows);
    for (let i = 0; i < rows; i++) col[i] = src[below(key, i, 0, n)] ?? null;
    out[c] = col;
  }
  for (const [given, dep] of pairs) {
    const givenSyn = out[given];
    if (!givenSyn) throw new Error(`synthesizeMarginals: ${given} must be drawn before ${dep} (list its own pair first)`);
    const givenSrc = table[given]!;
    const depSrc = table[dep]!;
    // Source rows grouped by the given value ('\u0000' stands for null).
    const groups = new Map<string, number[]>();
    for (let r = 0; r < n; r++) {
      const g = givenSrc[r] ?? '\u0000';
      let list = groups.get(g);
      if (!list) groups.set(g, (list = []));
      list.push(r);
    }
    const key = streamKey(seed, `marginals:${given}->${dep}`);
    const col: (string | null)[] = new Array(rows);
    for (let i = 0; i < rows; i++) {
      const group = groups.get(givenSyn[i] ?? '\u0000');
      // Every synthetic given value came from the source, so its group exists.
      col[i] = group ? (depSrc[group[below(key, i, 0, group.length)]!] ?? null) : null;
    }
    out[dep] = col;
  }
  const ordered: Columns = {};
  for (const c of names) ordered[c] = out[c]!;
  return ordered;
}

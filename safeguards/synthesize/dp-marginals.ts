// A differentially private marginal synthesizer: the 1-way marginal of every column and the 2-way
// marginal of each chosen [given, dependent] pair are counted, each count gets Laplace noise, and
// records are drawn from the noisy marginals (a dependent column conditional on its given column's
// drawn value). One record adds 1 to one cell of each marginal, so each marginal has L1 sensitivity 1;
// epsilon is split evenly across the marginals and charged to a DP accountant (basic composition).
// Drawing from noisy counts is post-processing: it costs no further budget. Browser-safe.
import type { Columns } from '../../generators/adversary/types.ts';
import { rowsOf } from '../../generators/adversary/types.ts';
import { streamKey, uniform } from '../../src/random/prng.ts';
import { OptionError, positiveNumber, wholeNumber } from '../options.ts';
import { PrivacyAccountant, type Charge } from '../dp/accountant.ts';
import { laplaceScale, noiseAt } from '../dp/mechanisms.ts';

export interface DpMarginalsOptions {
  rows: number;
  seed: number | string;
  /** Privacy loss of the whole synthesis, split evenly across the marginals. */
  epsilon: number;
  /** [given, dependent] pairs measured as 2-way marginals (same rules as synthesizeMarginals' keepPairs). */
  pairs?: readonly (readonly [string, string])[];
  /**
   * Public domain of a column: the values a release may hold, known without the data (code books, the
   * list of states, a year range). A column without one takes the values present in the table: that
   * choice reads the data outside the budget (a rare value can appear in the release), and the result
   * lists such columns in `domainFromData`.
   */
  domains?: Readonly<Record<string, readonly string[]>>;
  /** The accountant to charge (default: a new one whose budget is exactly `epsilon`, delta 0). */
  accountant?: PrivacyAccountant;
}

/** One measured marginal: its cells (the given value x the dependent value for a pair) and counts. */
export interface NoisyMarginal {
  /** "birth_year" or "birth_year x sp_chf". */
  readonly name: string;
  readonly columns: readonly string[];
  /** Domains of its columns; a missing value is the extra last cell of each (null). */
  readonly domains: readonly (readonly (string | null)[])[];
  readonly exact: Float64Array;
  readonly noisy: Float64Array;
  /** Laplace scale b = 1 / epsilon of this marginal. */
  readonly scale: number;
  readonly epsilon: number;
}

export interface DpMarginalsResult {
  readonly columns: Columns;
  readonly marginals: readonly NoisyMarginal[];
  /** What this synthesis charged (sums to `epsilon`). */
  readonly charges: readonly Charge[];
  /** Columns whose domain was read from the data (no public domain given). */
  readonly domainFromData: readonly string[];
}

/** Column domains: the public one when given, else the sorted values present; null is always the last cell. */
function domainOf(table: Columns, column: string, given: readonly string[] | undefined): (string | null)[] {
  const values = given ? [...new Set(given)] : [...new Set(table[column]!.filter((v): v is string => v !== null))].sort();
  return [...values, null];
}

function cellIndex(domain: readonly (string | null)[]): (v: string | null) => number {
  const at = new Map(domain.map((v, i) => [v, i]));
  const missing = domain.length - 1;
  // A value outside a public domain counts in the missing cell: the release cannot hold it.
  return (v) => (v === null ? missing : (at.get(v) ?? missing));
}

/** Which columns are drawn on their own and which conditional on another, checked like synthesizeMarginals. */
function plan(table: Columns, pairs: readonly (readonly [string, string])[]): { independent: string[]; pairs: [string, string][] } {
  const names = Object.keys(table);
  const dependent = new Set<string>();
  for (const [given, dep] of pairs) {
    if (!(given in table) || !(dep in table)) throw new OptionError('pairs', `unknown column in pair [${given}, ${dep}]`);
    if (given === dep) throw new OptionError('pairs', `a column cannot depend on itself (${dep})`);
    if (dependent.has(dep)) throw new OptionError('pairs', `${dep} is the dependent of more than one pair`);
    dependent.add(dep);
  }
  const drawn = new Set(names.filter((n) => !dependent.has(n)));
  for (const [given, dep] of pairs) {
    if (!drawn.has(given)) throw new OptionError('pairs', `${given} must be drawn before ${dep} (list its own pair first)`);
    drawn.add(dep);
  }
  return { independent: names.filter((n) => !dependent.has(n)), pairs: pairs.map(([g, d]) => [g, d]) };
}

/** The noisy marginals only (what a release spends its budget on); `synthesizeDpMarginals` draws from them. */
export function measureMarginals(table: Columns, o: Omit<DpMarginalsOptions, 'rows'>): { marginals: NoisyMarginal[]; charges: Charge[]; domainFromData: string[] } {
  const epsilon = positiveNumber('epsilon', o.epsilon);
  const n = rowsOf(table);
  const { independent, pairs } = plan(table, o.pairs ?? []);
  for (const c of Object.keys(o.domains ?? {})) if (!(c in table)) throw new OptionError('domains', `the table has no column "${c}"`);
  const domains = new Map(Object.keys(table).map((c) => [c, domainOf(table, c, o.domains?.[c])]));
  const specs = [...independent.map((c) => [c]), ...pairs.map((p) => [...p])];
  if (!specs.length) throw new OptionError('table', 'has no columns to synthesize');
  const each = epsilon / specs.length;
  const scale = laplaceScale(1, each);
  const accountant = o.accountant ?? new PrivacyAccountant({ epsilon, delta: 0 });
  const before = accountant.charges.length;
  const marginals = specs.map((columns) => {
    const name = columns.join(' x ');
    accountant.charge({ query: `synthesizer marginal ${name}`, epsilon: each, delta: 0 });
    const doms = columns.map((c) => domains.get(c)!);
    const index = columns.map((_, j) => cellIndex(doms[j]!));
    const width = doms.length === 2 ? doms[1]!.length : 1;
    const exact = new Float64Array(doms.reduce((a, d) => a * d.length, 1));
    for (let i = 0; i < n; i++) {
      const first = index[0]!(table[columns[0]!]![i] ?? null);
      exact[columns.length === 2 ? first * width + index[1]!(table[columns[1]!]![i] ?? null) : first]!++;
    }
    const key = streamKey(o.seed, `dp-marginals:noise:${name}`);
    const noisy = exact.map((c, j) => c + noiseAt('laplace', scale, key, j));
    return { name, columns, domains: doms, exact, noisy, scale, epsilon: each };
  });
  const domainFromData = Object.keys(table).filter((c) => !o.domains?.[c]);
  return { marginals, charges: accountant.charges.slice(before), domainFromData };
}

/** Index drawn from weights max(0, w) by inverting their running sum at u in [0, 1); uniform when all are <= 0. */
function drawFrom(weights: ArrayLike<number>, from: number, length: number, u: number): number {
  let total = 0;
  for (let j = 0; j < length; j++) total += Math.max(0, weights[from + j]!);
  if (total <= 0) return Math.min(length - 1, Math.floor(u * length));
  let target = u * total;
  for (let j = 0; j < length; j++) {
    target -= Math.max(0, weights[from + j]!);
    if (target < 0) return j;
  }
  return length - 1;
}

/** Draws `rows` synthetic records from the noisy marginals; a pure function of (table, options). */
export function synthesizeDpMarginals(table: Columns, o: DpMarginalsOptions): DpMarginalsResult {
  const rows = wholeNumber('rows', o.rows, 0);
  const { marginals, charges, domainFromData } = measureMarginals(table, o);
  const out: Columns = {};
  for (const m of marginals) {
    const key = streamKey(o.seed, `dp-marginals:draw:${m.name}`);
    if (m.columns.length === 1) {
      const dom = m.domains[0]!;
      out[m.columns[0]!] = Array.from({ length: rows }, (_, i) => dom[drawFrom(m.noisy, 0, dom.length, uniform(key, i, 0))]!);
      continue;
    }
    const [given, dep] = m.columns as [string, string];
    const [gDom, dDom] = m.domains as [(string | null)[], (string | null)[]];
    const width = dDom.length;
    const gIndex = cellIndex(gDom);
    // The dependent's own marginal, summed from the pair's noisy cells: used where the given value's row has no weight.
    const overall = new Float64Array(width);
    for (let g = 0; g < gDom.length; g++) for (let d = 0; d < width; d++) overall[d]! += Math.max(0, m.noisy[g * width + d]!);
    out[dep] = out[given]!.map((gv, i) => {
      const g = gIndex(gv);
      let rowWeight = 0;
      for (let d = 0; d < width; d++) rowWeight += Math.max(0, m.noisy[g * width + d]!);
      const u = uniform(key, i, 0);
      return dDom[rowWeight > 0 ? drawFrom(m.noisy, g * width, width, u) : drawFrom(overall, 0, width, u)]!;
    });
  }
  const ordered: Columns = {};
  for (const c of Object.keys(table)) ordered[c] = out[c]!;
  return { columns: ordered, marginals, charges, domainFromData };
}

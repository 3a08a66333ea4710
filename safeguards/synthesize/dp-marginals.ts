// A differentially private marginal synthesizer: the 1-way marginal of every column and the 2-way
// marginal of each chosen [given, dependent] pair are counted, each count gets Laplace noise, and
// records are drawn from the noisy marginals (a dependent column conditional on its given column's
// drawn value). One record adds 1 to one cell of each marginal, so each marginal has L1 sensitivity 1;
// epsilon is split evenly across the marginals and charged to a DP accountant (basic composition).
// Drawing from noisy counts is post-processing: it costs no further budget. Browser-safe.
import { asText, tableOf, type Column, type Table, type TextColumn } from '../../src/table/table.ts';
import { compactText, mapText } from '../../src/table/text.ts';
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
  readonly table: Table;
  readonly marginals: readonly NoisyMarginal[];
  /** What this synthesis charged (sums to `epsilon`). */
  readonly charges: readonly Charge[];
  /** Columns whose domain was read from the data (no public domain given). */
  readonly domainFromData: readonly string[];
}

/** Column domains: the public one when given, else the sorted values present; null is always the last cell. */
function domainOf(col: TextColumn, given: readonly string[] | undefined): (string | null)[] {
  // col is coded with one dictionary entry per value present (distinctText).
  const values = given ? [...new Set(given)] : [...col.dictionary].sort();
  return [...values, null];
}

/** Each dictionary entry's cell in the domain (-1, a missing value, is the last cell: see cellOf). */
function cellsOf(col: TextColumn, domain: readonly (string | null)[]): Int32Array {
  const at = new Map(domain.map((v, i) => [v, i]));
  const missing = domain.length - 1;
  // A value outside a public domain counts in the missing cell: the release cannot hold it.
  return Int32Array.from(col.dictionary, (v) => at.get(v) ?? missing);
}

function cellOf(col: TextColumn, cells: Int32Array, missing: number, i: number): number {
  const k = col.codes[i]!;
  return k < 0 ? missing : cells[k]!;
}

/** The column as text with one dictionary entry per distinct value. */
function distinctText(c: Column): TextColumn {
  return mapText(asText(c), (v) => v);
}

/** Which columns are drawn on their own and which conditional on another, checked like synthesizeMarginals. */
function plan(table: Table, pairs: readonly (readonly [string, string])[]): { independent: string[]; pairs: [string, string][] } {
  const names = table.names;
  const dependent = new Set<string>();
  for (const [given, dep] of pairs) {
    if (!table.columns[given] || !table.columns[dep]) throw new OptionError('pairs', `unknown column in pair [${given}, ${dep}]`);
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
export function measureMarginals(table: Table, o: Omit<DpMarginalsOptions, 'rows'>): { marginals: NoisyMarginal[]; charges: Charge[]; domainFromData: string[] } {
  const epsilon = positiveNumber('epsilon', o.epsilon);
  const n = table.rows;
  const { independent, pairs } = plan(table, o.pairs ?? []);
  for (const c of Object.keys(o.domains ?? {})) if (!table.columns[c]) throw new OptionError('domains', `the table has no column "${c}"`);
  const text = new Map(table.names.map((c) => [c, distinctText(table.columns[c]!)]));
  const domains = new Map(table.names.map((c) => [c, domainOf(text.get(c)!, o.domains?.[c])]));
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
    const cols = columns.map((c) => text.get(c)!);
    const cells = cols.map((c, j) => cellsOf(c, doms[j]!));
    const cell = (j: number, i: number) => cellOf(cols[j]!, cells[j]!, doms[j]!.length - 1, i);
    const width = doms.length === 2 ? doms[1]!.length : 1;
    const exact = new Float64Array(doms.reduce((a, d) => a * d.length, 1));
    for (let i = 0; i < n; i++) exact[columns.length === 2 ? cell(0, i) * width + cell(1, i) : cell(0, i)]!++;
    const key = streamKey(o.seed, `dp-marginals:noise:${name}`);
    const noisy = exact.map((c, j) => c + noiseAt('laplace', scale, key, j));
    return { name, columns, domains: doms, exact, noisy, scale, epsilon: each };
  });
  const domainFromData = table.names.filter((c) => !o.domains?.[c]);
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
export function synthesizeDpMarginals(table: Table, o: DpMarginalsOptions): DpMarginalsResult {
  const rows = wholeNumber('rows', o.rows, 0);
  const { marginals, charges, domainFromData } = measureMarginals(table, o);
  // Each column's drawn cells (an index into its domain; the last cell is missing).
  const drawn = new Map<string, Int32Array>();
  const domainOfColumn = new Map<string, readonly (string | null)[]>();
  for (const m of marginals) {
    const key = streamKey(o.seed, `dp-marginals:draw:${m.name}`);
    if (m.columns.length === 1) {
      const dom = m.domains[0]!;
      domainOfColumn.set(m.columns[0]!, dom);
      drawn.set(m.columns[0]!, Int32Array.from({ length: rows }, (_, i) => drawFrom(m.noisy, 0, dom.length, uniform(key, i, 0))));
      continue;
    }
    const [given, dep] = m.columns as [string, string];
    const dDom = m.domains[1]!;
    const gCells = m.domains[0]!.length;
    const width = dDom.length;
    domainOfColumn.set(dep, dDom);
    // The dependent's own marginal, summed from the pair's noisy cells: used where the given value's row has no weight.
    const overall = new Float64Array(width);
    for (let g = 0; g < gCells; g++) for (let d = 0; d < width; d++) overall[d]! += Math.max(0, m.noisy[g * width + d]!);
    drawn.set(dep, drawn.get(given)!.map((g, i) => {
      let rowWeight = 0;
      for (let d = 0; d < width; d++) rowWeight += Math.max(0, m.noisy[g * width + d]!);
      const u = uniform(key, i, 0);
      return rowWeight > 0 ? drawFrom(m.noisy, g * width, width, u) : drawFrom(overall, 0, width, u);
    }));
  }
  const columns: Record<string, Column> = {};
  for (const c of table.names) {
    const dom = domainOfColumn.get(c)!;
    const missing = dom.length - 1;
    // Cells are codes into the domain (its values are distinct); coded afresh in order of first appearance.
    const codes = drawn.get(c)!.map((cell) => (cell === missing ? -1 : cell));
    columns[c] = compactText({ kind: 'text', codes, dictionary: dom.slice(0, missing) as string[] });
  }
  return { table: tableOf(columns, rows), marginals, charges, domainFromData };
}

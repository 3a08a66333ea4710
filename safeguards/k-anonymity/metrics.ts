// Information loss of a lattice node, each metric defined as ARX computes it (ARX 3.9, metric/v2), so that
// the optimum found here is the one ARX finds. n = rows; a class is an equivalence class at the node; a
// class is suppressed when it fails the criteria. Browser-safe.
import type { NodeClasses, Prepared } from './prepared.ts';

export type MetricName = 'entropy' | 'entropy-nm' | 'discernibility' | 'discernibility-nm' | 'loss' | 'precision' | 'aecs';
export const METRICS: readonly MetricName[] = ['entropy', 'entropy-nm', 'discernibility', 'discernibility-nm', 'loss', 'precision', 'aecs'];

/**
 * Whether the metric never decreases from a node to a node above it, whatever is suppressed, so the
 * optimum lies among the lowest nodes that pass (ARX's "monotonic" variants).
 */
export const MONOTONE_METRIC: Readonly<Record<MetricName, boolean>> = {
  entropy: true,
  'entropy-nm': false,
  discernibility: true,
  'discernibility-nm': false,
  loss: false,
  precision: false,
  aecs: false,
};

/** ARX rounds each column's loss down to 10 decimals before aggregating. */
const round = (x: number): number => Math.floor(x * 1e10) / 1e10;

export interface NodeOutcome {
  readonly classes: NodeClasses;
  /** 1 for each suppressed class. */
  readonly fails: Uint8Array;
  readonly suppressed: number;
}

/**
 * The loss of a node:
 * - entropy: monotonic non-uniform entropy (ARX MetricMDNUEntropyPrecomputed), summed over the
 *   quasi-identifiers: sum over original values v of a_v log2(b / a_v), a_v = rows holding v, b = rows
 *   holding v's generalisation at the node's level. Suppression does not count; depends on levels only.
 * - entropy-nm: non-monotonic non-uniform entropy (ARX MetricMDNUNMEntropyPrecomputed): entropy plus, per
 *   column, sum over the suppressed rows' generalised values w of c_w log2(s / c_w), s = suppressed rows.
 * - discernibility: DM* (ARX MetricSDDiscernability, monotonic): sum over all classes of size^2,
 *   suppressed classes included as they are.
 * - discernibility-nm: DM (ARX MetricSDNMDiscernability): size^2 per kept class, n per suppressed row.
 * - loss: ARX's Loss (MetricMDNMLoss, generalisation and suppression weighted equally): per column, the
 *   rows' shares of the domain (original values under their generalised value / all original values; 1
 *   for a suppressed row), summed, normalised as (x - n/|domain|) / (n - n/|domain|); the columns
 *   aggregated by geometric mean, prod (x_j + 1)^(1/m) - 1.
 * - precision: ARX's Precision (MetricMDNMPrecision): per column (kept rows x level/(height-1) +
 *   suppressed rows) / n, the columns averaged.
 * - aecs: average equivalence class size (ARX MetricSDAECS): n / (kept classes + 1 if any row is suppressed).
 */
export function informationLoss(metric: MetricName, p: Prepared, levels: readonly number[], node: () => NodeOutcome): number {
  if (metric === 'entropy') return nonUniformEntropy(p, levels);
  const outcome = node();
  if (metric === 'entropy-nm') return nonMonotonicEntropy(p, levels, outcome);
  const { classes, fails, suppressed } = outcome;
  const n = p.rows;
  if (metric === 'discernibility' || metric === 'discernibility-nm') {
    let dm = 0;
    for (let g = 0; g < classes.classes; g++) {
      const s = classes.size[g]!;
      dm += metric === 'discernibility' || !fails[g] ? s * s : n * s;
    }
    return dm;
  }
  if (metric === 'precision') {
    const m = levels.length;
    return levels.reduce((a, l, j) => {
      const top = p.hierarchies[j]!.height - 1;
      return a + ((n - suppressed) * (top === 0 ? 0 : l / top) + suppressed) / n / m;
    }, 0);
  }
  if (metric === 'aecs') {
    let kept = 0;
    for (let g = 0; g < classes.classes; g++) if (!fails[g]) kept++;
    return n / (kept + (suppressed > 0 ? 1 : 0));
  }
  return loss(p, levels, classes, fails);
}

/**
 * A lower bound of the metric that needs no classes (it counts no row as suppressed, and a suppressed row
 * costs at least what generalisation would): lets the search skip nodes; -Infinity when there is none.
 */
export function lowerBound(metric: MetricName, p: Prepared, levels: readonly number[]): number {
  if (metric === 'entropy' || metric === 'entropy-nm') return nonUniformEntropy(p, levels);
  if (metric === 'loss') return loss(p, levels, null, null);
  if (metric === 'precision') return levels.reduce((a, l, j) => a + (p.hierarchies[j]!.height > 1 ? l / (p.hierarchies[j]!.height - 1) : 0) / levels.length, 0);
  return -Infinity;
}

function loss(p: Prepared, levels: readonly number[], classes: NodeClasses | null, fails: Uint8Array | null): number {
  const n = p.rows;
  let product = 1;
  p.hierarchies.forEach((h, j) => {
    const map = h.maps[levels[j]!]!;
    const leaves = h.leaves[levels[j]!]!;
    const leaf = p.leaf[j]!;
    let sum = 0;
    for (let t = 0; t < p.tuples; t++) {
      const c = leaf[t]!;
      sum += p.count[t]! * (fails && fails[classes!.classOf[t]!] ? 1 : c < 0 ? 1 / h.domainSize : leaves[map[c]!]! / h.domainSize);
    }
    const min = n / h.domainSize;
    const x = round(Math.max(0, (sum - min) / (n - min)));
    product *= Math.pow(x + 1, 1 / levels.length);
  });
  return product - 1;
}

const entropyCache = new WeakMap<Prepared, Map<number, number>>();

/** Non-uniform entropy of one column at one level, before rounding (see {@link informationLoss}); cached. */
function columnEntropy(p: Prepared, j: number, level: number): number {
  let cache = entropyCache.get(p);
  if (!cache) entropyCache.set(p, (cache = new Map()));
  const key = j * 1024 + level;
  let value = cache.get(key);
  if (value !== undefined) return value;
  const h = p.hierarchies[j]!;
  const a = new Float64Array(h.dictionaries[0]!.length); // missing values stay missing: no loss
  for (let t = 0; t < p.tuples; t++) if (p.leaf[j]![t]! >= 0) a[p.leaf[j]![t]!]! += p.count[t]!;
  const map = h.maps[level]!;
  const b = new Float64Array(h.dictionaries[level]!.length);
  a.forEach((x, c) => (b[map[c]!]! += x));
  value = 0;
  a.forEach((x, c) => {
    if (x > 0) value! += x * Math.log2(b[map[c]!]! / x);
  });
  cache.set(key, value);
  return value;
}

/** Monotonic non-uniform entropy: depends on the levels only. */
export function nonUniformEntropy(p: Prepared, levels: readonly number[]): number {
  return levels.reduce((total, level, j) => total + round(columnEntropy(p, j, level)), 0);
}

/** Non-monotonic non-uniform entropy: adds, per column, the entropy of the suppressed rows' generalised values. */
function nonMonotonicEntropy(p: Prepared, levels: readonly number[], { classes, fails, suppressed }: NodeOutcome): number {
  return levels.reduce((total, level, j) => {
    let value = columnEntropy(p, j, level);
    if (suppressed > 0) {
      const h = p.hierarchies[j]!;
      const counts = new Float64Array(h.dictionaries[level]!.length + 1); // the last slot counts missing values
      for (let t = 0; t < p.tuples; t++) {
        if (!fails[classes.classOf[t]!]) continue;
        const c = p.leaf[j]![t]!;
        counts[c < 0 ? counts.length - 1 : h.maps[level]![c]!]! += p.count[t]!;
      }
      for (const x of counts) if (x > 0) value += x * Math.log2(suppressed / x);
    }
    return total + round(value);
  }, 0);
}

// The optimal full-domain generalisation: the lattice node of least information loss among those whose
// classes meet the criteria once at most `maxSuppressed` rows (of failing classes) are suppressed.
// When the criteria are monotone, a checked node that passes marks every node above it as passing and one
// that fails marks every node below it as failing; nodes are checked by binary search along upward chains
// (as ARX's Flash does), so most nodes are classified without being checked. Browser-safe.
import { failingClasses, monotone, type Criteria } from './criteria.ts';
import { latticeOf, levelsOf, neighbours, type Lattice } from './lattice.ts';
import { informationLoss, lowerBound, MONOTONE_METRIC, type MetricName, type NodeOutcome } from './metrics.ts';
import { nodeClasses, type NodeClasses, type Prepared } from './prepared.ts';

export interface SearchResult {
  readonly levels: readonly number[];
  readonly informationLoss: number;
  readonly outcome: NodeOutcome;
  /** Lattice nodes, and how many had their classes computed to classify them. */
  readonly nodes: number;
  readonly checked: number;
}

/** The classes of a node and which fail the criteria. */
export function outcomeOf(p: Prepared, levels: readonly number[], criteria: Criteria, from?: NodeClasses): NodeOutcome {
  const classes = nodeClasses(p, levels, from);
  const fails = failingClasses(p, classes, criteria);
  let suppressed = 0;
  for (let g = 0; g < classes.classes; g++) if (fails[g]) suppressed += classes.size[g]!;
  return { classes, fails, suppressed };
}

/** The last few nodes' classes, to roll a node up from the smallest one below it. */
class RollUpCache {
  private readonly recent: NodeClasses[] = [];
  below(levels: readonly number[]): NodeClasses | undefined {
    let best: NodeClasses | undefined;
    for (const c of this.recent) {
      if (c.levels.every((l, j) => l <= levels[j]!) && (!best || c.classes < best.classes)) best = c;
    }
    return best;
  }
  add(c: NodeClasses): void {
    this.recent.push(c);
    if (this.recent.length > 32) this.recent.shift();
  }
}

const PASS = 1;
const FAIL = -1;

/** Mark a node and every node above (PASS) or below (FAIL) it; stops at nodes already marked so. */
function mark(lattice: Lattice, status: Int8Array, node: number, value: number): void {
  const stack = [node];
  while (stack.length) {
    const x = stack.pop()!;
    if (status[x] === value) continue;
    status[x] = value;
    for (const y of neighbours(lattice, x, value === PASS)) if (status[y] !== value) stack.push(y);
  }
}

/** Pass or fail for every node: checked, or implied by a checked node when the criteria are monotone. */
function classify(p: Prepared, lattice: Lattice, criteria: Criteria, maxSuppressed: number): { status: Int8Array; checked: number } {
  let checked = 0;
  const cache = new RollUpCache();
  const check = (node: number, c: Criteria): boolean => {
    checked++;
    const levels = levelsOf(lattice, node);
    const outcome = outcomeOf(p, levels, c, cache.below(levels));
    cache.add(outcome.classes);
    return outcome.suppressed <= maxSuppressed;
  };
  if (monotone(criteria, maxSuppressed)) return { status: classifyMonotone(lattice, (node) => check(node, criteria)), checked };
  // The monotone part (k, distinct l) suppresses a subset of what all criteria suppress: a node failing it fails.
  const part: Criteria = { k: criteria.k, lDiversity: criteria.lDiversity?.variant === 'distinct' ? criteria.lDiversity : undefined };
  const status = classifyMonotone(lattice, (node) => check(node, part));
  for (let node = 0; node < lattice.size; node++) if (status[node] === PASS) status[node] = check(node, criteria) ? PASS : FAIL;
  return { status, checked };
}

/** Classify by binary search along upward chains, marking what each check implies. */
function classifyMonotone(lattice: Lattice, check: (node: number) => boolean): Int8Array {
  const status = new Int8Array(lattice.size);
  for (const start of lattice.bottomUp) {
    if (status[start] !== 0) continue;
    const chain = [start];
    for (;;) {
      const next = neighbours(lattice, chain[chain.length - 1]!, true).find((y) => status[y] === 0);
      if (next === undefined) break;
      chain.push(next);
    }
    let lo = 0;
    let hi = chain.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const node = chain[mid]!;
      const pass = status[node] === 0 ? check(node) : status[node] === PASS;
      mark(lattice, status, node, pass ? PASS : FAIL);
      if (pass) hi = mid - 1;
      else lo = mid + 1;
    }
  }
  return status;
}

/**
 * The optimum, or null when no node passes. Ties in loss go to the node with the lower sum of levels,
 * then the lower number (first quasi-identifier lowest first).
 */
export function optimalNode(p: Prepared, criteria: Criteria, maxSuppressed: number, metric: MetricName): SearchResult | null {
  const lattice = latticeOf(p.hierarchies.map((h) => h.height));
  const { status, checked } = classify(p, lattice, criteria, maxSuppressed);
  const onlyLowest = MONOTONE_METRIC[metric];
  const candidates: number[] = [];
  for (const node of lattice.bottomUp) {
    // With a monotone metric a node above a passing node cannot do better than it.
    if (status[node] === PASS && !(onlyLowest && neighbours(lattice, node, false).some((y) => status[y] === PASS))) candidates.push(node);
  }
  // Scan in the order of a lower bound that needs no classes; stop once it passes the best loss.
  const bounds = new Map(candidates.map((node) => [node, lowerBound(metric, p, levelsOf(lattice, node))]));
  const bound = (node: number): number => bounds.get(node)!;
  candidates.sort((a, b) => bound(a) - bound(b));
  let best: { node: number; loss: number; sum: number } | null = null;
  for (const node of candidates) {
    if (best && bound(node) > best.loss) break;
    const levels = levelsOf(lattice, node);
    const loss = informationLoss(metric, p, levels, () => outcomeOf(p, levels, criteria));
    const sum = levels.reduce((a, b) => a + b, 0);
    if (best === null || loss < best.loss || (loss === best.loss && (sum < best.sum || (sum === best.sum && node < best.node)))) best = { node, loss, sum };
  }
  if (best === null) return null;
  const levels = levelsOf(lattice, best.node);
  return { levels, informationLoss: best.loss, outcome: outcomeOf(p, levels, criteria), nodes: lattice.size, checked };
}

// Anonymeter's linkability attack on a synthetic table: can two halves of a person's record, held by
// the attacker as separate auxiliary column sets A and B, be tied together through the synthetic data?
import { takeRows, type Table } from '../../src/table/table.ts';
import { streamKey } from '../../src/random/prng.ts';
import { buildSpace, encode, kNearest, type MixedSpace } from './distance.ts';
import { sampleWithoutReplacement, sampleWithReplacement } from './sample.ts';
import { assembleResult, type SyntheticAttackResult } from './result.ts';

export interface LinkabilityOptions {
  original: Table;
  synthetic: Table;
  control?: Table;
  /** The attacker's first set of auxiliary columns. */
  auxA: string[];
  /** The attacker's second set (disjoint from A in the usual setting). */
  auxB: string[];
  /** Targets drawn (without replacement) from the original and, as many, from the control. */
  nAttacks: number;
  /** Neighbours looked up on each side (Anonymeter's n_neighbors; default 1). */
  nNeighbors?: number;
  seed: number | string;
  confidence?: number;
}

/** Targets whose A-neighbour set and B-neighbour set among the synthetic rows intersect. */
function countLinks(
  spaceA: MixedSpace, spaceB: MixedSpace, targets: Table, nTargets: number,
  synA: Float64Array, synB: Float64Array, nSyn: number, k: number,
): number {
  const na = kNearest(spaceA, encode(spaceA, targets, nTargets), nTargets, synA, nSyn, k);
  const nb = kNearest(spaceB, encode(spaceB, targets, nTargets), nTargets, synB, nSyn, k);
  let links = 0;
  for (let t = 0; t < nTargets; t++) {
    if (intersects(na.index.subarray(t * na.k, (t + 1) * na.k), nb.index.subarray(t * nb.k, (t + 1) * nb.k))) links++;
  }
  return links;
}

function intersects(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  for (let i = 0; i < a.length; i++) for (let j = 0; j < b.length; j++) if (a[i] === b[j]) return true;
  return false;
}

/**
 * Runs the linkability attack. For each target, the nNeighbors nearest synthetic rows on A and on B
 * (Gower-like distance) are found; the target's two parts are linked when the sets intersect. The
 * baseline draws both neighbour sets at random; the control runs the same attack on held-out records.
 */
export function evaluateLinkability(o: LinkabilityOptions): SyntheticAttackResult {
  const k = o.nNeighbors ?? 1;
  if (!(Number.isInteger(k) && k >= 1)) throw new Error(`linkability: nNeighbors must be a positive integer, got ${k}`);
  if (o.auxA.length === 0 || o.auxB.length === 0) throw new Error('linkability: auxA and auxB must each name at least one column');
  const tables = o.control ? [o.original, o.synthetic, o.control] : [o.original, o.synthetic];
  const spaceA = buildSpace(tables, o.auxA);
  const spaceB = buildSpace(tables, o.auxB);
  const nSyn = o.synthetic.rows;
  const synA = encode(spaceA, o.synthetic, nSyn);
  const synB = encode(spaceB, o.synthetic, nSyn);

  const mainRows = sampleWithoutReplacement(streamKey(o.seed, 'linkability:targets'), o.original.rows, o.nAttacks);
  const n = mainRows.length;
  const k1 = nSyn === 0 ? 0 : countLinks(spaceA, spaceB, takeRows(o.original, mainRows), n, synA, synB, nSyn, k);

  // Baseline: both neighbour sets drawn uniformly from the synthetic rows (with replacement, like numpy's integers).
  let kb = 0;
  if (nSyn > 0) {
    const ra = sampleWithReplacement(streamKey(o.seed, 'linkability:baseline-a'), nSyn, n * k);
    const rb = sampleWithReplacement(streamKey(o.seed, 'linkability:baseline-b'), nSyn, n * k);
    for (let t = 0; t < n; t++) if (intersects(ra.subarray(t * k, (t + 1) * k), rb.subarray(t * k, (t + 1) * k))) kb++;
  }

  let kc: number | null = null;
  let nc: number | null = null;
  if (o.control) {
    const ctlRows = sampleWithoutReplacement(streamKey(o.seed, 'linkability:control'), o.control.rows, o.nAttacks);
    nc = ctlRows.length;
    kc = nSyn === 0 ? 0 : countLinks(spaceA, spaceB, takeRows(o.control, ctlRows), nc, synA, synB, nSyn, k);
  }

  return assembleResult('linkability', { k: k1, n, kb, nb: n, kc, nc },
    `An attacker holding two separate pieces of a person's record (${o.auxA.join(', ')} | ${o.auxB.join(', ')}) and tying them together through the synthetic data`,
    o.confidence);
}

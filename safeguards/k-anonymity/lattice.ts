// The generalisation lattice: one node per combination of levels (one level per quasi-identifier), node
// a below node b when a's level is at most b's in every column. Nodes are numbered in mixed radix.
// Browser-safe.

export interface Lattice {
  /** heights[j] = number of levels of quasi-identifier j (its hierarchy's height). */
  readonly heights: readonly number[];
  readonly size: number;
  /** Nodes ordered by the sum of their levels, then by number: every node comes after all nodes below it. */
  readonly bottomUp: Int32Array;
}

export function latticeOf(heights: readonly number[]): Lattice {
  const size = heights.reduce((a, h) => a * h, 1);
  if (size > 1 << 24) throw new Error(`the generalisation lattice has ${size} nodes; at most ${1 << 24} are searched`);
  const sums = new Int32Array(size);
  for (let node = 0; node < size; node++) sums[node] = levelsOf({ heights }, node).reduce((a, b) => a + b, 0);
  const bottomUp = Int32Array.from({ length: size }, (_, i) => i).sort((a, b) => sums[a]! - sums[b]! || a - b);
  return { heights, size, bottomUp };
}

/** The levels of a node (the first quasi-identifier varies slowest). */
export function levelsOf(lattice: Pick<Lattice, 'heights'>, node: number): number[] {
  const levels = new Array<number>(lattice.heights.length);
  for (let j = lattice.heights.length - 1; j >= 0; j--) {
    levels[j] = node % lattice.heights[j]!;
    node = Math.floor(node / lattice.heights[j]!);
  }
  return levels;
}

export function nodeOf(lattice: Pick<Lattice, 'heights'>, levels: readonly number[]): number {
  let node = 0;
  for (let j = 0; j < lattice.heights.length; j++) node = node * lattice.heights[j]! + levels[j]!;
  return node;
}

/** The nodes one level above (up = true) or below in one column. */
export function neighbours(lattice: Pick<Lattice, 'heights'>, node: number, up: boolean): number[] {
  const out: number[] = [];
  let stride = 1;
  for (let j = lattice.heights.length - 1; j >= 0; j--) {
    const level = Math.floor(node / stride) % lattice.heights[j]!;
    if (up && level + 1 < lattice.heights[j]!) out.push(node + stride);
    if (!up && level > 0) out.push(node - stride);
    stride *= lattice.heights[j]!;
  }
  return out;
}

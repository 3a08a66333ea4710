// Dense ids for (a, b) pairs of non-negative int32s: an open-addressing hash table on typed arrays,
// reused across many group-bys without clearing (a slot belongs to the current round by its stamp).

export class PairGroups {
  private readonly mask: number;
  private readonly keyA: Int32Array;
  private readonly keyB: Int32Array;
  private readonly id: Int32Array;
  private readonly stamp: Int32Array;
  private round = 0;
  /** Number of distinct pairs seen in the current round. */
  size = 0;

  /** A table for up to `capacity` distinct pairs per round. */
  constructor(capacity: number) {
    let slots = 16;
    while (slots < 2 * capacity) slots *= 2;
    this.mask = slots - 1;
    this.keyA = new Int32Array(slots);
    this.keyB = new Int32Array(slots);
    this.id = new Int32Array(slots);
    this.stamp = new Int32Array(slots);
  }

  /** Forgets every pair: ids restart at 0. */
  reset(): void {
    this.round++;
    this.size = 0;
    if (this.round === 0x7fffffff) {
      this.stamp.fill(0);
      this.round = 1;
    }
  }

  /** The dense id of (a, b) in this round, a new one (= previous size) when the pair is new. */
  idOf(a: number, b: number): number {
    let h = Math.imul(a ^ Math.imul(b, 0x9e3779b1), 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
    let slot = h & this.mask;
    const { keyA, keyB, stamp, round } = this;
    while (stamp[slot] === round) {
      if (keyA[slot] === a && keyB[slot] === b) return this.id[slot];
      slot = (slot + 1) & this.mask;
    }
    stamp[slot] = round;
    keyA[slot] = a;
    keyB[slot] = b;
    this.id[slot] = this.size;
    return this.size++;
  }
}

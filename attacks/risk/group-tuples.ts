// Grouping kernel: rows grouped by the tuple of their codes, with exact packed integer keys, direct
// addressing for small key spaces and a cache-partitioned hash otherwise. No object or string per row.
// Browser-safe.

export const SAFE = 2 ** 53;
/** Rows grouped by the tuple of their codes: ids in order of first appearance. */
export interface TupleGroups {
  readonly ids: Int32Array;
  readonly distinct: number;
  /** first[g] is the first row of group g. */
  readonly first: Int32Array;
}

/** Groups of exact integer keys, with a lookup of a key's group (-1 when absent). */
export interface KeyIndex extends TupleGroups {
  lookup(key: number): number;
}

/**
 * Group `count` rows by the tuple (cols[0][i], cols[1][i], ...), MISSING counting as a value of its
 * own; cols[j] holds codes in [-1, sizes[j]). Codes are packed into one exact integer key per row
 * (mixed radix, < 2^53), then the keys are grouped (see {@link groupKeys}). When the packed key would
 * pass 2^53 the columns are grouped in chunks, each chunk's key starting from the previous chunk's
 * dense ids. O(rows x columns). Limit: throws when (groups so far) x (dictionary size + 1) of one
 * column passes 2^53, which needs more than 94 million rows.
 */
export function groupTuples(cols: readonly Int32Array[], sizes: readonly number[], count: number): TupleGroups {
  if (cols.length === 0 || count === 0) {
    return { ids: new Int32Array(count), distinct: count > 0 ? 1 : 0, first: new Int32Array(count > 0 ? 1 : 0) };
  }
  const keys = new Float64Array(count);
  let groups: TupleGroups | null = null;
  for (let j = 0; j < cols.length; ) {
    let product: number = groups ? groups.distinct : 1;
    let end = j;
    while (end < cols.length && product * (sizes[end]! + 1) <= SAFE) product *= sizes[end++]! + 1;
    if (end === j) {
      throw new Error(`groupTuples: ${count} rows with a dictionary of ${sizes[j]} values exceed exact 53-bit keys`);
    }
    if (groups) keys.set(groups.ids);
    else keys.fill(0);
    for (let c = j; c < end; c++) {
      const radix = sizes[c]! + 1;
      const col = cols[c]!;
      for (let i = 0; i < count; i++) keys[i] = keys[i]! * radix + col[i]! + 1;
    }
    groups = groupKeys(keys, product);
    j = end;
  }
  return groups!;
}

/**
 * Group exact integer keys in [0, space) into dense ids in order of first appearance: direct
 * addressing when the space is small, else a hash partitioned by the top hash bits so that each
 * partition's table stays in cache (about twice as fast as one big table at 10M keys).
 */
export function groupKeys(keys: Float64Array, space: number): TupleGroups {
  if (space <= Math.max(1 << 16, 2 * keys.length)) return indexDirect(keys, space);
  return keys.length <= 1 << 16 ? indexHashed(keys) : groupPartitioned(keys);
}

/** Group keys and keep an index for lookups: direct addressing or one hash table. */
export function indexKeys(keys: Float64Array, space: number): KeyIndex {
  return space <= Math.max(1 << 16, 2 * keys.length) ? indexDirect(keys, space) : indexHashed(keys);
}

function indexDirect(keys: Float64Array, space: number): KeyIndex {
  const slot = new Int32Array(space).fill(-1);
  const ids = new Int32Array(keys.length);
  const first: number[] = [];
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]!;
    let g = slot[k]!;
    if (g < 0) {
      g = first.length;
      slot[k] = g;
      first.push(i);
    }
    ids[i] = g;
  }
  const lookup = (k: number): number => (k >= 0 && k < space ? slot[k]! : -1);
  return { ids, distinct: first.length, first: Int32Array.from(first), lookup };
}

/** A 32-bit mix of an exact integer key (< 2^53): the hash tables here and the hash partitions of sharded summaries use it. */
export function hashKey(k: number): number {
  const lo = k >>> 0;
  const hi = (k / 4294967296) >>> 0;
  let h = Math.imul(lo ^ Math.imul(hi, 0x27d4eb2f), 0x9e3779b1);
  h ^= h >>> 15;
  h = Math.imul(h, 0x85ebca77);
  return h ^ (h >>> 13);
}

/** One open-addressing table (linear probing) of group ids; it grows at load 1/2. */
function indexHashed(keys: Float64Array): KeyIndex {
  let cap = 1024;
  let mask = cap - 1;
  let slots = new Int32Array(cap).fill(-1);
  let groupKey = new Float64Array(cap >>> 1);
  let first = new Int32Array(cap >>> 1);
  let distinct = 0;
  const ids = new Int32Array(keys.length);
  for (let i = 0; i < keys.length; i++) {
    if (distinct * 2 >= cap) {
      cap *= 2;
      mask = cap - 1;
      slots = new Int32Array(cap).fill(-1);
      for (let g = 0; g < distinct; g++) {
        let h = hashKey(groupKey[g]!) & mask;
        while (slots[h] !== -1) h = (h + 1) & mask;
        slots[h] = g;
      }
      const gk = new Float64Array(cap >>> 1);
      gk.set(groupKey);
      groupKey = gk;
      const fr = new Int32Array(cap >>> 1);
      fr.set(first);
      first = fr;
    }
    const k = keys[i]!;
    let h = hashKey(k) & mask;
    let g: number;
    for (;;) {
      g = slots[h]!;
      if (g === -1) {
        g = distinct++;
        slots[h] = g;
        groupKey[g] = k;
        first[g] = i;
        break;
      }
      if (groupKey[g] === k) break;
      h = (h + 1) & mask;
    }
    ids[i] = g;
  }
  const [finalSlots, finalKeys, finalMask] = [slots, groupKey, mask]; // constants for the closure
  const lookup = (k: number): number => {
    for (let h = hashKey(k) & finalMask; ; h = (h + 1) & finalMask) {
      const g = finalSlots[h]!;
      if (g === -1) return -1;
      if (finalKeys[g] === k) return g;
    }
  };
  return { ids, distinct, first: first.slice(0, distinct), lookup };
}

/**
 * Radix-partition the rows by the top bits of the key's hash (about 8K rows per partition), group each
 * partition in a small table, then renumber the groups in order of first appearance.
 */
function groupPartitioned(keys: Float64Array): TupleGroups {
  const n = keys.length;
  let bits = 1;
  while (n >>> bits > 8192 && bits < 16) bits++;
  const parts = 1 << bits;
  const shift = 32 - bits;
  const hashes = new Int32Array(n);
  const start = new Int32Array(parts + 1);
  for (let i = 0; i < n; i++) {
    const h = hashKey(keys[i]!);
    hashes[i] = h;
    start[(h >>> shift) + 1]!++;
  }
  for (let p = 0; p < parts; p++) start[p + 1]! += start[p]!;
  const fill = start.slice(0, parts);
  const order = new Int32Array(n); // rows by partition, ascending within each
  for (let i = 0; i < n; i++) order[fill[hashes[i]! >>> shift]!++] = i;
  let largest = 0;
  for (let p = 0; p < parts; p++) largest = Math.max(largest, start[p + 1]! - start[p]!);
  let cap = 16;
  while (cap < 2 * largest) cap *= 2;
  const slots = new Int32Array(cap);
  const localKey = new Float64Array(largest);
  const provisional = new Int32Array(n);
  let distinct = 0;
  for (let p = 0; p < parts; p++) {
    const a = start[p]!;
    const b = start[p + 1]!;
    let size = 16;
    while (size < 2 * (b - a)) size *= 2;
    const mask = size - 1;
    slots.fill(-1, 0, size);
    let local = 0;
    for (let t = a; t < b; t++) {
      const i = order[t]!;
      const k = keys[i]!;
      let h = hashes[i]! & mask;
      let g: number;
      for (;;) {
        g = slots[h]!;
        if (g === -1) {
          g = local++;
          slots[h] = g;
          localKey[g] = k;
          break;
        }
        if (localKey[g] === k) break;
        h = (h + 1) & mask;
      }
      provisional[i] = distinct + g;
    }
    distinct += local;
  }
  const remap = new Int32Array(distinct).fill(-1);
  const ids = new Int32Array(n);
  const first = new Int32Array(distinct);
  for (let i = 0, next = 0; i < n; i++) {
    const t = provisional[i]!;
    let g = remap[t]!;
    if (g < 0) {
      g = next++;
      remap[t] = g;
      first[g] = i;
    }
    ids[i] = g;
  }
  return { ids, distinct, first };
}

/** Groups rows by code (counting sort, stable; a negative code is in no group): members of code k are order[start[k]..start[k+1]). */
export function groupByCode(codes: Int32Array, nCodes: number): { start: Int32Array; order: Int32Array } {
  const start = new Int32Array(nCodes + 1);
  for (let i = 0; i < codes.length; i++) if (codes[i]! >= 0) start[codes[i]! + 1]!++;
  for (let k = 0; k < nCodes; k++) start[k + 1]! += start[k]!;
  const fill = start.slice(0, nCodes);
  const order = new Int32Array(start[nCodes]!);
  for (let i = 0; i < codes.length; i++) {
    const k = codes[i]!;
    if (k < 0) continue;
    order[fill[k]!++] = i;
  }
  return { start, order };
}

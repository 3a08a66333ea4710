// Walker's alias method: O(1) weighted choice from typed arrays.

export interface AliasTable {
  readonly size: number;
  readonly prob: Float64Array;
  readonly alias: Int32Array;
}

export function aliasTable(weights: ArrayLike<number>): AliasTable {
  const n = weights.length;
  if (n === 0) throw new Error('aliasTable: no weights');
  let total = 0;
  for (let i = 0; i < n; i++) {
    const w = weights[i];
    if (!(w >= 0) || !Number.isFinite(w)) throw new Error(`aliasTable: weight ${i} is ${w}`);
    total += w;
  }
  if (total <= 0) throw new Error('aliasTable: weights sum to zero');
  const prob = new Float64Array(n);
  const alias = new Int32Array(n);
  const scaled = new Float64Array(n);
  const small = new Int32Array(n);
  const large = new Int32Array(n);
  let ns = 0;
  let nl = 0;
  for (let i = 0; i < n; i++) {
    scaled[i] = (weights[i] * n) / total;
    if (scaled[i] < 1) small[ns++] = i;
    else large[nl++] = i;
  }
  while (ns > 0 && nl > 0) {
    const s = small[--ns];
    const l = large[--nl];
    prob[s] = scaled[s];
    alias[s] = l;
    scaled[l] = scaled[l] + scaled[s] - 1;
    if (scaled[l] < 1) small[ns++] = l;
    else large[nl++] = l;
  }
  while (nl > 0) prob[large[--nl]] = 1;
  while (ns > 0) prob[small[--ns]] = 1; // rounding leftovers
  return { size: n, prob, alias };
}

/** Picks an index with two uniforms in [0,1). */
export function aliasPick(t: AliasTable, u1: number, u2: number): number {
  const i = Math.floor(u1 * t.size);
  return u2 < t.prob[i] ? i : t.alias[i];
}

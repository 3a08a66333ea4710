// Packed class keys: the codes of a record's quasi-identifiers packed into one exact integer < 2^53
// (mixed radix), so a class is a key and counting classes is counting equal numbers. Browser-safe.
import { SAFE } from './group-tuples.ts';

/** The radices (number of codes of each column) checked to give keys below 2^53; returns the key space. */
export function keySpace(radices: readonly number[]): number {
  let space = 1;
  for (const r of radices) {
    if (!Number.isSafeInteger(r) || r < 1) throw new Error(`packed keys: a radix must be a whole number >= 1, got ${r}`);
    space *= r;
  }
  if (space > SAFE) throw new Error(`packed keys: ${radices.join(' x ')} = ${space} codes exceed exact 53-bit keys`);
  return space;
}

/**
 * out[at + i] = ((cols[0][i] * radices[1] + cols[1][i]) * radices[2] + ...) for i < count: the packed
 * key of record i. cols[j][i] must be a whole number in [0, radices[j]). Column by column, no object per row.
 */
export function packCodes(cols: readonly ArrayLike<number>[], radices: readonly number[], count: number, out: Float64Array, at = 0): void {
  if (cols.length !== radices.length) throw new Error(`packCodes: ${cols.length} columns but ${radices.length} radices`);
  keySpace(radices);
  if (at < 0 || at + count > out.length) throw new Error(`packCodes: ${count} keys at ${at} do not fit in ${out.length}`);
  out.fill(0, at, at + count);
  for (let j = 0; j < cols.length; j++) {
    const col = cols[j]!;
    const radix = radices[j]!;
    if (col.length < count) throw new Error(`packCodes: column ${j} has ${col.length} codes, fewer than ${count}`);
    for (let i = 0; i < count; i++) {
      const c = col[i]!;
      if (!(c >= 0 && c < radix) || c !== Math.floor(c)) throw new Error(`packCodes: code ${c} of record ${i} in column ${j} is not in [0, ${radix})`);
      out[at + i] = out[at + i]! * radix + c;
    }
  }
}

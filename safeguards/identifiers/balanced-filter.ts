// Balanced Bloom filters (Berger and Schnell 2016): a filter of l bits is followed by its complement and
// the 2l bits are shuffled by a secret permutation, so every encoding sets exactly l bits and its fill
// no longer tells how long the value is. Equal values still give equal encodings. Browser-safe.
import { permutation } from '../../src/random/permutation.ts';
import { bytesFor, hasBit, setBit } from './bit-strings.ts';

/** A balancer for filters of `length` bits under a secret permutation key (reuse it for every record). */
export function balancer(length: number, key: number): (filter: Uint8Array) => Uint8Array {
  const perm = permutation(2 * length, key);
  const target = Int32Array.from({ length: 2 * length }, (_, j) => perm.apply(j));
  return (filter) => {
    const out = new Uint8Array(bytesFor(2 * length));
    for (let j = 0; j < length; j++) setBit(out, target[hasBit(filter, j) ? j : length + j]!);
    return out;
  };
}

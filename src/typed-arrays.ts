// Growable buffers of typed arrays (pairs, candidates, claim order). Browser-safe.

/** A typed array of twice the length holding a's values: the growth step of a growable buffer. */
export function doubled<T extends Int32Array | Uint8Array | Float64Array>(a: T): T {
  const b = new (a.constructor as new (n: number) => T)(Math.max(1, a.length * 2));
  b.set(a);
  return b;
}

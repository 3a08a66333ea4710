// The q-grams of a value, as a Bloom-filter encoding splits it: with padding, q-1 pad characters at each
// end, so first and last letters count as much as inner ones ('SMITH', q = 2: _S SM MI IT TH H_).

export const PAD = '_';

/** Distinct q-grams of text, in order of first appearance (code points, not UTF-16 units). */
export function qgrams(text: string, q: number, padded: boolean): string[] {
  if (text === '') return [];
  const pad = padded ? PAD.repeat(q - 1) : '';
  const chars = Array.from(pad + text + pad);
  // Unpadded text shorter than q is one gram of its own, so it still sets bits.
  if (chars.length < q) return [chars.join('')];
  const grams = new Set<string>();
  for (let i = 0; i + q <= chars.length; i++) grams.add(chars.slice(i, i + q).join(''));
  return [...grams];
}

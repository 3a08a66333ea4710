// Replaces a column's values entry by entry: each used dictionary entry becomes its pseudonym (or missing),
// equal pseudonyms share one entry, and entries no row uses are left out, so a release's dictionary holds
// nothing about rows that are not in it.
import type { TextColumn } from '../../src/table/table.ts';

/** Row i becomes outputs[codes[i]] (missing when the code is missing or the output is null). */
export function recoded(codes: Int32Array, outputs: readonly (string | null)[]): TextColumn {
  const next = new Int32Array(outputs.length).fill(-2); // -2: not seen yet
  const dictionary: string[] = [];
  const index = new Map<string, number>();
  const out = new Int32Array(codes.length);
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i]!;
    if (c < 0) {
      out[i] = -1;
      continue;
    }
    let n = next[c]!;
    if (n === -2) {
      const v = outputs[c] ?? null;
      if (v === null) n = -1;
      else {
        n = index.get(v) ?? dictionary.length;
        if (n === dictionary.length) {
          dictionary.push(v);
          index.set(v, n);
        }
      }
      next[c] = n;
    }
    out[i] = n;
  }
  return { kind: 'text', codes: out, dictionary };
}

/** Rows with a value, and distinct values, of a text column. */
export function presence(c: TextColumn): { rows: number; distinct: number } {
  let rows = 0;
  for (let i = 0; i < c.codes.length; i++) if (c.codes[i]! >= 0) rows++;
  return { rows, distinct: c.dictionary.length };
}

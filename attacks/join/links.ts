// Links an attack proposes: row pairs between two visible tables, with a score. Attacks return these;
// only the scorer, outside the attack, joins them with the truth (DESIGN contract 1).

export interface Links {
  readonly left: Int32Array;
  readonly right: Int32Array;
  /** Higher is more confident; 1 for deterministic joins. */
  readonly score: Float64Array;
}

export function linksOf(left: number[], right: number[], score?: number[]): Links {
  return { left: Int32Array.from(left), right: Int32Array.from(right), score: score ? Float64Array.from(score) : new Float64Array(left.length).fill(1) };
}

/** Text of a row's key over several columns, or null when any part is missing. */
export function keyOf(columns: readonly (readonly (string | null)[])[], i: number, normalise: (s: string) => string = (s) => s): string | null {
  let key = '';
  for (let j = 0; j < columns.length; j++) {
    const v = columns[j]![i];
    if (v === null || v === undefined || v === '') return null;
    key += (j ? '\u0001' : '') + normalise(v);
  }
  return key;
}

/** Rows of a table grouped by key (rows with a missing part left out). */
export function indexBy(columns: readonly (readonly (string | null)[])[], records: number, normalise?: (s: string) => string): Map<string, number[]> {
  const index = new Map<string, number[]>();
  for (let i = 0; i < records; i++) {
    const k = keyOf(columns, i, normalise);
    if (k === null) continue;
    const rows = index.get(k);
    if (rows) rows.push(i);
    else index.set(k, [i]);
  }
  return index;
}

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

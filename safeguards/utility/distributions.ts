// Value distributions of a table's columns, and the total-variation distance between two of them:
// how far a released column's marginal is from the original's (0 = the same, 1 = nothing in common).
// Browser-safe.
import { columnOf, columnLength, textAt, type Table } from '../../src/table/table.ts';

/** Share of rows per value (missing counted as its own value, keyed ''); rows weighted by `weights` when given. */
export function distributionOf(table: Table, column: string, weights?: Float64Array): Map<string | null, number> {
  const c = columnOf(table, column);
  const n = columnLength(c);
  const mass = new Map<string | null, number>();
  let total = 0;
  for (let i = 0; i < n; i++) {
    const w = weights ? weights[i]! : 1;
    if (!(w > 0)) continue;
    const v = textAt(c, i);
    mass.set(v, (mass.get(v) ?? 0) + w);
    total += w;
  }
  if (total > 0) for (const [v, m] of mass) mass.set(v, m / total);
  return mass;
}

/** Total-variation distance: half the summed absolute difference of the two shares over every value. */
export function totalVariation(p: ReadonlyMap<string | null, number>, q: ReadonlyMap<string | null, number>): number {
  let sum = 0;
  for (const [v, a] of p) sum += Math.abs(a - (q.get(v) ?? 0));
  for (const [v, b] of q) if (!p.has(v)) sum += b;
  return Math.min(1, sum / 2);
}

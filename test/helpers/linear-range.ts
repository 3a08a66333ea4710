// A small dense two-phase simplex (Bland's rule) for tests: the range of one variable over
// { x >= 0 : A x = b }. Exact enough for the small integer systems of suppressed count tables.
const EPS = 1e-9;

/** The least and greatest value x_k can take subject to A x = b, x >= 0 (throws when infeasible). */
export function linearRange(A: readonly number[][], b: readonly number[], k: number): { min: number; max: number } {
  const n = A[0]?.length ?? 0;
  const unit = Array.from({ length: n }, (_, j) => (j === k ? 1 : 0));
  return { min: -maximize(A, b, unit.map((v) => -v)), max: maximize(A, b, unit) };
}

/** max c.x subject to A x = b, x >= 0; Infinity when unbounded. */
export function maximize(A: readonly number[][], b: readonly number[], c: readonly number[]): number {
  const m = A.length;
  const n = c.length;
  const width = n + m + 1;
  let rows = A.map((row, i) => {
    const sign = b[i]! < 0 ? -1 : 1;
    const r = new Array<number>(width).fill(0);
    row.forEach((v, j) => (r[j] = sign * v));
    r[n + i] = 1;
    r[width - 1] = sign * b[i]!;
    return r;
  });
  let basis = Array.from({ length: m }, (_, i) => n + i);
  // phase 1: maximise -(sum of artificials)
  const phase1 = new Array<number>(width).fill(0);
  for (let i = 0; i < m; i++) phase1[n + i] = 1;
  for (const r of rows) for (let j = 0; j < width; j++) phase1[j]! -= r[j]!;
  iterate(rows, basis, phase1, width - 1);
  if (phase1[width - 1]! < -1e-7) throw new Error('infeasible');
  // drive artificials out of the basis; a row with nothing left is redundant
  for (let i = rows.length - 1; i >= 0; i--) {
    if (basis[i]! < n) continue;
    const j = rows[i]!.findIndex((v, col) => col < n && Math.abs(v) > EPS);
    if (j < 0) {
      rows.splice(i, 1);
      basis.splice(i, 1);
    } else pivot(rows, basis, [], i, j);
  }
  rows = rows.map((r) => r.map((v, j) => (j >= n && j < width - 1 ? 0 : v)));
  const objective = new Array<number>(width).fill(0);
  c.forEach((v, j) => (objective[j] = -v));
  rows.forEach((r, i) => {
    const f = objective[basis[i]!]!;
    if (f !== 0) for (let j = 0; j < width; j++) objective[j]! -= f * r[j]!;
  });
  return iterate(rows, basis, objective, n) ? objective[width - 1]! : Infinity;
}

/** Pivot until optimal (true) or unbounded (false); columns >= `columns` never enter. */
function iterate(rows: number[][], basis: number[], objective: number[], columns: number): boolean {
  for (;;) {
    let enter = -1;
    for (let j = 0; j < columns; j++) if (objective[j]! < -EPS) { enter = j; break; }
    if (enter < 0) return true;
    let leave = -1;
    let best = Infinity;
    rows.forEach((r, i) => {
      if (r[enter]! <= EPS) return;
      const ratio = r[r.length - 1]! / r[enter]!;
      if (ratio < best - EPS || (ratio < best + EPS && basis[i]! < basis[leave]!)) [best, leave] = [ratio, i];
    });
    if (leave < 0) return false;
    pivot(rows, basis, objective, leave, enter);
  }
}

function pivot(rows: number[][], basis: number[], objective: number[], i: number, j: number): void {
  const p = rows[i]!;
  const f = p[j]!;
  for (let c = 0; c < p.length; c++) p[c]! /= f;
  for (const r of [...rows, objective]) {
    if (r === p || r.length === 0 || r[j] === 0) continue;
    const g = r[j]!;
    for (let c = 0; c < p.length; c++) r[c]! -= g * p[c]!;
  }
  basis[i] = j;
}

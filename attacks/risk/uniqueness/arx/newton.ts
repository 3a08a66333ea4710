// ARX's two-dimensional Newton-Raphson solver (the de.linearbits newtonraphson library as ARX
// configures it), reimplemented from its behaviour: where it starts, when it gives up, what it accepts.

/** F(x) and its Jacobian J at x = (x, y); NaN entries are allowed (the solver then moves on). */
export interface NewtonSystem {
  (x: number, y: number): { f1: number; f2: number; j11: number; j12: number; j21: number; j22: number };
}

/** ARX's solver settings (ARXSolverConfiguration's defaults). */
export const ARX_ACCURACY = 1e-6;
const ITERATIONS_PER_START = 1000;

/** ARX's prepared start values: {0, 0.33, 0.66, 0.99}^2, built by the same repeated float addition. */
const GRID: readonly (readonly [number, number])[] = (() => {
  const steps: number[] = [];
  for (let v = 0; v < 1; v += 0.33) steps.push(v);
  return steps.flatMap((a) => steps.map((b) => [a, b] as const));
})();
/** The library caps all iterations at (starts + 1) x iterations per start. */
const ITERATIONS_TOTAL = (GRID.length + 1) * ITERATIONS_PER_START;

export interface ArxSolution {
  readonly x: number;
  readonly y: number;
  /** Newton iterations over all starts. */
  readonly iterations: number;
}

/**
 * Solves F = 0 as ARX does: from `start`, then from each grid point in turn; accepts the first point
 * where |F1| and |F2| are both <= 1e-6 (checked before each step). A start is abandoned when a step
 * breaks `keep`, gives NaN, or after 1001 steps. Quirk kept: once the last grid point has been taken,
 * the search ends after its first step, so that start is tried for one step only. ARX also stops on
 * wall-clock limits (100 ms per start, 1 s in all); those are left out here so results are reproducible.
 * Returns NaN coordinates when no start converges.
 */
export function solveLikeArx(system: NewtonSystem, start: readonly [number, number], keep?: (x: number, y: number) => boolean): ArxSolution {
  let total = 0;
  let nextGrid = 0;
  let first = true;
  outer: while (total <= ITERATIONS_TOTAL) {
    let [x, y] = first ? start : GRID[nextGrid++]!;
    first = false;
    let steps = 0;
    for (;;) {
      total++;
      const e = system(x, y);
      if (Math.abs(e.f1) <= ARX_ACCURACY && Math.abs(e.f2) <= ARX_ACCURACY) return { x, y, iterations: total };
      const det = e.j11 * e.j22 - e.j12 * e.j21;
      x -= (e.j22 * e.f1 - e.j12 * e.f2) / det;
      y -= (e.j11 * e.f2 - e.j21 * e.f1) / det;
      if (nextGrid === GRID.length) break outer;
      if (keep && !keep(x, y)) break;
      if (Number.isNaN(x) || Number.isNaN(y) || steps++ >= ITERATIONS_PER_START) break;
    }
  }
  return { x: NaN, y: NaN, iterations: total };
}

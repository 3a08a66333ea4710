// SNB as ARX implements it (ModelSNB), for `--compat arx`. It differs from ../snb.ts in three ways,
// each kept here on purpose: the c2 equation multiplies by D^(alpha+2) where the model divides, the
// Newton step uses the Jacobian of the model's (dividing) equations, and the estimate of K subtracts
// 1 once per histogram entry. Reimplemented from ARX's behaviour, not its code.
import { estimate, failed, type Sample, type UniquenessEstimate } from '../input.ts';
import { solveLikeArx, type NewtonSystem } from './newton.ts';

/**
 * ARX's Shlosser-type estimate of K: as ../snb.ts's shlosserClasses, except that the denominator sum
 * adds (1-f)^i c_i (1+f)^i - 1 per class size (ARX's operator precedence), not ((1+f)^i - 1)(1-f)^i c_i.
 */
export function arxShlosserClasses(s: Sample): number {
  const f = s.f;
  let a = 0, b = 0, c = 0, d = 0;
  for (let k = 0; k < s.sizes.length; k++) {
    const i = s.sizes[k]!;
    const ci = s.counts[k]!;
    const p = Math.pow(1 - f, i) * ci;
    a += i * f * f * Math.pow(1 - f * f, i - 1) * ci;
    b += p * Math.pow(1 + f, i) - 1;
    c += p;
    d += i * f * Math.pow(1 - f, i - 1) * ci;
  }
  return s.u + s.c1 * (a / b) * (c / d) * (c / d);
}

/**
 * The moment equations as ARX evaluates them (x = alpha, y = beta), with d = (1-f)(1-beta), D = 1-d:
 *   E1 = K f (beta/D)^alpha (1 + alpha d/D),  E2 = K alpha beta^alpha f^2 (1-beta) D^(alpha+2) (2 - (1-alpha) d) / 2,
 * and, for the step, the Jacobian of E1 and of the dividing E2 = ... / D^(alpha+2), written without
 * 1/(1-beta) so that the start beta = 1 is finite, as in ARX.
 */
function arxEquations(K: number, f: number, c1: number, c2: number): NewtonSystem {
  return (a, b) => {
    const d = (1 - f) * (1 - b);
    const D = 1 - d;
    const C = 2 - (1 - a) * d;
    const A = Math.pow(b / D, a);
    const B = 1 + (a * d) / D;
    const Da = Math.pow(D, a + 2);
    const ba = Math.pow(b, a);
    const half = (K * f * f) / 2;
    // The dividing E2 = half a b^a (1-b) C / D^(a+2); its partial derivatives, term by term.
    const dE2da = (half * (1 - b) * ba * (C + a * Math.log(b) * C + a * d - a * C * Math.log(D))) / Da;
    const dE2db =
      (half * a * (a * Math.pow(b, a - 1) * (1 - b) * C - ba * C + ba * (1 - b) * (1 - a) * (1 - f) - ((a + 2) * (1 - f) * ba * (1 - b) * C) / D)) / Da;
    return {
      f1: K * f * A * B - c1,
      f2: half * a * ba * (1 - b) * Da * C - c2,
      j11: K * f * A * (Math.log(b / D) * B + d / D),
      j12: K * f * A * (a * (1 / b - (1 - f) / D) * B - (a * (1 - f)) / (D * D)),
      j21: dE2da,
      j22: dE2db,
    };
  };
}

/** ARX's SNB estimate: solve from (alpha, beta) = (1, 1), then ARX's grid; U = K beta^alpha. */
export function arxSnb(s: Sample): UniquenessEstimate {
  const K = arxShlosserClasses(s);
  const fit = solveLikeArx(arxEquations(K, s.f, s.c1, s.c2), [1, 1]);
  const parameters = { alpha: fit.x, beta: fit.y, populationClasses: K, iterations: fit.iterations };
  const uniques = K * Math.pow(fit.y, fit.x);
  if (Number.isNaN(uniques)) return failed('SNB (ARX): the fit did not converge', parameters);
  return estimate(uniques, s.N, undefined, parameters);
}

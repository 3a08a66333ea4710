// Pitman's estimator as ARX computes it (ModelPitman): the same likelihood as ../pitman.ts, but ARX's
// solver, ARX's special functions, its fallback to plain sums, and its acceptance rule for the fit.
import { estimate, failed, type Sample, type UniquenessEstimate } from '../input.ts';
import { arxDigamma, arxGamma, arxLogGamma, arxTrigamma } from './gamma.ts';
import { ARX_ACCURACY, solveLikeArx, type NewtonSystem } from './newton.ts';

/**
 * The score and Hessian of the Pitman log-likelihood in closed form (digamma/trigamma), evaluated
 * with ARX's special functions: x = theta, y = alpha.
 */
function closedForm(s: Sample): NewtonSystem {
  const m = s.u - 1;
  return (t, a) => {
    const x = t / a;
    const psiEnd = arxDigamma(x + m + 1);
    const psiStart = arxDigamma(x + 1);
    const triEnd = arxTrigamma(x + m + 1);
    const triStart = arxTrigamma(x + 1);
    // sums over i = 1..u-1 of 1/(t+ia), i/(t+ia), 1/(t+ia)^2, i/(t+ia)^2, i^2/(t+ia)^2
    const s1 = (psiEnd - psiStart) / a;
    const t1 = (a * m - t * (psiEnd - psiStart)) / (a * a);
    const s2 = (triStart - triEnd) / (a * a);
    const t2 = (a * (psiEnd - psiStart) - t * (triStart - triEnd)) / (a * a * a);
    const q2 = (a * a * m + t * t * (triStart - triEnd) - 2 * a * t * (psiEnd - psiStart)) / (a * a * a * a);
    const o2 = arxDigamma(s.n + t) - arxDigamma(t + 1);
    const d2 = arxTrigamma(t + 1) - arxTrigamma(s.n + t);
    let o4 = 0;
    let d4 = 0;
    const psiBase = arxDigamma(1 - a);
    const triBase = arxTrigamma(1 - a);
    for (let k = 0; k < s.sizes.length; k++) {
      const j = s.sizes[k]!;
      if (j === 1) continue;
      o4 += s.counts[k]! * (arxDigamma(j - a) - psiBase);
      d4 += s.counts[k]! * (triBase - arxTrigamma(j - a));
    }
    return { f1: s1 - o2, f2: t1 - o4, j11: d2 - s2, j12: -t2, j21: -t2, j22: -q2 - d4 };
  };
}

/** The same score and Hessian by plain summation, term by term, as ARX's fallback does. */
function termByTerm(s: Sample): NewtonSystem {
  return (t, a) => {
    let s1 = 0, t1 = 0, s2 = 0, t2 = 0, q2 = 0;
    for (let i = 1; i < s.u; i++) {
      const inv = 1 / (t + i * a);
      s1 += inv;
      t1 += i * inv;
      s2 += inv * inv;
      t2 += i * inv * inv;
      q2 += i * i * inv * inv;
    }
    let o4 = 0, d4 = 0;
    for (let k = 0; k < s.sizes.length; k++) {
      const j = s.sizes[k]!;
      let inner = 0, inner2 = 0;
      for (let l = 1; l < j; l++) {
        inner += 1 / (l - a);
        inner2 += 1 / ((l - a) * (l - a));
      }
      o4 += s.counts[k]! * inner;
      d4 += s.counts[k]! * inner2;
    }
    let o2 = 0, d2 = 0;
    for (let i = 1; i < s.n; i++) {
      o2 += 1 / (t + i);
      d2 += 1 / ((t + i) * (t + i));
    }
    return { f1: s1 - o2, f2: t1 - o4, j11: d2 - s2, j12: -t2, j21: -t2, j22: -q2 - d4 };
  };
}

const thetaNotNegative = (t: number) => t >= 0;

/**
 * ARX's Pitman estimate: fit by the closed-form system from the moment start (then ARX's grid); if that
 * fails, or the fit does not satisfy the term-by-term score equations to 1e-6, refit term by term.
 * U = Gamma(theta+1)/Gamma(theta+alpha) N^alpha, computed by log-gammas and by gammas; each is kept
 * if it lies in [0, N], and the larger is taken. Unlike ../pitman.ts, a negative alpha is accepted.
 */
export function arxPitman(s: Sample): UniquenessEstimate {
  const { n, u, c1 } = s;
  const c2 = s.c2 !== 0 ? s.c2 : 1;
  const c = (c1 * (c1 - 1)) / c2;
  const theta0 = (n * u * c - c1 * (n - 1) * (2 * u + c)) / (2 * c1 * u + c1 * c - n * c);
  const alpha0 = (theta0 * (c1 - n) + (n - 1) * c1) / (n * u);
  const start = [theta0, alpha0] as const;
  let fit = solveLikeArx(closedForm(s), start, thetaNotNegative);
  let method = 'closed form';
  const sums = termByTerm(s);
  const check = Number.isNaN(fit.x) ? null : sums(fit.x, fit.y);
  if (!check || !(Math.abs(check.f1) <= ARX_ACCURACY && Math.abs(check.f2) <= ARX_ACCURACY)) {
    fit = solveLikeArx(sums, start, thetaNotNegative);
    method = 'term by term';
  }
  const { x: theta, y: alpha } = fit;
  const parameters = { theta, alpha, iterations: fit.iterations };
  if (Number.isNaN(theta) || Number.isNaN(alpha)) return failed(`Pitman (ARX): the fit did not converge (${method})`);
  if (alpha === 0) return failed('Pitman (ARX): the fitted alpha is 0', parameters);
  const inRange = (v: number) => (v >= 0 && v <= s.N ? v : NaN);
  const byLogs = inRange(Math.exp(arxLogGamma(theta + 1) - arxLogGamma(theta + alpha)) * Math.pow(s.N, alpha));
  const byGammas = inRange((arxGamma(theta + 1) / arxGamma(theta + alpha)) * Math.pow(s.N, alpha));
  const uniques = Number.isNaN(byLogs) ? byGammas : Number.isNaN(byGammas) ? byLogs : Math.max(byLogs, byGammas);
  if (Number.isNaN(uniques)) return failed(`Pitman (ARX): the fitted model (theta ${theta}, alpha ${alpha}) gives no U in [0, N]`, parameters);
  return estimate(uniques, s.N, undefined, parameters);
}

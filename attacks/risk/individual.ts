// Individual risk of Benedetti & Franconi (mu-Argus, sdcMicro indivRisk / measure_risk) for a sample
// with survey weights: the population class size F is unknown, estimated from the weights as F_k;
// given the sample frequency f, F - f is negative binomial with p = f_k / F_k, and the risk of a
// record is E[1/F | f]. Browser-safe.

/** Per-record individual risk and its global figures. */
export interface IndividualRisk {
  /** r_i = E[1/F | f_i] (see {@link individualRisk}). */
  readonly risk: Float64Array;
  /** Mean of r_i: the expected share of records re-identified. */
  readonly globalRisk: number;
  /** Sum of r_i: the expected number of re-identifications. */
  readonly expectedReidentifications: number;
  /** max_i r_i. */
  readonly maxRisk: number;
}

export interface IndividualRiskOptions {
  /** 'approx' (sdcMicro default) or 'exact'. */
  readonly method?: 'approx' | 'exact';
}

/**
 * Benedetti-Franconi individual risk, p = f/F (REFERENCE 5):
 * - f = F: 1/f (the class is the whole population class);
 * - f = 1: p/(1-p) ln(1/p);  f = 2: p/(1-p) - (p/(1-p))^2 ln(1/p)  (both exact);
 * - f > 2, 'approx': p / (f - 1 + p);
 * - f > 2, 'exact': E[1/F | f] = sum_{h>=f} (1/h) C(h-1, f-1) p^f (1-p)^(h-f), the negative-binomial
 *   posterior mean. sdcMicro writes it in closed form as
 *   (p/(1-p))^f [A (1 + sum_{m=0}^{f-3} (-1)^(m+1) prod_{i=0}^{m} B_i) + (-1)^f ln p],
 *   A = (p^(1-f) - 1)/(f-1), B_i = (f-1-i)^2/((i+1)(f-2-i)) (p^(i+2-f) - 1)/(p^(i+1-f) - 1),
 *   which cancels catastrophically as p -> 1 (at f = 7, p = 0.99 it gives 0.0173 for 0.1416).
 *   We evaluate the same value stably through
 *   E[1/F | f] = p I_f with I_f = int_0^1 s^(f-1)/(p + (1-p)s) ds (substitute s = pt/(1-(1-p)t) in
 *   E[1/F] = int_0^1 E[t^(F-1)] dt): for p < 1/2 by the forward recurrence
 *   I_1 = ln(1/p)/(1-p), I_(k+1) = (1/k - p I_k)/(1-p) (error factor p/(1-p) < 1 per step); for
 *   p >= 1/2 by the series I_f = sum_j (1-p)^j B(f, j+1) (positive terms, ratio <= 1-p).
 * f must be >= 1 and F >= f (F may be fractional, as a sum of weights).
 */
export function individualRisk(f: Float64Array, F: Float64Array, opts: IndividualRiskOptions = {}): IndividualRisk {
  const method = opts.method ?? 'approx';
  if (method !== 'approx' && method !== 'exact') throw new Error(`individualRisk: method must be 'approx' or 'exact', got "${String(method)}"`);
  const n = f.length;
  if (n === 0) throw new Error('individualRisk: no records');
  if (F.length !== n) throw new Error(`individualRisk: ${n} sample frequencies but ${F.length} population frequencies`);
  const risk = new Float64Array(n);
  const cache = new Map<number, Map<number, number>>(); // exact, f > 2: f -> F -> risk
  let sum = 0;
  let max = 0;
  for (let i = 0; i < n; i++) {
    const fi = f[i]!;
    const Fi = F[i]!;
    if (!(fi >= 1) || !Number.isInteger(fi)) throw new Error(`individualRisk: record ${i} has sample frequency ${fi} (must be an integer >= 1)`);
    if (!(Fi >= fi) || !Number.isFinite(Fi)) {
      throw new Error(`individualRisk: record ${i} has population frequency ${Fi} below its sample frequency ${fi}`);
    }
    let r: number;
    if (fi === Fi) r = 1 / fi;
    else if (fi <= 2 || method === 'approx') r = closedForm(fi, fi / Fi);
    else {
      let byF = cache.get(fi);
      if (!byF) cache.set(fi, (byF = new Map()));
      let hit = byF.get(Fi);
      if (hit === undefined) byF.set(Fi, (hit = exactRisk(fi, fi / Fi)));
      r = hit;
    }
    risk[i] = r;
    sum += r;
    if (r > max) max = r;
  }
  return { risk, globalRisk: sum / n, expectedReidentifications: sum, maxRisk: max };
}

/**
 * The f = 1 and f = 2 exact forms, and the f > 2 approximation p / (f - 1 + p). The f = 2 form
 * cancels as p -> 1 (two terms ~ 1/(1-p)^2 ln(1/p) whose difference is < 1/2), so for p >= 1/2 the
 * same value is taken from the stable evaluation in exactRisk.
 */
function closedForm(f: number, p: number): number {
  const odds = p / (1 - p);
  if (f === 1) return -odds * Math.log(p);
  if (f === 2) return p < 0.5 ? odds + odds * odds * Math.log(p) : exactRisk(2, p);
  return p / (f - 1 + p);
}

/** E[1/F | f] under the negative-binomial posterior with p = f/F, 0 < p < 1 (see individualRisk). */
export function exactRisk(f: number, p: number): number {
  if (p >= 1) return 1 / f;
  const q = 1 - p;
  let I: number;
  if (p < 0.5) {
    I = -Math.log(p) / q;
    for (let k = 1; k < f; k++) I = (1 / k - p * I) / q;
  } else {
    let term = 1 / f; // q^j B(f, j+1), j = 0
    I = 0;
    for (let j = 0; term > I * 1e-17; j++) {
      I += term;
      term *= (q * (j + 1)) / (f + j + 1);
    }
  }
  return p * I;
}

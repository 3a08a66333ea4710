// Special functions the population-uniqueness models need: log-gamma, digamma, trigamma and the
// hypergeometric "exactly one drawn" probability, all in double precision and log space where it matters.

const HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

// Lanczos approximation, g = 7, 9 terms (the published coefficient set; ~15 significant digits).
const LANCZOS_G = 7;
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** ln Gamma(x) for x > 0 (reflection below 0.5 for completeness; NaN at non-positive integers). */
export function logGamma(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x < 0.5) {
    if (x === Math.floor(x)) return NaN;
    // Gamma(x) Gamma(1-x) = pi / sin(pi x); only the magnitude is returned.
    return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  }
  if (x >= 12) {
    // Stirling's series: exact to double precision here and free of Lanczos' large-x rounding.
    const r = 1 / x;
    const r2 = r * r;
    const series = r * (1 / 12 - r2 * (1 / 360 - r2 * (1 / 1260 - r2 * (1 / 1680 - r2 / 1188))));
    return (x - 0.5) * Math.log(x) - x + HALF_LOG_2PI + series;
  }
  const y = x - 1;
  let a = LANCZOS[0];
  const t = y + LANCZOS_G + 0.5;
  for (let i = 1; i < LANCZOS.length; i++) a += LANCZOS[i] / (y + i);
  return HALF_LOG_2PI + (y + 0.5) * Math.log(t) - t + Math.log(a);
}

const ASYMPTOTIC_FROM = 12;

/** The part of digamma's asymptotic series after ln y: -1/(2y) - sum B_2k / (2k y^2k). */
function digammaTail(y: number): number {
  const r = 1 / y;
  const r2 = r * r;
  return (
    -0.5 * r -
    r2 * (1 / 12 - r2 * (1 / 120 - r2 * (1 / 252 - r2 * (1 / 240 - r2 * (1 / 132 - (691 / 32760) * r2)))))
  );
}

/** psi(x) = d/dx ln Gamma(x), for x > 0 (reflection for negative non-integers). */
export function digamma(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x <= 0) {
    if (x === Math.floor(x)) return NaN;
    return digamma(1 - x) - Math.PI / Math.tan(Math.PI * x);
  }
  let shift = 0;
  while (x < ASYMPTOTIC_FROM) {
    shift -= 1 / x;
    x += 1;
  }
  return shift + Math.log(x) + digammaTail(x);
}

/** psi(b) - psi(a) for a, b > 0, without the cancellation of subtracting two large digammas. */
export function digammaDiff(a: number, b: number): number {
  if (!(a > 0) || !(b > 0)) return NaN;
  let sum = 0;
  while (a < ASYMPTOTIC_FROM) {
    sum += 1 / a; // psi(a) = psi(a + 1) - 1/a
    a += 1;
  }
  while (b < ASYMPTOTIC_FROM) {
    sum -= 1 / b;
    b += 1;
  }
  return sum + Math.log1p((b - a) / a) + (digammaTail(b) - digammaTail(a));
}

/** psi'(x), the trigamma function, for x > 0. */
export function trigamma(x: number): number {
  if (!(x > 0)) return NaN;
  let sum = 0;
  while (x < ASYMPTOTIC_FROM) {
    sum += 1 / (x * x);
    x += 1;
  }
  const r = 1 / x;
  const r2 = r * r;
  // 1/x + 1/(2x^2) + sum B_2k / x^(2k+1)
  const tail = r + 0.5 * r2 + r * r2 * (1 / 6 - r2 * (1 / 30 - r2 * (1 / 42 - r2 * (1 / 30 - (5 / 66) * r2))));
  return sum + tail;
}

/**
 * ln P(X = 1) for X hypergeometric: a population of `population` units holding `successes` marked
 * units, `draws` of them drawn without replacement. Uses the product form
 *   P(X = 1) = K (n/N) prod_{j=0}^{K-2} (1 - (n-1)/(N-1-j)),
 * summed with log1p, so it keeps full precision for N in the hundreds of millions (subtracting
 * log-gammas of N would lose about six digits there). Returns -Infinity when P = 0.
 */
export function logHypergeometricOne(population: number, successes: number, draws: number): number {
  const N = population;
  const K = successes;
  const n = draws;
  if (K < 1 || n < 1 || K > N || n > N) return -Infinity;
  // Some of the K - 1 other marked units must be drawn when they outnumber the undrawn units.
  if (K - 1 > N - n) return -Infinity;
  let log = Math.log(K) + Math.log(n) - Math.log(N);
  if (n === 1) return log; // every factor is 1
  for (let j = 0; j <= K - 2; j++) log += Math.log1p(-(n - 1) / (N - 1 - j));
  return log;
}

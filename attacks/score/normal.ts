// The standard normal quantile Phi^-1, ported from the Cephes `ndtri` algorithm (S. Moshier), the one
// scipy.stats.norm.ppf uses: rational approximations in y - 0.5 near the centre and in 1/sqrt(-2 ln y)
// in the tails; relative error ~1e-16. Following Cephes operation by operation makes z (and so every
// Wilson interval) agree with Anonymeter/scipy to the last bit, which the REFERENCE 8 pins need.

const S2PI = 2.50662827463100050242;
const EXP_M2 = 0.1353352832366127; // exp(-2)

// |y - 0.5| <= 3/8
const P0 = [-5.99633501014107895267e1, 9.80010754185999661536e1, -5.66762857469070293439e1,
  1.39312609387279679503e1, -1.23916583867381258016];
const Q0 = [1.95448858338141759834, 4.67627912898881538453, 8.63602421390890590575e1,
  -2.25462687854119370527e2, 2.00260212380060660359e2, -8.20372256168333339912e1,
  1.59056225126211695515e1, -1.18331621121330003142];
// sqrt(-2 ln y) in [2, 8)
const P1 = [4.05544892305962419923, 3.15251094599893866154e1, 5.71628192246421288162e1,
  4.408050738932008347e1, 1.46849561928858024014e1, 2.18663306850790267539,
  -1.40256079171354495875e-1, -3.50424626827848203418e-2, -8.57456785154685413611e-4];
const Q1 = [1.57799883256466749731e1, 4.53907635128879210584e1, 4.1317203825467203044e1,
  1.50425385692907503408e1, 2.50464946208309415979, -1.42182922854787788574e-1,
  -3.80806407691578277194e-2, -9.33259480895457427372e-4];
// sqrt(-2 ln y) in [8, 64)
const P2 = [3.2377489177694603597, 6.91522889068984211695, 3.93881025292474443415,
  1.33303460815807542389, 2.01485389549179081538e-1, 1.23716634817820021358e-2,
  3.01581553508235416007e-4, 2.65806974686737550832e-6, 6.2397453918498329373e-9];
const Q2 = [6.02427039364742014255, 3.67983563856160859403, 1.37702099489081330271,
  2.1623699359449663589e-1, 1.34204006088543189037e-2, 3.28014464682127739104e-4,
  2.89247864745380683936e-6, 6.79019408009981274425e-9];

/** c[0] x^m + ... + c[m] (Horner, highest power first). */
function polevl(x: number, c: readonly number[]): number {
  let acc = c[0]!;
  for (let i = 1; i < c.length; i++) acc = acc * x + c[i]!;
  return acc;
}

/** Like polevl with an implicit leading coefficient 1. */
function p1evl(x: number, c: readonly number[]): number {
  let acc = x + c[0]!;
  for (let i = 1; i < c.length; i++) acc = acc * x + c[i]!;
  return acc;
}

/** Phi^-1(p): the z with P(Z <= z) = p for a standard normal Z. p must lie in (0, 1). */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) throw new Error(`normalQuantile: p must lie in (0, 1), got ${p}`);
  let negate = true;
  let y = p;
  if (y > 1 - EXP_M2) {
    y = 1 - y;
    negate = false;
  }
  if (y > EXP_M2) {
    y -= 0.5;
    const y2 = y * y;
    return (y + y * ((y2 * polevl(y2, P0)) / p1evl(y2, Q0))) * S2PI;
  }
  const x = Math.sqrt(-2 * Math.log(y));
  const x0 = x - Math.log(x) / x;
  const z = 1 / x;
  const x1 = x < 8 ? (z * polevl(z, P1)) / p1evl(z, Q1) : (z * polevl(z, P2)) / p1evl(z, Q2);
  const result = x0 - x1;
  return negate ? -result : result;
}

/** The two-sided critical value for a confidence level c in (0, 1): Phi^-1((1 + c) / 2). */
export function zFor(confidence: number): number {
  if (!(confidence > 0 && confidence < 1)) throw new Error(`confidence must lie in (0, 1), got ${confidence}`);
  return normalQuantile(0.5 * (1 + confidence));
}

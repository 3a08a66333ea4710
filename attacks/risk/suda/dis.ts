// DIS-SUDA: SUDA scores turned into per-record probabilities of a correct match, as sdcMicro's suda2 does.

/**
 * sdcMicro's DIS-SUDA (Elliot et al.'s Data Intrusion Simulation, in the form suda2 computes it):
 *   U   = sample uniques (records unique on all QIs), P = records in classes of exactly 2,
 *   DIS = U f / (U f + P (1 - f))            (chance that a unique match is a correct one),
 *   q   = 1 + (8 - M) / 20,  A = sum over scored records of score^-q,
 *   dis(r) = 1 / (1 + (U/DIS - U) / (score(r)^q A))   for score(r) > 0, else 0.
 * `weight` holds the records per distinct row (class sizes); `score` is per record.
 */
export function disSudaScores(score: Float64Array, weight: Int32Array, qis: number, fraction: number): Float64Array {
  let uniques = 0;
  let pairs = 0;
  for (let r = 0; r < weight.length; r++) {
    if (weight[r] === 1) uniques++;
    else if (weight[r] === 2) pairs += 2;
  }
  const out = new Float64Array(score.length);
  if (uniques === 0) return out; // no sample uniques, no MSUs, no scores
  const dis = (uniques * fraction) / (uniques * fraction + pairs * (1 - fraction));
  const q = 1 + (8 - qis) / 20;
  let adjust = 0;
  for (let i = 0; i < score.length; i++) if (score[i] > 0) adjust += Math.pow(score[i], -q);
  const excess = uniques / dis - uniques; // = P (1 - f) / f
  for (let i = 0; i < score.length; i++) {
    if (score[i] > 0) out[i] = 1 / (1 + excess / (Math.pow(score[i], q) * adjust));
  }
  return out;
}

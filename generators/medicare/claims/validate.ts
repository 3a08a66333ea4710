// Clear errors for malformed generator input (never a silently wrong table).
import type { BeneficiaryBatch, ClaimsContext } from '../types.ts';

export function validateInputs(batch: BeneficiaryBatch, ctx: ClaimsContext): void {
  if (!Number.isInteger(ctx.firstYear) || ctx.firstYear < 1900 || ctx.firstYear > 2200) {
    throw new Error(`generateClaims: firstYear must be an integer year, got ${ctx.firstYear}`);
  }
  if (!Number.isInteger(ctx.years) || ctx.years < 1 || ctx.years > 50) {
    throw new Error(`generateClaims: years must be an integer in [1, 50], got ${ctx.years}`);
  }
  const n = batch.n;
  if (!Number.isInteger(n) || n < 0) throw new Error(`generateClaims: batch.n must be a non-negative integer, got ${n}`);
  const perPerson: [string, ArrayLike<unknown>][] = [
    ['personIndex', batch.personIndex], ['beneId', batch.beneId], ['beneOrdinal', batch.beneOrdinal], ['sex', batch.sex],
    ['birthDay', batch.birthDay], ['deathDay', batch.deathDay], ['zcta', batch.zcta], ['zip3', batch.zip3],
    ['esrd', batch.esrd], ['disabled', batch.disabled], ['dual', batch.dual],
  ];
  for (const [name, a] of perPerson) {
    if (a.length !== n) throw new Error(`generateClaims: batch.${name} has ${a.length} entries, expected n = ${n}`);
  }
  const perYear: [string, ArrayLike<unknown>][] = [
    ['partA', batch.partA], ['partB', batch.partB], ['medicareAdvantage', batch.medicareAdvantage], ['partD', batch.partD],
  ];
  for (const [name, a] of perYear) {
    if (a.length !== n * ctx.years) {
      throw new Error(`generateClaims: batch.${name} has ${a.length} entries, expected n * years = ${n * ctx.years}`);
    }
  }
  for (let i = 0; i < n; i++) {
    const o = batch.beneOrdinal[i];
    if (!Number.isSafeInteger(o) || o < 0) throw new Error(`generateClaims: beneOrdinal[${i}] must be a non-negative safe integer, got ${o}`);
    const z = batch.zip3[i];
    if (!Number.isInteger(z) || z < 0 || z > 999) throw new Error(`generateClaims: zip3[${i}] must be in [0, 999], got ${z}`);
  }
}

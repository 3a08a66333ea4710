// A hand-built BeneficiaryBatch for tests, benchmarks and notebooks (not the enrolment generator):
// a Medicare-like mix of ages, sexes, disability and ESRD, Medicare Advantage (some switching mid-year),
// Part B and Part D take-up, duals, deaths during the claim years, and a few Part D-only beneficiaries.
import { below, chance, seedOf, streamKey, u32, uniform } from '../../../src/random/prng.ts';
import { NO_DAY, type BeneficiaryBatch } from '../types.ts';
import { dayOf } from './calendar.ts';

const ZIP3S = [21, 100, 112, 191, 200, 303, 331, 441, 482, 606, 631, 752, 770, 802, 850, 900, 913, 941, 981, 995];

export function syntheticBatch(n: number, seed: number | string, firstYear: number, years: number): BeneficiaryBatch {
  const key = streamKey(seedOf(seed), 'claims.synthetic-batch');
  const personIndex = new Int32Array(n);
  const beneOrdinal = new Float64Array(n);
  const beneId: string[] = [];
  const sex = new Uint8Array(n);
  const birthDay = new Int32Array(n);
  const deathDay = new Int32Array(n);
  const zcta = new Int32Array(n);
  const zip3 = new Int32Array(n);
  const esrd = new Uint8Array(n);
  const disabled = new Uint8Array(n);
  const dual = new Uint8Array(n);
  const partA = new Uint16Array(n * years);
  const partB = new Uint16Array(n * years);
  const medicareAdvantage = new Uint16Array(n * years);
  const partD = new Uint16Array(n * years);
  const mid = dayOf(firstYear, 6, 1);
  for (let i = 0; i < n; i++) {
    const p = 1000 + i * 7; // global person indices need not be contiguous
    personIndex[i] = p;
    beneOrdinal[i] = 5_000_000 + ((i * 7919) % 1_000_003);
    beneId.push(u32(key, p, 0).toString(16).padStart(8, '0') + u32(key, p, 1).toString(16).padStart(8, '0'));
    sex[i] = chance(key, p, 2, 0.55) ? 2 : 1;
    const u = uniform(key, p, 3);
    const under65 = u < 0.12;
    // Ages of 2019 beneficiaries aged 65+: 65-74 57%, 75-84 30%, 85+ 13%.
    const v = uniform(key, p, 4);
    const age = under65 ? 25 + 40 * v : u < 0.62 ? 65 + 10 * v : u < 0.885 ? 75 + 10 * v : 85 + 15 * v ** 1.8;
    birthDay[i] = Math.round(mid - age * 365.25);
    esrd[i] = chance(key, p, 5, under65 ? 0.06 : 0.008) ? 1 : 0;
    disabled[i] = under65 && !esrd[i] ? 1 : 0;
    dual[i] = chance(key, p, 6, under65 ? 0.4 : 0.15) ? 1 : 0;
    zip3[i] = ZIP3S[below(key, p, 7, ZIP3S.length)];
    zcta[i] = zip3[i] * 10;
    const dies = chance(key, p, 8, 0.045 * years);
    deathDay[i] = dies ? dayOf(firstYear + below(key, p, 9, years), 0, 1) + below(key, p, 10, 365) : NO_DAY;
    const partDOnly = chance(key, p, 11, 0.02);
    const hasB = chance(key, p, 12, 0.92);
    const hasD = chance(key, p, 13, 0.6);
    const ma = chance(key, p, 14, 0.46);
    const switchMonth = chance(key, p, 15, 0.08) ? 1 + below(key, p, 16, 11) : 0; // joins MA mid-year
    const startMonth = chance(key, p, 17, 0.05) ? below(key, p, 18, 12) : 0; // enrols mid-year
    for (let y = 0; y < years; y++) {
      const all = y === 0 ? (0xfff << startMonth) & 0xfff : 0xfff;
      const iy = i * years + y;
      partA[iy] = partDOnly ? 0 : all;
      partB[iy] = partDOnly || !hasB ? 0 : all;
      medicareAdvantage[iy] = partDOnly ? 0 : ma ? all : switchMonth && y === years - 1 ? (0xfff << switchMonth) & all : 0;
      partD[iy] = partDOnly || hasD || (ma && chance(key, p, 19, 0.88)) ? all : 0;
    }
  }
  return { n, personIndex, beneId, beneOrdinal, sex, birthDay, deathDay, zcta, zip3, esrd, disabled, dual, partA, partB, medicareAdvantage, partD };
}

/** The beneficiaries at the given batch positions, as a batch of their own. */
export function sliceBatch(b: BeneficiaryBatch, years: number, rows: readonly number[]): BeneficiaryBatch {
  const pick = <T extends { length: number }>(a: ArrayLike<number>, make: (n: number) => T & { [i: number]: number }) => {
    const out = make(rows.length);
    rows.forEach((r, j) => (out[j] = a[r]));
    return out;
  };
  const pickYears = (a: Uint16Array) => {
    const out = new Uint16Array(rows.length * years);
    rows.forEach((r, j) => out.set(a.subarray(r * years, (r + 1) * years), j * years));
    return out;
  };
  return {
    n: rows.length,
    personIndex: pick(b.personIndex, (n) => new Int32Array(n)),
    beneId: rows.map((r) => b.beneId[r]),
    beneOrdinal: pick(b.beneOrdinal, (n) => new Float64Array(n)),
    sex: pick(b.sex, (n) => new Uint8Array(n)),
    birthDay: pick(b.birthDay, (n) => new Int32Array(n)),
    deathDay: pick(b.deathDay, (n) => new Int32Array(n)),
    zcta: pick(b.zcta, (n) => new Int32Array(n)),
    zip3: pick(b.zip3, (n) => new Int32Array(n)),
    esrd: pick(b.esrd, (n) => new Uint8Array(n)),
    disabled: pick(b.disabled, (n) => new Uint8Array(n)),
    dual: pick(b.dual, (n) => new Uint8Array(n)),
    partA: pickYears(b.partA),
    partB: pickYears(b.partB),
    medicareAdvantage: pickYears(b.medicareAdvantage),
    partD: pickYears(b.partD),
  };
}

// Who pays what. All amounts are integer cents and every split adds up exactly:
//   carrier line:  line_alowd = line_nch_pmt + line_bene_ptb_ddctbl + line_coinsrnc
//   carrier claim: clm_pmt = sum line_nch_pmt = nch_clm_prvdr_pmt + nch_clm_bene_pmt; clm_alowd = sum line_alowd
//   outpatient:    clm_alowd = clm_pmt + nch_prmry_pyr_clm_pd + nch_bene_ptb_ddctbl + nch_bene_ptb_coinsrnc + nch_bene_blood_ddctbl_lblty
//   inpatient:     clm_alowd = clm_pmt + nch_prmry_pyr_clm_pd + nch_bene_ip_ddctbl + nch_bene_pta_coinsrnc_lblty + nch_bene_blood_ddctbl_lblty
//   PDE:           tot_rx_cst = ptnt_pay + lics + cvrd_d_plan_pd + ncvrd_plan_pd
// Part B: one annual deductible shared by carrier and outpatient claims in date order (outpatient first on a
// tie), then 20% coinsurance; clinical lab and preventive lines have neither. Part A: the inpatient deductible
// once per benefit period (a stay starting more than 60 days after the last discharge, or the year's first
// stay: years are simulated independently), daily coinsurance past day 60. Prices are 2019 dollars every
// year; only the deductibles follow the calendar.
import { HCPCS_NO_COST_SHARE } from '../codes.ts';
import type { CarrierStore, OutpatientStore } from './store.ts';
import { CARRIER_LINES } from './store.ts';

const yearly = (first: number, dollars: readonly number[]) => (year: number) =>
  Math.round(dollars[Math.max(0, Math.min(dollars.length - 1, year - first))] * 100);

/** Part B annual deductible, 2008-2025 (clamped outside). */
export const partBDeductible = yearly(2008, [135, 135, 155, 162, 140, 147, 147, 147, 166, 183, 183, 185, 198, 203, 233, 226, 240, 257]);
/** Part A inpatient deductible per benefit period, 2008-2025. */
export const partADeductible = yearly(2008, [1024, 1068, 1100, 1132, 1156, 1184, 1216, 1260, 1288, 1316, 1340, 1364, 1408, 1484, 1556, 1600, 1632, 1676]);
/** Standard Part D deductible, 2008-2025. */
export const partDDeductible = yearly(2008, [275, 295, 310, 310, 320, 325, 310, 320, 360, 400, 405, 415, 435, 445, 480, 505, 545, 590]);
/** Out-of-pocket spending (patient + low-income subsidy) after which the catastrophic phase starts. */
export const partDCatastrophic = yearly(2008, [4050, 4350, 4550, 4550, 4700, 4750, 4550, 4700, 4850, 4950, 5000, 5100, 6350, 6550, 7050, 7400, 8000, 2000]);

/** Coinsurance: 20% of what is left after the deductible, rounded to the cent. */
export function coinsurance20(amount: number): number {
  return Math.round(amount * 0.2);
}

/**
 * Applies the Part B deductible and coinsurance to one person-year's carrier and outpatient claims,
 * given in date order (carrier order[c0..c1), outpatient order[o0..o1)).
 */
export function applyPartB(
  deductible: number,
  car: CarrierStore, carOrder: Int32Array, c0: number, c1: number,
  out: OutpatientStore, outOrder: Int32Array, o0: number, o1: number,
): void {
  let rem = deductible;
  let c = c0;
  let o = o0;
  while (c < c1 || o < o1) {
    const takeOut = o < o1 && (c >= c1 || out.from[outOrder[o]] <= car.from[carOrder[c]]);
    if (takeOut) {
      const k = outOrder[o++];
      const rest = out.alowd[k] - out.prm[k];
      const shared = Math.min(out.share[k], rest);
      const ded = Math.min(rem, shared);
      rem -= ded;
      const coins = coinsurance20(shared - ded);
      out.ded[k] = ded;
      out.coins[k] = coins;
      out.blood[k] = 0;
      out.pmt[k] = rest - ded - coins;
    } else {
      const k = carOrder[c++];
      const n = car.nLines[k];
      for (let l = k * CARRIER_LINES, e = l + n; l < e; l++) {
        const a = car.alowd[l];
        if (HCPCS_NO_COST_SHARE[car.hcpcs[l]]) {
          car.ded[l] = 0;
          car.coins[l] = 0;
          car.pmt[l] = a;
          continue;
        }
        const ded = Math.min(rem, a);
        rem -= ded;
        const coins = coinsurance20(a - ded);
        car.ded[l] = ded;
        car.coins[l] = coins;
        car.pmt[l] = a - ded - coins;
      }
    }
  }
}

// CCW-style condition flags DERIVED from a person-year's generated claims.
//
// Rule: condition c is flagged for a year when, among that year's claims, there is at least one INPATIENT
// claim with a qualifying diagnosis for c, or at least two OUTPATIENT/CARRIER claims (either table, any
// mix) with a qualifying diagnosis for c whose service dates (clm_from_dt) differ. A diagnosis qualifies
// in any position (icd_dgns_cd_*; for carrier also line_icd_dgns_cd_*, which repeat claim diagnoses).
// Qualifying codes are those DX_CONDITION maps to c (codes.ts). PDE claims never flag a condition.
import type { CarrierStore, InpatientStore, OutpatientStore } from './store.ts';

const NONE = -2147483648;
const firstDay = new Int32Array(16);

/** Flags for one person-year from claims [start, end) of each store (any order). */
export function deriveFlags(
  car: CarrierStore, c0: number, c1: number,
  out: OutpatientStore, o0: number, o1: number,
  ip: InpatientStore, i0: number, i1: number,
): number {
  let flags = 0;
  for (let k = i0; k < i1; k++) flags |= ip.dxMask[k];
  firstDay.fill(NONE);
  const visit = (mask: number, day: number) => {
    for (let c = 0, m = mask & ~flags; m; c++, m >>>= 1) {
      if (!(m & 1)) continue;
      if (firstDay[c] === NONE) firstDay[c] = day;
      else if (firstDay[c] !== day) flags |= 1 << c;
    }
  };
  for (let k = o0; k < o1; k++) if (out.dxMask[k]) visit(out.dxMask[k], out.from[k]);
  for (let k = c0; k < c1; k++) if (car.dxMask[k]) visit(car.dxMask[k], car.from[k]);
  return flags;
}

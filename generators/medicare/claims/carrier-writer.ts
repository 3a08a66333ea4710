// Writes one carrier (physician / supplier Part B) claim into the store: lines with their performing
// NPI, HCPCS, allowed amount and the diagnosis each line points to. Payments are split later, in date
// order, by applyPartB.
import { HCPCS_PRO_CENTS } from '../codes.ts';
import { DxList } from './dx.ts';
import { CARRIER_DX, CARRIER_LINES, type CarrierStore } from './store.ts';

/** Share of claims not assigned to the provider (Medicare pays the beneficiary). */
const UNASSIGNED = 0.03;

export class CarrierWriter {
  readonly dx = new DxList();
  st!: CarrierStore;
  k = 0;
  n = 0;
  price = 1;

  begin(st: CarrierStore, bene: number, from: number, thru: number, price: number, u: number): this {
    this.st = st;
    const k = (this.k = st.next());
    st.bene[k] = bene;
    st.from[k] = from;
    st.thru[k] = thru;
    st.unassigned[k] = u < UNASSIGNED ? 1 : 0;
    this.n = 0;
    this.price = price;
    this.dx.reset(CARRIER_DX);
    return this;
  }

  /** Adds a line; dxSlot is the claim diagnosis it points to (clamped to the diagnoses present at end). */
  line(hcpcs: number, npi: number, dxSlot = 0): void {
    if (this.n >= CARRIER_LINES || hcpcs < 0) return;
    const o = this.k * CARRIER_LINES + this.n++;
    const st = this.st;
    st.hcpcs[o] = hcpcs;
    st.npi[o] = npi;
    st.lineDx[o] = dxSlot;
    st.alowd[o] = Math.round(HCPCS_PRO_CENTS[hcpcs] * this.price);
  }

  end(): void {
    const { st, k } = this;
    const nd = this.dx.write(st.dx, k * CARRIER_DX);
    st.nDx[k] = nd;
    st.dxMask[k] = this.dx.mask;
    st.nLines[k] = this.n;
    for (let o = k * CARRIER_LINES, e = o + this.n; o < e; o++) if (st.lineDx[o] >= nd) st.lineDx[o] = 0;
  }
}

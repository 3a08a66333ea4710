// Provider references as integers: which pool (by ZIP3), which kind of provider, which one.
// A ref is slot * 4096 + kind * 1024 + index; refs live only inside one generateClaims call.
import { providerPool, type ProviderPool } from '../providers.ts';

export const PHYSICIAN = 0;
export const HOSPITAL = 1;
export const LAB = 2;
export const AMBULANCE = 3;

export class ProviderRegistry {
  readonly pools: ProviderPool[] = [];
  private readonly slots = new Map<number, number>();
  constructor(private readonly seed: number | string) {}

  /** The slot of a ZIP3's pool in this registry (the pool itself depends only on seed and zip3). */
  slot(zip3: number): number {
    let s = this.slots.get(zip3);
    if (s === undefined) {
      s = this.pools.length;
      this.pools.push(providerPool(this.seed, zip3));
      this.slots.set(zip3, s);
    }
    return s;
  }

  npi(ref: number): string {
    const pool = this.pools[ref >>> 12];
    const kind = (ref >>> 10) & 3;
    const i = ref & 1023;
    return kind === PHYSICIAN ? pool.physicianNpi[i] : kind === HOSPITAL ? pool.hospitalNpi[i] : kind === LAB ? pool.labNpi[i] : pool.ambulanceNpi[i];
  }

  /** CCN (PRVDR_NUM) of a hospital ref. */
  ccn(ref: number): string {
    return this.pools[ref >>> 12].hospitalCcn[ref & 1023];
  }
}

export function providerRef(slot: number, kind: number, index: number): number {
  return slot * 4096 + kind * 1024 + index;
}

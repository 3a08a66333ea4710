// Growable struct-of-arrays stores for claims simulated as numbers (codes are vocabulary ids from
// codes.ts, days are days since 1970, money is integer cents, providers are registry refs).
// Strings are made only when a wanted table is materialised.
import { doubled } from '../../../src/typed-arrays.ts';

type Arr = Int32Array | Int16Array | Uint16Array | Uint8Array;

export const CARRIER_DX = 8;
export const CARRIER_LINES = 13;
export const INST_DX = 10;
export const INST_PRC = 6;
export const INST_LINES = 45;

/** Records a store of each kind last grew to (a starting size for the next; capacity never changes content). */
const reached = new Map<Function, number>();
const MAX_HINT = 1 << 16;

abstract class Store {
  n = 0;
  cap = 0;
  protected abstract layout(): readonly (readonly [string, number])[];

  /** Appends a zeroed record and returns its index. */
  next(): number {
    if (this.n === this.cap) this.grow();
    return this.n++;
  }

  /** Empties the store for another slice: the records used are zeroed, the arrays kept. */
  clear(): void {
    const self = this as unknown as Record<string, Arr>;
    for (const [name, stride] of this.layout()) self[name]!.fill(0, 0, this.n * stride);
    this.n = 0;
  }

  private grow(): void {
    // A new store starts at the size the last one of its kind reached: a slice of claims then grows
    // (copying every column) once or not at all, instead of ~6 doublings from 256.
    const cap = Math.max(256, this.cap * 2, this.cap === 0 ? (reached.get(this.constructor) ?? 0) : 0);
    reached.set(this.constructor, Math.min(MAX_HINT, cap));
    const self = this as unknown as Record<string, Arr>;
    for (const [name, stride] of this.layout()) {
      const old = self[name];
      const a = new (old.constructor as new (n: number) => Arr)(cap * stride);
      a.set(old);
      self[name] = a;
    }
    this.cap = cap;
  }
}

export class CarrierStore extends Store {
  bene = new Int32Array(0);
  from = new Int32Array(0);
  thru = new Int32Array(0);
  seq = new Int32Array(0);
  nDx = new Uint8Array(0);
  dx = new Int16Array(0); // stride CARRIER_DX
  dxMask = new Uint16Array(0);
  nLines = new Uint8Array(0);
  hcpcs = new Int16Array(0); // stride CARRIER_LINES, and so on for the line fields
  npi = new Int32Array(0);
  lineDx = new Uint8Array(0); // which claim diagnosis slot the line points to
  alowd = new Int32Array(0);
  pmt = new Int32Array(0);
  ded = new Int32Array(0);
  coins = new Int32Array(0);
  unassigned = new Uint8Array(0); // 1 when Medicare paid the beneficiary, not the provider
  protected layout() {
    const L = CARRIER_LINES;
    return [['bene', 1], ['from', 1], ['thru', 1], ['seq', 1], ['nDx', 1], ['dx', CARRIER_DX], ['dxMask', 1], ['nLines', 1],
      ['hcpcs', L], ['npi', L], ['lineDx', L], ['alowd', L], ['pmt', L], ['ded', L], ['coins', L], ['unassigned', 1]] as const;
  }
}

/** Fields shared by outpatient and inpatient claims. */
abstract class InstitutionalStore extends Store {
  bene = new Int32Array(0);
  from = new Int32Array(0);
  thru = new Int32Array(0);
  seq = new Int32Array(0);
  prov = new Int32Array(0); // hospital ref
  at = new Int32Array(0); // physician refs, -1 when absent
  op = new Int32Array(0);
  ot = new Int32Array(0);
  admDx = new Int16Array(0); // -1 when absent
  nDx = new Uint8Array(0);
  dx = new Int16Array(0); // stride INST_DX
  dxMask = new Uint16Array(0);
  nPrc = new Uint8Array(0);
  prc = new Int16Array(0); // stride INST_PRC
  nLines = new Uint8Array(0);
  hcpcs = new Int16Array(0); // stride INST_LINES, -1 for a line without HCPCS
  rev = new Int16Array(0); // stride INST_LINES
  alowd = new Int32Array(0); // allowed amount (cents)
  share = new Int32Array(0); // part of the allowed amount subject to deductible / coinsurance
  prm = new Int32Array(0); // primary payer paid
  ded = new Int32Array(0);
  coins = new Int32Array(0);
  blood = new Int32Array(0);
  pmt = new Int32Array(0);
  protected baseLayout() {
    return [['bene', 1], ['from', 1], ['thru', 1], ['seq', 1], ['prov', 1], ['at', 1], ['op', 1], ['ot', 1], ['admDx', 1],
      ['nDx', 1], ['dx', INST_DX], ['dxMask', 1], ['nPrc', 1], ['prc', INST_PRC], ['nLines', 1], ['hcpcs', INST_LINES],
      ['rev', INST_LINES], ['alowd', 1], ['share', 1], ['prm', 1], ['ded', 1], ['coins', 1], ['blood', 1], ['pmt', 1]] as const;
  }
}

export class OutpatientStore extends InstitutionalStore {
  protected layout() {
    return this.baseLayout();
  }
}

export class InpatientStore extends InstitutionalStore {
  drg = new Int16Array(0);
  util = new Int16Array(0); // utilisation days
  perDiem = new Int32Array(0); // pass-through per diem (cents per day)
  protected layout() {
    return [...this.baseLayout(), ['drg', 1], ['util', 1], ['perDiem', 1]] as const;
  }
}

export class PdeStore extends Store {
  bene = new Int32Array(0);
  day = new Int32Array(0);
  seq = new Int32Array(0);
  drug = new Int16Array(0);
  qty = new Int32Array(0);
  days = new Int16Array(0);
  ptnt = new Int32Array(0);
  lics = new Int32Array(0);
  cvrd = new Int32Array(0);
  ncvrd = new Int32Array(0);
  tot = new Int32Array(0);
  prescriber = new Int32Array(0);
  protected layout() {
    return [['bene', 1], ['day', 1], ['seq', 1], ['drug', 1], ['qty', 1], ['days', 1], ['ptnt', 1], ['lics', 1], ['cvrd', 1],
      ['ncvrd', 1], ['tot', 1], ['prescriber', 1]] as const;
  }
}

/** A growable Int32 list (claim output order). */
export class IntList {
  a = new Int32Array(256);
  n = 0;
  push(v: number): void {
    if (this.n === this.a.length) this.a = doubled(this.a);
    this.a[this.n++] = v;
  }
}

// The state shared by the claim simulators: stream keys, stores, providers, and the current person-year.
import { seedOf, streamKey, u32 } from '../../../src/random/prng.ts';
import { Window, type YearCalendar } from './calendar.ts';
import { ProviderRegistry } from './registry.ts';
import { CarrierStore, InpatientStore, OutpatientStore, PdeStore } from './store.ts';

/** One stream per purpose. */
export class Keys {
  readonly conditions: number;
  readonly profile: number;
  readonly inpatient: number;
  readonly outpatient: number;
  readonly carrier: number;
  readonly pde: number;
  readonly payment: number;
  constructor(seed: number | string) {
    const s = seedOf(seed);
    this.conditions = streamKey(s, 'medicare.conditions');
    this.profile = streamKey(s, 'claims.profile');
    this.inpatient = streamKey(s, 'claims.inpatient');
    this.outpatient = streamKey(s, 'claims.outpatient');
    this.carrier = streamKey(s, 'claims.carrier');
    this.pde = streamKey(s, 'claims.pde');
    this.payment = streamKey(s, 'claims.payment');
  }
}

/** Events of the current person-year that other claim types refer to (stays, emergency visits). */
export class Events {
  stays = 0;
  readonly stayAdm = new Int32Array(64);
  readonly stayDis = new Int32Array(64);
  readonly stayDrg = new Int16Array(64);
  readonly stayDx = new Int16Array(64); // principal diagnosis
  readonly stayAt = new Int32Array(64); // attending (hospitalist) ref
  readonly stayOp = new Int32Array(64); // operating physician ref, -1
  readonly stayOt = new Int32Array(64); // other (consulting) physician ref, -1
  /** Professional claims owed for facility services (emergency physician, radiologist read, surgeon, ambulance). */
  pro = 0;
  readonly proDay = new Int32Array(256);
  readonly proRef = new Int32Array(256);
  readonly proCode1 = new Int16Array(256);
  readonly proCode2 = new Int16Array(256); // -1 when the claim has one line
  readonly proDx = new Int16Array(256);
  /** Physical-therapy visit days billed by a private practice (carrier claims). */
  pt = 0;
  readonly ptDay = new Int32Array(256);

  addPro(day: number, ref: number, code1: number, code2: number, dx: number): void {
    if (this.pro === this.proDay.length) return;
    const j = this.pro++;
    this.proDay[j] = day;
    this.proRef[j] = ref;
    this.proCode1[j] = code1;
    this.proCode2[j] = code2;
    this.proDx[j] = dx;
  }

  reset(): void {
    this.stays = 0;
    this.pro = 0;
    this.pt = 0;
  }
}

/** The four claim stores of one simulation. */
export interface ClaimStores {
  readonly carrier: CarrierStore;
  readonly outpatient: OutpatientStore;
  readonly inpatient: InpatientStore;
  readonly pde: PdeStore;
}

/** Stores given back by slices whose claims were written (releaseStores), emptied, for the next slices of this thread. */
const spareStores: ClaimStores[] = [];
const MAX_SPARE = 4;

/**
 * Takes back a slice's stores once its claim rows will not be read again: they are emptied and the next
 * simulation reuses their arrays (a slice of 1,000 people would otherwise allocate and zero ~4 MB of new
 * typed arrays, and the collector and the kernel's page faults pay for it).
 */
export function releaseStores(stores: ClaimStores): void {
  if (spareStores.length >= MAX_SPARE) return;
  for (const s of [stores.carrier, stores.outpatient, stores.inpatient, stores.pde]) s.clear();
  spareStores.push(stores);
}

export class Sim implements ClaimStores {
  readonly keys: Keys;
  readonly registry: ProviderRegistry;
  readonly carrier: CarrierStore;
  readonly outpatient: OutpatientStore;
  readonly inpatient: InpatientStore;
  readonly pde: PdeStore;
  readonly events = new Events();
  constructor(seed: number | string) {
    const stores = spareStores.pop();
    this.carrier = stores?.carrier ?? new CarrierStore();
    this.outpatient = stores?.outpatient ?? new OutpatientStore();
    this.inpatient = stores?.inpatient ?? new InpatientStore();
    this.pde = stores?.pde ?? new PdeStore();
    this.keys = new Keys(seed);
    this.registry = new ProviderRegistry(seed);
  }
}

/** The current (beneficiary, calendar year) with its eligibility windows and per-purpose keys. */
export class PersonYear {
  cal!: YearCalendar;
  /** 0-based index of the claims year. */
  y = 0;
  /** Batch position of the beneficiary. */
  i = 0;
  /** Part A fee-for-service days (inpatient), Part B FFS days (carrier), A or B FFS (outpatient), Part D. */
  readonly A = new Window();
  readonly B = new Window();
  readonly O = new Window();
  readonly D = new Window();
  ipKey = 0;
  opKey = 0;
  carKey = 0;
  pdeKey = 0;
  payKey = 0;

  set(keys: Keys, personIndex: number, cal: YearCalendar): void {
    this.cal = cal;
    // A person-year key: a pure function of (seed, person, calendar year), never of the batch.
    this.ipKey = u32(keys.inpatient, personIndex, cal.year);
    this.opKey = u32(keys.outpatient, personIndex, cal.year);
    this.carKey = u32(keys.carrier, personIndex, cal.year);
    this.pdeKey = u32(keys.pde, personIndex, cal.year);
    this.payKey = u32(keys.payment, personIndex, cal.year);
  }
}

// Provider pools per ZIP3: physicians (individual NPIs, by specialty), hospitals (CCN + organisation NPI),
// independent labs and ambulance suppliers (organisation NPIs). A pool is a pure function of (seed, zip3).
//
// NPIs are 10 digits: a leading 1 (individuals) or 2 (organisations, our convention), 8 digits from a keyed
// bijection of (zip3, slot) - so NPIs never collide within a world - and a Luhn check digit computed over
// the NPI prefixed with 80840 (the card-issuer prefix rule of the NPI standard).
import { permutation } from '../../src/random/permutation.ts';
import { below, seedOf, streamKey, uniform } from '../../src/random/prng.ts';

export const SPECIALTIES = [
  'primary_care', 'hospitalist', 'emergency', 'radiology', 'cardiology', 'nephrology', 'endocrinology',
  'pulmonology', 'psychiatry', 'neurology', 'oncology', 'orthopedics', 'rheumatology', 'ophthalmology',
  'dermatology', 'podiatry', 'physical_therapy', 'surgery', 'gastroenterology', 'urology', 'anesthesiology',
] as const;
export type Specialty = (typeof SPECIALTIES)[number];
export const SPECIALTY: { readonly [K in Specialty]: number } = Object.fromEntries(SPECIALTIES.map((s, i) => [s, i])) as never;

/** Share of a pool's physicians in each specialty (same order as SPECIALTIES). */
const SPECIALTY_SHARE = [
  0.3, 0.07, 0.05, 0.05, 0.05, 0.02, 0.015, 0.02, 0.03, 0.025, 0.025, 0.04, 0.01, 0.04, 0.025, 0.02, 0.08, 0.04, 0.025,
  0.015, 0.04,
];

export interface ProviderPool {
  readonly zip3: number;
  /** Individual NPIs of the pool's physicians and therapists. */
  readonly physicianNpi: readonly string[];
  readonly physicianSpecialty: Uint8Array;
  /** Physician indices per specialty (every specialty has at least one). */
  readonly bySpecialty: readonly Int32Array[];
  /** Hospital CMS certification numbers (PRVDR_NUM): 2-digit SSA state code + 4 digits. */
  readonly hospitalCcn: readonly string[];
  readonly hospitalNpi: readonly string[];
  readonly labNpi: readonly string[];
  readonly ambulanceNpi: readonly string[];
  /** Geographic price factor applied to allowed amounts (0.88 to 1.18). */
  readonly priceIndex: number;
}

/** Luhn check digit of a 9-digit NPI base, with the 80840 prefix (which contributes a constant 24). */
export function npiCheckDigit(base9: string): number {
  if (!/^\d{9}$/.test(base9)) throw new Error(`npiCheckDigit: expected 9 digits, got ${base9}`);
  let sum = 24;
  for (let i = 0; i < 9; i++) {
    let d = base9.charCodeAt(i) - 48;
    if (i % 2 === 0) {
      d *= 2; // positions 1,3,5,7,9 from the left are doubled (they are odd positions counting from the check digit)
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

/** True when a string is a 10-digit NPI whose Luhn check over '80840' + NPI passes. */
export function isValidNpi(npi: string): boolean {
  if (!/^\d{10}$/.test(npi)) return false;
  const s = '80840' + npi;
  let sum = 0;
  for (let i = s.length - 1, dbl = false; i >= 0; i--, dbl = !dbl) {
    let d = s.charCodeAt(i) - 48;
    if (dbl) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

// First ZIP3 of each USPS range and its state; a ZIP3 belongs to the last range starting at or below it.
const ZIP3_STATE = (
  '0 NY 5 NY 6 PR 10 MA 28 RI 30 NH 39 ME 50 VT 60 CT 70 NJ 90 NY 100 NY 150 PA 197 DE 200 DC 206 MD 220 VA ' +
  '247 WV 270 NC 290 SC 300 GA 320 FL 350 AL 370 TN 386 MS 398 GA 400 KY 430 OH 460 IN 480 MI 500 IA 530 WI ' +
  '550 MN 569 DC 570 SD 580 ND 590 MT 600 IL 630 MO 660 KS 680 NE 700 LA 716 AR 730 OK 750 TX 800 CO 820 WY ' +
  '832 ID 840 UT 850 AZ 870 NM 885 TX 889 NV 900 CA 967 HI 969 GU 970 OR 980 WA 995 AK'
).split(' ');
const SSA_STATE: Record<string, string> = Object.fromEntries(
  ('AL01 AK02 AZ03 AR04 CA05 CO06 CT07 DE08 DC09 FL10 GA11 HI12 ID13 IL14 IN15 IA16 KS17 KY18 LA19 ME20 MD21 MA22 ' +
    'MI23 MN24 MS25 MO26 MT27 NE28 NV29 NH30 NJ31 NM32 NY33 NC34 ND35 OH36 OK37 OR38 PA39 PR40 RI41 SC42 SD43 TN44 ' +
    'TX45 UT46 VT47 VI48 VA49 WA50 WV51 WI52 WY53 GU65').split(' ').map((s) => [s.slice(0, 2), s.slice(2)]),
);

/** The postal abbreviation of the state a ZIP3 lies in (approximate at range edges). */
export function stateOfZip3(zip3: number): string {
  let state = 'NY';
  for (let i = 0; i < ZIP3_STATE.length; i += 2) {
    if (Number(ZIP3_STATE[i]) > zip3) break;
    state = ZIP3_STATE[i + 1];
  }
  return state;
}

/** The 2-digit SSA state code of the state a ZIP3 lies in (approximate at range edges). */
export function ssaStateOfZip3(zip3: number): string {
  return SSA_STATE[stateOfZip3(zip3)];
}

const SLOTS = 1024; // NPI slots per ZIP3: physicians from 0, organisations from 512
const cache = new Map<string, ProviderPool>();

/**
 * The provider pool of a ZIP3. Its size is a deterministic function of (seed, zip3): 40 to 240 physicians
 * (skewed towards small pools), 2 to 8 hospitals, 2 labs and 1 to 3 ambulance suppliers.
 */
export function providerPool(seed: number | string, zip3: number): ProviderPool {
  if (!Number.isInteger(zip3) || zip3 < 0 || zip3 > 999) throw new Error(`providerPool: zip3 must be an integer in [0, 999], got ${zip3}`);
  const s = seedOf(seed);
  const cacheKey = `${s}:${zip3}`;
  const hit = cache.get(cacheKey);
  if (hit) return hit;
  const key = streamKey(s, 'providers.pool');
  const npiOrder = permutation(100_000_000, streamKey(s, 'providers.npi'));
  const npi = (lead: number, slot: number): string => {
    const base = String(lead) + String(npiOrder.apply(zip3 * SLOTS + slot)).padStart(8, '0');
    return base + String(npiCheckDigit(base));
  };

  const u = uniform(key, zip3, 0);
  const nPhys = 40 + Math.floor(200 * u * u);
  const counts = SPECIALTY_SHARE.map((sh) => Math.max(1, Math.round(sh * nPhys)));
  const total = counts.reduce((a, b) => a + b, 0);
  const physicianSpecialty = new Uint8Array(total);
  const bySpecialty: Int32Array[] = [];
  let p = 0;
  counts.forEach((c, sp) => {
    const ids = new Int32Array(c);
    for (let j = 0; j < c; j++, p++) {
      physicianSpecialty[p] = sp;
      ids[j] = p;
    }
    bySpecialty.push(ids);
  });
  const physicianNpi = Array.from({ length: total }, (_, j) => npi(1, j));

  const nHosp = Math.min(8, 2 + Math.floor(nPhys / 40) + below(key, zip3, 1, 2));
  const state = ssaStateOfZip3(zip3);
  const hospitalCcn = Array.from({ length: nHosp }, (_, h) => state + String(1 + (zip3 % 109) * 8 + h).padStart(4, '0'));
  const hospitalNpi = Array.from({ length: nHosp }, (_, h) => npi(2, 512 + h));
  const labNpi = [npi(2, 600), npi(2, 601)];
  const ambulanceNpi = Array.from({ length: 1 + Math.floor(nPhys / 100) }, (_, a) => npi(2, 700 + a));

  const priceIndex = 0.88 + 0.3 * uniform(key, zip3, 2);
  const pool: ProviderPool = { zip3, physicianNpi, physicianSpecialty, bySpecialty, hospitalCcn, hospitalNpi, labNpi, ambulanceNpi, priceIndex };
  if (cache.size > 50_000) cache.clear();
  cache.set(cacheKey, pool);
  return pool;
}

// The three quasi-identifiers of bench:scale as packed class keys, made from a range of people's coded
// columns: ZIP (ZCTA index), sex, birth day, birth month, county (drawn exactly as peopleBatch draws the
// household's address). Only peopleCore and the address draw run: no names, SSNs or claims.
import type { WorldPlan } from '../generators/world.ts';
import { geography } from '../generators/calibration/tables.ts';
import { peopleCore } from '../generators/population/people-core.ts';
import { drawAddress } from '../generators/population/address.ts';
import { packCodes } from '../attacks/risk/packed-keys.ts';
import { ymdOf } from '../src/dates.ts';

export const QI_NAMES = ['zipSexDob', 'zipSexMonthYear', 'countySexDob'] as const;
export type QiName = (typeof QI_NAMES)[number];

/** County FIPS codes are 5 digits: the geoid itself is the county's code. */
const COUNTY_RADIX = 100_000;

export interface KeyMaker {
  /** Writes the three keys of people [start, end) at out[q][at ..]. */
  fill(start: number, end: number, out: readonly Float64Array[], at: number): void;
  /** The county FIPS code of a countySexDob key. */
  countyOfKey(key: number): number;
}

/**
 * Counties where people of more than one state can live: a ZCTA that crosses a state line belongs to its
 * main state, but its people draw their county from all its county parts (17,331 people of the 2010
 * country live in a county of another state, in 84 such counties). A class of {county, sex, birth date}
 * in one of these counties can span states; elsewhere it lies within one state. flags[geoid] = 1.
 */
export function borderCountyFlags(): Uint8Array {
  const { zctas, countyParts, states } = geography;
  const flags = new Uint8Array(COUNTY_RADIX);
  for (let z = 0; z < zctas.zcta.length; z++) {
    const fips = Number(states[zctas.state[z]!]!.fips);
    for (let j = zctas.countyStart[z]!; j < zctas.countyStart[z + 1]!; j++) {
      const geoid = countyParts.geoid[j]!;
      if (Math.floor(geoid / 1000) !== fips) flags[geoid] = 1;
    }
  }
  return flags;
}

/** Moves the keys for which `outside` holds to the end of `keys`; returns how many stay in front. Order is not kept. */
export function moveToEnd(keys: Float64Array, outside: (key: number) => boolean): number {
  let front = 0;
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]!;
    if (!outside(k)) {
      keys[i] = keys[front]!;
      keys[front++] = k;
    }
  }
  return front;
}

export function keyMaker(plan: WorldPlan, batch: number): KeyMaker {
  const ctx = plan.context;
  const { frame } = ctx;
  // Birth days span the oldest age's first day to the youngest's last; months are counted from the first one's.
  let dayLo = Infinity;
  let dayHi = -Infinity;
  for (let a = 0; a < frame.birthLo.length; a++) {
    dayLo = Math.min(dayLo, frame.birthLo[a]!);
    dayHi = Math.max(dayHi, frame.birthLo[a]! + frame.birthSpan[a]! - 1);
  }
  const days = dayHi - dayLo + 1;
  const first = ymdOf(dayLo);
  const monthOfDay = new Int32Array(days);
  for (let d = 0; d < days; d++) {
    const { year, month } = ymdOf(dayLo + d);
    monthOfDay[d] = (year - first.year) * 12 + month - first.month;
  }
  const months = monthOfDay[days - 1]! + 1;
  const zips = geography.zctas.zcta.length;
  const sex = new Int32Array(batch);
  const day = new Int32Array(batch);
  const month = new Int32Array(batch);
  const county = new Int32Array(batch);
  const street = new Int32Array(batch);
  const number = new Int32Array(batch);
  const unit = new Int32Array(batch);
  const addressKey = ctx.key.address;
  return {
    countyOfKey: (key) => Math.floor(key / (2 * days)),
    fill(start, end, out, at) {
      for (let a = start; a < end; a += batch) {
        const b = Math.min(end, a + batch);
        const n = b - a;
        const core = peopleCore(ctx, a, b);
        for (let i = 0; i < n; i++) {
          sex[i] = core.sex[i]! - 1;
          const d = core.birthDay[i]! - dayLo;
          day[i] = d;
          month[i] = monthOfDay[d]!;
          // As peopleBatch: the household's address is drawn at (address stream, head, draw 0).
          drawAddress(addressKey, core.head[i]!, 0, core.zcta[i]!, i, street, number, unit, county);
        }
        const o = at + (a - start);
        packCodes([core.zcta, sex, day], [zips, 2, days], n, out[0]!, o);
        packCodes([core.zcta, sex, month], [zips, 2, months], n, out[1]!, o);
        packCodes([county, sex, day], [COUNTY_RADIX, 2, days], n, out[2]!, o);
      }
    },
  };
}

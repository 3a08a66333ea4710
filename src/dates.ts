// Calendar days as integers (days since 1970-01-01, UTC) and their text forms.

const MS_PER_DAY = 86_400_000;

/** Marks "no date" in day columns (never a real day). */
export const NO_DAY = -2147483648;

export function dayOf(year: number, month: number, day: number): number {
  return Math.round(Date.UTC(year, month - 1, day) / MS_PER_DAY);
}

export function parseIsoDay(s: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) throw new Error(`not a YYYY-MM-DD date: "${s}"`);
  return dayOf(Number(m[1]), Number(m[2]), Number(m[3]));
}

export interface Ymd {
  year: number;
  month: number;
  day: number;
}

/** Civil date of a day number (Howard Hinnant's days-to-civil algorithm, no Date object). */
export function ymdOf(day: number): Ymd {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (m <= 2 ? 1 : 0), month: m, day: d };
}

const FIRST_TABLE_YEAR = 1800;
const JAN1 = Int32Array.from({ length: 501 }, (_, k) => dayOf(FIRST_TABLE_YEAR + k, 1, 1));

/** Calendar year of a day number (a table lookup inside 1800-2299, no allocation). */
export function yearOf(day: number): number {
  let k = Math.floor(day / 365.2425) + 1970 - FIRST_TABLE_YEAR;
  if (k < 0 || k >= JAN1.length - 1) return ymdOf(day).year;
  if (JAN1[k] > day) k--;
  else if (JAN1[k + 1] <= day) k++;
  return FIRST_TABLE_YEAR + k;
}

const PAD2 = Array.from({ length: 32 }, (_, i) => String(i).padStart(2, '0'));

// Date texts are cached per day: a world writes the same ~40,000 birth dates millions of times.
const CACHE_FROM = dayOf(1850, 1, 1);
const CACHE_TO = dayOf(2150, 1, 1);
const isoCache: (string | undefined)[] = new Array(CACHE_TO - CACHE_FROM);
const cmsCache: (string | undefined)[] = new Array(CACHE_TO - CACHE_FROM);

function formatDay(day: number, sep: string): string {
  const { year, month, day: d } = ymdOf(day);
  return `${year}${sep}${PAD2[month]}${sep}${PAD2[d]}`;
}

/** 'YYYY-MM-DD' */
export function isoDate(day: number): string {
  if (day < CACHE_FROM || day >= CACHE_TO) return formatDay(day, '-');
  return (isoCache[day - CACHE_FROM] ??= formatDay(day, '-'));
}

/** 'YYYYMMDD' as CMS files write dates. */
export function cmsDate(day: number): string {
  if (day < CACHE_FROM || day >= CACHE_TO) return formatDay(day, '');
  return (cmsCache[day - CACHE_FROM] ??= formatDay(day, ''));
}

/** 'YYYYMMDD' (as CMS writes dates) -> 'YYYY-MM-DD'. */
export function cmsToIso(cms: string): string {
  return `${cms.slice(0, 4)}-${cms.slice(4, 6)}-${cms.slice(6, 8)}`;
}

/** Whole years between two date texts, each 'YYYY-MM-DD' or 'YYYYMMDD'. */
export function ageBetween(birth: string, on: string): number {
  const b = birth.replace(/-/g, '');
  const d = on.replace(/-/g, '');
  return Number(d.slice(0, 4)) - Number(b.slice(0, 4)) - (d.slice(4) < b.slice(4) ? 1 : 0);
}

/** Whole years of age on `day` for someone born on `birthDay`. */
export function ageOn(birthDay: number, day: number): number {
  const b = ymdOf(birthDay);
  const t = ymdOf(day);
  let age = t.year - b.year;
  if (t.month < b.month || (t.month === b.month && t.day < b.day)) age--;
  return age;
}

// Days, months and eligibility windows. Days are integers since 1970-01-01 (UTC).

const MS_PER_DAY = 86_400_000;

export function dayOf(year: number, month0: number, date: number): number {
  return Date.UTC(year, month0, date) / MS_PER_DAY;
}

export interface YearCalendar {
  readonly year: number;
  /** First day of each month, plus the first day of the next year at [12]. */
  readonly monthStart: Int32Array;
  readonly first: number;
  readonly end: number; // exclusive
  readonly days: number;
}

export function yearCalendar(year: number): YearCalendar {
  const monthStart = new Int32Array(13);
  for (let m = 0; m <= 12; m++) monthStart[m] = dayOf(year, m, 1);
  return { year, monthStart, first: monthStart[0], end: monthStart[12], days: monthStart[12] - monthStart[0] };
}

/** 'YYYYMMDD' for every day of the claim years, indexed by day - firstDay. */
export function dateStrings(cals: readonly YearCalendar[]): string[] {
  const out: string[] = [];
  for (const cal of cals) {
    for (let d = cal.first; d < cal.end; d++) {
      const t = new Date(d * MS_PER_DAY);
      const mm = t.getUTCMonth() + 1;
      const dd = t.getUTCDate();
      out.push(`${cal.year}${mm < 10 ? '0' : ''}${mm}${dd < 10 ? '0' : ''}${dd}`);
    }
  }
  return out;
}

/**
 * The days of one year on which a kind of claim may occur: the months whose bit is set in `mask`,
 * cut at `end` (exclusive; the day of death). Reused across person-years to avoid allocation.
 */
export class Window {
  mask = 0;
  end = 0;
  days = 0;
  private cal!: YearCalendar;

  set(cal: YearCalendar, mask: number, end: number): this {
    this.cal = cal;
    this.mask = mask & 0xfff;
    this.end = Math.min(end, cal.end);
    let days = 0;
    const ms = cal.monthStart;
    for (let m = 0; m < 12; m++) {
      if (!(this.mask & (1 << m))) continue;
      const a = ms[m];
      const b = Math.min(ms[m + 1], this.end);
      if (b > a) days += b - a;
    }
    this.days = days;
    return this;
  }

  /** Fraction of the year's days that are eligible. */
  get share(): number {
    return this.days / this.cal.days;
  }

  has(day: number): boolean {
    const cal = this.cal;
    if (day < cal.first || day >= this.end) return false;
    const ms = cal.monthStart;
    let m = Math.min(11, ((day - cal.first) / 30.5) | 0);
    while (ms[m] > day) m--;
    while (ms[m + 1] <= day) m++;
    return (this.mask & (1 << m)) !== 0;
  }

  /** The eligible day at quantile u in [0, 1) (uniform over eligible days). Requires days > 0. */
  pick(u: number): number {
    let r = Math.floor(u * this.days);
    const ms = this.cal.monthStart;
    for (let m = 0; m < 12; m++) {
      if (!(this.mask & (1 << m))) continue;
      const a = ms[m];
      const len = Math.min(ms[m + 1], this.end) - a;
      if (len <= 0) continue;
      if (r < len) return a + r;
      r -= len;
    }
    throw new Error('Window.pick on an empty window');
  }

  /** Last day d >= day such that every day in [day, d] is eligible (at most day + maxLen - 1). */
  runEnd(day: number, maxLen: number): number {
    let d = day;
    while (d + 1 < day + maxLen && this.has(d + 1)) d++;
    return d;
  }

  /** Month (0-11) of a day of this window's year. */
  monthOf(day: number): number {
    const ms = this.cal.monthStart;
    let m = Math.min(11, ((day - this.cal.first) / 30.5) | 0);
    while (ms[m] > day) m--;
    while (ms[m + 1] <= day) m++;
    return m;
  }
}

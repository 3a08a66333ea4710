// Claims trajectories for the unicity attack (de Montjoye et al.): each person's distinct points
// (service date, provider or diagnosis), people drawn with p of their points, and the search for the
// traces that hold all p points, for one secret date offset per person when the adversary allows a
// shift. Like attacks/unicity/trajectory.ts, but the samples are returned so a test can recheck them,
// and points are matched across two tables (an outside source's real points against a release).
// Browser-safe.
import { below, streamKey } from '../../random/prng.ts';
import { isoDate } from '../../dates.ts';
import { daySpan } from './news-claims-join.ts';
import { groupByCode } from '../../../attacks/risk/group-tuples.ts';
import type { TextColumn } from '../../table/table.ts';

/** A point: a service date and a part (provider or diagnosis), as the table writes them. */
export interface Point {
  readonly date: string;
  readonly part: string;
}

/**
 * Every trace's distinct points, on codes: a point is a (date, part) pair of dictionary codes with an
 * id; trace t holds ids `ids[start[t]..start[t + 1])` in order of first appearance, and `holders`
 * lists the traces of each point id, ascending. No string or object per row.
 */
export interface Traces {
  /** The person of each trace (from the truth: the scorer's view, never the attack's). */
  readonly person: Int32Array;
  readonly start: Int32Array;
  readonly ids: Int32Array;
  /** Point id -> its date and part codes. */
  readonly pointDate: Int32Array;
  readonly pointPart: Int32Array;
  readonly dates: readonly string[];
  readonly parts: readonly string[];
  /** Point id -> traces holding it: `holders[holderStart[id]..holderStart[id + 1])`. */
  readonly holderStart: Int32Array;
  readonly holders: Int32Array;
  /** The id of a point given by codes, or undefined. */
  readonly idOf: (dateCode: number, partCode: number) => number | undefined;
  readonly dateCode: ReadonlyMap<string, number>;
  readonly partCode: ReadonlyMap<string, number>;
  /** Date code of each day whose ISO text is in the dictionary (for shifted searches). */
  readonly dayCode: ReadonlyMap<number, number>;
  /** Day of each date code, or NaN when the text is not one day. */
  readonly dayOfCode: Float64Array;
}

export const traceCount = (t: Traces): number => t.person.length;
export const pointCount = (t: Traces, trace: number): number => t.start[trace + 1]! - t.start[trace]!;

/** The k-th point of a trace as text. */
export function pointAt(t: Traces, trace: number, k: number): Point {
  const id = t.ids[t.start[trace]! + k]!;
  return { date: t.dates[t.pointDate[id]!]!, part: t.parts[t.pointPart[id]!]! };
}

const indexOf = (dictionary: readonly string[]) => new Map(dictionary.map((v, i) => [v, i]));

/** One trace per distinct `who` (text codes, or person ids >= 0); rows with any value missing are left out. */
export function tracesOf(who: TextColumn | Int32Array, date: TextColumn, part: TextColumn, truth: Int32Array): Traces {
  const whoCodes = who instanceof Int32Array ? who : who.codes;
  let whoMax = -1;
  for (let i = 0; i < whoCodes.length; i++) whoMax = Math.max(whoMax, whoCodes[i]!);
  const traceOfWho = new Int32Array(whoMax + 1).fill(-1);
  const parts = part.dictionary.length;
  const idOfKey = new Map<number, number>();
  const pointDate: number[] = [];
  const pointPart: number[] = [];
  const rowTrace = new Int32Array(whoCodes.length);
  const rowPoint = new Int32Array(whoCodes.length);
  const person: number[] = [];
  let rows = 0;
  for (let i = 0; i < whoCodes.length; i++) {
    const w = whoCodes[i]!, d = date.codes[i]!, p = part.codes[i]!;
    if (w < 0 || d < 0 || p < 0) continue;
    let t = traceOfWho[w]!;
    if (t < 0) {
      t = traceOfWho[w] = person.length;
      person.push(truth[i]!);
    }
    const key = d * parts + p;
    let id = idOfKey.get(key);
    if (id === undefined) {
      idOfKey.set(key, (id = pointDate.length));
      pointDate.push(d);
      pointPart.push(p);
    }
    rowTrace[rows] = t;
    rowPoint[rows++] = id;
  }
  const order = groupByCode(rowTrace.subarray(0, rows), person.length);
  // Each trace's distinct points in row order (the counting sort is stable); a stamp per point dedupes.
  const lastTrace = new Int32Array(pointDate.length).fill(-1);
  const start = new Int32Array(person.length + 1);
  const ids = new Int32Array(rows);
  let n = 0;
  for (let t = 0; t < person.length; t++) {
    start[t] = n;
    for (let k = order.start[t]!; k < order.start[t + 1]!; k++) {
      const id = rowPoint[order.order[k]!]!;
      if (lastTrace[id] === t) continue;
      lastTrace[id] = t;
      ids[n++] = id;
    }
  }
  start[person.length] = n;
  const holderStart = new Int32Array(pointDate.length + 1);
  for (let k = 0; k < n; k++) holderStart[ids[k]! + 1]!++;
  for (let id = 0; id < pointDate.length; id++) holderStart[id + 1]! += holderStart[id]!;
  const holders = new Int32Array(n);
  const fill = holderStart.slice(0, pointDate.length);
  for (let t = 0; t < person.length; t++) for (let k = start[t]!; k < start[t + 1]!; k++) holders[fill[ids[k]!]!++] = t;
  const dayOfCode = Float64Array.from(date.dictionary, (text) => dayOfText(text) ?? NaN);
  const dayCode = new Map<number, number>();
  date.dictionary.forEach((text, c) => {
    if (!Number.isNaN(dayOfCode[c]!) && isoDate(dayOfCode[c]!) === text) dayCode.set(dayOfCode[c]!, c);
  });
  return {
    person: Int32Array.from(person),
    start,
    ids: ids.slice(0, n),
    pointDate: Int32Array.from(pointDate),
    pointPart: Int32Array.from(pointPart),
    dates: date.dictionary,
    parts: part.dictionary,
    holderStart,
    holders,
    idOf: (d, p) => idOfKey.get(d * parts + p),
    dateCode: indexOf(date.dictionary),
    partCode: indexOf(part.dictionary),
    dayCode,
    dayOfCode,
  };
}

export interface Sample {
  readonly trace: number;
  /** Indices into the trace's points. */
  readonly picks: readonly number[];
}

/** Up to `samples` traces with at least p points, each with p of its points, drawn without replacement. */
export function drawSamples(traces: Traces, p: number, samples: number, seed: number | string): Sample[] {
  const key = streamKey(seed, `claims-unicity.${p}`);
  const eligible: number[] = [];
  for (let t = 0; t < traceCount(traces); t++) if (pointCount(traces, t) >= p) eligible.push(t);
  const take = Math.min(samples, eligible.length);
  const out: Sample[] = [];
  for (let s = 0; s < take; s++) {
    const j = s + below(key, s, 0, eligible.length - s);
    [eligible[s], eligible[j]] = [eligible[j]!, eligible[s]!];
    const t = eligible[s]!;
    const pool = Array.from({ length: pointCount(traces, t) }, (_, k) => k);
    for (let k = 0; k < p; k++) {
      const m = k + below(key, s, 1 + k, pool.length - k);
      [pool[k], pool[m]] = [pool[m]!, pool[k]!];
    }
    out.push({ trace: t, picks: pool.slice(0, p) });
  }
  return out;
}

// Day numbers of date texts, read once each (traces repeat the same few hundred dates).
const days = new Map<string, number | null>();
function dayOfText(date: string): number | null {
  let d = days.get(date);
  if (d === undefined) {
    const s = daySpan(date);
    d = s && s[0] === s[1] ? s[0] : null;
    days.set(date, d);
  }
  return d;
}

/** Whether trace t holds the point with these codes (holders are ascending: binary search). */
function holds(release: Traces, t: number, dateCode: number | undefined, partCode: number | undefined): boolean {
  if (dateCode === undefined || partCode === undefined) return false;
  const id = release.idOf(dateCode, partCode);
  if (id === undefined) return false;
  let lo = release.holderStart[id]!, hi = release.holderStart[id + 1]! - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = release.holders[mid]!;
    if (v === t) return true;
    if (v < t) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/** Traces holding a point given by codes. */
function holdersOf(release: Traces, dateCode: number | undefined, partCode: number | undefined): Int32Array {
  const id = dateCode === undefined || partCode === undefined ? undefined : release.idOf(dateCode, partCode);
  return id === undefined ? new Int32Array(0) : release.holders.subarray(release.holderStart[id]!, release.holderStart[id + 1]!);
}

/**
 * The traces of `release` that hold every point, all moved by one offset within ±window days (0: the
 * dates as given). Returns them ascending; an empty list when none does.
 */
export function tracesHolding(release: Traces, points: readonly Point[], window: number): number[] {
  if (!points.length) return [];
  const parts = points.map((q) => release.partCode.get(q.part));
  const asGiven = points.map((q) => release.dateCode.get(q.date));
  const pointDays = points.map((q) => dayOfText(q.date));
  const dateAt = (k: number, shift: number) => (shift === 0 ? asGiven[k] : pointDays[k] === null ? undefined : release.dayCode.get(pointDays[k]! + shift));
  const atShift = (shift: number) => (t: number) => points.every((_, k) => holds(release, t, dateAt(k, shift), parts[k]));
  if (window === 0) return [...holdersOf(release, asGiven[0], parts[0])].filter(atShift(0));
  if (pointDays[0] === null) return [];
  const found = new Set<number>();
  for (let shift = -window; shift <= window; shift++) {
    const fits = atShift(shift);
    for (const t of holdersOf(release, dateAt(0, shift), parts[0])) if (!found.has(t) && fits(t)) found.add(t);
  }
  return [...found].sort((a, b) => a - b);
}

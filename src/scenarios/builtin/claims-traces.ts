// Claims trajectories for the unicity attack (de Montjoye et al.): each person's distinct points
// (service date, provider or diagnosis), people drawn with p of their points, and the search for the
// traces that hold all p points, for one secret date offset per person when the adversary allows a
// shift. Like attacks/unicity/trajectory.ts, but the samples are returned so a test can recheck them,
// and points are matched across two tables (an outside source's real points against a release).
// Browser-safe.
import { below, streamKey } from '../../random/prng.ts';
import { isoDate } from '../../dates.ts';
import { daySpan } from './news-claims-join.ts';

/** A point as text: date and part, as `${date}|${part}`. */
export const pointKey = (date: string, part: string) => `${date}|${part}`;

export interface Traces {
  /** The person of each trace (from the truth: the scorer's view, never the attack's). */
  readonly person: Int32Array;
  /** Each trace's distinct points, in order of first appearance. */
  readonly points: readonly (readonly { date: string; part: string }[])[];
  /** Point key -> traces holding it. */
  readonly holders: ReadonlyMap<string, readonly number[]>;
  /** Part -> (date, trace) of every point with that part, for the shifted search. */
  readonly byPart: ReadonlyMap<string, readonly { date: string; trace: number }[]>;
  /** Trace -> its point keys. */
  readonly keys: readonly ReadonlySet<string>[];
}

/** One trace per distinct `who`; rows with any value missing are left out. */
export function tracesOf(who: readonly (string | null)[], date: readonly (string | null)[], part: readonly (string | null)[], truth: Int32Array): Traces {
  const traceOf = new Map<string, number>();
  const person: number[] = [];
  const points: { date: string; part: string }[][] = [];
  const keys: Set<string>[] = [];
  const holders = new Map<string, number[]>();
  const byPart = new Map<string, { date: string; trace: number }[]>();
  for (let i = 0; i < who.length; i++) {
    const w = who[i];
    const d = date[i];
    const v = part[i];
    if (w == null || d == null || v == null) continue;
    let t = traceOf.get(w);
    if (t === undefined) {
      t = person.length;
      traceOf.set(w, t);
      person.push(truth[i]!);
      points.push([]);
      keys.push(new Set());
    }
    const k = pointKey(d, v);
    if (keys[t]!.has(k)) continue;
    keys[t]!.add(k);
    points[t]!.push({ date: d, part: v });
    const h = holders.get(k);
    if (h) h.push(t);
    else holders.set(k, [t]);
    const b = byPart.get(v);
    if (b) b.push({ date: d, trace: t });
    else byPart.set(v, [{ date: d, trace: t }]);
  }
  return { person: Int32Array.from(person), points, holders, byPart, keys };
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
  traces.points.forEach((pts, t) => {
    if (pts.length >= p) eligible.push(t);
  });
  const take = Math.min(samples, eligible.length);
  const out: Sample[] = [];
  for (let s = 0; s < take; s++) {
    const j = s + below(key, s, 0, eligible.length - s);
    [eligible[s], eligible[j]] = [eligible[j]!, eligible[s]!];
    const t = eligible[s]!;
    const pool = traces.points[t]!.map((_, k) => k);
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

/** Days a date text moves by `shift` (a day 'YYYY-MM-DD'); other texts cannot move. */
const shifted = (date: string, shift: number) => {
  if (shift === 0) return date;
  const d = dayOfText(date);
  return d === null ? null : isoDate(d + shift);
};

/**
 * The traces of `release` that hold every point, all moved by one offset within ±window days (0: the
 * dates as given). Returns them sorted; an empty list when none does.
 */
export function tracesHolding(release: Traces, points: readonly { date: string; part: string }[], window: number): number[] {
  if (!points.length) return [];
  if (window === 0) {
    let found = release.holders.get(pointKey(points[0]!.date, points[0]!.part)) ?? [];
    for (let k = 1; k < points.length && found.length; k++) {
      const has = new Set(release.holders.get(pointKey(points[k]!.date, points[k]!.part)) ?? []);
      found = found.filter((t) => has.has(t));
    }
    return [...new Set(found)].sort((a, b) => a - b);
  }
  const first = points[0]!;
  const day0 = dayOfText(first.date);
  if (day0 === null) return [];
  const found = new Set<number>();
  for (const c of release.byPart.get(first.part) ?? []) {
    if (found.has(c.trace)) continue;
    const day = dayOfText(c.date);
    if (day === null) continue;
    const shift = day - day0;
    if (Math.abs(shift) > window) continue;
    const keys = release.keys[c.trace]!;
    if (points.every((q) => keys.has(pointKey(shifted(q.date, shift) ?? '', q.part)))) found.add(c.trace);
  }
  return [...found].sort((a, b) => a - b);
}

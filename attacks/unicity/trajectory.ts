// Claims-trajectory unicity (de Montjoye et al.): how many beneficiaries are the only one whose claims
// contain p points drawn at random from their own trace, a point being (service date, provider) or
// (service date, diagnosis). Four points made 95% of 1.5M phone users unique.
import { below, streamKey } from '../../src/random/prng.ts';

export interface Trace {
  /** One entry per claim: who (beneficiary id) and the point's parts (e.g. date and provider). */
  readonly who: readonly (string | null)[];
  readonly parts: readonly (readonly (string | null)[])[];
}

export interface UnicityOptions {
  readonly points: readonly number[];
  /** Beneficiaries drawn per p (all with at least p distinct points when fewer). */
  readonly samples?: number;
  readonly seed?: number | string;
}

export interface UnicityRow {
  readonly points: number;
  /** Beneficiaries with at least p distinct points, of which `sampled` were tried. */
  readonly eligible: number;
  readonly sampled: number;
  readonly unique: number;
}

/** Dense ids for people and points: each person's distinct points, and each point's people. */
export interface TraceIndex {
  readonly pointsOf: readonly (readonly number[])[];
  readonly peopleOf: readonly (readonly number[])[];
  /** The most distinct points any one person has: p beyond it singles nobody out (nobody has p points). */
  readonly mostPoints: number;
}

export function indexTrace(trace: Trace): TraceIndex {
  const personId = new Map<string, number>();
  const pointId = new Map<string, number>();
  const pointsOf: number[][] = [];
  const peopleOf: number[][] = [];
  for (let i = 0; i < trace.who.length; i++) {
    const w = trace.who[i];
    if (w === null || w === undefined) continue;
    let point = '';
    let missing = false;
    for (const part of trace.parts) {
      const v = part[i];
      if (v === null || v === undefined) missing = true;
      point += `${v}\u0001`;
    }
    if (missing) continue;
    let p = personId.get(w);
    if (p === undefined) {
      p = pointsOf.length;
      personId.set(w, p);
      pointsOf.push([]);
    }
    let q = pointId.get(point);
    if (q === undefined) {
      q = peopleOf.length;
      pointId.set(point, q);
      peopleOf.push([]);
    }
    const mine = pointsOf[p]!;
    if (mine[mine.length - 1] !== q && !mine.includes(q)) {
      mine.push(q);
      peopleOf[q]!.push(p);
    }
  }
  return { pointsOf, peopleOf, mostPoints: pointsOf.reduce((m, pts) => Math.max(m, pts.length), 0) };
}

/** Unicity for each p of `o.points` (pass `index` when the trace was already indexed). */
export function trajectoryUnicity(trace: Trace, o: UnicityOptions, index: TraceIndex = indexTrace(trace)): UnicityRow[] {
  const key = streamKey(o.seed ?? 1, 'unicity');
  const { pointsOf, peopleOf } = index;
  return o.points.map((p) => {
    const eligible = pointsOf.flatMap((pts, person) => (pts.length >= p ? [person] : []));
    const take = Math.min(o.samples ?? 2000, eligible.length);
    let unique = 0;
    for (let s = 0; s < take; s++) {
      const person = eligible[take === eligible.length ? s : below(key, s, p * 1000, eligible.length)]!;
      const chosen = choose(pointsOf[person]!, p, key, s * 64 + p);
      // people who have every chosen point: intersect, starting from the rarest point
      chosen.sort((x, y) => peopleOf[x]!.length - peopleOf[y]!.length);
      let candidates = peopleOf[chosen[0]!]!;
      for (let k = 1; k < chosen.length && candidates.length > 1; k++) {
        const has = new Set(peopleOf[chosen[k]!]!);
        candidates = candidates.filter((c) => has.has(c));
      }
      if (candidates.length === 1) unique++;
    }
    return { points: p, eligible: eligible.length, sampled: take, unique };
  });
}

/** p distinct entries of `from`, drawn with counter-based randomness. */
function choose(from: readonly number[], p: number, key: number, index: number): number[] {
  const pool = from.slice();
  const out: number[] = [];
  for (let k = 0; k < p; k++) {
    const j = k + below(key, index, k, pool.length - k);
    [pool[k], pool[j]] = [pool[j]!, pool[k]!];
    out.push(pool[k]!);
  }
  return out;
}

// The sampling frame: which ZCTAs and states a world covers, how many people, and how ages are drawn.
// Two modes: 'sample' draws N people proportional to population; 'complete' enumerates every person
// of the chosen states (times a scale), ZCTA by ZCTA, with exact age-sex quotas per state.
import { ageSex, geography } from '../calibration/tables.ts';
import { aliasTable, type AliasTable } from '../../src/random/alias.ts';
import { permutation, type Permutation } from '../../src/random/permutation.ts';
import { streamKey } from '../../src/random/prng.ts';
import { dayOf, parseIsoDay, ymdOf } from '../../src/dates.ts';
import { OptionError, type CalibrationName } from '../world-types.ts';

export const AGES = 101; // 0..100, 100 meaning 100+
export const AGE_SEX_CLASSES = 2 * AGES; // class = (sex - 1) * AGES + age

export interface StateFrame {
  readonly state: number;
  /** First person index of the state (complete mode) and its size. */
  readonly start: number;
  readonly count: number;
  /** Cumulative age-sex quotas (complete mode): class c holds quota positions [cum[c], cum[c+1]). */
  readonly quotaCum: Float64Array;
  readonly quotaPerm: Permutation | null;
  /** Age-sex draw (sample mode, and for anyone drawn by weight). */
  readonly ageSexAlias: AliasTable;
  /** ZCTAs of this state, for moves within the state. */
  readonly zctas: Int32Array;
  readonly zctaAlias: AliasTable;
}

export interface Segment {
  readonly start: number;
  readonly end: number;
  /** ZCTA index for a complete-mode segment, -1 when each household draws its ZCTA. */
  readonly zcta: number;
}

export interface Frame {
  readonly mode: 'sample' | 'complete';
  readonly calibration: CalibrationName;
  readonly refDay: number;
  readonly refYear: number;
  readonly totalPeople: number;
  readonly states: readonly number[];
  readonly stateFrames: ReadonlyMap<number, StateFrame>;
  /** The same, indexed by state index (undefined for states outside the frame). */
  readonly stateFrameOf: readonly StateFrame[];
  readonly segments: readonly Segment[];
  /** Whole-frame ZCTA draw (sample mode; moves across states). */
  readonly zctas: Int32Array;
  readonly zctaAlias: AliasTable;
  /** For an age a: first possible birth day and number of possible birth days given the reference date. */
  readonly birthLo: Int32Array;
  readonly birthSpan: Int32Array;
}

export interface FrameOptions {
  seed: number | string;
  calibration: CalibrationName;
  states: readonly number[];
  people: number | null;
  scale: number | null;
}

/** Population weight of each ZCTA under a calibration (2019: 2010 ZCTA shares scaled to 2019 state totals). */
function zctaWeights(calibration: CalibrationName): Float64Array {
  const z = geography.zctas;
  const w = Float64Array.from(z.pop);
  if (calibration === 'census2010') return w;
  const zctaSum = new Float64Array(geography.states.length);
  for (let i = 0; i < w.length; i++) zctaSum[z.state[i]] += w[i];
  const table = ageSex[calibration];
  for (let i = 0; i < w.length; i++) {
    const s = z.state[i];
    w[i] *= stateTotal(table, s) / zctaSum[s];
  }
  return w;
}

function stateTotal(table: { male: number[][]; female: number[][] }, s: number): number {
  let t = 0;
  for (let a = 0; a < AGES; a++) t += table.male[s][a] + table.female[s][a];
  return t;
}

function ageSexWeights(calibration: CalibrationName, s: number): Float64Array {
  const t = ageSex[calibration];
  const w = new Float64Array(AGE_SEX_CLASSES);
  for (let a = 0; a < AGES; a++) {
    w[a] = t.male[s][a];
    w[AGES + a] = t.female[s][a];
  }
  return w;
}

/** Integer shares of `total` proportional to `weights`, by largest remainder (ties to the lower index). */
export function largestRemainder(weights: ArrayLike<number>, total: number): Float64Array {
  let sum = 0;
  for (let i = 0; i < weights.length; i++) sum += weights[i];
  const out = new Float64Array(weights.length);
  const rem: number[] = [];
  let given = 0;
  for (let i = 0; i < weights.length; i++) {
    const exact = sum > 0 ? (weights[i] * total) / sum : 0;
    out[i] = Math.floor(exact);
    given += out[i];
    rem.push(exact - out[i]);
  }
  const order = rem.map((r, i) => i).sort((a, b) => rem[b] - rem[a] || a - b);
  for (let k = 0; given < total; k++, given++) out[order[k]]++;
  return out;
}

export function buildFrame(o: FrameOptions): Frame {
  const z = geography.zctas;
  const weights = zctaWeights(o.calibration);
  const chosen = new Set(o.states);
  const zctaList: number[] = [];
  for (let i = 0; i < z.zcta.length; i++) if (chosen.has(z.state[i])) zctaList.push(i);
  const zctas = Int32Array.from(zctaList);
  const refDay = parseIsoDay(ageSex[o.calibration].refDate);
  const refYear = ymdOf(refDay).year;

  // Per-ZCTA head counts in complete mode: each state's target total, split over its ZCTAs.
  const counts = new Float64Array(zctas.length);
  if (o.scale !== null) {
    for (const s of o.states) {
      const positions = zctaList.flatMap((i, k) => (z.state[i] === s ? [k] : []));
      const w = positions.map((k) => weights[zctas[k]]);
      const target = Math.round(w.reduce((a, b) => a + b, 0) * o.scale);
      const share = largestRemainder(w, target);
      positions.forEach((k, j) => (counts[k] = share[j]));
    }
  }

  const segments: Segment[] = [];
  const stateStart = new Map<number, number>();
  const stateCount = new Map<number, number>();
  let total = 0;
  if (o.scale === null) {
    total = o.people ?? 0;
    segments.push({ start: 0, end: total, zcta: -1 });
  } else {
    for (let k = 0; k < zctas.length; k++) {
      const s = z.state[zctas[k]];
      if (!stateStart.has(s)) stateStart.set(s, total);
      stateCount.set(s, (stateCount.get(s) ?? 0) + counts[k]);
      if (counts[k] > 0) segments.push({ start: total, end: total + counts[k], zcta: zctas[k] });
      total += counts[k];
    }
  }

  const stateFrames = new Map<number, StateFrame>();
  for (const s of o.states) {
    const inState = zctaList.filter((i) => z.state[i] === s);
    const asw = ageSexWeights(o.calibration, s);
    const count = stateCount.get(s) ?? 0;
    const quota = o.scale === null ? new Float64Array(AGE_SEX_CLASSES) : largestRemainder(asw, count);
    const quotaCum = new Float64Array(AGE_SEX_CLASSES + 1);
    for (let c = 0; c < AGE_SEX_CLASSES; c++) quotaCum[c + 1] = quotaCum[c] + quota[c];
    stateFrames.set(s, {
      state: s,
      start: stateStart.get(s) ?? 0,
      count,
      quotaCum,
      quotaPerm: count > 0 ? permutation(count, streamKey(o.seed, `age-quota-${s}`)) : null,
      ageSexAlias: aliasTable(asw),
      zctas: Int32Array.from(inState),
      zctaAlias: aliasTable(inState.map((i) => weights[i])),
    });
  }

  const birthLo = new Int32Array(AGES);
  const birthSpan = new Int32Array(AGES);
  const ref = ymdOf(refDay);
  for (let a = 0; a < AGES; a++) {
    // Born in (ref - (a+1) years, ref - a years]: exactly a years old on the reference date.
    const hi = dayOf(ref.year - a, ref.month, ref.day);
    const lo = dayOf(ref.year - a - 1, ref.month, ref.day) + 1;
    birthLo[a] = lo;
    birthSpan[a] = hi - lo + 1;
  }

  return {
    mode: o.scale === null ? 'sample' : 'complete',
    calibration: o.calibration,
    refDay,
    refYear,
    totalPeople: total,
    states: o.states,
    stateFrames,
    stateFrameOf: Array.from({ length: geography.states.length }, (_, s) => stateFrames.get(s)!),
    segments,
    zctas,
    zctaAlias: aliasTable(Array.from(zctas, (i) => weights[i])),
    birthLo,
    birthSpan,
  };
}

/** Resolves state abbreviations ('all' or a list) to state indices, with a clear error for unknown ones. */
export function resolveStates(states: readonly string[] | 'all' | undefined): number[] {
  if (states === undefined || states === 'all') return geography.states.map((_, i) => i);
  if (states.length === 0) throw new OptionError('states', 'give at least one state abbreviation, or "all"');
  const out: number[] = [];
  for (const raw of states) {
    const abbr = raw.trim().toUpperCase();
    if (abbr === 'ALL') return geography.states.map((_, i) => i);
    const i = geography.states.findIndex((s) => s.abbr === abbr);
    if (i < 0) {
      const known = geography.states.map((s) => s.abbr).join(',');
      throw new OptionError('states', `unknown state "${raw}" (known: ${known})`);
    }
    if (!out.includes(i)) out.push(i);
  }
  return out.sort((a, b) => a - b);
}

// claims-unicity: each figure rechecked by brute force, the sampled points compared with every trace of
// the release read row by row from its table.
import { beforeAll, describe, expect, it } from 'vitest';
import { claimsUnicityScenario, carrierRelease, unicityArms } from '../src/scenarios/builtin/claims-unicity.ts';
import { drawSamples, pointAt, tracesOf } from '../src/scenarios/builtin/claims-traces.ts';
import { runScenario, scenarioOptions } from '../src/scenarios/run.ts';
import { generatedWorld } from '../src/scenarios/world-memory.ts';
import { textsOf } from '../src/table/text.ts';
import { textColumn, type Table } from '../src/table/table.ts';
import { ScenarioOptionError } from '../src/scenarios/option-spec.ts';
import type { ScenarioResult } from '../src/scenarios/result.ts';
import type { ScenarioWorld } from '../src/scenarios/scenario.ts';

/** The table's columns as text, for the naive checks below. */
const texts = (t: Table): Record<string, (string | null)[]> => Object.fromEntries(t.names.map((n) => [n, textsOf(t, n)]));

const SAMPLES = 150;
const given = { world: { people: 8000, states: 'all' }, attack: { samples: SAMPLES } };
let world: ScenarioWorld;
let result: ScenarioResult;

beforeAll(async () => {
  const o = scenarioOptions(claimsUnicityScenario, given);
  world = generatedWorld(o.world as never, claimsUnicityScenario.needs);
  result = await runScenario(claimsUnicityScenario, o, world);
}, 60_000);

const dayOf = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000;
const isoOf = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);

/** Every beneficiary's released points as 'date|provider', read row by row, and the person behind each. */
function releasedTraces(table: Record<string, (string | null)[]>, truth: Int32Array) {
  const points = new Map<string, Set<string>>();
  const person = new Map<string, number>();
  for (let i = 0; i < truth.length; i++) {
    const [who, date, npi] = [table.bene_id![i], table.clm_from_dt![i], table.prf_physn_npi_1![i]];
    if (!who || !date || !npi) continue;
    if (!points.has(who)) points.set(who, new Set());
    points.get(who)!.add(`${date}|${npi}`);
    person.set(who, truth[i]!);
  }
  return { points, person };
}

/** Traces holding every point, for some one offset within ±window days (tried one by one). */
function holders(traces: ReturnType<typeof releasedTraces>, pts: { date: string; part: string }[], window: number): string[] {
  const out: string[] = [];
  for (const [who, set] of traces.points) {
    const offsets = window === 0 ? [0] : [...set].filter((k) => k.endsWith(`|${pts[0]!.part}`)).map((k) => dayOf(k.slice(0, 10)) - dayOf(pts[0]!.date));
    if (offsets.some((s) => Math.abs(s) <= window && pts.every((q) => set.has(`${s === 0 ? q.date : isoOf(dayOf(q.date) + s)}|${q.part}`)))) out.push(who);
  }
  return out;
}

describe('claims-unicity', () => {
  const claims = () => carrierRelease(world);
  const real = () => {
    const c = claims();
    const cols = texts(c.table);
    return tracesOf(c.truth, textColumn(cols.clm_from_dt!), textColumn(cols.prf_physn_npi_1!), c.truth);
  };

  it('every arm: the headline (4 real points, coded like the release) and unicity at 1..4 points, by brute force', () => {
    const arms = unicityArms({ maxDays: 365, providerDigits: 4 }, { by: 'provider', alignShift: true });
    const r = real();
    const known = drawSamples(r, 4, SAMPLES, 1);
    expect(known.length).toBe(SAMPLES);
    arms.forEach((arm, a) => {
      const release = arm.release(claims());
      const table = texts(release.table);
      const traces = releasedTraces(table, release.truth);
      let right = 0;
      for (const s of known) {
        const pts = s.picks.map((k) => pointAt(r, s.trace, k)).map((q) => arm.code(q.date, q.part));
        const found = holders(traces, pts, arm.window);
        if (found.length === 1 && traces.person.get(found[0]!) === r.person[s.trace]) right++;
      }
      const o = result.outcomes[a]!;
      expect(o.name).toBe(arm.name);
      expect(o.risk.interval!.k).toBe(right);
      expect(o.risk.interval!.n).toBe(SAMPLES);
      const inRelease = tracesOf(textColumn(table.bene_id!), textColumn(table.clm_from_dt!), textColumn(table.prf_physn_npi_1!), release.truth);
      for (let p = 1; p <= 4; p++) {
        const own = drawSamples(inRelease, p, SAMPLES, 1);
        const unique = own.filter((s) => holders(traces, s.picks.map((k) => pointAt(inRelease, s.trace, k)), 0).length === 1).length;
        const f = o.figures.find((x) => x.name === `singledOut${p}`)!;
        expect([f.interval!.k, f.interval!.n]).toEqual([unique, own.length]);
      }
    });
  });

  it('a date shift keeps traces unique within the release but hides them from an adversary who takes the dates as real', () => {
    const shifted = result.outcomes[1]!;
    const naive = shifted.figures.find((f) => f.name === 'otherAssumption')!;
    expect(shifted.figures.find((f) => f.name === 'singledOut4')!.value).toBeGreaterThan(0.9);
    expect(naive.value).toBeLessThan(0.05);
    expect(shifted.risk.value).toBeGreaterThan(0.9);
  });

  it('more points single out at least as many (monotone in this world)', () => {
    const o = result.outcomes[0]!;
    const u = [1, 2, 3, 4].map((p) => o.figures.find((f) => f.name === `singledOut${p}`)!.value);
    expect(u[3]!).toBeGreaterThanOrEqual(u[0]!);
  });

  it('refuses more points than anyone has, naming attack.points', async () => {
    const o = scenarioOptions(claimsUnicityScenario, { ...given, attack: { points: 100000 } });
    await expect(runScenario(claimsUnicityScenario, o, world)).rejects.toThrow(ScenarioOptionError);
    await expect(runScenario(claimsUnicityScenario, o, world)).rejects.toThrow(/attack\.points/);
  });
});

// The synthetic-release scenario on a 20,000-person world: the split, the releases and their utility
// recomputed by naive loops; the headline is the singling-out attack with its control as baseline.
import { beforeAll, describe, expect, test } from 'vitest';
import { splitExtract, syntheticReleaseScenario, KEPT_PAIRS } from '../src/scenarios/builtin/synthetic-release.ts';
import { runScenario, scenarioOptions } from '../src/scenarios/run.ts';
import { generatedWorld } from '../src/scenarios/world-memory.ts';
import type { ScenarioWorld } from '../src/scenarios/scenario.ts';
import type { Outcome, ScenarioResult } from '../src/scenarios/result.ts';
import type { WorldSection } from '../src/scenarios/world-options.ts';
import { applyPipeline } from '../safeguards/registry.ts';
import { textsOf } from '../src/table/text.ts';
import type { Table } from '../src/table/table.ts';

type Texts = Record<string, (string | null)[]>;
/** The table's columns as text, for the naive checks below. */
const texts = (t: Table): Texts => Object.fromEntries(t.names.map((n) => [n, textsOf(t, n)]));
import { columnText } from './helpers/world.ts';

const GIVEN = { world: { people: 20000, states: 'all' }, release: { epsilon: [1] }, attack: { attacks: 200 } };
let world: ScenarioWorld;
let result: ScenarioResult;
let split: ReturnType<typeof splitExtract>;

const outcome = (name: string) => result.outcomes.find((o) => o.name === name)!;
const figure = (o: Outcome, name: string) => o.figures.find((f) => f.name === name)!;

beforeAll(async () => {
  const options = scenarioOptions(syntheticReleaseScenario, GIVEN);
  world = generatedWorld(options.world as WorldSection, syntheticReleaseScenario.needs);
  result = await runScenario(syntheticReleaseScenario, options, world);
  split = splitExtract(world, 1);
});

/** Naive standard-workload loss: counts by state x 5-year cohort x condition, weighted min(1, relative error), mean of the two conditions. */
function naiveLoss(original: Texts, release: Texts): number {
  const cells = (t: Texts, condition: string) => {
    const m = new Map<string, number>();
    for (let i = 0; i < t.mailing_state!.length; i++) {
      const [s, y, c] = [t.mailing_state![i], t.bene_birth_dt![i], t[condition]![i]];
      if (s === null || y === null || c === null) continue;
      const k = `${s}|${Number(y) - (Number(y) % 5)}|${c}`;
      m.set(k, (m.get(k) ?? 0) + 1);
    }
    return m;
  };
  const losses = ['sp_diabetes', 'sp_chf'].map((c) => {
    const o = cells(original, c);
    const r = cells(release, c);
    let lost = 0;
    let weight = 0;
    for (const [k, n] of o) {
      weight += n;
      lost += n * Math.min(1, Math.abs((r.get(k) ?? 0) - n) / n);
    }
    return lost / weight;
  });
  return (losses[0]! + losses[1]!) / 2;
}

describe('synthetic-release', () => {
  test('the extract is cut into two disjoint halves covering every beneficiary once', () => {
    const benes = world.beneficiaries!;
    const all = new Set(columnText(benes, 'person_id').map(Number));
    const n = all.size;
    expect(split.trainingTruth.length).toBe(Math.floor(n / 2));
    expect(split.control.rows).toBe(n - Math.floor(n / 2));
    expect(new Set(split.trainingTruth).size).toBe(split.trainingTruth.length);
    for (const p of split.trainingTruth) expect(all.has(p)).toBe(true);
    // birth years only; the standard workload's columns kept
    expect(textsOf(split.training, 'bene_birth_dt').every((y) => y === null || /^\d{4}$/.test(y))).toBe(true);
    for (const c of ['mailing_state', 'bene_birth_dt', 'sp_diabetes', 'sp_chf']) expect(split.training.columns[c]).toBeDefined();
  });

  test('arms: the real records first, then the baseline synthesizer and DP marginals', () => {
    expect(result.outcomes.map((o) => o.name)).toEqual(['real records', 'marginal synthesizer', 'DP marginals, ε = 1']);
  });

  test('the headline is the singling-out rate of the main attack, with its control as baseline', () => {
    for (const o of result.outcomes) {
      const so = figure(o, 'singlingOutRate');
      expect(o.risk.interval!.k).toBe(so.interval!.k);
      expect(o.risk.interval!.n).toBe(so.interval!.n);
      expect(o.risk.interval!.n).toBe(200);
      expect(o.risk.baseline!.value).toBe(so.baseline!.value);
      expect(o.risk.value).toBeCloseTo(so.interval!.k / so.interval!.n, 12);
    }
    // releasing the real records: every query read off a real record that is unique singles someone out
    const real = outcome('real records');
    expect(real.risk.value).toBeGreaterThan(real.risk.baseline!.value);
    // the synthesizers do no better on the training records than on the control, beyond the noise
    for (const name of ['marginal synthesizer', 'DP marginals, ε = 1']) expect(figure(outcome(name), 'singlingOutRisk').value).toBeLessThan(0.2);
  });

  test('utility: releasing the real records loses nothing; each synthetic release loses what a naive count comparison says', () => {
    expect(outcome('real records').utility.lost).toBe(0);
    const training = split.training;
    const releases = {
      'marginal synthesizer': applyPipeline({ table: training, truth: split.trainingTruth }, [{ safeguard: 'synthetic', options: { seed: 1 } }]),
      'DP marginals, ε = 1': applyPipeline({ table: training, truth: split.trainingTruth }, [{ safeguard: 'dp-synthetic', options: { epsilon: 1, seed: 1, pairs: KEPT_PAIRS, domains: split.domains } }]),
    };
    for (const [name, release] of Object.entries(releases)) {
      expect(outcome(name).utility.lost).toBeCloseTo(naiveLoss(texts(split.training), texts(release.table)), 9);
    }
  });

  test('the DP release: the epsilon given spent, the columns and rows of the training half, values from the public domains only', () => {
    const dp = outcome('DP marginals, ε = 1');
    const summary = dp.applied[0]!.summary as { epsilonSpent: number; domainFromData: string[] };
    expect(summary.epsilonSpent).toBeCloseTo(1, 12);
    expect(summary.domainFromData).toEqual([]);
    const release = applyPipeline({ table: split.training, truth: split.trainingTruth }, [{ safeguard: 'dp-synthetic', options: { epsilon: 1, seed: 1, pairs: KEPT_PAIRS, domains: split.domains } }]);
    expect([...release.table.names]).toEqual([...split.training.names]);
    expect(release.table.rows).toBe(split.trainingTruth.length);
    const cols = texts(release.table);
    for (const [c, domain] of Object.entries(split.domains)) {
      const allowed = new Set(domain);
      for (const v of cols[c]!) expect(v === null || allowed.has(v)).toBe(true);
    }
  });

  test('bad options name their path', () => {
    expect(() => scenarioOptions(syntheticReleaseScenario, { release: { epsilon: [0] } })).toThrow(/release\.epsilon\[0\]/);
    expect(() => scenarioOptions(syntheticReleaseScenario, { attack: { attacks: 10 } })).toThrow(/attack\.attacks/);
    expect(() => scenarioOptions(syntheticReleaseScenario, { attack: { headline: 'inference' } })).toThrow(/attack\.headline/);
  });
});

// voter-roll end to end on a small world: every headline recomputed from the truth with plain loops.
import { beforeAll, describe, expect, test } from 'vitest';
import { voterRoll } from '../generators/adversary/voter-roll.ts';
import { beneficiaryExtract, voterRollScenario } from '../src/scenarios/builtin/voter-roll.ts';
import { generatedWorld } from '../src/scenarios/world-memory.ts';
import { runScenario, scenarioOptions } from '../src/scenarios/run.ts';
import type { ScenarioResult } from '../src/scenarios/result.ts';
import type { ScenarioWorld } from '../src/scenarios/scenario.ts';
import { textsOf } from '../src/table/text.ts';
import type { Table } from '../src/table/table.ts';
import { applyPipeline } from '../safeguards/registry.ts';
import { columnText } from './helpers/world.ts';

/** The table's columns as text, for the naive checks below. */
const texts = (t: Table): Record<string, (string | null)[]> => Object.fromEntries(t.names.map((n) => [n, textsOf(t, n)]));

let world: ScenarioWorld;
let result: ScenarioResult;
const options = scenarioOptions(voterRollScenario, { world: { people: 20_000, states: 'all' }, release: { k: [5], epsilon: [1] }, adversary: { seed: 3 } });

beforeAll(async () => {
  world = generatedWorld(options.world as any, voterRollScenario.needs);
  result = await runScenario(voterRollScenario, options, world);
}, 60_000);

const figure = (outcome: string, name: string) => result.outcomes.find((o) => o.name === outcome)!.figures.find((f) => f.name === name)!;

describe('voter-roll on a 20,000-person world', () => {
  test('outcomes: no safeguard first, then Safe Harbor, k = 5, DP counts', () => {
    expect(result.outcomes.map((o) => o.name)).toEqual(['no safeguard', 'Safe Harbor', 'k = 5', 'DP counts, ε = 1']);
  });

  test('with no safeguard, the certain links are the records whose ZIP, sex and birth date are unique in both tables and the same person', () => {
    const extract = beneficiaryExtract(world);
    const roll = voterRoll(world.people, { seed: 3 });
    const e = texts(extract.table);
    const keyE = (i: number) => (e.mailing_zip![i] && e.sex![i] && e.birth_date![i] ? `${e.mailing_zip![i]}|${e.sex![i]}|${e.birth_date![i]}` : null);
    const keyV = (i: number) => (columnText(roll.table, 'zip')[i] && columnText(roll.table, 'sex')[i] && columnText(roll.table, 'birth_date')[i] ? `${columnText(roll.table, 'zip')[i]}|${columnText(roll.table, 'sex')[i]!.toUpperCase()}|${columnText(roll.table, 'birth_date')[i]}` : null);
    const countE = new Map<string, number>();
    const voters = new Map<string, number[]>();
    for (let i = 0; i < extract.truth.length; i++) {
      const k = keyE(i);
      if (k) countE.set(k, (countE.get(k) ?? 0) + 1);
    }
    for (let j = 0; j < roll.truth.length; j++) {
      const k = keyV(j);
      if (k) voters.set(k, [...(voters.get(k) ?? []), roll.truth[j]!]);
    }
    let certain = 0;
    let matched = 0;
    for (let i = 0; i < extract.truth.length; i++) {
      const k = keyE(i);
      const v = k ? voters.get(k) : undefined;
      if (!v) continue;
      matched++;
      if (countE.get(k!) === 1 && v.length === 1 && v[0] === extract.truth[i]) certain++;
    }
    expect(figure('no safeguard', 'namedWithCertainty').interval!.k).toBe(certain);
    expect(figure('no safeguard', 'matchedAny').interval!.k).toBe(matched);
    expect(figure('no safeguard', 'namedWithCertainty').interval!.n).toBe(extract.truth.length);
    // the guessing attacker names someone for every matched record; right + wrong = matched
    const none = result.outcomes[0]!;
    expect(none.risk.interval!.k + figure('no safeguard', 'wrongLinks').value).toBe(matched);
    expect(none.risk.interval!.k).toBeGreaterThanOrEqual(certain);
  });

  test('k = 5: the released table is 5-anonymous on ZIP, sex and birth date, and guesses are right no more than about 1/5 of the time', () => {
    const extract = beneficiaryExtract(world);
    const release = applyPipeline(extract, [{ safeguard: 'k-anonymity', options: { qi: ['mailing_zip', 'sex', 'birth_date'], k: 5, suppressionLimit: 0.05 } }]);
    const t = texts(release.table);
    const sizes = new Map<string, number>();
    for (let i = 0; i < release.truth.length; i++) {
      if (t.mailing_zip![i] === '*') continue; // suppressed
      const k = `${t.mailing_zip![i]}|${t.sex![i]}|${t.birth_date![i]}`;
      sizes.set(k, (sizes.get(k) ?? 0) + 1);
    }
    expect(Math.min(...sizes.values())).toBeGreaterThanOrEqual(5);
    const k5 = result.outcomes.find((o) => o.name === 'k = 5')!;
    const matched = figure('k = 5', 'matchedAny').interval!.k;
    expect(k5.risk.interval!.k).toBeLessThanOrEqual(matched / 5 + 3 * Math.sqrt(matched / 5));
    expect(figure('k = 5', 'namedWithCertainty').interval!.k).toBe(0);
  });

  test('DP counts release no records: nobody is linked, and harm is empty', () => {
    const dp = result.outcomes.at(-1)!;
    expect(dp.risk.interval!.k).toBe(0);
    expect(dp.wronglyNamed).toBe(0);
    expect(dp.applied.map((a) => a.safeguard)).toEqual(['generalise', 'dp-counts']);
  });

  test('harm: the people wrongly named, by group, add up to the wrongly named; utility: nothing lost without a safeguard', () => {
    for (const o of result.outcomes) {
      expect(o.harm.byImmigrationStatus.reduce((a, g) => a + g.wronglyNamed, 0)).toBe(o.wronglyNamed);
      expect(o.harm.byRaceEthnicity.reduce((a, g) => a + g.wronglyNamed, 0)).toBe(o.wronglyNamed);
      expect(o.risk.value).toBeGreaterThanOrEqual(0);
      expect(o.risk.value).toBeLessThanOrEqual(1);
      expect(o.utility.lost).toBeGreaterThanOrEqual(0);
      expect(o.utility.lost).toBeLessThanOrEqual(1);
    }
    expect(result.outcomes[0]!.utility.lost).toBe(0);
    expect(result.outcomes[0]!.risk.value).toBeGreaterThan(result.outcomes[1]!.risk.value - 0.2);
  });

  test('same options, same result', async () => {
    const again = await runScenario(voterRollScenario, options, world);
    expect(JSON.stringify(again)).toBe(JSON.stringify(result));
  });
});

// The pprl-bloom scenario on a 20,000-person world: every figure recomputed from the truth by naive
// loops (true pairs, exact matching, the rank alignment of first names), not by the scenario's code.
import { beforeAll, describe, expect, test } from 'vitest';
import { pprlBloomScenario } from '../src/scenarios/builtin/pprl-bloom.ts';
import { runScenario, scenarioOptions } from '../src/scenarios/run.ts';
import { generatedWorld } from '../src/scenarios/world-memory.ts';
import type { ScenarioWorld } from '../src/scenarios/scenario.ts';
import type { Outcome, ScenarioResult } from '../src/scenarios/result.ts';
import { ScenarioOptionError } from '../src/scenarios/option-spec.ts';
import { voterRoll } from '../generators/adversary/voter-roll.ts';
import type { WorldSection } from '../src/scenarios/world-options.ts';
import { columnText } from './helpers/world.ts';

const GIVEN = { world: { people: 20000, states: 'all' }, attack: { window: 0 }, release: { balanced: false, records: 1_000_000 } }; // every beneficiary: the checks below recount from all of them
let world: ScenarioWorld;
let result: ScenarioResult;
// The hospital's records, from the truth: person id, first name, last name, birth date (upper case).
let hospital: { pid: number; first: string; last: string; birth: string }[];
let roll: ReturnType<typeof voterRoll>;

const up = (s: string | null | undefined) => (s ?? '').trim().replace(/\s+/g, ' ').toUpperCase();
const figure = (o: Outcome, name: string) => o.figures.find((f) => f.name === name)!;
const outcome = (name: string) => result.outcomes.find((o) => o.name === name)!;

beforeAll(async () => {
  const options = scenarioOptions(pprlBloomScenario, GIVEN);
  world = generatedWorld(options.world as WorldSection, pprlBloomScenario.needs);
  result = await runScenario(pprlBloomScenario, options, world);
  const people = new Map<number, number>();
  const pid = columnText(world.people, 'person_id');
  for (let i = 0; i < world.people.rows; i++) people.set(Number(pid[i]), i);
  const benes = world.beneficiaries!;
  const [first, last, birth] = ['first_name', 'last_name', 'birth_date'].map((c) => columnText(world.people, c));
  const year = columnText(benes, 'year');
  const firstYear = Math.min(...columnText(benes, 'year').map(Number));
  hospital = [];
  columnText(benes, 'person_id').forEach((p, i) => {
    if (Number(year[i]) !== firstYear) return;
    const row = people.get(Number(p))!;
    hospital.push({ pid: Number(p), first: up(first![row]), last: up(last![row]), birth: up(birth![row]) });
  });
  roll = voterRoll(world.people, { seed: 1 });
});

/** Naive rank alignment: hospital groups (by `key`) by size then first appearance; public names by count then alphabet. */
function naiveAttack(key: (h: (typeof hospital)[number]) => string, top: number): number {
  const groups = new Map<string, { size: number; first: number; name: string }>();
  hospital.forEach((h, i) => {
    const g = groups.get(key(h));
    if (g) g.size++;
    else groups.set(key(h), { size: 1, first: i, name: h.first });
  });
  const ranked = [...groups.entries()].filter(([, g]) => g.size >= 2).sort((a, b) => b[1].size - a[1].size || a[1].first - b[1].first).slice(0, top);
  const counts = new Map<string, number>();
  columnText(roll.table, 'first_name').forEach((f, i) => {
    if (Number(columnText(roll.table, 'birth_year')[i]) <= 2010 - 65 && up(f)) counts.set(up(f), (counts.get(up(f)) ?? 0) + 1);
  });
  const names = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([n]) => n);
  let right = 0;
  ranked.forEach(([k, g], r) => {
    if (names[r] === g.name) right += hospital.filter((h) => key(h) === k).length;
  });
  return right;
}

describe('pprl-bloom', () => {
  test('arms: plain identifiers first, then the encodings compared', () => {
    expect(result.outcomes.map((o) => o.name)).toEqual(['plain identifiers', 'field-level filters', 'salted by birth year', 'record-level CLK']);
    for (const o of result.outcomes) expect(o.risk.interval!.n).toBe(hospital.length);
  });

  test('true pairs and exact matching, recomputed from the truth', () => {
    const inRoll = new Set(Array.from(roll.truth));
    const truePairs = hospital.filter((h) => inRoll.has(h.pid)).length;
    for (const o of result.outcomes) expect(figure(o, 'recall').interval!.n).toBe(truePairs);
    // exact matching: a key unique on both sides, linked; right when the same person
    const keyCount = (keys: string[]) => keys.reduce((m, k) => m.set(k, (m.get(k) ?? 0) + 1), new Map<string, number>());
    const hk = hospital.map((h) => `${h.first}|${h.last}|${h.birth}`);
    const rk = columnText(roll.table, 'first_name').map((f, i) => `${up(f)}|${up(columnText(roll.table, 'last_name')[i])}|${up(columnText(roll.table, 'birth_date')[i])}`);
    const hc = keyCount(hk);
    const rc = keyCount(rk);
    const rowOf = new Map(rk.map((k, i) => [k, i]));
    let right = 0;
    let links = 0;
    hk.forEach((k, i) => {
      if (hc.get(k) !== 1 || rc.get(k) !== 1 || k.split('|').some((p) => p === '')) return;
      links++;
      if (roll.truth[rowOf.get(k)!] === hospital[i]!.pid) right++;
    });
    const plain = outcome('plain identifiers');
    expect(figure(plain, 'recall').interval!.k).toBe(right);
    expect(figure(plain, 'precision').interval!.n).toBe(links);
    expect(plain.risk.interval!.k).toBe(hospital.filter((h) => h.first).length);
  });

  test('the frequency attack on field-level filters recovers what a naive rank alignment of first names recovers', () => {
    const got = outcome('field-level filters').risk.interval!.k;
    expect(got).toBe(naiveAttack((h) => h.first, 20));
    expect(got).toBeGreaterThan(0);
  });

  test('salting with the birth year: groups are first name x birth year, and far fewer names are recovered', () => {
    const got = outcome('salted by birth year').risk.interval!.k;
    expect(got).toBe(naiveAttack((h) => `${h.first}|${h.birth.slice(0, 4)}`, 20));
    expect(got).toBeLessThan(outcome('field-level filters').risk.interval!.k / 3);
  });

  test('record-level CLK: no two hospital records share first name, last name and birth date, so nothing is recovered', () => {
    const keys = new Set(hospital.map((h) => `${h.first}|${h.last}|${h.birth}`));
    expect(keys.size).toBe(hospital.length);
    expect(outcome('record-level CLK').risk.interval!.k).toBe(0);
  });

  test('utility lost = 1 - recall / recall of exact matching, 0 when the encoding finds more', () => {
    const exact = figure(outcome('plain identifiers'), 'recall').value;
    for (const o of result.outcomes) {
      const recall = figure(o, 'recall').value;
      expect(o.utility.lost).toBeCloseTo(Math.max(0, 1 - recall / exact), 12);
    }
    // Dice similarity tolerates the registry's typos: every encoding finds more true pairs than exact matching
    for (const o of result.outcomes.slice(1)) expect(figure(o, 'recall').value).toBeGreaterThan(exact);
  });

  test('harm: the people re-identified, by immigration status, add up to the headline', () => {
    for (const o of result.outcomes) expect(o.harm.byImmigrationStatus.reduce((a, g) => a + g.reidentified, 0)).toBe(o.risk.interval!.k);
  });

  test('release.records: the hospital holds a seeded sample of that many beneficiaries, the same sample every run', async () => {
    const given = { ...GIVEN, release: { ...GIVEN.release, records: 500, salted: false, clk: false } };
    const sampled = await runScenario(pprlBloomScenario, scenarioOptions(pprlBloomScenario, given), world);
    expect(sampled.outcomes.map((o) => o.risk.interval!.n)).toEqual(sampled.outcomes.map(() => 500));
    expect(result.outcomes[0]!.risk.interval!.n).toBeGreaterThan(500);
    const again = await runScenario(pprlBloomScenario, scenarioOptions(pprlBloomScenario, given), world);
    expect(JSON.stringify(again.outcomes.map((o) => o.figures))).toBe(JSON.stringify(sampled.outcomes.map((o) => o.figures)));
  }, 60_000);

  test('bad options name their path', () => {
    expect(() => scenarioOptions(pprlBloomScenario, { release: { threshold: 2 } })).toThrow(ScenarioOptionError);
    expect(() => scenarioOptions(pprlBloomScenario, { release: { threshold: 2 } })).toThrow(/release\.threshold/);
    expect(() => scenarioOptions(pprlBloomScenario, { attack: { top: -1 } })).toThrow(/attack\.top/);
  });
});

// The ssn-match scenario on a small world: every arm's right and wrong matches recounted by a naive loop
// over the truth, the hashed SSN matching exactly as the plain SSN, the keyed HMAC matching nobody.
import { beforeAll, describe, expect, test } from 'vitest';
import { agencyList } from '../generators/adversary/agency-list.ts';
import { OptionError } from '../generators/world-types.ts';
import { ScenarioOptionError } from '../src/scenarios/option-spec.ts';
import type { Outcome, ScenarioResult } from '../src/scenarios/result.ts';
import { runScenario, scenarioOptions } from '../src/scenarios/run.ts';
import type { ScenarioWorld } from '../src/scenarios/scenario.ts';
import { generatedWorld } from '../src/scenarios/world-memory.ts';
import { beneficiaryRows } from '../src/scenarios/world-view.ts';
import { ssnMatchScenario } from '../src/scenarios/builtin/ssn-match.ts';
import { columnText } from './helpers/world.ts';

const WORLD = { people: 20_000, states: 'all', seed: 2, scale: 1, calibration: 'est2019' } as const;
const ADVERSARY = { size: 600, seed: 3 };
let world: ScenarioWorld;
let result: ScenarioResult;

beforeAll(async () => {
  world = generatedWorld(WORLD, ['beneficiaries']);
  result = await runScenario(ssnMatchScenario, scenarioOptions(ssnMatchScenario, { world: WORLD, adversary: ADVERSARY }), world);
});

const arm = (name: string): Outcome => result.outcomes.find((o) => o.name === name)!;
const fig = (o: Outcome, name: string) => o.figures.find((f) => f.name === name)!;

/** Naive recount: for each listed person, every beneficiary record the rule accepts, right or wrong. */
function recount(accept: (k: number, i: number) => boolean) {
  const agency = agencyList(world.people, { seed: ADVERSARY.seed, size: ADVERSARY.size });
  const benes = world.beneficiaries!;
  const bp = columnText(benes, 'person_id');
  const street = columnText(benes, 'mailing_street');
  const pid = columnText(world.people, 'person_id');
  const currentStreet = new Map<number, string>();
  columnText(world.people, 'street').forEach((s, i) => currentStreet.set(Number(pid[i]), (s ?? '').toUpperCase()));
  let right = 0;
  let wrong = 0;
  let matched = 0;
  let current = 0;
  const rows = beneficiaryRows(benes);
  agency.truth.forEach((person, k) => {
    let any = false;
    for (const i of rows) {
      if (!accept(k, i)) continue;
      any = true;
      if (Number(bp[i]) === person) {
        right++;
        if (street[i] === currentStreet.get(person)) current++;
      } else wrong++;
    }
    if (any) matched++;
  });
  return { right, wrong, matched, current };
}

function rules() {
  const agency = agencyList(world.people, { seed: ADVERSARY.seed, size: ADVERSARY.size });
  const benes = world.beneficiaries!;
  const [hicn, first, last, dob] = ['hicn', 'first_name', 'last_name', 'bene_birth_dt'].map((c) => columnText(benes, c));
  const ssn = (k: number, i: number) => {
    const s = columnText(agency.table, 'ssn')[k];
    return !!s && s.replace(/-/g, '') === hicn![i]!.slice(0, 9);
  };
  const nameDob = (k: number, i: number) =>
    columnText(agency.table, 'first_name')[k]?.toUpperCase() === first![i] &&
    columnText(agency.table, 'last_name')[k]?.toUpperCase() === last![i] &&
    columnText(agency.table, 'birth_date')[k] === `${dob![i]!.slice(0, 4)}-${dob![i]!.slice(4, 6)}-${dob![i]!.slice(6)}`;
  return { ssn, nameDob, both: (k: number, i: number) => ssn(k, i) && nameDob(k, i) };
}

describe('ssn-match scenario', () => {
  test('every arm: found, wrong records, matched anyone and current address equal a naive recount from the truth', () => {
    const r = rules();
    const expected: [string, ReturnType<typeof recount>][] = [
      ['no safeguard', recount(r.ssn)],
      ['no SSN shared', recount(r.nameDob)],
      ['minimum necessary', recount(r.both)],
    ];
    for (const [name, e] of expected) {
      const o = arm(name);
      expect(o.risk.interval!.k, name).toBe(e.right);
      expect(o.risk.interval!.n, name).toBe(ADVERSARY.size);
      expect(fig(o, 'wrongRecords').value, name).toBe(e.wrong);
      expect(fig(o, 'matchedAnyone').interval!.k, name).toBe(e.matched);
      expect(fig(o, 'atCurrentAddress').interval!.k, name).toBe(e.current);
      expect(fig(o, 'recordsReturned').value, name).toBe(e.right + e.wrong);
    }
    // The world must exercise the figures: right and wrong matches both happen on the SSN.
    expect(expected[0]![1].right).toBeGreaterThan(0);
    expect(expected[0]![1].wrong).toBeGreaterThan(0);
    expect(expected[1]![1].right).toBeGreaterThan(0);
    expect(expected[2]![1].right).toBeGreaterThan(0);
  });

  test('the hashed SSN matches exactly as the plain SSN: every figure and who is harmed', () => {
    const plain = arm('no safeguard');
    const hashed = arm('hashed SSN');
    expect(hashed.figures.map((f) => [f.name, f.value])).toEqual(plain.figures.map((f) => [f.name, f.value]));
    expect(hashed.wronglyNamed).toBe(plain.wronglyNamed);
    expect(hashed.harm.byImmigrationStatus).toEqual(plain.harm.byImmigrationStatus);
    expect(hashed.applied.map((a) => a.safeguard)).toEqual(['pseudonymise']);
  });

  test('the keyed HMAC matches nobody', () => {
    const o = arm('HMAC, key kept by CMS');
    expect(o.risk.interval!.k).toBe(0);
    expect(fig(o, 'matchedAnyone').interval!.k).toBe(0);
    expect(fig(o, 'recordsReturned').value).toBe(0);
    expect(o.wronglyNamed).toBe(0);
    expect(o.utility.lost).toBe(1);
  });

  test('minimum necessary returns no more wrong records nor right people than the plain SSN', () => {
    const plain = arm('no safeguard');
    const min = arm('minimum necessary');
    expect(fig(min, 'wrongRecords').value).toBeLessThanOrEqual(fig(plain, 'wrongRecords').value);
    expect(min.risk.interval!.k).toBeLessThanOrEqual(plain.risk.interval!.k);
  });

  test('utility lost is 1 - found at current address over the same with no safeguard', () => {
    const r = rules();
    const reference = recount(r.ssn).current;
    for (const [name, rule] of [['no SSN shared', r.nameDob], ['minimum necessary', r.both]] as const) {
      const u = arm(name).utility;
      expect(u.lost).toBeCloseTo(Math.max(0, 1 - recount(rule).current / reference), 12);
      expect(u.queries).toEqual([{ query: 'listed beneficiaries found at their current address', lost: u.lost, meanRelativeError: null }]);
    }
    expect(arm('no safeguard').utility.lost).toBe(0);
  });

  test('harm groups sum to the people wrongly named and re-identified', () => {
    for (const o of result.outcomes) {
      for (const groups of [o.harm.byImmigrationStatus, o.harm.byRaceEthnicity]) {
        expect(groups.reduce((a, g) => a + g.wronglyNamed, 0), o.name).toBe(o.wronglyNamed);
        expect(groups.reduce((a, g) => a + g.reidentified, 0), o.name).toBe(o.risk.interval!.k);
      }
    }
    expect(arm('no safeguard').wronglyNamed).toBeGreaterThan(0);
  });

  test('people not in Medicare: listed people without a beneficiary record, counted from the truth', () => {
    const agency = agencyList(world.people, { seed: ADVERSARY.seed, size: ADVERSARY.size });
    const benes = world.beneficiaries!;
    const inMedicare = new Set(beneficiaryRows(benes).map((i) => Number(columnText(benes, 'person_id')[i])));
    const expected = [...agency.truth].filter((p) => !inMedicare.has(p)).length;
    for (const o of result.outcomes) expect(fig(o, 'notInMedicare').interval!.k).toBe(expected);
  });

  test('a list larger than the world supplies is an error naming adversary.size; a bad size names its path', async () => {
    await expect(runScenario(ssnMatchScenario, scenarioOptions(ssnMatchScenario, { world: WORLD, adversary: { size: 1_000_000 } }), world)).rejects.toSatisfy(
      (e) => e instanceof OptionError && e.option === 'adversary.size',
    );
    expect(() => scenarioOptions(ssnMatchScenario, { adversary: { size: 0 } })).toThrow(ScenarioOptionError);
    expect(() => scenarioOptions(ssnMatchScenario, { adversary: { size: 0 } })).toThrow(/adversary\.size/);
  });

  test('same seed, same result', async () => {
    const again = await runScenario(ssnMatchScenario, scenarioOptions(ssnMatchScenario, { world: WORLD, adversary: ADVERSARY }), world);
    expect(again.outcomes.map((o) => o.figures)).toEqual(result.outcomes.map((o) => o.figures));
    expect(again.summary).toBe(result.summary);
  });
});

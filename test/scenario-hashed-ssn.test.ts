// The hashed-ssn scenario on a small world, over a narrowed slice of areas to stay fast: the released
// hashes recomputed with src/crypto/sha256.ts, the inversion recovering exactly the SSNs it was given
// that lie in the areas enumerated, the naming recounted from a broker list rebuilt here, and the salted
// and keyed files recovering nothing from candidates that hold some of their SSNs.
import { beforeAll, describe, expect, test } from 'vitest';
import { brokerFile } from '../generators/adversary/broker-file.ts';
import { OptionError } from '../generators/world-types.ts';
import { sha256Words, wordsToHexBE } from '../src/crypto/sha256.ts';
import { ScenarioOptionError } from '../src/scenarios/option-spec.ts';
import type { Outcome } from '../src/scenarios/result.ts';
import { scenarioOptions } from '../src/scenarios/run.ts';
import type { ScenarioWorld } from '../src/scenarios/scenario.ts';
import { generatedWorld } from '../src/scenarios/world-memory.ts';
import { beneficiaryRows } from '../src/scenarios/world-view.ts';
import { hashedSsnInputs, hashedSsnRun, hashedSsnScenario } from '../src/scenarios/builtin/hashed-ssn.ts';
import { columnText } from './helpers/world.ts';

const WORLD = { people: 20_000, states: 'all', seed: 2, scale: 1, calibration: 'est2019' } as const;
const AREAS = { from: 900, to: 903 };
const SLICE = 300_000;
const given = { world: WORLD, release: { size: 150, seed: 4 }, adversary: { seed: 5 }, attack: { areaFrom: AREAS.from, areaTo: AREAS.to, slice: SLICE, guessedKeys: ['secret'] } };
let world: ScenarioWorld;
let run: Awaited<ReturnType<typeof hashedSsnRun>>;

beforeAll(async () => {
  world = generatedWorld(WORLD, ['beneficiaries']);
  run = await hashedSsnRun(world, scenarioOptions(hashedSsnScenario, given));
});

const outcome = (name: string): Outcome => run.result.outcomes.find((o) => o.name === name)!;
const fig = (o: Outcome, name: string) => o.figures.find((f) => f.name === name)!;
const armNamed = (name: string) => run.arms.find((a) => a.arm.name === name)!;

/** The SSN (the HICN's nine digits) of each released person, read from the world by person id. */
function trueSsns(): string[] {
  const benes = world.beneficiaries!;
  const pid = columnText(benes, 'person_id');
  const hicn = columnText(benes, 'hicn');
  const byPerson = new Map<number, string>();
  for (const i of beneficiaryRows(benes)) byPerson.set(Number(pid[i]), hicn[i]!.slice(0, 9));
  return Array.from(run.inputs.file.truth, (p) => byPerson.get(p)!);
}

const sha256Hex = (text: string) => wordsToHexBE(sha256Words(new TextEncoder().encode(text)));
const inAreas = (ssn: string) => Number(ssn.slice(0, 3)) >= AREAS.from && Number(ssn.slice(0, 3)) <= AREAS.to;

describe('hashed-ssn scenario', () => {
  test('the released hashes are SHA-256 of each person\'s SSN digits', () => {
    const ssns = trueSsns();
    expect(armNamed('SHA-256').pseudonyms).toEqual(ssns.map(sha256Hex));
  });

  test('the enumeration recovers exactly the SSNs it was given that lie in the areas enumerated', () => {
    const ssns = trueSsns();
    const expected = ssns.map((s) => (inAreas(s) ? s : null));
    const plain = armNamed('SHA-256');
    expect(plain.recovered).toEqual(expected);
    const k = expected.filter((s) => s !== null).length;
    expect(k).toBeGreaterThan(0);
    expect(k).toBeLessThan(ssns.length);
    expect(fig(outcome('SHA-256'), 'inverted').interval!.k).toBe(k);
    expect(fig(outcome('SHA-256'), 'inSearched').value).toBe(k);
  });

  test("re-identified and wrongly named equal a recount against a broker list rebuilt from the world's truth", () => {
    const broker = brokerFile(world.people, { seed: given.adversary.seed });
    const pid = columnText(world.people, 'person_id');
    const recorded = columnText(world.people, 'ssn_recorded');
    const ssnOf = new Map<number, string | null>();
    for (let i = 0; i < world.people.rows; i++) ssnOf.set(Number(pid[i]), recorded[i] ?? null);
    const ssns = trueSsns();
    let right = 0;
    let wrong = 0;
    ssns.forEach((ssn, row) => {
      if (!inAreas(ssn)) return;
      let found = false;
      broker.truth.forEach((person) => {
        if (ssnOf.get(person)?.replace(/-/g, '') !== ssn) return;
        if (person === run.inputs.file.truth[row]) found = true;
        else wrong++;
      });
      if (found) right++;
    });
    const o = outcome('SHA-256');
    expect(o.risk.interval!.k).toBe(right);
    expect(o.risk.interval!.n).toBe(ssns.length);
    expect(fig(o, 'wrongNames').value).toBe(wrong);
    expect(right).toBeGreaterThan(0);
  });

  test('the salted and keyed files: nothing recovered from candidates that hold some of their SSNs', () => {
    const ssns = trueSsns();
    for (const name of ['salted SHA-256', 'HMAC, key kept apart']) {
      const a = armNamed(name);
      const o = outcome(name);
      expect(a.recovered.every((s) => s === null), name).toBe(true);
      expect(o.risk.interval!.k, name).toBe(0);
      expect(fig(o, 'inverted').interval!.k, name).toBe(0);
      expect(o.wronglyNamed, name).toBe(0);
      expect(fig(o, 'inSearched').value, name).toBeGreaterThan(0);
      // none of the released values is a plain hash of an SSN
      const plain = new Set(ssns.map(sha256Hex));
      expect(a.pseudonyms.some((p) => plain.has(p!)), name).toBe(false);
    }
    expect(fig(outcome('salted SHA-256'), 'candidates').value).toBe(SLICE);
    expect(fig(outcome('HMAC, key kept apart'), 'candidates').value).toBe(2 * SLICE);
  });

  test('a salt for the whole file keeps equal SSNs equal: pseudonyms partition the rows as the SSNs do', () => {
    const ssns = trueSsns();
    const salted = armNamed('salted SHA-256').pseudonyms;
    for (let i = 0; i < ssns.length; i++) for (let j = i + 1; j < ssns.length; j++) expect(salted[i] === salted[j]).toBe(ssns[i] === ssns[j]);
  });

  test('harm groups sum to the people wrongly named and re-identified', () => {
    for (const o of run.result.outcomes) {
      for (const groups of [o.harm.byImmigrationStatus, o.harm.byRaceEthnicity]) {
        expect(groups.reduce((a, g) => a + g.wronglyNamed, 0), o.name).toBe(o.wronglyNamed);
        expect(groups.reduce((a, g) => a + g.reidentified, 0), o.name).toBe(o.risk.interval!.k);
      }
    }
  });

  test('time and speed are reported as numbers with units', () => {
    const o = outcome('SHA-256');
    expect(fig(o, 'seconds')).toMatchObject({ kind: 'number', unit: 's' });
    expect(fig(o, 'hashesPerSecond')).toMatchObject({ kind: 'number', unit: 'hashes/s' });
    expect(fig(o, 'hashesPerSecond').value).toBeGreaterThan(0);
    expect(fig(o, 'candidates').value).toBe(run.inputs.space.size);
  });

  test('bad options name their path', () => {
    expect(() => hashedSsnInputs(world, scenarioOptions(hashedSsnScenario, { attack: { areaFrom: 950, areaTo: 940 } }))).toThrow(ScenarioOptionError);
    expect(() => hashedSsnInputs(world, scenarioOptions(hashedSsnScenario, { attack: { areaFrom: 950, areaTo: 940 } }))).toThrow(/attack\.areaTo/);
    expect(() => hashedSsnInputs(world, scenarioOptions(hashedSsnScenario, { release: { size: 10_000_000 } }))).toThrow(
      expect.objectContaining({ option: 'release.size', constructor: OptionError }),
    );
    expect(() => scenarioOptions(hashedSsnScenario, { attack: { slice: 0 } })).toThrow(/attack\.slice/);
  });
});

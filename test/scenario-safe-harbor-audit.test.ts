// safe-harbor-audit: every headline and class figure recounted from the world's tables with naive loops.
import { beforeAll, describe, expect, it } from 'vitest';
import { safeHarborAuditScenario } from '../src/scenarios/builtin/safe-harbor-audit.ts';
import { runScenario, scenarioOptions } from '../src/scenarios/run.ts';
import { generatedWorld } from '../src/scenarios/world-memory.ts';
import type { ScenarioResult } from '../src/scenarios/result.ts';
import type { ScenarioWorld } from '../src/scenarios/scenario.ts';
import { ScenarioOptionError } from '../src/scenarios/option-spec.ts';
import { safeHarborZip3 } from '../safeguards/safe-harbor/zip3.ts';
import { columnText } from './helpers/world.ts';

const WORLD = { people: 20000, states: 'all' };
let world: ScenarioWorld;
let result: ScenarioResult;

beforeAll(async () => {
  const o = scenarioOptions(safeHarborAuditScenario, { world: WORLD });
  world = generatedWorld(o.world as never, safeHarborAuditScenario.needs);
  result = await runScenario(safeHarborAuditScenario, o, world);
}, 60_000);

/** Age in whole years on 2010-12-31 style day, from ISO texts. */
const ageOn = (birth: string, on: string) => Number(on.slice(0, 4)) - Number(birth.slice(0, 4)) - (on.slice(5) < birth.slice(5) ? 1 : 0);

/** Keys of the beneficiaries (first year) and of everyone, as `key(...)` codes them. */
function keys(key: (zip: string, state: string, county: string, sex: string, birth: string) => string) {
  const b = world.beneficiaries!;
  const year = columnText(b, 'year');
  const first = Math.min(...year.map(Number));
  const bene: { key: string; person: number }[] = [];
  for (let i = 0; i < b.rows; i++) {
    if (Number(year[i]) !== first) continue;
    const d = columnText(b, 'bene_birth_dt')[i]!;
    const sex = columnText(b, 'bene_sex_ident_cd')[i] === '1' ? 'M' : 'F';
    bene.push({ key: key(columnText(b, 'mailing_zip')[i]!, columnText(b, 'mailing_state')[i]!, columnText(b, 'bene_county_cd')[i]!, sex, `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6)}`), person: Number(columnText(b, 'person_id')[i]) });
  }
  const p = world.people;
  const pop: { key: string; person: number }[] = [];
  for (let i = 0; i < p.rows; i++) pop.push({ key: key(columnText(p, 'zip')[i]!, columnText(p, 'state')[i]!, columnText(p, 'county')[i]!.slice(2), columnText(p, 'sex')[i]!, columnText(p, 'birth_date')[i]!), person: Number(columnText(p, 'person_id')[i]) });
  return { bene, pop, asOf: `${first}-12-31` };
}

/** The naive audit: uniques against the population, classes within the release, records at risk per threshold. */
function naive(k: ReturnType<typeof keys>) {
  const popCount = new Map<string, number>();
  const popWho = new Map<string, number>();
  for (const r of k.pop) {
    popCount.set(r.key, (popCount.get(r.key) ?? 0) + 1);
    popWho.set(r.key, r.person);
  }
  const relCount = new Map<string, number>();
  for (const r of k.bene) relCount.set(r.key, (relCount.get(r.key) ?? 0) + 1);
  let right = 0;
  let wrong = 0;
  let unique = 0;
  for (const r of k.bene) {
    if (popCount.get(r.key) !== 1) continue;
    unique++;
    if (popWho.get(r.key) === r.person) right++;
    else wrong++;
  }
  const n = k.bene.length;
  const sizes = k.bene.map((r) => relCount.get(r.key)!);
  const above = (t: number) => sizes.filter((f) => 1 / f > t).length / n;
  return { n, right, wrong, unique, classes: relCount.size, average: relCount.size / n, highest: 1 / Math.min(...sizes), above };
}

const figure = (outcome: number, name: string) => result.outcomes[outcome]!.figures.find((f) => f.name === name)!;

describe('safe-harbor-audit', () => {
  it('Limited Data Set: uniques, wrong names, classes and thresholds recounted from the truth', () => {
    const k = keys((zip, state, county, sex, birth) => [zip, state, county, sex, birth].join('|'));
    const x = naive(k);
    const o = result.outcomes[0]!;
    expect(o.name).toBe('Limited Data Set');
    expect(o.risk.interval!.k).toBe(x.right);
    expect(o.risk.interval!.n).toBe(x.n);
    expect(o.wronglyNamed).toBe(x.wrong);
    expect(figure(0, 'populationUnique').interval!.k).toBe(x.unique);
    expect(figure(0, 'classes').value).toBe(x.classes);
    expect(figure(0, 'prosecutorAverage').value).toBeCloseTo(x.average, 12);
    for (const t of [0.2, 0.09, 0.05]) expect(figure(0, `above${String(t).replace('.', '_')}`).value).toBeCloseTo(x.above(t), 12);
  });

  it('Safe Harbor: the same counts on ZIP3 (000 for small areas), state, sex and birth year (90+ grouped)', () => {
    const asOf = keys(() => '').asOf;
    const k = keys((zip, state, _county, sex, birth) => [safeHarborZip3(zip), state, sex, ageOn(birth, asOf) >= 90 ? '90+' : birth.slice(0, 4)].join('|'));
    const x = naive(k);
    const o = result.outcomes[1]!;
    expect(o.name).toBe('Safe Harbor');
    expect(o.risk.interval!.k).toBe(x.right);
    expect(o.wronglyNamed).toBe(x.wrong);
    expect(figure(1, 'populationUnique').interval!.k).toBe(x.unique);
    expect(figure(1, 'classes').value).toBe(x.classes);
    expect(figure(1, 'prosecutorMax').value).toBeCloseTo(x.highest, 12);
    // coarser values can only merge classes
    expect(x.classes).toBeLessThan(figure(0, 'classes').value);
    for (const t of [0.2, 0.09, 0.05]) {
      const f = figure(1, `above${String(t).replace('.', '_')}`);
      expect(f.value).toBeCloseTo(x.above(t), 12);
      expect(f.sentence).toContain(`meets the ${t} average threshold: ${x.average <= t ? 'yes' : 'no'}`);
      expect(f.sentence).toContain(`Meets the ${t} maximum threshold: ${x.highest <= t ? 'yes' : 'no'}`);
    }
  });

  it('harm counts the re-identified people once each, by group', () => {
    const o = result.outcomes[0]!;
    const total = o.harm.byRaceEthnicity.reduce((s, g) => s + g.reidentified, 0);
    expect(total).toBe(o.risk.interval!.k);
  });

  it('refuses a threshold outside (0, 1], naming the option', () => {
    expect(() => scenarioOptions(safeHarborAuditScenario, { release: { thresholds: [0] } })).toThrow(ScenarioOptionError);
    expect(() => scenarioOptions(safeHarborAuditScenario, { release: { thresholds: [1.5] } })).toThrow(/release\.thresholds\[0\]/);
  });
});

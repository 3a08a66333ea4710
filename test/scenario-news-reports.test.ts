// news-reports: the stories linked in each arm recounted by a naive loop over every stay, from the world's
// own tables (birth dates, ZIPs) and a ZIP directory built here.
import { beforeAll, describe, expect, it } from 'vitest';
import { geography } from '../generators/calibration/tables.ts';
import { newsReports } from '../generators/adversary/news-reports.ts';
import { newsReportsScenario, SWEENEY_2015 } from '../src/scenarios/builtin/news-reports.ts';
import { runScenario, scenarioOptions } from '../src/scenarios/run.ts';
import { generatedWorld } from '../src/scenarios/world-memory.ts';
import type { ScenarioResult } from '../src/scenarios/result.ts';
import type { ScenarioWorld } from '../src/scenarios/scenario.ts';
import { safeHarborZip3 } from '../safeguards/safe-harbor/zip3.ts';
import { columnText } from './helpers/world.ts';

let world: ScenarioWorld;
let result: ScenarioResult;
let naiveWorld: ReturnType<typeof stays>;

beforeAll(async () => {
  const o = scenarioOptions(newsReportsScenario, { world: { people: 20000, states: 'all' } });
  world = generatedWorld(o.world as never, newsReportsScenario.needs);
  result = await runScenario(newsReportsScenario, o, world);
  naiveWorld = stays();
}, 60_000);

/** Each stay with its patient's birth date and mailing ZIP, read naively from the tables. */
function stays() {
  const s = world.claims_inpatient!;
  const b = world.beneficiaries!;
  const birth = new Map<string, string>();
  const zip = new Map<string, string>();
  for (let i = 0; i < b.rows; i++) {
    birth.set(columnText(b, 'bene_id')[i]!, columnText(b, 'bene_birth_dt')[i]!);
    zip.set(columnText(b, 'bene_id')[i]!, columnText(b, 'mailing_zip')[i]!);
  }
  const rows = [];
  for (let k = 0; k < s.rows; k++) {
    const bene = columnText(s, 'bene_id')[k]!;
    rows.push({ hospital: columnText(s, 'prvdr_num')[k]!, admitted: columnText(s, 'clm_admsn_dt')[k]!, birth: birth.get(bene)!, zip: zip.get(bene)!, person: Number(columnText(s, 'person_id')[k]) });
  }
  const cityOfZip = new Map<string, string>();
  geography.zctas.zcta.forEach((z, i) => cityOfZip.set(z, geography.cities[geography.zctas.city[i]!]!.toUpperCase()));
  return { rows, cityOfZip };
}

const iso = (cms: string) => `${cms.slice(0, 4)}-${cms.slice(4, 6)}-${cms.slice(6, 8)}`;
const age = (birth: string, on: string) => Number(on.slice(0, 4)) - Number(birth.slice(0, 4)) - (on.slice(4) < birth.slice(4) ? 1 : 0);

/** Stories linked to the right patient and to someone else, under a compatibility rule per (story, stay). */
function naiveLinks(fits: (story: { hospital: string | null; date: string; age: number | null; town: string | null }, stay: (typeof naiveWorld.rows)[number]) => boolean) {
  const stories = newsReports(world.people, world.claims_inpatient!, { seed: 1, count: 81 });
  let right = 0;
  let wrong = 0;
  for (let i = 0; i < stories.truth.length; i++) {
    const t = (c: string) => columnText(stories.table, c)[i];
    const story = { hospital: t('hospital_ccn')!, date: t('admission_date')!, age: t('age') ? Number(t('age')) : null, town: t('town') ? t('town')!.toUpperCase() : null };
    const hits = naiveWorld.rows.filter((stay) => fits(story, stay));
    if (hits.length !== 1) continue;
    if (hits[0]!.person === stories.truth[i]) right++;
    else wrong++;
  }
  return { right, wrong, n: stories.truth.length };
}

describe('news-reports', () => {
  it('takes 81 stories, as Sweeney did', () => {
    expect(result.outcomes[0]!.risk.interval!.n).toBe(SWEENEY_2015.stories);
  });

  it('no safeguard: links recounted on hospital, admission day or month, exact age and the town of the ZIP', () => {
    const x = naiveLinks((s, stay) => {
      const day = iso(stay.admitted);
      return (s.hospital === null || s.hospital === stay.hospital) && day.startsWith(s.date) && (s.age === null || s.age === age(stay.birth, stay.admitted)) && (s.town === null || naiveWorld.cityOfZip.get(stay.zip) === s.town);
    });
    const o = result.outcomes[0]!;
    expect(o.risk.interval!.k).toBe(x.right);
    expect(o.figures.find((f) => f.name === 'wrongLinks')!.value).toBe(x.wrong);
  });

  it('Safe Harbor: links recounted on hospital, admission year, the two ages a birth year allows and ZIP3', () => {
    const zip3sOf = new Map<string, Set<string>>();
    for (const [zip, town] of naiveWorld.cityOfZip) {
      if (!zip3sOf.has(town)) zip3sOf.set(town, new Set());
      zip3sOf.get(town)!.add(safeHarborZip3(zip));
    }
    const asOf = `${Math.max(...naiveWorld.rows.map((r) => Number(r.admitted.slice(0, 4))))}1231`;
    const x = naiveLinks((s, stay) => {
      const year = Number(stay.admitted.slice(0, 4));
      const by = Number(stay.birth.slice(0, 4));
      const ninety = age(stay.birth, asOf) >= 90;
      const ageFits = s.age === null || (ninety ? s.age >= 90 : s.age === year - by || s.age === year - by - 1);
      return (s.hospital === null || s.hospital === stay.hospital) && Number(s.date.slice(0, 4)) === year && ageFits && (s.town === null || (zip3sOf.get(s.town)?.has(safeHarborZip3(stay.zip)) ?? false));
    });
    const o = result.outcomes[1]!;
    expect(o.name).toBe('Safe Harbor');
    expect(o.risk.interval!.k).toBe(x.right);
    expect(o.figures.find((f) => f.name === 'wrongLinks')!.value).toBe(x.wrong);
  });

  it('a date shift the adversary does not know of leaves few right links; wrong links are counted as harm', async () => {
    const o = scenarioOptions(newsReportsScenario, { world: { people: 20000, states: 'all' }, attack: { knowsShift: false } });
    const r = await runScenario(newsReportsScenario, o, world);
    const shifted = r.outcomes[2]!;
    expect(shifted.risk.value).toBeLessThan(result.outcomes[2]!.risk.value);
    const wrongLinks = shifted.figures.find((f) => f.name === 'wrongLinks')!.value;
    expect(shifted.wronglyNamed).toBeLessThanOrEqual(wrongLinks);
    expect(shifted.wronglyNamed > 0).toBe(wrongLinks > 0);
  });

  it('refuses more stories than the world has stays, naming adversary.count', async () => {
    const o = scenarioOptions(newsReportsScenario, { world: { people: 20000, states: 'all' }, adversary: { count: world.claims_inpatient!.rows + 1 } });
    await expect(runScenario(newsReportsScenario, o, world)).rejects.toThrow(/count/);
  });
});

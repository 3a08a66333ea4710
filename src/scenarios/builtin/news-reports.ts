// Sweeney's Washington State study as a data holder meets it: news stories about hospital stays (name,
// town, age, hospital, admission day or month) linked to an inpatient claims release that carries the
// patient's ZIP, birth date and admission dates; then the release under Safe Harbor and with every date
// of a patient shifted by one secret offset.
import { newsReports } from '../../../generators/adversary/news-reports.ts';
import { applyPipeline, type PipelineStep } from '../../../safeguards/registry.ts';
import { safeHarborZip3 } from '../../../safeguards/safe-harbor/zip3.ts';
import type { Dataset } from '../../../safeguards/types.ts';
import { count, shareOf } from '../../report/numbers.ts';
import { countFigure, rateFigure } from '../figures.ts';
import type { OptionSpec, Options } from '../option-spec.ts';
import { outcomeOf } from '../outcome.ts';
import { takeSize } from '../requested-size.ts';
import type { Outcome, ScenarioResult } from '../result.ts';
import type { ScenarioDefinition, ScenarioWorld } from '../scenario.ts';
import { summarise } from '../summary.ts';
import { needTable } from '../world-view.ts';
import { linkStoriesToClaims, type ReleaseCoding } from './news-claims-join.ts';
import { tableOf } from '../../table/table.ts';
import { compactText, firstRowsOf, gatherText, integersOf, textColumnOf, textsOf } from '../../table/text.ts';

/** Sweeney 2015: 35 of 81 news stories matched exactly one hospital discharge record. */
export const SWEENEY_2015 = { matched: 35, stories: 81 } as const;

const options = {
  kind: 'object',
  help: 'news-reports options',
  properties: {
    release: {
      kind: 'object',
      help: 'the claims release and the date shift compared',
      properties: {
        maxDays: { kind: 'integer', help: 'largest shift of a patient\'s dates, either way, in days', default: 365, min: 1, max: 36500 },
      },
    },
    adversary: {
      kind: 'object',
      help: 'the news stories',
      properties: {
        count: { kind: 'integer', help: 'stories (default 81 as in Sweeney 2015, cut to the stays the world has)', min: 1 },
        seed: { kind: 'integer', help: 'seed of the stories', default: 1, min: 0 },
      },
    },
    attack: {
      kind: 'object',
      help: 'the linkage',
      properties: {
        knowsShift: { kind: 'boolean', help: 'the adversary knows dates were shifted by up to maxDays and accepts any admission within that window (else takes shifted dates as real)', default: true },
      },
    },
  },
} as const satisfies OptionSpec;

/** The inpatient claims release as it is: one row per stay with the patient's ZIP, sex and birth date. */
export function claimsRelease(world: ScenarioWorld): Dataset & { claimId: readonly (string | null)[]; asOf: string } {
  const stays = needTable(world.claims_inpatient, 'claims_inpatient');
  const benes = needTable(world.beneficiaries, 'beneficiaries');
  // each stay's beneficiary row, through the codes of bene_id
  const beneRow = firstRowsOf(textColumnOf(stays, 'bene_id'), textColumnOf(benes, 'bene_id'));
  const fromBene = (c: string) => gatherText(textColumnOf(benes, c), beneRow);
  const own = (c: string) => compactText(textColumnOf(stays, c));
  let lastYear = 0;
  for (const d of textColumnOf(stays, 'clm_admsn_dt').dictionary) if (d) lastYear = Math.max(lastYear, Number(d.slice(0, 4)));
  return {
    table: tableOf({
      bene_id: own('bene_id'),
      prvdr_num: own('prvdr_num'),
      clm_admsn_dt: own('clm_admsn_dt'),
      nch_bene_dschrg_dt: own('nch_bene_dschrg_dt'),
      clm_drg_cd: own('clm_drg_cd'),
      mailing_zip: fromBene('mailing_zip'),
      bene_sex_ident_cd: fromBene('bene_sex_ident_cd'),
      bene_birth_dt: fromBene('bene_birth_dt'),
    }),
    truth: integersOf(stays, 'person_id'),
    claimId: textsOf(stays, 'clm_id'),
    asOf: `${lastYear || 2019}-12-31`,
  };
}

interface Arm {
  name: string;
  description: string;
  parameters: Record<string, unknown>;
  steps: PipelineStep[];
  coding: ReleaseCoding;
}

function arms(o: Options, asOf: string): Arm[] {
  const { maxDays } = o.release as { maxDays: number };
  const knowsShift = (o.attack as { knowsShift: boolean }).knowsShift;
  return [
    { name: 'no safeguard', description: 'the claims as they are: hospital, admission and discharge days, patient ZIP, sex and birth date', parameters: {}, steps: [], coding: { zip: (z) => z, shiftWindow: 0 } },
    { name: 'Safe Harbor', description: 'HIPAA Safe Harbor: dates to the year, ZIP3 (000 in small areas), patient id removed', parameters: { safeguard: 'safe-harbor' }, steps: [{ safeguard: 'safe-harbor', options: { asOf } }], coding: { zip: safeHarborZip3, shiftWindow: 0 } },
    {
      name: `date shift ±${count(maxDays)} days`,
      description: `every date of a patient (birth, admission, discharge) moved by one secret offset of up to ${count(maxDays)} days; ZIP kept`,
      parameters: { safeguard: 'date-shift', maxDays },
      steps: [{ safeguard: 'date-shift', options: { personKey: 'bene_id', seed: 'holder secret', maxDays } }],
      coding: { zip: (z) => z, shiftWindow: knowsShift ? maxDays : 0 },
    },
  ];
}

async function run(world: ScenarioWorld, o: Options): Promise<ScenarioResult> {
  const claims = claimsRelease(world);
  const adversary = o.adversary as { count?: number; seed: number };
  const size = takeSize(adversary.count, SWEENEY_2015.stories, claims.truth.length, 'adversary.count', 'news stories (one per inpatient stay)');
  const stories = newsReports(world.people, needTable(world.claims_inpatient, 'claims_inpatient'), { seed: adversary.seed, count: size.size });
  const rowOfClaim = new Map(claims.claimId.map((c, k) => [c, k]));
  const storyRow = (stories.notes ?? []).map((c) => rowOfClaim.get(c ?? '') ?? -1);
  const n = stories.truth.length;
  const outcomes: Outcome[] = [];
  for (const arm of arms(o, claims.asOf)) {
    await new Promise((r) => setTimeout(r, 0));
    const release = applyPipeline(claims, arm.steps);
    const join = linkStoriesToClaims(stories.table, release.table, arm.coding);
    const right: number[] = [];
    const wrong: number[] = [];
    let links = 0;
    let rightStay = 0;
    let matchedAny = 0;
    for (let i = 0; i < n; i++) {
      if (join.candidates[i]! > 0) matchedAny++;
      const k = join.linked[i]!;
      if (k < 0) continue;
      links++;
      if (release.truth[k] === stories.truth[i]) right.push(stories.truth[i]!);
      else wrong.push(release.truth[k]!); // someone else's stay attached to the story
      if (k === storyRow[i]) rightStay++;
    }
    outcomes.push(
      outcomeOf({
        name: arm.name,
        description: arm.description,
        parameters: arm.parameters,
        applied: release.applied,
        people: world.people,
        utility: { original: claims.table, release: release.table },
        reidentified: { k: right.length, n, of: "news stories, linked to a claim of the story's patient" },
        wronglyNamedPeople: wrong,
        reidentifiedPeople: right,
        figures: [
          rateFigure('linked', 'linked', links, n, `Stories that agree with exactly one claim: {rate} (Sweeney matched ${shareOf(SWEENEY_2015.matched, SWEENEY_2015.stories)} uniquely).`),
          rateFigure('precision', 'links right', right.length, links, "Of the links made, {rate} found a claim of the story's patient."),
          rateFigure('rightStay', 'right stay', rightStay, n, 'Stories linked to the very stay they report: {rate}.'),
          countFigure('wrongLinks', 'wrong links', wrong.length, "{count} stories were linked to someone else's claim, attaching that person's stay, diagnosis and payments to the story."),
          rateFigure('matchedAny', 'matched any claim', matchedAny, n, 'Stories that agree with at least one claim: {rate}.'),
        ],
      }),
    );
  }
  const shift = (o.attack as { knowsShift: boolean }).knowsShift ? 'an adversary who knows the shift window' : 'an adversary who takes shifted dates as real';
  return {
    scenario: 'news-reports',
    description: newsReportsScenario.description,
    situation: newsReportsScenario.situation,
    options: o,
    world: { people: world.people.rows, source: world.source },
    outcomes,
    summary:
      summarise(outcomes, `Linking ${count(n)} news stories to ${count(claims.truth.length)} inpatient claims on hospital, admission date, age and town`) +
      ` The date shift is measured against ${shift}.${size.capped ? ` Note: ${size.capped}.` : ''}`,
  };
}

export const newsReportsScenario: ScenarioDefinition = {
  name: 'news-reports',
  description: "news stories of hospital stays linked to an inpatient claims release (Sweeney's Washington State study); then Safe Harbor and a per-patient date shift",
  situation:
    'A state sells its hospital discharge data with names removed but the patient\'s ZIP, age and admission dates kept. Newspapers report on hospital stays: who, their age and town, which hospital, when. ' +
    'Sweeney (2015) matched 35 of 81 such stories in Washington to exactly one discharge record, naming the patient beside their diagnoses and payments. ' +
    'The holder could release under Safe Harbor (dates to the year, ZIP3) or move every date of a patient by one secret offset, which keeps lengths of stay and intervals but not the calendar day.',
  needs: ['people', 'beneficiaries', 'claims_inpatient'],
  cost: 1,
  options,
  run,
};

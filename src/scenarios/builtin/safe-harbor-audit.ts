// A holder releasing under HIPAA asks what risk is left: the beneficiary extract as a Limited Data Set
// and under Safe Harbor, each measured against the released records' own classes (prosecutor risk), the
// population (journalist risk, true population uniqueness) and the Expert Determination thresholds.
import { classSummary } from '../../../attacks/risk/classes.ts';
import { prosecutorRisk } from '../../../attacks/risk/prosecutor.ts';
import { qiTableOf } from '../../../attacks/risk/qi-table.ts';
import { applyPipeline, type PipelineStep } from '../../../safeguards/registry.ts';
import type { Dataset } from '../../../safeguards/types.ts';
import { cmsToIso } from '../../dates.ts';
import { count, significant } from '../../report/numbers.ts';
import { countFigure, rateFigure, shareFigure } from '../figures.ts';
import type { OptionSpec, Options } from '../option-spec.ts';
import { outcomeOf } from '../outcome.ts';
import type { Figure, Outcome, ScenarioResult } from '../result.ts';
import type { ScenarioDefinition, ScenarioWorld } from '../scenario.ts';
import { summarise } from '../summary.ts';
import { beneficiaryRows, needTable, visible } from '../world-view.ts';
import { tableOf } from '../../table/table.ts';
import { matchInPopulation } from './population-match.ts';
import { compactText, integersOf, mapText, textColumnOf, textReader } from '../../table/text.ts';

/** The columns an adversary with a census or voter roll knows for everyone (when released). */
export const AUDIT_QI = ['mailing_zip', 'mailing_state', 'bene_county_cd', 'sex', 'birth_date'] as const;

const options = {
  kind: 'object',
  help: 'safe-harbor-audit options',
  properties: {
    release: {
      kind: 'object',
      help: 'the thresholds the release is held to',
      properties: {
        thresholds: {
          kind: 'list',
          of: { kind: 'number', help: 'a re-identification probability', min: 0, exclusiveMin: true, max: 1 },
          help: 'Expert Determination thresholds on the maximum and average re-identification probability',
          default: [0.2, 0.09, 0.05],
          minItems: 1,
        },
      },
    },
  },
} as const satisfies OptionSpec;

/**
 * The extract audited: one row per beneficiary with mailing ZIP, state, county, sex, birth date, race
 * (as the administrative record codes it) and two conditions; ages are counted at the year's end.
 */
export function auditExtract(world: ScenarioWorld): Dataset & { asOf: string } {
  const benes = needTable(world.beneficiaries, 'beneficiaries');
  const rows = beneficiaryRows(benes);
  const extract = visible(benes, ['mailing_zip', 'mailing_state', 'bene_county_cd', 'bene_sex_ident_cd', 'bene_birth_dt', 'bene_race_cd', 'sp_diabetes', 'sp_chf'], rows);
  const col = (n: string) => textColumnOf(extract.table, n);
  const table = tableOf({
    mailing_zip: col('mailing_zip'),
    mailing_state: col('mailing_state'),
    bene_county_cd: col('bene_county_cd'),
    sex: mapText(col('bene_sex_ident_cd'), (s) => (s === '1' ? 'M' : s === '2' ? 'F' : null)),
    birth_date: mapText(col('bene_birth_dt'), (v) => (v ? cmsToIso(v) : null)),
    bene_race_cd: col('bene_race_cd'),
    sp_diabetes: col('sp_diabetes'),
    sp_chf: col('sp_chf'),
  });
  const year = textReader(benes, 'year')(rows[0] ?? 0) ?? '2019';
  return { table, truth: extract.truth, asOf: `${year}-12-31` };
}

/** Everyone in the world with the extract's quasi-identifiers, under the extract's column names: the adversary's census. */
export function populationTable(world: ScenarioWorld): Dataset {
  const p = world.people;
  const col = (n: string) => compactText(textColumnOf(p, n));
  return {
    table: tableOf({
      mailing_zip: col('zip'),
      mailing_state: col('state'),
      bene_county_cd: mapText(textColumnOf(p, 'county'), (c) => (c ? c.slice(2) : null)), // FIPS county within the state, as the beneficiary file codes it
      sex: col('sex'),
      birth_date: col('birth_date'),
    }),
    truth: integersOf(p, 'person_id'),
  };
}

interface Arm {
  name: string;
  description: string;
  parameters: Record<string, unknown>;
  steps: PipelineStep[];
}

function arms(asOf: string): Arm[] {
  return [
    { name: 'Limited Data Set', description: 'direct identifiers removed; ZIP, county, full birth date kept (shared under a data use agreement)', parameters: { safeguard: 'limited-data-set' }, steps: [{ safeguard: 'limited-data-set', options: {} }] },
    { name: 'Safe Harbor', description: `HIPAA Safe Harbor: ZIP3 (000 in small areas), county removed, birth year (90+ grouped on ${asOf})`, parameters: { safeguard: 'safe-harbor' }, steps: [{ safeguard: 'safe-harbor', options: { asOf } }] },
  ];
}

/** Everything the audit measures on one release, from its records and the population released the same way. */
export function auditRelease(release: Dataset, population: Dataset, thresholds: readonly number[]) {
  const qi = AUDIT_QI.filter((q) => release.table.names.includes(q));
  const summary = classSummary(qiTableOf(release.table, qi));
  const byThreshold = thresholds.map((t) => ({ threshold: t, risk: prosecutorRisk(summary, t) }));
  const match = matchInPopulation(release.table, population.table, population.truth, qi);
  const reidentified: number[] = [];
  const wronglyNamed: number[] = [];
  let populationUnique = 0;
  let matchedNobody = 0;
  let journalistSum = 0;
  let journalistMax = 0;
  for (let i = 0; i < release.truth.length; i++) {
    const F = match.frequency[i]!;
    if (F === 0) matchedNobody++;
    else {
      journalistSum += 1 / F;
      journalistMax = Math.max(journalistMax, 1 / F);
    }
    if (F !== 1) continue;
    populationUnique++;
    if (match.onlyPerson[i] === release.truth[i]) reidentified.push(release.truth[i]!);
    else wronglyNamed.push(match.onlyPerson[i]!);
  }
  const n = release.truth.length;
  return { qi, prosecutor: byThreshold[0]!.risk, byThreshold, populationUnique, matchedNobody, journalistAverage: journalistSum / n, journalistMax, reidentified, wronglyNamed };
}

/** "yes"/"no" sentences for one threshold: the release meets it when its maximum (or average) risk is at most t. */
function thresholdFigure(t: number, risk: ReturnType<typeof prosecutorRisk>): Figure {
  const label = significant(t);
  const yes = (ok: boolean) => (ok ? 'yes' : 'no');
  return shareFigure(
    `above${label.replace('.', '_')}`,
    `above ${label}`,
    risk.recordsAtRisk,
    `Records with prosecutor risk above ${label} (a class smaller than ${count(Math.ceil(1 / t - 1e-9))}): {share}. ` +
      `Meets the ${label} maximum threshold: ${yes(risk.highestRisk <= t)}; meets the ${label} average threshold: ${yes(risk.averageRisk <= t)}.`,
  );
}

async function run(world: ScenarioWorld, o: Options): Promise<ScenarioResult> {
  const thresholds = (o.release as { thresholds: number[] }).thresholds;
  const extract = auditExtract(world);
  const population = populationTable(world);
  const n = extract.truth.length;
  const outcomes: Outcome[] = [];
  for (const arm of arms(extract.asOf)) {
    await new Promise((r) => setTimeout(r, 0));
    const release = applyPipeline(extract, arm.steps);
    const census = applyPipeline(population, arm.steps);
    const a = auditRelease(release, census, thresholds);
    const p = a.prosecutor;
    outcomes.push(
      outcomeOf({
        name: arm.name,
        description: arm.description,
        parameters: arm.parameters,
        applied: release.applied,
        people: world.people,
        utility: { original: extract.table, release: release.table },
        reidentified: { k: a.reidentified.length, n, of: `beneficiaries in the release, the only person in the population with their ${a.qi.join(', ')}` },
        wronglyNamedPeople: a.wronglyNamed,
        reidentifiedPeople: a.reidentified,
        figures: [
          rateFigure('populationUnique', 'unique in population', a.populationUnique, n, `Records whose combination belongs to exactly one person in the population: {rate}${a.wronglyNamed.length ? ` (the wrong person for ${count(a.wronglyNamed.length)}, whose mailing address is not where they live)` : ''}.`),
          rateFigure('releaseUnique', 'unique in release', p.sampleUniques, n, 'Records alone in their class within the release: {rate}.'),
          countFigure('classes', 'classes', p.classes, `The ${count(n)} records fall into {count} classes on ${a.qi.join(', ')}; the smallest holds ${count(p.minClassSize)}.`),
          shareFigure('prosecutorMax', 'prosecutor maximum', p.highestRisk, 'Someone who knows a person is in the release picks out the most exposed record with probability {share} (1 / smallest class).'),
          shareFigure('prosecutorAverage', 'prosecutor average', p.averageRisk, 'Someone who knows a person is in the release picks out the right record {share} of the time on average (classes / records).'),
          shareFigure('journalistMax', 'journalist maximum', a.journalistMax, 'Matching a record against the whole population finds the right person with probability {share} for the most exposed record (1 / its population class).'),
          shareFigure('journalistAverage', 'journalist average', a.journalistAverage, 'Matching each record against the whole population finds the right person {share} of the time on average.'),
          rateFigure('matchedNobody', 'matched nobody', a.matchedNobody, n, 'Records whose combination matches nobody in the population (a mailing ZIP other than the home ZIP): {rate}.'),
          ...a.byThreshold.map((b) => thresholdFigure(b.threshold, b.risk)),
        ],
      }),
    );
  }
  return {
    scenario: 'safe-harbor-audit',
    description: safeHarborAuditScenario.description,
    situation: safeHarborAuditScenario.situation,
    options: o,
    world: { people: world.people.rows, source: world.source },
    outcomes,
    summary: summarise(outcomes, `Looking up ${count(n)} beneficiary records in a census of ${count(population.truth.length)} people on their released quasi-identifiers`),
  };
}

export const safeHarborAuditScenario: ScenarioDefinition = {
  name: 'safe-harbor-audit',
  description: 'the risk left in a beneficiary extract as a Limited Data Set and under Safe Harbor, against the population and the 0.2 / 0.09 / 0.05 Expert Determination thresholds',
  situation:
    'A data holder releases beneficiary records under HIPAA: as a Limited Data Set (ZIP, county and birth date kept, under a data use agreement) or under Safe Harbor (ZIP3 and birth year). ' +
    'Safe Harbor is a rule, not a measurement, so the holder asks what risk is left: how many records are still the only person in the population with their released values, ' +
    'and whether the release would meet the thresholds an expert applies under Expert Determination (maximum or average re-identification probability of 0.2, 0.09 or 0.05: classes of at least 5, 11 or 20). ' +
    'The adversary is assumed to know everyone in the population by these values, as a census or voter roll does.',
  needs: ['people', 'beneficiaries'],
  cost: 5,
  options,
  run,
};

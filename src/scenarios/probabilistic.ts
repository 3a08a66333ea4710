// Probabilistic linkage when the SSN is missing or wrong: the agency's list matched to Medicare
// beneficiaries on name and birth date by Fellegi-Sunter (trained by EM), then scored against truth.
import { agencyList, agencyListCapacity } from '../../generators/adversary/agency-list.ts';
import { linkTables } from '../../attacks/link/link.ts';
import type { LinkSettings } from '../../attacks/link/settings.ts';
import { scoreLinks } from '../../attacks/score/index.ts';
import { cmsToIso } from '../dates.ts';
import { count, countOf, shareOf } from '../report/numbers.ts';
import { takeSize } from './requested-size.ts';
import { tableOf } from '../table/table.ts';
import { mapText, textColumnOf } from '../table/text.ts';
import { beneficiaryRows, needTable, visible, type WorldView } from './world-view.ts';

export const NAME_DOB_SETTINGS: LinkSettings = {
  link_type: 'link_only',
  blocking: [['last_name'], ['first_name', 'birth_date']],
  comparisons: [
    { column: 'first_name', levels: [{ type: 'null' }, { type: 'exact', tf_adjustment: 1 }, { type: 'jaro_winkler', threshold: 0.88 }, { type: 'else' }] },
    { column: 'last_name', levels: [{ type: 'null' }, { type: 'exact', tf_adjustment: 1 }, { type: 'jaro_winkler', threshold: 0.88 }, { type: 'else' }] },
    { column: 'birth_date', levels: [{ type: 'null' }, { type: 'exact' }, { type: 'date_diff', unit: 'year', threshold: 1 }, { type: 'else' }] },
  ],
};

export interface ProbabilisticOptions {
  seed: number | string;
  size?: number;
  threshold?: number;
}

export function probabilisticAttack(world: WorldView, o: ProbabilisticOptions) {
  const benes = needTable(world.beneficiaries, 'beneficiaries');
  const threshold = o.threshold ?? 0.5;
  const list = takeSize(o.size, 2000, agencyListCapacity(world.people), 'size', 'people on the agency list');
  const agency = agencyList(world.people, { seed: o.seed, size: list.size });
  const medicare = visible(benes, ['first_name', 'last_name', 'bene_birth_dt'], beneficiaryRows(benes));
  // both sides in the same terms (names upper case, ISO dates), each distinct value changed once
  const upper = (name: string) => mapText(textColumnOf(agency.table, name), (v) => v.toUpperCase());
  const left = tableOf({ first_name: upper('first_name'), last_name: upper('last_name'), birth_date: textColumnOf(agency.table, 'birth_date') });
  const right = tableOf({
    first_name: textColumnOf(medicare.table, 'first_name'),
    last_name: textColumnOf(medicare.table, 'last_name'),
    birth_date: mapText(textColumnOf(medicare.table, 'bene_birth_dt'), (d) => (d ? cmsToIso(d) : null)),
  });
  const result = linkTables(left, right, NAME_DOB_SETTINGS, { train: true, seed: o.seed, oneToOne: true });
  const keep: number[] = [];
  for (let k = 0; k < result.count; k++) if (result.probability[k]! >= threshold) keep.push(k);
  const score = scoreLinks({ left: Int32Array.from(keep, (k) => result.left[k]!), right: Int32Array.from(keep, (k) => result.right[k]!) }, agency.truth, medicare.truth);
  return {
    attack: 'probabilistic',
    listSize: agency.truth.length,
    ...(list.capped ? { capped: list.capped } : {}),
    beneficiaries: medicare.truth.length,
    candidatePairs: result.candidatePairs,
    threshold,
    linked: score.links,
    precision: score.precision,
    listedInMedicare: score.truePairs,
    recall: score.recall,
    wrongLinks: score.falsePositives,
    explanation:
      `Matching ${count(agency.truth.length)} listed people${list.capped ? ` (${list.capped})` : ''} to Medicare on name and birth date (Fellegi-Sunter, EM-trained, probability >= ${threshold}) made ${count(score.links)} links: ` +
      `${shareOf(score.truePositives, score.links)} were the right person, and they found ${countOf(score.truePositives, score.truePairs)} listed people who are beneficiaries (the recall); ` +
      `${count(score.falsePositives)} links named someone else.`,
  };
}

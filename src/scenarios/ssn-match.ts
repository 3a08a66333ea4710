// The match in the news: an agency's list of SSNs matched against Medicare to find addresses.
// What the joiner finds, misses and gets wrong, and who the wrong matches hit.
import { agencyList, agencyListCapacity } from '../../generators/adversary/agency-list.ts';
import { identifierJoin } from '../../attacks/join/identifier-join.ts';
import { scoreLinks, wilson, type RateInterval } from '../../attacks/score/index.ts';
import { count, countOf, shareOf } from '../report/numbers.ts';
import { takeSize } from './requested-size.ts';
import { integersOf, textReader } from '../table/text.ts';
import { beneficiaryRows, needTable, visible, type WorldView } from './world-view.ts';

export interface SsnMatchOptions {
  seed: number | string;
  /** People on the agency's list. */
  size?: number;
}

export function ssnMatch(world: WorldView, o: SsnMatchOptions) {
  const benes = needTable(world.beneficiaries, 'beneficiaries');
  const list = takeSize(o.size, 2000, agencyListCapacity(world.people), 'size', 'people on the agency list');
  const agency = agencyList(world.people, { seed: o.seed, size: list.size });
  const medicare = visible(benes, ['bene_id', 'hicn', 'first_name', 'last_name', 'mailing_street', 'mailing_city', 'mailing_state', 'mailing_zip'], beneficiaryRows(benes));
  const join = identifierJoin(agency.table, medicare.table, { leftKey: 'ssn', rightKey: 'hicn' });
  const score = scoreLinks(join.links, agency.truth, medicare.truth);

  // Who the matches point at, from the world's truth.
  const peopleRow = new Map<number, number>();
  const pid = integersOf(world.people, 'person_id');
  for (let i = 0; i < world.people.rows; i++) peopleRow.set(pid[i]!, i);
  const status = textReader(world.people, 'immigration_status');
  const street = textReader(world.people, 'street');
  const mailingStreet = textReader(medicare.table, 'mailing_street');
  const n = agency.truth.length;
  const linkedRows = new Set(join.links.left);
  let currentAddress = 0;
  const wrongPeople = new Map<string, number>();
  for (let k = 0; k < join.links.left.length; k++) {
    const l = join.links.left[k]!;
    const r = join.links.right[k]!;
    const sought = agency.truth[l]!;
    const found = medicare.truth[r]!;
    if (sought === found) {
      if (mailingStreet(r) === street(peopleRow.get(found)!)!.toUpperCase()) currentAddress++;
    } else {
      const s = status(peopleRow.get(found)!) ?? 'unknown';
      wrongPeople.set(s, (wrongPeople.get(s) ?? 0) + 1);
    }
  }
  const wrong = score.falsePositives;
  // In people on the list: matched = found the person sought + matched only someone else.
  const matched = linkedRows.size;
  const onlyWrong = matched - score.truePositives;
  const rate = (k: number, m: number): RateInterval => wilson(k, m);
  const notes = agency.notes ?? [];
  const sources = new Map<string, number>();
  for (const x of notes) sources.set(x ?? 'none', (sources.get(x ?? 'none') ?? 0) + 1);
  const statuses = [...wrongPeople].map(([s, c]) => `${count(c)} ${s.replace(/_/g, ' ')}`).join(', ') || 'none';
  return {
    attack: 'ssn-match',
    listSize: n,
    ...(list.capped ? { capped: list.capped } : {}),
    ssnSources: Object.fromEntries(sources),
    withoutSsn: join.withoutIdentifier,
    matchedAnyone: rate(matched, n),
    foundRightPerson: rate(score.truePositives, n),
    matchedOnlySomeoneElse: rate(onlyWrong, n),
    foundRightPersonAtCurrentAddress: rate(currentAddress, n),
    recordsReturned: score.links,
    wrongMatches: wrong,
    wrongPeopleByStatus: Object.fromEntries(wrongPeople),
    precision: score.precision,
    listedInMedicare: score.truePairs,
    recall: score.recall,
    explanation:
      `Of ${count(n)} people on the list${list.capped ? ` (${list.capped})` : ''}, ${shareOf(matched, n)} matched a Medicare record on their SSN: ` +
      `${count(score.truePositives)} the person sought and ${count(onlyWrong)} only someone else. ` +
      `The match returned ${count(score.links)} records, ${count(wrong)} of them someone else's (${statuses}): ` +
      `people whose SSN was borrowed or mistyped, whose addresses would be handed over in error. ` +
      `It found ${countOf(score.truePositives, score.truePairs)} listed people who are in Medicare (the recall).`,
  };
}

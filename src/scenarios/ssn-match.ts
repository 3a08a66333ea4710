// The match in the news: an agency's list of SSNs matched against Medicare to find addresses.
// What the joiner finds, misses and gets wrong, and who the wrong matches hit.
import { agencyList } from '../../generators/adversary/agency-list.ts';
import { identifierJoin } from '../../attacks/join/identifier-join.ts';
import { scoreLinks, wilson, type RateInterval } from '../../attacks/score/index.ts';
import { beneficiaryRows, pct, needTable, visible, type WorldView } from './world-view.ts';

export interface SsnMatchOptions {
  seed: number | string;
  /** People on the agency's list. */
  size?: number;
}

export function ssnMatch(world: WorldView, o: SsnMatchOptions) {
  const benes = needTable(world.beneficiaries, 'beneficiaries');
  const agency = agencyList(world.people, { seed: o.seed, size: o.size ?? 2000 });
  const medicare = visible(benes, ['bene_id', 'hicn', 'first_name', 'last_name', 'mailing_street', 'mailing_city', 'mailing_state', 'mailing_zip'], beneficiaryRows(benes));
  const join = identifierJoin(agency.table, medicare.table, { leftKey: 'ssn', rightKey: 'hicn' });
  const score = scoreLinks(join.links, agency.truth, medicare.truth);

  // Who the matches point at, from the world's truth.
  const peopleRow = new Map<number, number>();
  const pid = world.people.column('person_id');
  for (let i = 0; i < world.people.records; i++) peopleRow.set(Number(pid[i]), i);
  const status = world.people.column('immigration_status');
  const street = world.people.column('street');
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
      if (medicare.table.mailing_street![r] === street[peopleRow.get(found)!]!.toUpperCase()) currentAddress++;
    } else {
      const s = status[peopleRow.get(found)!] ?? 'unknown';
      wrongPeople.set(s, (wrongPeople.get(s) ?? 0) + 1);
    }
  }
  const wrong = score.falsePositives;
  const rate = (k: number, m: number): RateInterval => wilson(k, m);
  const notes = agency.notes ?? [];
  const sources = new Map<string, number>();
  for (const x of notes) sources.set(x ?? 'none', (sources.get(x ?? 'none') ?? 0) + 1);
  return {
    attack: 'ssn-match',
    listSize: n,
    ssnSources: Object.fromEntries(sources),
    withoutSsn: join.withoutIdentifier,
    matchedAnyone: rate(linkedRows.size, n),
    foundRightPerson: rate(score.truePositives, n),
    foundRightPersonAtCurrentAddress: rate(currentAddress, n),
    wrongMatches: wrong,
    precision: score.precision,
    recall: score.recall,
    wrongPeopleByStatus: Object.fromEntries(wrongPeople),
    explanation:
      `Of ${n} people on the list, the match found a Medicare record for ${pct(linkedRows.size / n)}; ` +
      `${pct(score.truePositives / n)} were the person sought, and ${wrong} matches pointed at someone else ` +
      `(${[...wrongPeople].map(([s, c]) => `${c} ${s.replace(/_/g, ' ')}`).join(', ') || 'none'}), ` +
      `people whose SSN was borrowed or mistyped, whose addresses would be handed over in error.`,
  };
}

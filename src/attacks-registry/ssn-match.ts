// The ssn-match attack in the registry: its options and the figures a reader is shown. Browser-safe.
import { ssnMatch } from '../scenarios/ssn-match.ts';
import { countFigure } from '../scenarios/figures.ts';
import type { Figure } from '../scenarios/result.ts';
import { attackRun, SEED_OPTION, seedOf, type AttackDefinition, type AttackOptions } from './attack.ts';
import { rateOf } from './figures-of.ts';

export const LIST_SIZE_OPTION = { kind: 'integer', help: 'people on the agency list (default 2,000, or as many as the world supplies)', min: 1 } as const;

const options = { kind: 'object', help: 'ssn-match options', properties: { seed: SEED_OPTION, size: LIST_SIZE_OPTION } } as const satisfies AttackOptions;

export const SSN_MATCH_ATTACK: AttackDefinition = {
  name: 'ssn-match',
  description: "an agency's list of SSNs matched against Medicare to find addresses: who is found, missed and wrongly named",
  needs: ['people', 'beneficiaries'],
  options,
  async run(world, o) {
    const r = ssnMatch(world, { seed: seedOf(o), ...(o.size !== undefined ? { size: o.size as number } : {}) });
    return attackRun(r, ssnMatchFigures(r), [r.capped]);
  },
};

function ssnMatchFigures(r: ReturnType<typeof ssnMatch>): Figure[] {
  return [
    countFigure('listSize', 'people on the list', r.listSize, '{count} people were on the agency list.'),
    ...Object.entries(r.ssnSources).map(([source, n]) => countFigure(`ssnSources.${source}`, `SSN on the list: ${source.replace(/_/g, ' ')}`, n, `{count} listed SSNs came from: ${source.replace(/_/g, ' ')}.`)),
    countFigure('withoutSsn', 'listed without an SSN', r.withoutSsn, '{count} listed people had no SSN to match on.'),
    rateOf('matchedAnyone', 'matched a Medicare record', r.matchedAnyone, '{rate} of the listed people matched some Medicare record on their SSN.'),
    rateOf('foundRightPerson', 'found the person sought', r.foundRightPerson, "{rate} of the listed people were found: the match returned the person's own record."),
    rateOf('matchedOnlySomeoneElse', 'matched only someone else', r.matchedOnlySomeoneElse, "{rate} of the listed people matched only someone else's record."),
    rateOf('foundRightPersonAtCurrentAddress', 'found, at their current address', r.foundRightPersonAtCurrentAddress, '{rate} of the listed people were found with the address they live at now.'),
    countFigure('recordsReturned', 'records returned', r.recordsReturned, 'The match returned {count} Medicare records.'),
    countFigure('wrongMatches', "records of someone else", r.wrongMatches, "{count} returned records were someone else's: their addresses would be handed over in error."),
    ...Object.entries(r.wrongPeopleByStatus).map(([status, n]) => countFigure(`wrongPeopleByStatus.${status}`, `someone else's: ${status.replace(/_/g, ' ')}`, n, `{count} of the wrongly returned records belong to people whose immigration status is ${status.replace(/_/g, ' ')}.`)),
    rateOf('precision', 'precision', r.precision, "{rate} of the returned records were the person sought (the precision)."),
    countFigure('listedInMedicare', 'listed people in Medicare', r.listedInMedicare, '{count} listed people are Medicare beneficiaries.'),
    rateOf('recall', 'recall', r.recall, '{rate} of the listed people who are in Medicare were found (the recall).'),
  ];
}

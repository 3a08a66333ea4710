// The probabilistic attack (Fellegi-Sunter on name and birth date) in the registry. Browser-safe.
import { probabilisticAttack } from '../scenarios/probabilistic.ts';
import { countFigure, numberFigure } from '../scenarios/figures.ts';
import { significant } from '../report/numbers.ts';
import { attackRun, SEED_OPTION, seedOf, type AttackDefinition, type AttackOptions } from './attack.ts';
import { rateOf } from './figures-of.ts';
import { LIST_SIZE_OPTION } from './ssn-match.ts';

const options = {
  kind: 'object',
  help: 'probabilistic options',
  properties: {
    seed: SEED_OPTION,
    size: LIST_SIZE_OPTION,
    threshold: { kind: 'number', help: 'match probability at which a pair counts as a link', default: 0.5, min: 0, max: 1 },
  },
} as const satisfies AttackOptions;

export const PROBABILISTIC_ATTACK: AttackDefinition = {
  name: 'probabilistic',
  description: "the agency's list matched to Medicare on name and birth date by Fellegi-Sunter linkage trained by EM, for when the SSN is missing or wrong",
  needs: ['people', 'beneficiaries'],
  options,
  async run(world, o) {
    const r = probabilisticAttack(world, { seed: seedOf(o), threshold: o.threshold as number, ...(o.size !== undefined ? { size: o.size as number } : {}) });
    return attackRun(r, [
      countFigure('listSize', 'people on the list', r.listSize, '{count} people were on the agency list.'),
      countFigure('beneficiaries', 'beneficiaries', r.beneficiaries, 'Medicare holds {count} beneficiaries to match against.'),
      countFigure('candidatePairs', 'candidate pairs compared', r.candidatePairs, 'Blocking left {count} candidate pairs to compare.'),
      numberFigure('threshold', 'match probability threshold', r.threshold, '', `A pair with a match probability of at least ${significant(r.threshold)} counts as a link.`),
      countFigure('linked', 'links made', r.linked, 'The linkage made {count} links.'),
      rateOf('precision', 'precision', r.precision, '{rate} of the links were the right person (the precision).'),
      countFigure('listedInMedicare', 'listed people in Medicare', r.listedInMedicare, '{count} listed people are Medicare beneficiaries.'),
      rateOf('recall', 'recall', r.recall, '{rate} of the listed people who are beneficiaries were found (the recall).'),
      countFigure('wrongLinks', 'links to the wrong person', r.wrongLinks, '{count} links named someone else.'),
    ], [r.capped]);
  },
};

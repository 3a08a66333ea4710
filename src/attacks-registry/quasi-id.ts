// The quasi-id attack (Sweeney's join) in the registry: its options and figures. Browser-safe.
import { quasiIdAttack } from '../scenarios/quasi-id.ts';
import { countFigure } from '../scenarios/figures.ts';
import type { UniquenessRule } from '../../attacks/join/quasi-identifier-join.ts';
import { attackRun, SEED_OPTION, seedOf, type AttackDefinition, type AttackOptions } from './attack.ts';
import { rateOf } from './figures-of.ts';

const options = {
  kind: 'object',
  help: 'quasi-id options',
  properties: {
    seed: SEED_OPTION,
    rule: { kind: 'string', help: 'link a combination only when it is unique in both tables, or in the voter roll only', default: 'unique-both', choices: ['unique-both', 'unique-right'] },
    birthYearOnly: { kind: 'list', of: { kind: 'string', help: 'a state abbreviation' }, help: 'states whose voter file has only the birth year (comma list)', default: [] },
  },
} as const satisfies AttackOptions;

/** The attack's figures from its result (shared with the DuckDB engine's run of the join). */
export function quasiIdRun(r: ReturnType<typeof quasiIdAttack>) {
  return attackRun(r, [
    countFigure('extractRecords', 'beneficiaries in the extract', r.extractRecords, 'The de-identified extract holds {count} beneficiaries.'),
    countFigure('voterRecords', 'voters on the roll', r.voterRecords, 'The voter roll holds {count} registered voters.'),
    countFigure('linked', 'links made', r.linked, 'The join linked {count} extract records to a voter.'),
    rateOf('reidentified', 're-identified', r.reidentified, '{rate} of the beneficiaries in the extract were named correctly.'),
    rateOf('precision', 'precision', r.precision, '{rate} of the links named the right person (the precision).'),
    rateOf('recall', 'recall', r.recall, '{rate} of the beneficiaries who are on the roll were linked to themselves (the recall).'),
    countFigure('wrongLinks', 'links to the wrong person', r.wrongLinks, '{count} links named the wrong person.'),
  ]);
}

export const QUASI_ID_ATTACK: AttackDefinition = {
  name: 'quasi-id',
  description: 'a de-identified Medicare extract (ZIP, sex, birth date) linked to a voter roll on those three fields (Sweeney)',
  needs: ['people', 'beneficiaries'],
  options,
  async run(world, o) {
    const yearOnly = o.birthYearOnly as string[];
    return quasiIdRun(quasiIdAttack(world, { seed: seedOf(o), rule: o.rule as UniquenessRule, ...(yearOnly.length ? { birthYearOnly: yearOnly } : {}) }));
  },
};

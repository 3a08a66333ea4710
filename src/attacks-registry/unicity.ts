// The unicity attack (de Montjoye: how few claims single a beneficiary out) in the registry. Browser-safe.
import { unicityAttack } from '../scenarios/unicity.ts';
import { countFigure } from '../scenarios/figures.ts';
import { attackRun, SEED_OPTION, seedOf, type AttackDefinition, type AttackOptions } from './attack.ts';
import { rateOf } from './figures-of.ts';

const options = {
  kind: 'object',
  help: 'unicity options',
  properties: {
    seed: SEED_OPTION,
    by: { kind: 'string', help: 'what a point is besides its date: the provider seen or the diagnosis', default: 'provider', choices: ['provider', 'diagnosis'] },
    points: { kind: 'list', of: { kind: 'integer', help: 'a number of points', min: 1 }, help: 'numbers of points known, e.g. 1,2,3,4 (default 1 to 6, up to the longest trace)', minItems: 1 },
    samples: { kind: 'integer', help: 'beneficiaries tried per number of points', default: 2000, min: 1 },
  },
} as const satisfies AttackOptions;

export const UNICITY_ATTACK: AttackDefinition = {
  name: 'unicity',
  description: "how few (date, provider) or (date, diagnosis) points of a beneficiary's own carrier claims single them out",
  needs: ['people', 'claims_carrier'],
  options,
  async run(world, o) {
    const kind = o.by as 'provider' | 'diagnosis';
    const r = unicityAttack(world, { seed: seedOf(o), kind, samples: o.samples as number, ...(o.points ? { points: o.points as number[] } : {}) });
    return attackRun(r, [
      countFigure('mostPoints', 'most points of anyone', r.mostPoints, `The longest trace in this world has {count} distinct (date, ${kind}) points.`),
      ...r.rows.map((row) =>
        rateOf(`unique${row.points}`, `unique given ${row.points} point${row.points === 1 ? '' : 's'}`, row.uniqueShare, `Knowing ${row.points} of someone's (date, ${kind}) points singles out {rate} of the beneficiaries tried with at least that many.`),
      ),
    ]);
  },
};

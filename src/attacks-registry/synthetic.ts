// The synthetic attack (Anonymeter's three evaluators on a synthetic extract) in the registry; its
// figures also serve `attack synthetic --original ...` on a user's own files. Browser-safe.
import { evaluateReleases, syntheticAttack } from '../scenarios/synthetic.ts';
import { countFigure, shareFigure } from '../scenarios/figures.ts';
import type { Figure } from '../scenarios/result.ts';
import type { RateInterval } from '../../attacks/score/wilson.ts';
import { attackRun, SEED_OPTION, seedOf, type AttackDefinition, type AttackOptions, type AttackRun } from './attack.ts';
import { rateOf, residualFigures } from './figures-of.ts';

export const SYNTHETIC_OPTIONS = {
  kind: 'object',
  help: 'synthetic options',
  properties: {
    seed: SEED_OPTION,
    secret: { kind: 'string', help: 'the column an attacker tries to infer', default: 'sp_diabetes' },
    attacks: { kind: 'integer', help: 'attacks per evaluator (default 500, or as many as the original has records)', min: 1 },
    rows: { kind: 'integer', help: "extract records taken from the world: half synthesised from, half held out as control", default: 4000, min: 2 },
  },
} as const satisfies AttackOptions;

export const SYNTHETIC_ATTACK: AttackDefinition = {
  name: 'synthetic',
  description: "singling out, linkability and inference (Anonymeter) on a synthetic beneficiary extract, each against a baseline and held-out control records",
  needs: ['people', 'beneficiaries'],
  options: SYNTHETIC_OPTIONS,
  async run(world, o) {
    return syntheticRun(syntheticAttack(world, { seed: seedOf(o), secret: o.secret as string, rows: o.rows as number, ...(o.attacks !== undefined ? { attacks: o.attacks as number } : {}) }));
  },
};

type Evaluation = ReturnType<typeof evaluateReleases>['singlingOut'];

const EVALUATORS = [
  ['singlingOut', 'singling out'],
  ['linkability', 'linkability'],
  ['inference', 'inference'],
] as const;

/** The figures of the three evaluations, whether on a world's extract or on a user's own files. */
export function syntheticRun(r: ReturnType<typeof evaluateReleases>): AttackRun {
  const figures: Figure[] = [countFigure('originalRecords', 'original records', r.originalRecords, 'The original table holds {count} records.')];
  for (const [name, label] of EVALUATORS) figures.push(...evaluationFigures(name, label, r[name]));
  return attackRun(r, figures, [r.capped]);
}

function evaluationFigures(name: string, label: string, e: Evaluation): Figure[] {
  const rate = (what: string, who: string, x: RateInterval) => rateOf(`${name}.${what}`, `${label}: ${who}`, x, `{rate} of the ${label} attacks ${who}.`);
  return [
    countFigure(`${name}.attacks`, `${label}: attacks`, e.attacks, `{count} ${label} attacks were run.`),
    rate('main', 'succeeded on records used', e.main),
    ...(e.control ? [rate('control', 'succeeded on control records', e.control)] : []),
    rate('baseline', 'succeeded by random guessing', e.baseline),
    ...(e.risk ? residualFigures(`${name}.risk`, label, e.risk, e.riskAgainst === 'control' ? 'its success on control records' : 'random guessing') : []),
    ...(e.tolerance !== undefined ? [shareFigure(`${name}.tolerance`, `${label}: guess counted right within`, e.tolerance, 'A guess of a numeric secret within {share} of its value counts as right.')] : []),
  ];
}

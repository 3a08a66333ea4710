// The inference attack (what a k-anonymous extract reveals about a condition) in the registry. Browser-safe.
import { inferenceAttack } from '../scenarios/inference.ts';
import { countFigure } from '../scenarios/figures.ts';
import type { Figure } from '../scenarios/result.ts';
import { attackRun, SEED_OPTION, seedOf, type AttackDefinition, type AttackOptions } from './attack.ts';
import { rateOf, residualFigures } from './figures-of.ts';

const options = {
  kind: 'object',
  help: 'inference options',
  properties: {
    seed: SEED_OPTION,
    sensitive: { kind: 'string', help: 'the condition flag the extract carries and the adversary guesses (an SP_* column, e.g. sp_depressn)', default: 'sp_depressn' },
    background: { kind: 'string', help: 'a flag the adversary also knows about their target (e.g. sp_diabetes)' },
    k: { kind: 'integer', help: 'k of the k-anonymous extract', default: 5, min: 1 },
  },
} as const satisfies AttackOptions;

export const INFERENCE_ATTACK: AttackDefinition = {
  name: 'inference',
  description: "a neighbour's condition guessed from a k-anonymous extract (ZIP3, birth year, sex), against a guess from the overall rate",
  needs: ['people', 'beneficiaries'],
  options,
  async run(world, o) {
    const r = inferenceAttack(world, { seed: seedOf(o), sensitive: o.sensitive as string, k: o.k as number, ...(o.background !== undefined ? { background: o.background as string } : {}) });
    const figures: Figure[] = [
      countFigure('k', 'k', r.k, 'Every released (ZIP3, birth year, sex) class holds at least {count} beneficiaries.'),
      countFigure('beneficiaries', 'beneficiaries', r.beneficiaries, 'The extract was made from {count} beneficiaries.'),
      countFigure('released', 'released', r.released, 'The k-anonymous extract releases {count} of them.'),
      countFigure('suppressed', 'suppressed', r.suppressed, '{count} beneficiaries in classes smaller than k were suppressed.'),
    ];
    if (r.accuracy && r.baselineAccuracy && r.residualRisk) {
      figures.push(
        rateOf('accuracy', `${r.sensitive} guessed right`, r.accuracy, `Guessing ${r.sensitive} from a released person's class is right for {rate}.`),
        rateOf('baselineAccuracy', `${r.sensitive} guessed right, baseline`, r.baselineAccuracy, `A guess from the overall rate of ${r.sensitive} is right for {rate}.`),
        countFigure('homogeneousTargets', 'in classes sharing one value', r.homogeneousTargets, `{count} released people sit in classes where everyone has the same ${r.sensitive}: their value is disclosed outright.`),
        ...residualFigures('residualRisk', 'inference', r.residualRisk, 'the guess from the overall rate'),
      );
    }
    return attackRun(r, figures);
  },
};

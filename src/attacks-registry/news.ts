// The news attack (Sweeney 2015: news reports of hospital stays linked to inpatient claims). Browser-safe.
import { newsAttack } from '../scenarios/news.ts';
import { countFigure } from '../scenarios/figures.ts';
import { attackRun, SEED_OPTION, seedOf, type AttackDefinition, type AttackOptions } from './attack.ts';
import { rateOf } from './figures-of.ts';

const options = {
  kind: 'object',
  help: 'news options',
  properties: {
    seed: SEED_OPTION,
    count: { kind: 'integer', help: 'news reports (default 81, or as many as the world has inpatient stays)', min: 1 },
  },
} as const satisfies AttackOptions;

export const NEWS_ATTACK: AttackDefinition = {
  name: 'news',
  description: 'news reports of hospital stays (hospital, admission date, age, town) linked to inpatient claims',
  needs: ['people', 'beneficiaries', 'claims_inpatient'],
  options,
  async run(world, o) {
    const r = newsAttack(world, { seed: seedOf(o), ...(o.count !== undefined ? { count: o.count as number } : {}) });
    const published = r.published.matchedUniquely;
    return attackRun(r, [
      countFigure('reports', 'news reports', r.reports, '{count} news reports of hospital stays were tried.'),
      rateOf('matchedUniquely', 'matched exactly one stay', r.matchedUniquely, '{rate} of the reports matched exactly one hospital stay on the facts they give.'),
      rateOf('correct', 'unique matches that were right', r.correct, "{rate} of the unique matches were the reported person's stay."),
      rateOf('published.matchedUniquely', `${r.published.study}: matched uniquely`, published, `In ${r.published.study}, Sweeney matched {rate} of the reports uniquely.`),
    ], [r.capped]);
  },
};

import { describe, expect, test } from 'vitest';
import * as api from '../src/index.ts';

describe('public API (src/index.ts)', () => {
  test('exports the world, risk, attack and scoring functions', () => {
    for (const name of ['planWorld', 'generateWorld', 'analyseRisk', 'classSummary', 'linkTables', 'identifierJoin', 'quasiIdentifierJoin', 'invertHashes', 'trajectoryUnicity', 'scoreLinks', 'wilson', 'voterRoll', 'agencyList', 'ssnMatch'] as const) {
      expect(typeof api[name], name).toBe('function');
    }
  });

  test('a world, a voter roll and a quasi-identifier join, through the API alone', () => {
    const plan = api.planWorld({ seed: 'api', people: 2000 });
    expect(plan.totalPeople).toBe(2000);
    expect(api.jaroWinkler('MARTHA', 'MARHTA')).toBeCloseTo(0.961, 3);
    expect(api.wilson(850, 1000).rate).toBeCloseTo(0.849, 3);
  });
});

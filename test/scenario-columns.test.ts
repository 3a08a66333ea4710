// A scenario that names the columns it reads gives the same result on a world holding only those, and a
// world for several scenarios is cut only where every scenario needing a table names its columns.
import { describe, expect, it } from 'vitest';
import { SCENARIOS } from '../src/scenarios/registry.ts';
import { runScenario, scenarioOptions } from '../src/scenarios/run.ts';
import { columnsRead, type ScenarioDefinition } from '../src/scenarios/scenario.ts';
import { generatedWorld } from '../src/scenarios/world-memory.ts';
import type { WorldSection } from '../src/scenarios/world-options.ts';

const declaring = [...SCENARIOS.values()].filter((d) => d.columns);

describe('scenario columns', () => {
  it('at least one built-in scenario names its columns', () => expect(declaring.length).toBeGreaterThan(0));

  for (const def of declaring) {
    it(`${def.name}: the same result on a world of only its columns`, async () => {
      const o = scenarioOptions(def, { world: { people: 4000, states: 'all' } });
      const full = generatedWorld(o.world as WorldSection, def.needs);
      const cut = generatedWorld(o.world as WorldSection, def.needs, undefined, def.columns);
      for (const [table, names] of Object.entries(def.columns!)) expect(cut[table as 'people']!.names).toEqual(full[table as 'people']!.names.filter((n) => names.includes(n)));
      expect(JSON.stringify(await runScenario(def, o, cut))).toBe(JSON.stringify(await runScenario(def, o, full)));
    }, 60_000);
  }

  it('columnsRead: a table is cut only when every scenario needing it names its columns', () => {
    const def = (name: string, columns?: ScenarioDefinition['columns']) => ({ name, needs: ['people', 'claims_carrier'], ...(columns ? { columns } : {}) }) as unknown as ScenarioDefinition;
    expect(columnsRead([def('a', { claims_carrier: ['x'] }), def('b', { claims_carrier: ['y', 'x'] })])).toEqual({ claims_carrier: ['x', 'y'] });
    expect(columnsRead([def('a', { claims_carrier: ['x'] }), def('b')])).toEqual({});
  });

  it('a column the table does not have is an error naming it', () => {
    expect(() => generatedWorld({ seed: 1, people: 500, states: 'all', calibration: 'census2010' } as WorldSection, ['claims_carrier'], undefined, { claims_carrier: ['no_such'] })).toThrow('table claims_carrier has no column "no_such"');
  });
});

// The scenario life cycle: declared options (defaults, JSON-path errors, JSON Schema), scenario files,
// sweeps and their frontier, harm and the standard utility workload, each against an independent count.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { jsonSchemaOf, parseValue, resolveOptions, specAt, withValue, type OptionSpec } from '../src/scenarios/option-spec.ts';
import { scenarioFromJson, scenarioJsonSchema } from '../src/scenarios/scenario-file.ts';
import { frontierRows, grid } from '../src/scenarios/sweep.ts';
import { harmOf } from '../src/scenarios/harm.ts';
import { birthCohort, workloadLoss } from '../safeguards/utility/standard-workload.ts';
import { fromRecords } from '../src/table/table.ts';
import { wilson } from '../attacks/score/wilson.ts';
import type { Outcome, ScenarioResult } from '../src/scenarios/result.ts';
import { textTable } from '../src/table/text.ts';

const spec = {
  kind: 'object',
  help: 'test',
  properties: {
    release: {
      kind: 'object',
      help: 'r',
      properties: {
        k: { kind: 'list', of: { kind: 'integer', help: 'k', min: 2 }, help: 'ks', default: [5] },
        epsilon: { kind: 'number', help: 'e', default: 1, min: 0, exclusiveMin: true },
        method: { kind: 'string', help: 'm', default: 'optimal', choices: ['optimal', 'mondrian'] },
      },
    },
    flag: { kind: 'boolean', help: 'f', default: false },
  },
} as const satisfies OptionSpec;

describe('declared options', () => {
  test('defaults fill what is not given, nested', () => {
    expect(resolveOptions(spec, {})).toEqual({ release: { k: [5], epsilon: 1, method: 'optimal' }, flag: false });
    expect(resolveOptions(spec, { release: { k: [2, 3] } })).toEqual({ release: { k: [2, 3], epsilon: 1, method: 'optimal' }, flag: false });
  });

  test.each([
    [{ release: { k: [1] } }, 'release.k[0]: must be at least 2, got 1'],
    [{ release: { k: 5 } }, 'release.k: must be a list, got 5'],
    [{ release: { epsilon: 0 } }, 'release.epsilon: must be greater than 0, got 0'],
    [{ release: { method: 'fast' } }, 'release.method: must be one of optimal, mondrian, got "fast"'],
    [{ release: { kk: 1 } }, 'release.kk: is not a known option (known here: k, epsilon, method)'],
    [{ flag: 'yes' }, 'flag: must be true or false, got "yes"'],
    [{ release: { k: [2.5] } }, 'release.k[0]: must be a whole number, got 2.5'],
  ])('%j is refused naming its JSON path', (given, message) => {
    expect(() => resolveOptions(spec, given)).toThrow(message);
  });

  test('command-line values are parsed as the declaration wants, and a path that does not exist is named', () => {
    expect(parseValue(specAt(spec, 'release.k'), 'release.k', '7')).toEqual([7]);
    expect(parseValue(specAt(spec, 'release.k'), 'release.k', '7|11')).toEqual([7, 11]);
    expect(parseValue(specAt(spec, 'flag'), 'flag', 'true')).toBe(true);
    expect(() => parseValue(specAt(spec, 'release.epsilon'), 'release.epsilon', 'x')).toThrow('release.epsilon: must be a number, got "x"');
    expect(() => specAt(spec, 'release.q')).toThrow('release.q: is not an option of this scenario (known under release: k, epsilon, method)');
    expect(withValue({ release: { k: [5], epsilon: 1 } }, 'release.epsilon', 2)).toEqual({ release: { k: [5], epsilon: 2 } });
  });

  test('the JSON Schema says what the validator enforces', () => {
    const schema = jsonSchemaOf(spec) as any;
    expect(schema.additionalProperties).toBe(false);
    expect(schema.properties.release.properties.k).toMatchObject({ type: 'array', items: { type: 'integer', minimum: 2 }, default: [5] });
    expect(schema.properties.release.properties.epsilon).toMatchObject({ type: 'number', exclusiveMinimum: 0 });
    expect(schema.properties.release.properties.method.enum).toEqual(['optimal', 'mondrian']);
  });
});

describe('scenario files', () => {
  test('docs/scenario.schema.json is the schema the registry declares (regenerate: reident scenario schema > docs/scenario.schema.json)', () => {
    expect(JSON.parse(readFileSync(new URL('../docs/scenario.schema.json', import.meta.url), 'utf8'))).toEqual(scenarioJsonSchema());
  });

  test('a file names a built-in scenario and sets some options; the rest are defaults', () => {
    const { definition, options } = scenarioFromJson({ $schema: '../docs/scenario.schema.json', scenario: 'voter-roll', release: { k: [7] }, world: { people: 5000 } });
    expect(definition.name).toBe('voter-roll');
    expect((options.release as any).k).toEqual([7]);
    expect((options.world as any).people).toBe(5000);
    expect((options.world as any).states).toBe('WY');
  });

  test('errors name the JSON path', () => {
    expect(() => scenarioFromJson({ release: {} })).toThrow('scenario: the name of a built-in scenario is required');
    expect(() => scenarioFromJson({ scenario: 'nope' })).toThrow('scenario: unknown scenario "nope"');
    expect(() => scenarioFromJson({ scenario: 'voter-roll', world: { people: 10 } })).toThrow('world.people: must be at least 100, got 10');
    expect(() => scenarioFromJson({ scenario: 'voter-roll', adversary: { seed: -1 } })).toThrow('adversary.seed: must be at least 0');
  });
});

/** An outcome with only what the frontier reads. */
function outcome(name: string, risk: number, lost: number): Outcome {
  const k = Math.round(risk * 100);
  return { name, description: name, parameters: {}, applied: [], risk: { name: 'reidentified', label: 'r', kind: 'rate', value: k / 100, interval: wilson(k, 100), sentence: '' }, wronglyNamed: 0, figures: [], utility: { lost, suppressionRate: 0, columnsRemoved: [], queries: [], sentence: '' }, harm: { byImmigrationStatus: [], byRaceEthnicity: [], sentence: '' } };
}

describe('sweeps', () => {
  test('the grid is every combination of the varied values', () => {
    const points = grid({ release: { k: [5] }, world: { people: 1 } }, [
      { path: 'release.k', values: [[2], [5]] },
      { path: 'world.people', values: [100, 200, 300] },
    ]);
    expect(points).toHaveLength(6);
    expect(points.map((p) => [(p.options.release as any).k[0], (p.options.world as any).people])).toEqual([[2, 100], [2, 200], [2, 300], [5, 100], [5, 200], [5, 300]]);
  });

  test('the frontier is exactly the outcomes no other beats on both risk and utility lost', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 })), { minLength: 1, maxLength: 12 }), (points) => {
        const result = { outcomes: points.map(([r, u], i) => outcome(`o${i}`, r / 100, u / 100)) } as unknown as ScenarioResult;
        const rows = frontierRows([{ varied: {}, result }]);
        for (const row of rows) {
          const beaten = rows.some((o) => o.outcome.risk.value <= row.outcome.risk.value && o.outcome.utility.lost <= row.outcome.utility.lost && (o.outcome.risk.value < row.outcome.risk.value || o.outcome.utility.lost < row.outcome.utility.lost));
          expect(row.frontier).toBe(!beaten);
        }
        expect(rows.some((r) => r.frontier)).toBe(true);
      }),
    );
  });

  test('an outcome that comes out the same in every run is listed once, its varied value "any"', () => {
    const run = (k: number, risk: number) => ({ varied: { 'release.k': k }, result: { outcomes: [outcome('none', 0.6, 0), outcome(`k = ${k}`, risk, 0.1)] } as unknown as ScenarioResult });
    const rows = frontierRows([run(2, 0.3), run(5, 0.1)]);
    expect(rows.map((r) => [r.outcome.name, r.varied['release.k']])).toEqual([['none', 'any'], ['k = 2', 2], ['k = 5', 5]]);
  });
});

describe('harm and utility', () => {
  const people = textTable({
    person_id: ['10', '11', '12', '13', '14', '15'],
    immigration_status: ['citizen_by_birth', 'citizen_by_birth', 'citizen_by_birth', 'lawful_permanent_resident', 'lawful_permanent_resident', 'unauthorized'],
    race_ethnicity: ['white', 'white', 'black', 'hispanic', 'hispanic', 'hispanic'],
  });

  test('harm counts each wrongly named person once, in their group, per 100,000 of the group', () => {
    const h = harmOf(people, [13, 13, 15, 10], [11, 12]);
    const status = Object.fromEntries(h.byImmigrationStatus.map((g) => [g.group, g]));
    expect(status.citizen_by_birth).toMatchObject({ people: 3, wronglyNamed: 1, reidentified: 2 });
    expect(status.lawful_permanent_resident).toMatchObject({ people: 2, wronglyNamed: 1, per100k: 50_000 });
    expect(status.unauthorized).toMatchObject({ people: 1, wronglyNamed: 1, per100k: 100_000 });
    expect(h.byRaceEthnicity.find((g) => g.group === 'hispanic')).toMatchObject({ wronglyNamed: 2 });
    expect(h.sentence).toContain('3 people were wrongly named');
    expect(h.sentence).toContain('unauthorized people (100,000 per 100,000)');
  });

  test.each([
    ['1948-07-21', '1945-1949'],
    ['19480721', '1945-1949'],
    ['1948', '1945-1949'],
    ['1945-1949', '1945-1949'],
    ['[1946, 1949]', '1945-1949'],
    ['1940-1949', null],
    ['*', null],
    ['90+', null],
  ])('birth cohort of %s is %s', (v, cohort) => expect(birthCohort(v)).toBe(cohort));

  test('the workload loses nothing on the original, everything without its columns, and reads count tables without their margins', () => {
    const original = fromRecords([
      { mailing_state: 'WY', birth_date: '1948-01-02', sp_diabetes: '1' },
      { mailing_state: 'WY', birth_date: '1949-01-02', sp_diabetes: '1' },
      { mailing_state: 'WY', birth_date: '1951-01-02', sp_diabetes: '2' },
      { mailing_state: 'MT', birth_date: '1951-05-02', sp_diabetes: '2' },
    ]);
    expect(workloadLoss(original, original).map((q) => q.lost)).toEqual([0]);
    expect(workloadLoss(original, fromRecords([{ mailing_state: 'WY', sp_diabetes: '1' }])).map((q) => q.lost)).toEqual([1]);
    // A count table with a margin row: the cells answer exactly, one of three off by 1 of 2 (weight 2 of 4).
    const counts = fromRecords([
      { mailing_state: 'WY', birth_date: '1945-1949', sp_diabetes: '1', count: 1 },
      { mailing_state: 'WY', birth_date: '1950-1954', sp_diabetes: '2', count: 1 },
      { mailing_state: 'MT', birth_date: '1950-1954', sp_diabetes: '2', count: 1 },
      { mailing_state: 'All', birth_date: 'All', sp_diabetes: 'All', count: 3 },
    ]);
    const [loss] = workloadLoss(original, counts);
    expect(loss!.lost).toBeCloseTo((2 * 0.5) / 4, 12);
    expect(loss!.cells).toBe(3);
  });
});

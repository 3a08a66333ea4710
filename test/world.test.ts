import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { generateWorld, planWorld, shardRange, type WorldPlan } from '../generators/world.ts';
import { OptionError, TABLE_NAMES, type TableName } from '../generators/world-types.ts';
import { cellAt, type Cell } from '../src/table/schema.ts';
import { WorldCheck } from '../src/report/world-check.ts';

const ALL = new Set<TableName>(TABLE_NAMES);

/** Every table of [start, end) as rows of cells. */
function rowsOf(plan: WorldPlan, start: number, end: number, batchSize = 50_000): Record<string, Cell[][]> {
  const out: Record<string, Cell[][]> = Object.fromEntries(TABLE_NAMES.map((t) => [t, []]));
  for (const b of generateWorld(plan, { start, end, tables: ALL, batchSize })) {
    for (const [t, chunk] of Object.entries(b.chunks)) {
      for (let i = 0; i < chunk!.rows; i++) out[t]!.push(chunk!.columns.map((c) => cellAt(c, i)));
    }
  }
  return out;
}

describe('world runs', () => {
  const plan = planWorld({ seed: 3, people: 1500 });
  const whole = rowsOf(plan, 0, 1500);

  test('shards and batches give exactly the rows of the unsharded run, in every table (fast-check)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 50, max: 900 }), (shards, batchSize) => {
        const joined: Record<string, Cell[][]> = Object.fromEntries(TABLE_NAMES.map((t) => [t, []]));
        for (let s = 0; s < shards; s++) {
          const { start, end } = shardRange(plan.totalPeople, s, shards);
          const part = rowsOf(plan, start, end, batchSize);
          for (const t of TABLE_NAMES) joined[t]!.push(...part[t]!);
        }
        expect(joined).toEqual(whole);
      }),
      { numRuns: 8 },
    );
  });

  test('the same seed gives the same world; another seed another', () => {
    expect(rowsOf(planWorld({ seed: 3, people: 1500 }), 0, 200).people).toEqual(whole.people!.slice(0, 200));
    expect(rowsOf(planWorld({ seed: 4, people: 1500 }), 0, 200).people).not.toEqual(whole.people!.slice(0, 200));
  });

  test('every table has the required columns; Medicare tables carry person_id and bene_id', () => {
    const names = (t: TableName) => plan.schemas[t].columns.map((c) => c.name);
    for (const c of ['person_id', 'first_name', 'last_name', 'sex', 'birth_date', 'ssn', 'street', 'city', 'state', 'zip', 'county', 'immigration_status']) expect(names('people')).toContain(c);
    for (const t of TABLE_NAMES.filter((t) => t !== 'people')) expect(names(t).slice(0, 2)).toEqual(['person_id', 'bene_id']);
    for (const t of TABLE_NAMES) expect(plan.schemas[t].columns.find((c) => c.name === 'person_id')!.truth).toBe(true);
    for (const t of TABLE_NAMES) for (const c of plan.schemas[t].columns) expect(c.name).toMatch(/^[a-z][a-z0-9_]*$/);
  });

  test('a beneficiary enrolled through an SSN error carries that error in the people table', () => {
    const big = planWorld({ seed: 8, people: 150_000 });
    const errors = new Map<number, string>();
    const bases: [number, string][] = [];
    for (const b of generateWorld(big, { start: 0, end: big.totalPeople, tables: new Set(['people', 'beneficiaries']) })) {
      const p = b.chunks.people!;
      const err = big.schemas.people.columns.findIndex((c) => c.name === 'ssn_error');
      for (let i = 0; i < p.rows; i++) errors.set(cellAt(p.columns[0]!, i) as number, cellAt(p.columns[err]!, i) as string);
      const ben = b.chunks.beneficiaries!;
      const basis = big.schemas.beneficiaries.columns.findIndex((c) => c.name === 'truth_enrolment_basis');
      for (let i = 0; i < ben.rows; i++) bases.push([cellAt(ben.columns[0]!, i) as number, cellAt(ben.columns[basis]!, i) as string]);
    }
    const viaError = bases.filter(([, basis]) => basis === 'ssn_error');
    for (const [person] of viaError) expect(['family_shared', 'borrowed']).toContain(errors.get(person));
    expect(viaError.length).toBeGreaterThan(0);
  });
});

describe('options', () => {
  test('bad options fail with the option named', () => {
    const fails = (o: Parameters<typeof planWorld>[0], option: string, message: RegExp) => {
      try {
        planWorld(o);
      } catch (e) {
        expect(e).toBeInstanceOf(OptionError);
        expect((e as OptionError).option).toBe(option);
        expect((e as Error).message).toMatch(message);
        return;
      }
      throw new Error('no error');
    };
    fails({ seed: 1, people: 0 }, 'people', /whole number/);
    fails({ seed: 1, people: -5 }, 'people', /whole number/);
    fails({ seed: 1 }, 'people', /--people N/);
    fails({ seed: 1, people: 10, scale: 1 }, 'scale', /not both/);
    fails({ seed: 1, states: ['DE', 'XX'], scale: 1 }, 'states', /unknown state "XX"/);
    fails({ seed: 1, states: ['DE'], scale: 2 }, 'scale', /\(0, 1\]/);
    fails({ seed: 1, people: 60_000_000 }, 'ssn', /--ssn realistic/);
    fails({ seed: 1.5, people: 10 }, 'seed', /integer/);
    expect(() => shardRange(100, 4, 4)).toThrow(/shard index/);
    expect(() => shardRange(100, 0, 0)).toThrow(/shard count/);
  });

  test('shards partition the people exactly', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000_000 }), fc.integer({ min: 1, max: 64 }), (total, n) => {
        let next = 0;
        for (let i = 0; i < n; i++) {
          const r = shardRange(total, i, n);
          expect(r.start).toBe(next);
          next = r.end;
        }
        expect(next).toBe(total);
      }),
    );
  });
});

describe('calibration of a whole world (the `reident check` table)', () => {
  test('every measured figure of a 60,000-person world is within its tolerance of the target', () => {
    const p = planWorld({ seed: 21, people: 60_000 });
    const check = new WorldCheck(p.schemas, p.options.calibration, p.options.states, p.firstClaimYear, p.context.horizonDays / 365.25);
    for (const b of generateWorld(p, { start: 0, end: p.totalPeople, tables: ALL })) check.add(b);
    const rows = check.rows();
    expect(rows.length).toBeGreaterThan(25);
    const off = rows.filter((r) => Math.abs(r.value - r.target) > r.tolerance).map((r) => `${r.measure}: ${r.value} vs ${r.target}`);
    expect(off).toEqual([]);
  });
});

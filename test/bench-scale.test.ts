// npm run bench:scale on a small world: its three uniqueness figures equal a naive count (a Map of
// string keys) over rows generated independently through the ordinary generator path (generateWorld's
// people table, as written to files); --json prints exactly the documented object; bad flags exit 2.
// North and South Dakota: some South Dakotans live in North Dakota counties (ZCTAs across the state
// line), so a {county, sex, birth date} class can span the two states' partitions.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { generateWorld, planWorld } from '../generators/world.ts';
import { cellAt } from '../src/table/schema.ts';
import { borderCountyFlags, moveToEnd } from '../bench/scale-keys.ts';

const STATES = ['ND', 'SD'];
const SCALE = 0.3;
const ARGS = ['--states', STATES.join(','), '--scale', String(SCALE)];

function bench(...args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'bench/scale.ts', ...args], { encoding: 'utf8', timeout: 120_000 });
}

/** Share of people alone in their class for three string keys, over the people table's text values. */
function naiveShares(): { people: number; zipSexDob: number; zipSexMonthYear: number; countySexDob: number } {
  const plan = planWorld({ seed: 1, states: STATES, scale: SCALE, calibration: 'census2010', ssn: 'realistic' });
  const col = (name: string) => plan.schemas.people.columns.findIndex((c) => c.name === name);
  const [zip, sex, dob, county] = ['zip', 'sex', 'birth_date', 'county'].map(col) as [number, number, number, number];
  const maps = [new Map<string, number>(), new Map<string, number>(), new Map<string, number>()];
  const keys: string[][] = [[], [], []];
  for (const batch of generateWorld(plan, { start: 0, end: plan.totalPeople, tables: new Set(['people']) })) {
    const c = batch.chunks.people!;
    for (let i = 0; i < c.rows; i++) {
      const z = String(cellAt(c.columns[zip]!, i));
      const s = String(cellAt(c.columns[sex]!, i));
      const d = String(cellAt(c.columns[dob]!, i));
      const k = [`${z}|${s}|${d}`, `${z}|${s}|${d.slice(0, 7)}`, `${String(cellAt(c.columns[county]!, i))}|${s}|${d}`];
      k.forEach((key, q) => {
        maps[q]!.set(key, (maps[q]!.get(key) ?? 0) + 1);
        keys[q]!.push(key);
      });
    }
  }
  const share = (q: number) => keys[q]!.filter((k) => maps[q]!.get(k) === 1).length / plan.totalPeople;
  return { people: plan.totalPeople, zipSexDob: share(0), zipSexMonthYear: share(1), countySexDob: share(2) };
}

describe('bench:scale', () => {
  it('--json prints the documented object, and its figures equal a naive count over the generated people table', () => {
    const r = bench(...ARGS, '--json');
    expect(r.status, r.stderr).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const out = JSON.parse(lines[0]!) as Record<string, number>;
    expect(Object.keys(out).sort()).toEqual(['countySexDob', 'peakMemoryBytes', 'people', 'seconds', 'zipSexDob', 'zipSexMonthYear']);
    for (const q of ['zipSexDob', 'zipSexMonthYear', 'countySexDob']) {
      expect(out[q]).toBeGreaterThanOrEqual(0);
      expect(out[q]).toBeLessThanOrEqual(1);
    }
    expect(out.seconds).toBeGreaterThan(0);
    expect(out.peakMemoryBytes).toBeGreaterThan(10 * 2 ** 20);
    expect(r.stderr).toMatch(/ETA/);
    expect(r.stderr).toMatch(/bench:scale people 100\.0%/);
    const naive = naiveShares();
    expect(out.people).toBe(naive.people);
    expect(out.zipSexDob).toBe(naive.zipSexDob);
    expect(out.zipSexMonthYear).toBe(naive.zipSexMonthYear);
    expect(out.countySexDob).toBe(naive.countySexDob);
    // coarser keys cannot leave more people alone
    expect(out.zipSexMonthYear).toBeLessThan(out.zipSexDob);
  }, 180_000);

  it('bad flags: exit 2 with a message naming the flag, nothing on stdout', () => {
    const r = bench('--states', 'WY,XX');
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/--states: unknown state "XX"/);
    expect(r.stdout).toBe('');
  }, 60_000);

  it('flag errors name the flag', async () => {
    const { parseFlags, runScale, UsageError } = await import('../bench/scale.ts');
    expect(() => parseFlags(['--scale', 'half'])).toThrow(UsageError);
    expect(() => parseFlags(['--scale', 'half'])).toThrow(/--scale: must be a number in \(0, 1\], got "half"/);
    expect(() => parseFlags(['--workers', '0'])).toThrow(/--workers: must be a whole number from 1 to 64/);
    expect(() => parseFlags(['--frobnicate'])).toThrow(/Unknown option '--frobnicate'/);
    expect(parseFlags(['--states', 'wy, vt', '--scale', '0.5'])).toMatchObject({ states: ['wy', 'vt'], scale: 0.5, json: false });
    await expect(runScale({ states: ['WY'], scale: 0, workers: 1 })).rejects.toThrow(/--scale: must be in \(0, 1\]/);
  });
});

describe('bench:scale border counties', () => {
  it('flags the counties people of another state live in, and only those', () => {
    const flags = borderCountyFlags();
    expect(flags[47125]).toBe(1); // Montgomery County, TN: some Kentuckians live there
    expect(flags[38001]).toBe(1); // Adams County, ND: South Dakotans across the line
    expect(flags[6037]).toBe(0); // Los Angeles County
    expect(flags[56021]).toBe(0); // Laramie County, WY
    const flagged = flags.reduce((a, f) => a + f, 0);
    expect(flagged).toBeGreaterThan(50);
    expect(flagged).toBeLessThan(300);
  });

  it('moveToEnd keeps the same keys, with the ones outside at the end', () => {
    const keys = Float64Array.from({ length: 1000 }, (_, i) => (i * 7919) % 1000);
    const before = Array.from(keys).sort((a, b) => a - b);
    const front = moveToEnd(keys, (k) => k % 3 === 0);
    expect(front).toBe(before.filter((k) => k % 3 !== 0).length);
    expect(Array.from(keys.subarray(0, front)).every((k) => k % 3 !== 0)).toBe(true);
    expect(Array.from(keys.subarray(front)).every((k) => k % 3 === 0)).toBe(true);
    expect(Array.from(keys).sort((a, b) => a - b)).toEqual(before);
  });
});

// Scenarios side by side on worker threads (src/io/scenario-pool.ts): each thread gets a copy of the
// world, results equal a one-thread run and come back in the order given, and a worker's error reaches
// the caller with the scenario's own message.
import { beforeAll, describe, expect, test } from 'vitest';
import { runScenarioJobs, type ScenarioJob } from '../src/io/scenario-pool.ts';
import { scenarioNamed } from '../src/scenarios/registry.ts';
import { scenarioOptions } from '../src/scenarios/run.ts';
import type { ScenarioWorld } from '../src/scenarios/scenario.ts';
import { generatedWorld } from '../src/scenarios/world-memory.ts';
import type { WorldSection } from '../src/scenarios/world-options.ts';
import { cli } from './helpers/cli.ts';

const NAMES = ['ssn-match', 'voter-roll', 'safe-harbor-audit', 'news-reports'];
const world = { people: 3000, states: 'all' };
let jobs: ScenarioJob[];
let shared: ScenarioWorld;

beforeAll(() => {
  jobs = NAMES.map((n) => {
    const definition = scenarioNamed(n);
    return { definition, options: scenarioOptions(definition, { world }) };
  });
  const needs = [...new Set(jobs.flatMap((j) => j.definition.needs))];
  shared = generatedWorld(jobs[0]!.options.world as WorldSection, needs);
}, 60_000);

async function run(threads: number) {
  let most = 0;
  const results = await runScenarioJobs(jobs, shared, { threads, onProgress: (running) => (most = Math.max(most, running.length)) });
  return { results, most };
}

describe('scenarios on worker threads', () => {
  test('two threads run two scenarios at once and give the results of one thread, in the order given', async () => {
    const one = await run(1);
    const two = await run(2);
    expect(one.most).toBe(1);
    expect(two.most).toBe(2);
    expect(two.results.map((r) => r.scenario)).toEqual(NAMES);
    expect(JSON.stringify(two.results)).toBe(JSON.stringify(one.results));
  }, 120_000);

  test('the scenario of the highest cost starts first; results stay in the order given', async () => {
    const starts: string[] = [];
    const results = await runScenarioJobs(jobs, shared, { threads: 1, onProgress: (running) => running.length && !starts.includes(running[0]!) && starts.push(running[0]!) });
    const byCost = [...jobs].sort((a, b) => (b.definition.cost ?? 1) - (a.definition.cost ?? 1)).map((j) => j.definition.name);
    expect(byCost[0]).toBe('voter-roll');
    expect(starts).toEqual(byCost);
    expect(results.map((r) => r.scenario)).toEqual(NAMES);
  }, 60_000);

  test("a scenario's error in a worker thread reaches the caller with its message", async () => {
    const noClaims = { source: 'no claims', people: shared.people, beneficiaries: shared.beneficiaries } as ScenarioWorld;
    // ssn-match runs on this thread and succeeds; news-reports, on the worker, needs the claims.
    const failing = runScenarioJobs([jobs[0]!, jobs[3]!], noClaims, { threads: 2 });
    await expect(failing).rejects.toThrow("this attack needs the world's claims_inpatient table");
  }, 60_000);

  test('--threads must be a positive integer', async () => {
    const r = await cli('scenario', 'run', 'all', '--only', 'news-reports', '--set', 'world.people=1000', '--threads', '0', '--quiet');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--threads must be a positive integer, got "0"');
  });
});

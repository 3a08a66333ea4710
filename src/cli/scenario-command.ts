// `reident scenario list|run|sweep|schema`: built-in scenarios (or scenario files naming one), run on a
// world folder or a world generated in memory, printed as a table of outcomes; --out DIR keeps the run.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { TableName } from '../../generators/world-types.ts';
import { readJsonFile } from '../io/json-file.ts';
import { prepareOutDir, writeFileAtomic } from '../io/out-dir.ts';
import { readWorldTable } from '../io/world-tables.ts';
import { runScenarioJobs } from '../io/scenario-pool.ts';
import { allText, scenarioText, sweepText, textTable } from '../report/scenario-text.ts';
import { parseValue, specAt, withValue, type Options } from '../scenarios/option-spec.ts';
import { SCENARIOS, scenarioNamed } from '../scenarios/registry.ts';
import { optionsSpecOf, runScenario, scenarioOptions } from '../scenarios/run.ts';
import { scenarioFromJson, scenarioJsonSchema, type LoadedScenario } from '../scenarios/scenario-file.ts';
import { columnsRead, type ScenarioDefinition, type ScenarioProgress, type ScenarioWorld } from '../scenarios/scenario.ts';
import type { ScenarioResult } from '../scenarios/result.ts';
import { parseVary, sweepScenario } from '../scenarios/sweep.ts';
import type { WorldView } from '../scenarios/world-view.ts';
import type { WorldSection } from '../scenarios/world-options.ts';
import { generatedWorld } from '../scenarios/world-memory.ts';
import { UsageError } from './errors.ts';
import type { CliIO } from './io.ts';
import { positiveInteger } from './options.ts';
import { commandProgress, stepProgress } from './progress.ts';
import { openWorldInput } from './world-input.ts';

export interface RawScenarioOptions {
  world?: string;
  /** run all, demo: only these scenarios (comma list). */
  only?: string;
  set?: string[];
  vary?: string[];
  out?: string;
  json?: boolean;
  quiet?: boolean;
  verify?: boolean;
  /** run all, demo: threads running scenarios side by side (default: one per core). */
  threads?: string;
}

export async function runScenarioList(raw: { json?: boolean }, io: CliIO): Promise<void> {
  const list = [...SCENARIOS.values()].map((s) => ({ name: s.name, description: s.description, needs: s.needs }));
  io.stdout.write(raw.json ? JSON.stringify(list, null, 1) + '\n' : textTable(['scenario', 'what it models'], list.map((s) => [s.name, s.description]), 2) + '\n');
}

export async function runScenarioSchema(io: CliIO): Promise<void> {
  io.stdout.write(JSON.stringify(scenarioJsonSchema(), null, 2) + '\n');
}

export async function runScenarioRun(source: string, raw: RawScenarioOptions, io: CliIO): Promise<void> {
  if (source === 'all') return runAll(raw, io);
  const loaded = withSets(loadScenario(source), raw.set ?? []);
  const steps = stepProgress((unit) => commandProgress(io, raw, unit));
  try {
    const world = raw.world ? await worldFolder(raw, loaded) : undefined;
    const result = await runScenario(loaded.definition, loaded.options, world, steps.step);
    steps.stop();
    await keep(raw.out, { kind: 'scenario', result }, scenarioText(result));
    io.stdout.write(raw.json ? JSON.stringify(result, null, 1) + '\n' : scenarioText(result));
  } finally {
    steps.stop();
  }
}

export async function runScenarioSweep(source: string, raw: RawScenarioOptions, io: CliIO): Promise<void> {
  const loaded = withSets(loadScenario(source), raw.set ?? []);
  if (!raw.vary?.length) throw new UsageError('give at least one --vary path=v1,v2,... (e.g. --vary release.k=2,5,11,20)');
  const vary = raw.vary.map((v) => named('--vary', () => parseVary(loaded.definition, v)));
  const steps = stepProgress((unit) => commandProgress(io, raw, unit));
  try {
    const folder = raw.world ? await worldFolder(raw, loaded) : undefined;
    // Without a folder, each distinct `world` section is generated once.
    const made = new Map<string, ScenarioWorld>();
    const world = folder ?? ((o: Options) => {
      const key = JSON.stringify(o.world);
      if (!made.has(key)) made.set(key, generatedWorld(o.world as WorldSection, loaded.definition.needs, steps.step, loaded.definition.columns));
      return made.get(key)!;
    });
    const result = await sweepScenario(loaded.definition, loaded.options, vary, world, steps.step as ScenarioProgress);
    steps.stop();
    await keep(raw.out, { kind: 'sweep', result }, sweepText(result));
    io.stdout.write(raw.json ? JSON.stringify(result, null, 1) + '\n' : sweepText(result));
  } finally {
    steps.stop();
  }
}

/**
 * Every built-in scenario (or those of --only) on one world (generated once, or a folder), each at its
 * defaults with `sets` applied where the scenario has that option (`world.*` applies to all).
 */
export async function runEveryScenario(raw: RawScenarioOptions, io: CliIO, sets: readonly string[]): Promise<ScenarioResult[]> {
  const defs = raw.only ? raw.only.split(',').map((n) => scenarioNamed(n.trim())) : [...SCENARIOS.values()];
  const paths = sets.map((s) => s.slice(0, Math.max(0, s.indexOf('='))));
  paths.forEach((path, i) => {
    if (!defs.some((d) => hasOption(d, path))) throw new UsageError(`--set: no built-in scenario has the option "${path || sets[i]}"`);
  });
  const loaded = defs.map((d) => withSets({ definition: d, options: scenarioOptions(d) }, sets.filter((_, i) => hasOption(d, paths[i]!))));
  const steps = stepProgress((unit) => commandProgress(io, raw, unit));
  try {
    const needs = [...new Set(defs.flatMap((d) => d.needs))];
    const world = raw.world ? await worldFolder(raw, { definition: { ...defs[0]!, needs }, options: {} }) : generatedWorld(loaded[0]!.options.world as WorldSection, needs, steps.step, columnsRead(defs));
    const threads = raw.threads === undefined ? availableParallelism() : positiveInteger('--threads', raw.threads);
    return await runScenarioJobs(loaded, world, {
      threads,
      onProgress: (running, done, total) => steps.step(`scenarios (${running.join(', ') || 'done'})`, done, total),
    });
  } finally {
    steps.stop();
  }
}

function hasOption(def: ScenarioDefinition, path: string): boolean {
  try {
    specAt(optionsSpecOf(def), path);
    return true;
  } catch {
    return false;
  }
}

/** `scenario run all`: every built-in scenario at its defaults on one world, in one table. */
async function runAll(raw: RawScenarioOptions, io: CliIO): Promise<void> {
  const results = await runEveryScenario(raw, io, raw.set ?? []);
  const text = allText(results);
  await keep(raw.out, { kind: 'scenarios', results }, text);
  io.stdout.write(raw.json ? JSON.stringify(results, null, 1) + '\n' : text);
}

/** A built-in name, or a JSON file naming one with options. */
function loadScenario(source: string): LoadedScenario {
  if (SCENARIOS.has(source)) {
    const definition = scenarioNamed(source);
    return { definition, options: scenarioOptions(definition) };
  }
  if (!source.endsWith('.json') && !existsSync(source)) scenarioNamed(source); // the unknown-name error
  const body = readJsonFile(source);
  return named(source, () => scenarioFromJson(body));
}

/** `--set path=value`: one option changed, checked against the declaration. */
function withSets(loaded: LoadedScenario, sets: readonly string[]): LoadedScenario {
  let given: Options = loaded.options;
  for (const s of sets) {
    const eq = s.indexOf('=');
    if (eq <= 0) throw new UsageError(`--set: write path=value (e.g. release.k=7), got "${s}"`);
    const path = s.slice(0, eq).trim();
    given = named('--set', () => withValue(given, path, parseValue(specAt(optionsSpecOf(loaded.definition), path), path, s.slice(eq + 1).trim())));
  }
  return { definition: loaded.definition, options: named('--set', () => scenarioOptions(loaded.definition, given)) };
}

/** Errors of a scenario's options, prefixed with where they came from (a file, a flag). */
function named<T>(where: string, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if ((e as Error).name === 'OptionError') throw new UsageError(`${where}: ${(e as Error).message}`);
    throw e;
  }
}

async function worldFolder(raw: RawScenarioOptions, loaded: LoadedScenario): Promise<ScenarioWorld> {
  const opened = await openWorldInput(raw.world!, { verify: raw.verify, ...(raw.out ? { outputs: [{ flag: '--out', path: raw.out }] } : {}) });
  const tables: Record<string, unknown> = { source: `the world in ${raw.world}` };
  for (const t of new Set<TableName>(['people', ...loaded.definition.needs])) tables[t] = await readWorldTable(opened, t);
  return tables as unknown as ScenarioWorld & WorldView;
}

/** --out DIR: the result as JSON (what `reident report` reads) and as text, each written whole. */
async function keep(dir: string | undefined, json: unknown, text: string): Promise<void> {
  if (!dir) return;
  await prepareOutDir(dir);
  await writeFileAtomic(join(dir, 'result.json'), JSON.stringify(json, null, 1) + '\n');
  await writeFileAtomic(join(dir, 'summary.txt'), text);
}

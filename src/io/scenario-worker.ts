// A worker thread that runs built-in scenarios on its own copy of the world (src/io/scenario-pool.ts).
// Messages in: {world} (a copy), or {generate} (make one part of the world, send it, then take the
// others: {parts}); then {task}s. Out: {part} | {ready} | {done} | {failed}.
import { parentPort } from 'node:worker_threads';
import type { TableName } from '../../generators/world-types.ts';
import type { Options } from '../scenarios/option-spec.ts';
import { scenarioNamed } from '../scenarios/registry.ts';
import type { ScenarioResult } from '../scenarios/result.ts';
import { runScenario } from '../scenarios/run.ts';
import type { ScenarioWorld } from '../scenarios/scenario.ts';
import { worldChunks, worldOfChunks, worldPlanOf, type WorldPart } from '../scenarios/world-memory.ts';
import type { WorldSection } from '../scenarios/world-options.ts';

export interface GeneratePart {
  readonly section: WorldSection;
  readonly tables: readonly TableName[];
  readonly start: number;
  readonly end: number;
  /** This part's place among the parts. */
  readonly index: number;
}
export interface ScenarioWorkerTask {
  readonly task: { id: number; name: string; options: Options };
}
export type ScenarioWorkerMessage = { world: ScenarioWorld } | { generate: GeneratePart } | { parts: (WorldPart | null)[] } | ScenarioWorkerTask;
export type ScenarioWorkerReply =
  | { kind: 'part'; part: WorldPart }
  | { kind: 'ready' }
  | { kind: 'done'; id: number; result: ScenarioResult }
  | { kind: 'failed'; id: number; message: string; name: string };

const port = parentPort!;
let world: ScenarioWorld | null = null;
let mine: { generate: GeneratePart; part: WorldPart } | null = null;

port.on('message', async (m: ScenarioWorkerMessage) => {
  if ('world' in m) {
    world = m.world;
    port.postMessage({ kind: 'ready' } satisfies ScenarioWorkerReply);
  } else if ('generate' in m) {
    const g = m.generate;
    mine = { generate: g, part: worldChunks(worldPlanOf(g.section), g.tables, g.start, g.end) };
    port.postMessage({ kind: 'part', part: mine.part } satisfies ScenarioWorkerReply);
  } else if ('parts' in m) {
    const { generate: g, part } = mine!;
    const parts = m.parts.map((p, i) => (i === g.index ? part : p!));
    world = worldOfChunks(g.section, worldPlanOf(g.section), g.tables, parts);
    mine = null;
    port.postMessage({ kind: 'ready' } satisfies ScenarioWorkerReply);
  } else {
    const { id, name, options } = m.task;
    try {
      const result = await runScenario(scenarioNamed(name), options, world!);
      port.postMessage({ kind: 'done', id, result } satisfies ScenarioWorkerReply);
    } catch (e) {
      port.postMessage({ kind: 'failed', id, message: (e as Error).message, name: (e as Error).name } satisfies ScenarioWorkerReply);
    }
  }
});

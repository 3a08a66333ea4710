// A worker thread that runs built-in scenarios on its own copy of the world (src/io/scenario-pool.ts).
// Messages in: {world} (a copy, packed by world-message.ts), then {task}s. Out: {ready} | {done} | {failed}.
import { parentPort } from 'node:worker_threads';
import type { Options } from '../scenarios/option-spec.ts';
import { scenarioNamed } from '../scenarios/registry.ts';
import type { ScenarioResult } from '../scenarios/result.ts';
import { runScenario } from '../scenarios/run.ts';
import type { ScenarioWorld } from '../scenarios/scenario.ts';
import { unpackWorld, type PackedWorld } from './world-message.ts';

export interface ScenarioWorkerTask {
  readonly task: { id: number; name: string; options: Options };
}
export type ScenarioWorkerMessage = { world: PackedWorld } | ScenarioWorkerTask;
export type ScenarioWorkerReply =
  | { kind: 'ready' }
  | { kind: 'done'; id: number; result: ScenarioResult }
  | { kind: 'failed'; id: number; message: string; name: string };

const port = parentPort!;
let world: ScenarioWorld | null = null;

port.on('message', async (m: ScenarioWorkerMessage) => {
  if ('world' in m) {
    world = unpackWorld(m.world);
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

// What a run leaves behind (`scenario run|sweep --out DIR`, `demo`): DIR/result.json, one of three kinds.
// `reident report DIR` reads it back; a file of another shape is refused naming what is wrong. Browser-safe.
import type { ScenarioResult } from '../scenarios/result.ts';
import type { SweepResult } from '../scenarios/sweep.ts';

export type RunFile = { kind: 'scenario'; result: ScenarioResult } | { kind: 'sweep'; result: SweepResult } | { kind: 'scenarios'; results: ScenarioResult[] };

/** The run's scenario results (a sweep's are its runs). */
export function resultsOf(run: RunFile): ScenarioResult[] {
  return run.kind === 'scenarios' ? run.results : run.kind === 'sweep' ? [...run.result.runs] : [run.result];
}

/** Checks the shape of a parsed result.json; the message says what is missing. */
export function checkRunFile(body: unknown, file: string): RunFile {
  const fail = (what: string): never => {
    throw new RunFileError(`${file}: ${what} (a result.json written by reident scenario run|sweep --out or reident demo)`);
  };
  if (!body || typeof body !== 'object') fail('not a JSON object');
  const b = body as Record<string, unknown>;
  const isResult = (r: unknown) => !!r && typeof r === 'object' && typeof (r as ScenarioResult).scenario === 'string' && Array.isArray((r as ScenarioResult).outcomes);
  if (b.kind === 'scenario') return isResult(b.result) ? (b as RunFile) : fail('"result" is not a scenario result');
  if (b.kind === 'scenarios') return Array.isArray(b.results) && b.results.every(isResult) ? (b as RunFile) : fail('"results" is not a list of scenario results');
  if (b.kind === 'sweep') {
    const s = b.result as SweepResult | undefined;
    return s && Array.isArray(s.rows) && Array.isArray(s.runs) && s.runs.every(isResult) ? (b as RunFile) : fail('"result" is not a sweep result');
  }
  return fail(`"kind" must be scenario, sweep or scenarios, got ${JSON.stringify(b.kind)}`);
}

export class RunFileError extends Error {
  override readonly name = 'InputError';
}

// `reident report RUN_DIR`: the report of a run kept with --out (scenario run or sweep) or a demo, drawn
// again from its result.json into RUN_DIR/report.html, report.md and report.json.
import { join } from 'node:path';
import { readJsonFile } from '../io/json-file.ts';
import { renderReport } from '../io/report-files.ts';
import { checkRunFile } from '../report/run-file.ts';
import type { CliIO } from './io.ts';

export async function runReport(dir: string, io: CliIO): Promise<void> {
  const file = join(dir, 'result.json');
  const run = checkRunFile(readJsonFile(file), file);
  await renderReport(dir, run);
  io.stdout.write(`Wrote ${join(dir, 'report.html')}, report.md and report.json.\n`);
}

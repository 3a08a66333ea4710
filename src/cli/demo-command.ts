// `reident demo` (what `npm start` runs): the default world, every built-in scenario at its defaults,
// a compact table in the terminal, and out/demo/report.html, report.json and report.md (replacing the
// previous demo whole).
import { headlineCells, headlineRows, HEADLINE_HEADER } from '../report/headline.ts';
import { duration } from '../report/numbers.ts';
import { textTable } from '../report/scenario-text.ts';
import { writeRunFolder } from '../io/report-files.ts';
import type { CliIO } from './io.ts';
import { runEveryScenario, type RawScenarioOptions } from './scenario-command.ts';

export async function runDemo(raw: RawScenarioOptions, io: CliIO): Promise<void> {
  const out = raw.out ?? 'out/demo';
  const started = performance.now();
  const results = await runEveryScenario(raw, io, raw.set ?? []);
  const run = { kind: 'scenarios' as const, results };
  await writeRunFolder(out, run);
  const seconds = (performance.now() - started) / 1000;
  if (raw.json) {
    io.stdout.write(JSON.stringify({ seconds, report: `${out}/report.html`, results }, null, 1) + '\n');
    return;
  }
  io.stdout.write(
    `World: ${results[0]?.world.source}\n\n` +
      textTable(HEADLINE_HEADER, headlineRows(results).map(headlineCells), 1) +
      `\n\nThe report: ${out}/report.html (also report.md and report.json). Done in ${duration(seconds)}.\n`,
  );
}

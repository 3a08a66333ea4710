#!/usr/bin/env node
// Entry point: `npx tsx src/cli/main.ts <command> [options]`, or `reident <command>` from the built package (dist/).
import { processIO } from './io.ts';
import { runCli } from './program.ts';
import { allowDeeperInlining } from '../io/v8-inlining.ts';

allowDeeperInlining();

// A closed pipe (`reident schema | head`) ends the output quietly instead of crashing.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

process.exitCode = await runCli(process.argv.slice(2), processIO());

// One all-tables run for `npm run bench`, in a fresh process: `writeWorld` of every table to CSV, then a
// JSON line {seconds, cpuSeconds, claims}. A fresh process because a long bench process is not what a
// user runs: after the earlier rows (the faker baseline, in-memory claims, DuckDB) the same run took
// ~2x the CPU. Usage: node --import tsx bench/world-csv.ts PEOPLE WORKERS OUT_DIR [--v8-default]
import { writeWorld } from '../src/io/world-writer.ts';
import { planWorld } from '../generators/world.ts';
import { TABLE_NAMES } from '../generators/world-types.ts';
import { allowDeeperInlining } from '../src/io/v8-inlining.ts';

if (!process.argv.includes('--v8-default')) allowDeeperInlining(); // as the CLI does
const [people, workers, outDir] = [Number(process.argv[2]), Number(process.argv[3]), process.argv[4]!];
const plan = planWorld({ seed: 1, people });
const cpu = process.cpuUsage();
const t = performance.now();
const result = await writeWorld(plan, { outDir, format: 'csv', tables: [...TABLE_NAMES], workers });
const seconds = (performance.now() - t) / 1000;
const used = process.cpuUsage(cpu);
const claims = result.tables.filter((x) => x.table.startsWith('claims_')).reduce((a, x) => a + x.rows, 0);
process.stdout.write(JSON.stringify({ seconds, cpuSeconds: (used.user + used.system) / 1e6, claims }) + '\n');

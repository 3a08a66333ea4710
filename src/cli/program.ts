// The commander program: commands and their flags; runCli maps every outcome to an exit code.
import { Command, CommanderError, Option } from 'commander';
import { generatorName } from '../io/manifest.ts';
import { errorText, exitCodeOf } from './errors.ts';
import { runGenerate } from './generate.ts';
import { DEFAULT_PART_PEOPLE } from '../io/part-files.ts';
import type { CliIO } from './io.ts';
import { runSchema } from './schema-command.ts';
import { runCheck } from './check-command.ts';
import { runRisk } from './risk-command.ts';
import { ATTACK_KINDS, CLI_ATTACKS, runAttack } from './attack-command.ts';
import { attackFlagOptions, attacksHelp } from './attack-flags.ts';
import { runLink } from './link-command.ts';
import { runAdversary } from './adversary-command.ts';
import { noVerifyOption } from './world-input.ts';
import { memoryLimitOption } from './memory-limit.ts';
import { runRelease } from './release-command.ts';
import { runScenarioList, runScenarioRun, runScenarioSchema, runScenarioSweep } from './scenario-command.ts';
import { runDemo } from './demo-command.ts';
import { runReport } from './report-command.ts';
import { SAFEGUARDS } from '../../safeguards/registry.ts';
import { kebab } from './safeguard-flags.ts';

/** The flags that describe a world, shared by the commands that make one. */
function worldFlags(command: Command): Command {
  return command
    .option('--states <list>', 'comma list of state abbreviations, or all', 'all')
    .option('--scale <x>', 'the complete population of --states times x, 0 < x <= 1')
    .option('--seed <s>', 'seed, an integer or a string', '1')
    .option('--calibration <name>', 'census2010 or est2019', 'est2019')
    .option('--years <k>', 'calendar years of claims', '1')
    .option('--ssn <mode>', 'synthetic or realistic SSNs', 'synthetic');
}

/** --encoding: one definition for every command that reads a user's CSV file (parsed by parseEncoding). */
function encodingOption(): Option {
  return new Option('--encoding <name>', 'text encoding of CSV files: utf8 (checked strictly), latin1 or windows-1252').default('utf8');
}

function buildProgram(io: CliIO): Command {
  const program = new Command('reident')
    .description('Synthetic-data privacy testbed: generate a synthetic population and its Medicare tables.')
    .version(generatorName().replace(/^reident /, ''))
    .exitOverride()
    .configureOutput({
      writeOut: (s) => void io.stdout.write(s),
      writeErr: (s) => void io.stderr.write(s),
      outputError: (s, write) => write(`reident: ${s.replace(/^error: /, '')}`),
    });

  worldFlags(program.command('generate'))
    .description('generate a world and write one file per table plus manifest.json')
    .option('--people <n>', 'draw n people, weighted by population')
    .option('--out <dir>', 'output directory', 'out/world')
    .option('--tables <list>', 'comma list: people, beneficiaries, claims (all four), claims_carrier, claims_outpatient, claims_inpatient, claims_pde, or all (default all; with --columns, the tables holding a column asked for)')
    .option('--columns <list>', 'write only these columns (e.g. zip,sex,birth_date); the others are not formatted')
    .option('--format <format>', 'csv, parquet (typed, zstd) or json', 'csv')
    .option('--partition <by>', 'state: one folder per table, TABLE/state=XX/part-NNNNN.EXT, written part by part on worker threads; an interrupted run resumes when the same command is run again (needs --scale)')
    .option('--part-people <n>', `with --partition: people per part (default ${DEFAULT_PART_PEOPLE})`)
    .option('--shard <i/N>', 'write only shard i of N (0-based), e.g. 0/4')
    .option('--batch-size <n>', 'people per generated batch')
    .option('--workers <n>', 'threads that generate and format batches: this one and n-1 worker threads (default 1; with --partition, n worker threads, default one per core; output is the same whatever n)')
    .option('--quiet', 'no progress bar')
    .option('--force', 'write into a non-empty folder that is not a reident world (a world already there is always replaced whole)')
    .action(async (options) => runGenerate(options, io));

  worldFlags(program.command('check'))
    .description('generate a world in memory and print its measured distributions beside their calibration targets')
    .option('--people <n>', 'draw n people, weighted by population', '100000')
    .option('--batch-size <n>', 'people per generated batch')
    .option('--json', 'print the rows as JSON')
    .option('--quiet', 'no progress bar')
    .action(async (options) => runCheck(options.scale ? { ...options, people: undefined } : options, io));

  program
    .command('risk')
    .description('re-identification risk of a table (CSV or Parquet) on its quasi-identifiers, with ground truth when the population is known')
    .argument('<file>', 'the table: CSV (delimiter detected) or Parquet (recognised by its bytes)')
    .requiredOption('--qi <columns>', 'comma list of quasi-identifier columns')
    .option('--delimiter <d>', 'CSV field separator (default: detected from the header)')
    .addOption(encodingOption())
    .option('--sampling-fraction <f>', 'the table is a sample of this fraction of the population (0 < f <= 1)')
    .option('--population-size <N>', 'the table is a sample of a population of N people')
    .option('--population <file>', 'the population table itself: journalist risk and ground truth')
    .option('--world <dir>', "a generated world's people table as the population")
    .addOption(noVerifyOption())
    .option('--sample <f>', 'analyse a seeded random sample of this fraction of FILE, with FILE as the population')
    .option('--weight <column>', 'sampling weights: individual risk (Benedetti-Franconi)')
    .option('--household <column>', 'household ids: household risk (needs --weight)')
    .option('--sensitive <column>', 'a sensitive attribute: l-diversity and t-closeness')
    .option('--combinations <k>', 'distinction, separation and uniqueness of every combination of up to k quasi-identifiers')
    .option('--suda', 'special uniques: SUDA scores and per-attribute contributions (up to 10 quasi-identifiers)')
    .option('--missing <mode>', 'missing values as their own category or as wildcards matching anything', 'category')
    .option('--na <token>', 'a value that means missing (repeatable)', (v: string, acc: string[] = []) => [...acc, v])
    .option('--threshold <t>', 'records at risk: re-identification probability above t', '0.09')
    .option('--bootstrap <B>', 'bootstrap replicates for confidence intervals (0 for none; default 200, and 0 with --engine duckdb)')
    .option('--seed <s>', 'seed for --sample and the bootstrap', '1')
    .option('--per-record <out.csv>', 'write one row per record: class size, risk and the per-record figures asked for')
    .option('--compat <mode>', 'population-uniqueness estimators: arx reproduces ARX exactly (docs/RISK.md); default: corrected')
    .option('--engine <name>', 'memory or duckdb (SQL over the file, for data larger than memory); default: chosen by input size, and said on stderr')
    .option('--print-sql', 'print on stderr the SQL the DuckDB engine runs (implies --engine duckdb)')
    .addOption(memoryLimitOption())
    .option('--json', 'print one JSON object')
    .option('--quiet', 'no progress bar')
    .action(async (file, options) => runRisk(file, options, io));

  const attack = program
    .command('attack')
    .description(`run an attack against a generated world and score it against the truth (${ATTACK_KINDS.join(', ')})`)
    .argument('<name>', ATTACK_KINDS.join(' | '))
    .option('--world <dir>', 'a folder written by reident generate')
    .addOption(noVerifyOption());
  for (const flag of attackFlagOptions(CLI_ATTACKS)) attack.addOption(flag);
  attack
    .option('--original <file>', 'synthetic: judge your own release: the records used for synthesis')
    .option('--synthetic <file>', 'synthetic, with --original: the synthetic table')
    .option('--control <file>', 'synthetic, with --original: records held out of synthesis (the control)')
    .option('--engine <name>', 'quasi-id: memory (the voter roll generated from the world) or duckdb (SQL over the beneficiary file and --voter-roll FILE)')
    .option('--voter-roll <file>', 'quasi-id with --engine duckdb: a voter roll written by reident adversary voter-roll --with-truth')
    .option('--voter-truth <column>', "quasi-id with --voter-roll: the roll's person-id column (default truth_person_id)")
    .option('--print-sql', 'quasi-id: print on stderr the SQL the DuckDB engine runs (implies --engine duckdb)')
    .addOption(memoryLimitOption())
    .addOption(encodingOption())
    .option('--json', 'print one JSON object')
    .option('--quiet', 'no progress bar')
    .addHelpText('after', () => attacksHelp(CLI_ATTACKS))
    .action(async (name, options) => runAttack(name, options, io));

  program
    .command('adversary')
    .description("write one of the adversary's datasets built from a world: voter-roll, agency-list, broker-file, news")
    .argument('<dataset>', 'voter-roll | agency-list | broker-file | news')
    .option('--world <dir>', 'a folder written by reident generate')
    .addOption(noVerifyOption())
    .option('--out <file>', 'CSV file to write')
    .option('--seed <s>', 'seed', '1')
    .option('--size <n>', 'agency-list: people on the list (default 2000, or as many as the world supplies)')
    .option('--count <n>', 'news: number of reports (default 81, or as many as the world has inpatient stays)')
    .option('--clean', 'no typos, nicknames or other errors')
    .option('--with-truth', 'add a truth_person_id column (for scoring; never part of a release)')
    .action(async (kind, options) => runAdversary(kind, options, io));

  program
    .command('link')
    .description('Fellegi-Sunter record linkage described by a settings JSON (docs/linkage-settings.example.json)')
    .option('--left <file>', 'left table (CSV or Parquet)')
    .option('--right <file>', 'right table, to link two tables')
    .option('--dedupe', 'deduplicate the left table instead')
    .option('--settings <file>', 'settings JSON: link_type, blocking, comparisons with levels, optional lambda/m/u; or a Splink 4 settings dictionary or saved model')
    .addOption(encodingOption())
    .option('--train', 'estimate u by random sampling and m (and lambda) by EM')
    .option('--u-max-pairs <n>', "with --train: pairs compared to estimate u (Splink's max_pairs; default 1e6)")
    .option('--u-sampling <how>', 'with --train: pairs (default: independent random pairs) or records (all pairs among sampled records, as Splink)')
    .option('--lambda-rules <rules>', 'with --train: lambda from deterministic rules, e.g. "soc_sec_id;given_name,surname,date_of_birth" (with --lambda-recall)')
    .option('--lambda-recall <r>', 'with --lambda-rules: the share of true matches the rules find, in (0, 1]')
    .option('--training-rules <rules>', 'with --train: one EM session per rule, e.g. "date_of_birth;postcode" (default: each blocking rule)')
    .option('--threshold <p>', 'match probability at which precision/recall are counted', '0.5')
    .option('--one-to-one', 'keep each record in at most one pair (greedy by probability)')
    .option('--out <file>', 'scored pairs CSV: left_row, right_row, match_weight, match_probability, gamma_<column>')
    .option('--truth-left <column>', 'ground-truth id column of the left table (never used for linking)')
    .option('--truth-right <column>', 'ground-truth id column of the right table')
    .option('--seed <s>', 'seed for u sampling', '1')
    .option('--curve <file>', 'with truth columns: precision and recall at every match probability, as CSV')
    .option('--save-model <file>', "write the model used (given or trained) as a Splink 4 saved model JSON, which Splink loads and --settings reads back")
    .option('--explain <left,right>', 'print the waterfall of one pair (0-based data rows; with --dedupe both of the left file): prior, each level\'s Bayes factor and term-frequency adjustment, the running match weight')
    .option('--model-report <file>', 'write an offline HTML report of the model: m and u per level, match weights, the weight histogram and waterfalls of a few pairs')
    .option('--engine <name>', 'memory or duckdb (blocking, comparisons and scores as SQL over the files; --train trains in memory on the model columns first); default: chosen by input size, and said on stderr')
    .option('--print-sql', 'print on stderr the SQL the DuckDB engine runs (implies --engine duckdb)')
    .addOption(memoryLimitOption())
    .option('--json', 'print one JSON object')
    .option('--quiet', 'no progress bars')
    .action(async (options) => runLink(options, io));

  program
    .command('release')
    .description("apply a safeguard (or a pipeline of them) to a world's table or your own file and write the released table")
    .option('--world <dir>', 'a folder written by reident generate')
    .option('--table <name>', 'with --world: the table to release', 'people')
    .option('--in <file>', 'your own table instead (CSV or Parquet)')
    .option('--safeguard <name>', `one of: ${[...SAFEGUARDS.keys()].join(', ')} (its own options follow, e.g. --columns a,b)`)
    .option('--pipeline <file>', 'a JSON file of steps: {"steps": [{"safeguard": NAME, "options": {...}}]}')
    .option('--out <file>', 'the released table (CSV); OUT.release.json records what was applied')
    .option('--key-file <file>', 'hmac-ids, bloom: the secret key (default: a new key, written to OUT.key)')
    .option('--truth <column>', 'with --in: a column of person ids to hold apart (never released)')
    .option('--delimiter <d>', 'with --in: CSV field separator (default: detected)')
    .addOption(encodingOption())
    .addOption(noVerifyOption())
    .option('--workload <queries>', 'utility: count queries answered on the input and the release, e.g. state,sex;state (columns per query, queries separated by ;)')
    .option('--json', 'print what was applied as JSON')
    .allowUnknownOption()
    .allowExcessArguments()
    .addHelpText('after', () => '\nSafeguards and their options:\n' + [...SAFEGUARDS.values()].map((e) => `  ${e.name}: ${e.description}\n` + Object.entries(e.flags).map(([n, f]) => `      --${kebab(n)}  ${f.help}\n`).join('')).join(''))
    .action(async (options, command: Command) => runRelease(options, command.args, io));

  const scenario = program.command('scenario').description('built-in scenarios: a release, an adversary, an attack, scored against the truth, compared across safeguards on risk and utility');
  const repeat = (v: string, acc: string[] = []) => [...acc, v];
  const scenarioFlags = (c: Command) =>
    c
      .option('--world <dir>', 'a folder written by reident generate (default: the world of the scenario\'s `world` options, generated in memory)')
      .option('--set <path=value>', 'change one option, e.g. release.k=7 or world.people=50000 (repeatable)', repeat)
      .option('--out <dir>', 'keep the run: DIR/result.json and DIR/summary.txt')
      .option('--json', 'print the result as JSON')
      .option('--quiet', 'no progress bars')
      .addOption(noVerifyOption());
  scenario
    .command('list')
    .description('the built-in scenarios')
    .option('--json', 'print them as JSON')
    .action(async (options) => runScenarioList(options, io));
  scenarioFlags(scenario.command('run').description('run a scenario: NAME (see scenario list), a scenario JSON file, or all (every built-in scenario on one world)').argument('<scenario>', 'a built-in name, a JSON file, or all'))
    .option('--only <list>', 'with all: only these scenarios, e.g. ssn-match,voter-roll')
    .option('--threads <n>', 'with all: threads running scenarios side by side, each with a copy of the world (default: one per core)')
    .action(async (source, options) => runScenarioRun(source, options, io));
  scenarioFlags(scenario.command('sweep').description('run a scenario over a grid of option values and print the risk-utility frontier').argument('<scenario>', 'a built-in name or a JSON file'))
    .option('--vary <path=v1,v2,...>', 'an option and its values, e.g. release.k=2,5,11,20 (repeatable: a grid)', repeat)
    .action(async (source, options) => runScenarioSweep(source, options, io));
  scenario
    .command('schema')
    .description('print the JSON Schema of scenario files (also in docs/scenario.schema.json)')
    .action(async () => runScenarioSchema(io));

  program
    .command('demo')
    .description('the main job (npm start): every built-in scenario on the default world, a summary table, and out/demo/report.html, report.md, report.json')
    .option('--out <dir>', 'the report folder (replaced whole)', 'out/demo')
    .option('--only <list>', 'only these scenarios, e.g. ssn-match,voter-roll')
    .option('--threads <n>', 'threads running scenarios side by side, each with a copy of the world (default: one per core)')
    .option('--world <dir>', 'a folder written by reident generate instead of the default world')
    .option('--set <path=value>', 'change an option of every scenario that has it, e.g. world.people=20000 (repeatable)', (v: string, acc: string[] = []) => [...acc, v])
    .option('--json', 'print the results as JSON')
    .option('--quiet', 'no progress bars')
    .addOption(noVerifyOption())
    .action(async (options) => runDemo(options, io));

  program
    .command('report')
    .description('draw the report (HTML, Markdown, JSON) of a run kept with --out, from its result.json')
    .argument('<run-dir>', 'a folder written by scenario run|sweep --out or demo')
    .action(async (dir) => runReport(dir, io));

  program
    .command('schema')
    .description('print the schemas of all tables')
    .option('--format <format>', 'md or json', 'md')
    .action(async (options) => runSchema(options, io));

  return program;
}

/** Runs the CLI on argv (without node and script); returns the exit code. */
export async function runCli(argv: readonly string[], io: CliIO): Promise<number> {
  const program = buildProgram(io);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) {
      // commander has printed its own message (through outputError) or the help/version text
      return e.exitCode === 0 ? 0 : 2;
    }
    io.stderr.write(errorText(e, io.env));
    return exitCodeOf(e);
  }
}

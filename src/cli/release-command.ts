// `reident release`: applies one safeguard, or a pipeline of them, to a world's table or a user's file,
// and writes the released table (CSV), what was applied (OUT.release.json) and what the holder keeps
// apart (a generated key, a token crosswalk), each written whole or not at all.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { applyPipeline, SAFEGUARDS, type PipelineStep } from '../../safeguards/registry.ts';
import type { Release } from '../../safeguards/types.ts';
import { BUILTIN_HIERARCHIES, type BuiltinHierarchy } from '../../safeguards/generalise/builtin.ts';
import { SCHEMAS } from '../../generators/world.ts';
import { TABLE_NAMES, type TableName } from '../../generators/world-types.ts';
import { InputError } from '../io/read-columns.ts';
import { writeFileAtomic } from '../io/out-dir.ts';
import { readJsonFile } from '../io/json-file.ts';
import { readDataset, tableCsv } from '../io/table-file.ts';
import { worldTablePath } from '../io/world-tables.ts';
import { count, percent } from '../report/numbers.ts';
import { utilityOf, type Utility } from '../../safeguards/utility/utility.ts';
import { UsageError } from './errors.ts';
import type { CliIO } from './io.ts';
import { parseEncoding } from './options.ts';
import { checkOutputs, type NamedPath } from './output-paths.ts';
import { kebab, safeguardOptions } from './safeguard-flags.ts';
import { openWorldInput } from './world-input.ts';

export interface RawReleaseOptions {
  world?: string;
  in?: string;
  table?: string;
  safeguard?: string;
  pipeline?: string;
  out?: string;
  keyFile?: string;
  truth?: string;
  delimiter?: string;
  encoding?: string;
  json?: boolean;
  verify?: boolean;
  workload?: string;
}

export async function runRelease(raw: RawReleaseOptions, words: readonly string[], io: CliIO): Promise<void> {
  if (!raw.world === !raw.in) throw new UsageError('give the table to release: --world DIR (with --table) or --in FILE');
  if (!raw.out) throw new UsageError('--out FILE is required (the released table, as CSV)');
  if (!raw.safeguard === !raw.pipeline) throw new UsageError(`give --safeguard NAME (${[...SAFEGUARDS.keys()].join(', ')}) or --pipeline FILE.json`);
  const steps = raw.safeguard ? [{ safeguard: knownSafeguard(raw.safeguard, '--safeguard'), options: safeguardOptions(SAFEGUARDS.get(raw.safeguard)!, words) }] : readPipeline(raw.pipeline!, words);
  const secret = steps.some((s) => SAFEGUARDS.get(s.safeguard)!.secret);
  const sidecars = { meta: `${raw.out}.release.json`, key: `${raw.out}.key`, crosswalk: `${raw.out}.crosswalk.csv` };
  const outputs: NamedPath[] = [{ flag: '--out', path: raw.out }, ...Object.values(sidecars).map((path) => ({ flag: '--out', path }))];
  const inputs: NamedPath[] = [...(raw.pipeline ? [{ flag: '--pipeline', path: raw.pipeline }] : []), ...(raw.keyFile ? [{ flag: '--key-file', path: raw.keyFile }] : [])];

  let input;
  let source: string;
  if (raw.world) {
    const table = (raw.table ?? 'people') as TableName;
    if (!TABLE_NAMES.includes(table)) throw new UsageError(`--table must be one of ${TABLE_NAMES.join(', ')}, got "${raw.table}"`);
    source = worldTablePath(await openWorldInput(raw.world, { verify: raw.verify, outputs, inputs }), table);
    input = await readDataset(source, { schema: SCHEMAS[table] });
  } else {
    source = raw.in!;
    await checkOutputs(outputs, [...inputs, { flag: '--in', path: source }]);
    const encoding = parseEncoding(raw.encoding);
    input = await readDataset(source, { ...(raw.truth ? { truthColumn: raw.truth } : {}), ...(raw.delimiter ? { delimiter: raw.delimiter } : {}), encoding });
  }

  const workload = (raw.workload ?? '').split(';').filter((q) => q !== '').map((q) => q.split(','));
  for (const cols of workload) for (const c of cols) if (!input.table.names.includes(c)) throw new UsageError(`--workload: the input has no column "${c}"`);
  const resolved = steps.map(withHierarchyFiles);
  const key = secret ? (raw.keyFile ? readKey(raw.keyFile) : randomBytes(32)) : null;
  const release = namingFlags(() => applyPipeline(input, key ? resolved.map((s) => withSecret(s, key)) : resolved));
  const written: string[] = [raw.out];
  await writeFileAtomic(raw.out, tableCsv(release.table));
  if (key && !raw.keyFile) {
    await writeFileAtomic(sidecars.key, key.toString('hex') + '\n');
    written.push(sidecars.key);
  }
  if (release.keptApart?.crosswalk) {
    await writeFileAtomic(sidecars.crosswalk, tableCsv(release.keptApart.crosswalk));
    written.push(sidecars.crosswalk);
  }
  const utility = utilityOf(input.table, release.table, workload);
  const meta = { source, rowsIn: input.table.rows, rowsOut: release.table.rows, columns: release.table.names, applied: release.applied, utility, files: written };
  await writeFileAtomic(sidecars.meta, JSON.stringify(meta, null, 1) + '\n');
  io.stdout.write(raw.json ? JSON.stringify(meta, null, 1) + '\n' : releaseText(meta, release, utility, key !== null && !raw.keyFile));
}

/** A safeguard's option error names the option as the command line spells it (--person-key, not --personKey). */
function namingFlags<T>(run: () => T): T {
  try {
    return run();
  } catch (e) {
    const option = (e as { name?: string; option?: string }).option;
    if ((e as Error).name === 'OptionError' && option) throw new UsageError((e as Error).message.replace(`--${option}`, `--${kebab(option)}`));
    throw e;
  }
}

function knownSafeguard(name: string, where: string): string {
  if (!SAFEGUARDS.has(name)) throw new UsageError(`${where}: unknown safeguard "${name}" (known: ${[...SAFEGUARDS.keys()].join(', ')})`);
  return name;
}

/** A pipeline file: {"steps": [{"safeguard": NAME, "options": {...}}, ...]} (or the array alone). */
function readPipeline(file: string, words: readonly string[]): PipelineStep[] {
  if (words.length) throw new UsageError(`with --pipeline, a safeguard's options go in ${file}, not on the command line ("${words[0]}")`);
  const json = readJsonFile(file);
  const steps = Array.isArray(json) ? json : (json as { steps?: unknown })?.steps;
  if (!Array.isArray(steps) || steps.length === 0) throw new InputError(`${file}: steps: a non-empty list of {"safeguard": NAME, "options": {...}} is required`);
  return steps.map((step: unknown, i) => {
    const s = step as PipelineStep;
    if (typeof s?.safeguard !== 'string') throw new InputError(`${file}: steps[${i}].safeguard: a safeguard name is required`);
    knownSafeguard(s.safeguard, `${file}: steps[${i}].safeguard`);
    if (s.options !== undefined && (typeof s.options !== 'object' || s.options === null || Array.isArray(s.options))) throw new InputError(`${file}: steps[${i}].options: must be an object`);
    return { safeguard: s.safeguard, options: s.options ?? {} };
  });
}

/** k-anonymity's and generalise's --hierarchy COL=FILE: the file's text is read here (the safeguard itself reads no files). */
function withHierarchyFiles(step: PipelineStep): PipelineStep {
  const named = step.options?.hierarchy as Record<string, string> | undefined;
  if ((step.safeguard !== 'k-anonymity' && step.safeguard !== 'generalise') || !named) return step;
  const hierarchy: Record<string, string> = {};
  const hierarchyCsv: Record<string, string> = {};
  for (const [column, value] of Object.entries(named)) {
    if (BUILTIN_HIERARCHIES.includes(value as BuiltinHierarchy)) hierarchy[column] = value;
    else {
      try {
        hierarchyCsv[column] = readFileSync(value, 'utf8');
      } catch {
        throw new InputError(`--hierarchy: ${column}=${value}: no such file (give an ARX hierarchy CSV, or one of ${BUILTIN_HIERARCHIES.join(', ')})`);
      }
    }
  }
  return { ...step, options: { ...step.options, hierarchy, hierarchyCsv } };
}

/** The key file's bytes: hex (64+ digits) or the raw text, a final newline dropped. */
function readKey(file: string): Buffer {
  let text: string;
  try {
    text = readFileSync(file, 'utf8').replace(/\r?\n$/, '');
  } catch {
    throw new InputError(`--key-file: ${file}: no such file`);
  }
  return /^[0-9a-f]{32,}$/i.test(text) && text.length % 2 === 0 ? Buffer.from(text, 'hex') : Buffer.from(text, 'utf8');
}

/** A keyed step gets the key (Bloom filters two keys derived from it); the key is never recorded. */
function withSecret(step: PipelineStep, key: Buffer): PipelineStep {
  const secret = SAFEGUARDS.get(step.safeguard)!.secret;
  if (secret === 'key') return { ...step, options: { ...step.options, key: new Uint8Array(key) } };
  if (secret === 'keys') return { ...step, options: { ...step.options, keys: [1, 2].map((n) => new Uint8Array(Buffer.concat([key, Buffer.of(n)]))) } };
  return step;
}

function releaseText(meta: { source: string; rowsIn: number; rowsOut: number; files: string[] }, release: Release, utility: Utility, generatedKey: boolean): string {
  const lines = [`released ${count(meta.rowsOut)} of ${count(meta.rowsIn)} rows of ${meta.source} -> ${meta.files[0]}`];
  for (const a of release.applied) {
    lines.push(`  ${a.safeguard}: ${JSON.stringify(a.parameters)}`);
    for (const [k, v] of Object.entries(a.summary)) lines.push(`    ${k}: ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`);
  }
  lines.push(utility.countTable ? `utility: a table of ${count(utility.rowsOut)} counts in place of ${count(utility.rowsIn)} records` : `utility: ${percent(utility.suppressionRate)} of records suppressed; ${utility.columnsRemoved.length} column(s) removed`);
  const moved = Object.entries(utility.distance).filter(([, d]) => d > 0).sort((a, b) => b[1] - a[1]);
  if (moved.length) lines.push(`  distribution moved (total variation, 1 = nothing in common): ${moved.slice(0, 8).map(([c, d]) => `${c} ${d.toFixed(3)}`).join(', ')}`);
  for (const w of utility.workload) lines.push(`  counts by ${w.columns.join(' x ')}: ${w.meanRelativeError === null ? 'no combination answered' : `mean relative error ${percent(w.meanRelativeError)}`} (${count(w.groups - w.unanswered)} of ${count(w.groups)} combinations answered)`);
  if (generatedKey) lines.push(`a new key was generated and written to ${meta.files[1]}: keep it apart from the release (anyone holding it can recompute the pseudonyms)`);
  lines.push(`what was applied: ${meta.files[0]}.release.json`);
  return lines.join('\n') + '\n';
}

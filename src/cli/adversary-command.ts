// `reident adversary <dataset> --world DIR --out FILE`: writes one of the adversary's datasets built
// from a world as CSV, with the truth in a separate, clearly named column only when asked.
import { agencyList, agencyListCapacity } from '../../generators/adversary/agency-list.ts';
import { brokerFile } from '../../generators/adversary/broker-file.ts';
import { newsReports } from '../../generators/adversary/news-reports.ts';
import type { AdversaryDataset } from '../../generators/adversary/types.ts';
import { voterRoll } from '../../generators/adversary/voter-roll.ts';
import { csvText } from '../io/format-csv.ts';
import { textColumnOf } from '../table/text.ts';
import { writeFileAtomic } from '../io/out-dir.ts';
import { readWorldTable } from '../io/world-tables.ts';
import { openWorldInput } from './world-input.ts';
import { takeSize, type SizeTaken } from '../scenarios/requested-size.ts';
import { UsageError } from './errors.ts';
import type { CliIO } from './io.ts';
import { parseSeed, positiveInteger } from './options.ts';

export const DATASETS = ['voter-roll', 'agency-list', 'broker-file', 'news'] as const;

export interface RawAdversaryOptions {
  world?: string;
  out?: string;
  seed?: string;
  size?: string;
  count?: string;
  withTruth?: boolean;
  clean?: boolean;
  verify?: boolean;
}

export async function runAdversary(kind: string, raw: RawAdversaryOptions, io: CliIO): Promise<void> {
  if (!(DATASETS as readonly string[]).includes(kind)) throw new UsageError(`unknown dataset "${kind}" (known: ${DATASETS.join(', ')})`);
  if (!raw.world) throw new UsageError('--world DIR is required');
  if (!raw.out) throw new UsageError('--out FILE is required');
  const seed = parseSeed(raw.seed ?? '1');
  const world = await openWorldInput(raw.world, { verify: raw.verify, outputs: [{ flag: '--out', path: raw.out }] });
  const people = await readWorldTable(world, 'people');
  const errors = raw.clean ? { errors: false as const } : {};
  let d: AdversaryDataset;
  // Never more rows than the world supplies: beyond it an asked size is an error, a default is cut (and said so).
  let taken: SizeTaken | null = null;
  if (kind === 'voter-roll') d = voterRoll(people, { seed, ...errors });
  else if (kind === 'agency-list') {
    taken = takeSize(raw.size ? positiveInteger('--size', raw.size) : undefined, 2000, agencyListCapacity(people), 'size', 'people on the agency list');
    d = agencyList(people, { seed, size: taken.size, ...errors });
  } else if (kind === 'broker-file') d = brokerFile(people, { seed, ...errors });
  else {
    const stays = await readWorldTable(world, 'claims_inpatient');
    taken = takeSize(raw.count ? positiveInteger('--count', raw.count) : undefined, 81, stays.rows, 'count', 'news reports (one per inpatient stay)');
    d = newsReports(people, stays, { seed, count: taken.size });
  }
  const names = d.table.names;
  const header = [...names, ...(raw.withTruth ? ['truth_person_id'] : [])];
  const lines = [header.join(',')];
  // each distinct value quoted once: a dictionary look-up per cell
  const cellsOf = names.map((n) => {
    const c = textColumnOf(d.table, n);
    const quoted = c.dictionary.map(csvText);
    return (i: number) => (c.codes[i]! < 0 ? '' : quoted[c.codes[i]!]!);
  });
  for (let i = 0; i < d.truth.length; i++) {
    const cells = cellsOf.map((cell) => cell(i));
    if (raw.withTruth) cells.push(String(d.truth[i]));
    lines.push(cells.join(','));
  }
  await writeFileAtomic(raw.out, lines.join('\n') + '\n');
  io.stdout.write(`reident: wrote ${d.truth.length.toLocaleString('en-US')} rows of ${d.name} to ${raw.out}${raw.withTruth ? ' (with truth_person_id: drop it before handing the file to anyone)' : ''}${taken?.capped ? ` (${taken.capped})` : ''}\n  ${d.description}\n`);
}

// The readable end-of-run summary printed to stdout.
import type { WriteWorldResult } from '../io/world-writer.ts';
import type { PartitionedResult } from '../io/partitioned-writer.ts';
import { duration, perSecond } from '../report/numbers.ts';

export function runSummary(result: WriteWorldResult, seconds: number): string {
  const { manifest, people } = result;
  const count = people.end - people.start;
  const scope = manifest.shard
    ? `people ${people.start.toLocaleString('en-US')}..${people.end.toLocaleString('en-US')} of ${manifest.totalPeople.toLocaleString('en-US')} (shard ${manifest.shard.index}/${manifest.shard.count})`
    : `${count.toLocaleString('en-US')} people`;
  const lines = [
    `reident: wrote ${scope}, seed ${JSON.stringify(manifest.seed)}, ${manifest.calibration}, to ${result.outDir}`,
  ];
  const nameWidth = Math.max(...result.tables.map((t) => t.table.length));
  const fileWidth = Math.max(...result.tables.map((t) => t.file.length));
  const rowWidth = Math.max(...result.tables.map((t) => t.rows.toLocaleString('en-US').length));
  for (const t of result.tables) {
    lines.push(
      `  ${t.table.padEnd(nameWidth)}  ${t.rows.toLocaleString('en-US').padStart(rowWidth)} rows  ${t.file.padEnd(fileWidth)}  ${humanBytes(t.bytes).padStart(9)}`,
    );
  }
  lines.push(`  manifest: ${result.manifestPath}`);
  const threads = result.threads > 1 ? `${result.threads} threads` : 'one thread';
  // A run too quick for the clock has no meaningful rate.
  lines.push(seconds > 0 ? `${duration(seconds)}, ${perSecond(count / seconds, 'people')} on ${threads}` : `${duration(seconds)} on ${threads}`);
  return lines.join('\n') + '\n';
}

/** The summary of a partitioned (hive layout) run: rows, parts and size per table, and what a resumed run skipped. */
export function partitionedSummary(result: PartitionedResult, seconds: number): string {
  const { manifest } = result;
  const people = manifest.totalPeople;
  const lines = [
    result.alreadyComplete
      ? `reident: ${result.outDir} already holds this world, complete (${people.toLocaleString('en-US')} people); nothing to do`
      : `reident: wrote ${people.toLocaleString('en-US')} people in ${result.parts.toLocaleString('en-US')} parts by state, seed ${JSON.stringify(manifest.seed)}, ${manifest.calibration}, to ${result.outDir}`,
  ];
  if (!result.alreadyComplete && result.resumedParts > 0) lines.push(`  resumed: ${result.resumedParts} of ${result.parts} parts were already finished and kept`);
  const entries = Object.entries(manifest.tables);
  const nameWidth = Math.max(...entries.map(([t]) => t.length));
  const rowWidth = Math.max(...entries.map(([, e]) => e!.rows.toLocaleString('en-US').length));
  const files = entries.map(([t, e]) => `${t}/state=*/part-*.${e!.format}`);
  const fileWidth = Math.max(...files.map((f) => f.length));
  for (const [k, [t, e]] of entries.entries()) {
    const bytes = (e!.parts ?? []).reduce((a, p) => a + p.bytes, 0);
    lines.push(`  ${t.padEnd(nameWidth)}  ${e!.rows.toLocaleString('en-US').padStart(rowWidth)} rows  ${files[k]!.padEnd(fileWidth)}  ${humanBytes(bytes).padStart(9)}`);
  }
  lines.push(`  manifest: ${result.manifestPath}`);
  if (!result.alreadyComplete) {
    const threads = result.threads > 1 ? `${result.threads} worker threads` : 'one thread';
    lines.push(seconds > 0 && people > 0 ? `${duration(seconds)}, ${perSecond((people - result.resumedPeople) / seconds, 'people')} on ${threads}` : `${duration(seconds)} on ${threads}`);
  }
  return lines.join('\n') + '\n';
}

export function humanBytes(bytes: number): string {
  const units = ['B', 'kB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let u = 0;
  while (value >= 1000 && u < units.length - 1) {
    value /= 1000;
    u++;
  }
  return u === 0 ? `${bytes} B` : `${value.toFixed(1)} ${units[u]}`;
}

// manifest.json: what a run wrote, with checksums; no timestamps or absolute paths, so reruns are byte-identical.
import type { TableName } from '../../generators/world-types.ts';
import type { ColumnType, TableSchema } from '../table/schema.ts';
import type { PlanShape } from './world-source.ts';
import type { OutputFormat } from './table-writers.ts';
import { packageVersion } from './package-version.ts';

export const MANIFEST_FILE = 'manifest.json';

export interface ManifestTable {
  /** `<table>.<format>`, or for the hive layout the table's folder (`<table>`). */
  file: string;
  format: OutputFormat;
  /** 'hive': one file per part, TABLE/state=XX/part-NNNNN.EXT (partitioned-writer.ts); absent: one file. */
  layout?: 'hive';
  rows: number;
  /** The file's SHA-256; for the hive layout, the SHA-256 of the lines `<part sha256>  <part file>` in part order. */
  sha256: string;
  columns: { name: string; type: ColumnType; truth: boolean }[];
  /** The hive layout's files, in person order. */
  parts?: ManifestPart[];
}

export interface ManifestPart {
  file: string;
  state: string;
  rows: number;
  bytes: number;
  sha256: string;
}

export interface Manifest {
  schemaVersion: 1;
  generator: string;
  seed: number | string;
  calibration: string;
  referenceDate: string;
  options: PlanShape['options'];
  shard: { index: number; count: number; people: { start: number; end: number } } | null;
  totalPeople: number;
  tables: Partial<Record<TableName, ManifestTable>>;
  /** Partitioned worlds: the options that decide their bytes (a rerun in the folder must match them). */
  run?: unknown;
}

let version: string | undefined;

/** 'reident <version>' from package.json. */
export function generatorName(): string {
  version ??= packageVersion();
  return `reident ${version}`;
}

export function manifestTable(schema: TableSchema, file: string, format: OutputFormat, rows: number, sha256: string): ManifestTable {
  return {
    file,
    format,
    rows,
    sha256,
    columns: schema.columns.map((c) => ({ name: c.name, type: c.type, truth: c.truth === true })),
  };
}

export function buildManifest(
  plan: PlanShape,
  shard: Manifest['shard'],
  tables: Partial<Record<TableName, ManifestTable>>,
): Manifest {
  return {
    schemaVersion: 1,
    generator: generatorName(),
    seed: plan.options.seed,
    calibration: plan.options.calibration,
    referenceDate: plan.referenceDate,
    options: { ...plan.options },
    shard,
    totalPeople: plan.totalPeople,
    tables,
  };
}

/** Indented JSON, with objects and arrays of plain values (a column, the state list) kept on one line. */
export function manifestText(manifest: Manifest): string {
  return layout(manifest, '') + '\n';
}

function layout(value: unknown, indent: string): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  const inner = indent + '  ';
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    if (value.every((v) => v === null || typeof v !== 'object')) return `[${value.map((v) => JSON.stringify(v)).join(', ')}]`;
    return `[\n${value.map((v) => inner + layout(v, inner)).join(',\n')}\n${indent}]`;
  }
  const entries = Object.entries(value).filter(([, v]) => v !== undefined);
  if (entries.length === 0) return '{}';
  if (entries.every(([, v]) => v === null || typeof v !== 'object')) {
    return `{ ${entries.map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(', ')} }`;
  }
  return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${layout(v, inner)}`).join(',\n')}\n${indent}}`;
}


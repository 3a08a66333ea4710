// Command-line values -> validated options for the generate command. Every message names its flag.
import { TABLE_NAMES, type CalibrationName, type SsnMode, type TableName, type WorldOptions } from '../../generators/world-types.ts';
import { OUTPUT_FORMATS, type OutputFormat } from '../io/table-writers.ts';
import { ENCODING_ALIASES, TEXT_ENCODINGS, type TextEncodingName } from '../io/text-decoding.ts';
import { UsageError } from './errors.ts';

/** Raw option values as commander hands them over (strings, or true for switches). */
export interface RawGenerateOptions {
  people?: string;
  states?: string;
  scale?: string;
  seed?: string;
  out?: string;
  tables?: string;
  format?: string;
  calibration?: string;
  years?: string;
  ssn?: string;
  shard?: string;
  batchSize?: string;
  workers?: string;
  quiet?: boolean;
  force?: boolean;
  columns?: string;
  partition?: string;
  partPeople?: string;
}

export interface GenerateConfig {
  world: WorldOptions;
  outDir: string;
  format: OutputFormat;
  tables: TableName[];
  shard?: { index: number; count: number };
  batchSize?: number;
  workers?: number;
  quiet: boolean;
  /** Write into a non-empty folder that is not a reident world. */
  force?: boolean;
  /** --columns: the columns to write (checked against the schemas by the generate command); absent: all. */
  columns?: string[];
  /** --tables was given (with --columns, the tables default to those holding a column asked for). */
  tablesGiven?: true;
  /** --partition state: the hive layout, resumable (partitioned-writer.ts). */
  partition?: 'state';
  partPeople?: number;
}

export const CLAIM_TABLES: readonly TableName[] = ['claims_carrier', 'claims_outpatient', 'claims_inpatient', 'claims_pde'];
const CALIBRATIONS: readonly CalibrationName[] = ['census2010', 'est2019'];
const SSN_MODES: readonly SsnMode[] = ['synthetic', 'realistic'];

export function parseGenerateOptions(raw: RawGenerateOptions): GenerateConfig {
  const people = raw.people === undefined ? undefined : positiveInteger('--people', raw.people);
  const scale = raw.scale === undefined ? undefined : positiveNumber('--scale', raw.scale);
  if (people !== undefined && scale !== undefined) throw new UsageError('--people and --scale cannot be used together: --people draws N people, --scale takes whole states');
  const world: WorldOptions = {
    seed: parseSeed(raw.seed ?? '1'),
    states: parseStates(raw.states ?? 'all'),
    calibration: oneOf('--calibration', raw.calibration ?? 'est2019', CALIBRATIONS),
    claimYears: positiveInteger('--years', raw.years ?? '1'),
    ssn: oneOf('--ssn', raw.ssn ?? 'synthetic', SSN_MODES),
    ...(people !== undefined ? { people } : {}),
    ...(scale !== undefined ? { scale } : {}),
  };
  const config: GenerateConfig = {
    world,
    outDir: parseOutDir(raw.out ?? 'out/world'),
    format: oneOf('--format', raw.format ?? 'csv', OUTPUT_FORMATS),
    tables: parseTables(raw.tables ?? 'all'),
    quiet: raw.quiet === true,
  };
  if (raw.columns !== undefined) config.columns = parseColumnList(raw.columns);
  if (raw.tables !== undefined) config.tablesGiven = true;
  if (raw.partition !== undefined) config.partition = oneOf('--partition', raw.partition, ['state'] as const);
  if (raw.partPeople !== undefined) {
    if (!config.partition) throw new UsageError('--part-people sets the people per part of --partition state; give --partition state too');
    config.partPeople = positiveInteger('--part-people', raw.partPeople);
  }
  if (config.partition && config.shard) throw new UsageError('--shard and --partition cannot be used together: --partition state already writes the world part by part (and resumes)');
  if (raw.shard !== undefined) config.shard = parseShard(raw.shard);
  if (raw.batchSize !== undefined) config.batchSize = positiveInteger('--batch-size', raw.batchSize);
  if (raw.workers !== undefined) config.workers = positiveInteger('--workers', raw.workers);
  if (raw.force) config.force = true;
  return config;
}

export function positiveInteger(flag: string, text: string): number {
  const value = /^\s*\d+\s*$/.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(value) || value <= 0) throw new UsageError(`${flag} must be a positive integer, got "${text}"`);
  return value;
}

export function positiveNumber(flag: string, text: string): number {
  const value = /^\s*(\d+\.?\d*|\.\d+)(e[-+]?\d+)?\s*$/i.test(text) ? Number(text) : NaN;
  if (!Number.isFinite(value) || value <= 0) throw new UsageError(`${flag} must be a positive number, got "${text}"`);
  return value;
}

/** An integer seed becomes a number ('42' -> 42); anything else ('007', 'alpha') stays a string. */
export function parseSeed(text: string): number | string {
  if (text.trim() === '') throw new UsageError(`--seed must be an integer or a non-empty string, got "${text}"`);
  const n = Number(text);
  return Number.isSafeInteger(n) && String(n) === text ? n : text;
}

/** 'all', or a comma list of two-letter state abbreviations (upper-cased, de-duplicated, in the order given). */
export function parseStates(text: string): string[] | 'all' {
  const items = splitList(text);
  if (items.length === 1 && items[0]!.toLowerCase() === 'all') return 'all';
  if (items.length === 0) throw new UsageError(`--states must be "all" or a comma list of state abbreviations, got "${text}"`);
  const states: string[] = [];
  for (const item of items) {
    const code = item.toUpperCase();
    if (!/^[A-Z]{2}$/.test(code)) throw new UsageError(`--states must be "all" or a comma list of two-letter state abbreviations such as VT,NH; "${item}" is not one`);
    if (!states.includes(code)) states.push(code);
  }
  return states;
}

/** Comma list of table names ('claims' = the four claim tables, 'all' = every table), in canonical order. */
export function parseTables(text: string): TableName[] {
  const items = splitList(text).map((s) => s.toLowerCase());
  if (items.length === 0) throw new UsageError(`--tables must name at least one table, got "${text}"`);
  const chosen = new Set<TableName>();
  for (const item of items) {
    if (item === 'all') TABLE_NAMES.forEach((t) => chosen.add(t));
    else if (item === 'claims') CLAIM_TABLES.forEach((t) => chosen.add(t));
    else if ((TABLE_NAMES as readonly string[]).includes(item)) chosen.add(item as TableName);
    else throw new UsageError(`--tables has an unknown table "${item}"; known: all, ${TABLE_NAMES.join(', ')}, claims`);
  }
  return TABLE_NAMES.filter((t) => chosen.has(t));
}

/** 'i/N' with 0 <= i < N. */
export function parseShard(text: string): { index: number; count: number } {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!m || !Number.isSafeInteger(index) || !Number.isSafeInteger(count) || count < 1 || index >= count) {
    throw new UsageError(`--shard must look like i/N with 0 <= i < N, got "${text}"`);
  }
  return { index, count };
}

/** --columns: a comma list of column names (de-duplicated, in the order given). */
export function parseColumnList(text: string): string[] {
  const names = [...new Set(splitList(text))];
  if (names.length === 0) throw new UsageError(`--columns must name at least one column, got "${text}"`);
  return names;
}

function parseOutDir(text: string): string {
  if (text.trim() === '') throw new UsageError('--out must name a directory, got ""');
  return text;
}

export function oneOf<T extends string>(flag: string, text: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(text)) throw new UsageError(`${flag} must be one of ${allowed.join(', ')}, got "${text}"`);
  return text as T;
}

/** --encoding: utf8, latin1 or windows-1252 (any case; utf-8, iso-8859-1, latin-1 and cp1252 too). */
export function parseEncoding(text = 'utf8'): TextEncodingName {
  const name = text.trim().toLowerCase();
  return ENCODING_ALIASES[name] ?? oneOf('--encoding', name, TEXT_ENCODINGS);
}

function splitList(text: string): string[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

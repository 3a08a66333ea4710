// The public shape of a world run, shared by the generators and the Node shell.
import type { TableChunk, TableSchema } from '../src/table/schema.ts';

export const TABLE_NAMES = [
  'people',
  'beneficiaries',
  'claims_carrier',
  'claims_outpatient',
  'claims_inpatient',
  'claims_pde',
] as const;
export type TableName = (typeof TABLE_NAMES)[number];

export type CalibrationName = 'census2010' | 'est2019';
export type SsnMode = 'synthetic' | 'realistic';

export interface WorldOptions {
  seed: number | string;
  /** Draw this many people, proportional to population (exclusive with scale). */
  people?: number;
  /** State abbreviations to draw from, or 'all' (default 'all'). */
  states?: readonly string[] | 'all';
  /** Generate the complete population of the states times this factor (1 = every person). */
  scale?: number;
  calibration?: CalibrationName;
  /** Calendar years of claims, starting at the calibration's reference year. */
  claimYears?: number;
  ssn?: SsnMode;
}

/** An invalid option: `option` names the flag at fault. */
export class OptionError extends Error {
  constructor(
    readonly option: string,
    message: string,
  ) {
    super(`--${option}: ${message}`);
    this.name = 'OptionError';
  }
}

export interface WorldBatch {
  /** Person indices [start, end) covered by this batch. */
  readonly start: number;
  readonly end: number;
  readonly chunks: Partial<Record<TableName, TableChunk>>;
  /** Call once the chunks are written and will not be read again: the claim simulation reuses its stores (reading a claim chunk afterwards throws). */
  readonly release?: () => void;
}

export interface GenerateRange {
  start: number;
  end: number;
  tables: ReadonlySet<TableName>;
  /** People per batch (default 50,000). */
  batchSize?: number;
}

export type { TableChunk, TableSchema };

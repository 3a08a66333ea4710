// A world run: validate options into a plan, then generate the tables batch by batch, in person order.
// people -> Medicare entitlement -> claims -> beneficiary summaries (whose condition flags come from claims).
import { ageSex } from './calibration/tables.ts';
import { generateClaims, CLAIM_SCHEMAS } from './medicare/claims/index.ts';
import { beneficiaryChunk, BENEFICIARY_SCHEMA, enrolledOf } from './medicare/beneficiaries.ts';
import { entitlementOf } from './medicare/eligibility.ts';
import { beneficiaryIds } from './medicare/ids.ts';
import { buildFrame, resolveStates, type Frame } from './population/frame.ts';
import { populationContext, type PopulationContext } from './population/context.ts';
import { peopleBatch } from './population/people.ts';
import { peopleChunk, PEOPLE_SCHEMA } from './population/people-table.ts';
import { parseIsoDay, ymdOf } from '../src/dates.ts';
import {
  OptionError,
  TABLE_NAMES,
  type CalibrationName,
  type GenerateRange,
  type TableName,
  type TableSchema,
  type WorldBatch,
  type WorldOptions,
} from './world-types.ts';

export const DEFAULT_CALIBRATION: CalibrationName = 'est2019';
/** Largest world the generator accepts (the 2010 census of the 50 states + DC is 308.7M). */
export const MAX_PEOPLE = 400_000_000;
/** People generated per batch unless the caller says otherwise. */
export const DEFAULT_BATCH_SIZE = 50_000;

export interface WorldPlan {
  readonly options: {
    seed: number | string;
    people: number | null;
    states: string[];
    scale: number | null;
    calibration: CalibrationName;
    claimYears: number;
    ssn: 'synthetic' | 'realistic';
  };
  readonly totalPeople: number;
  readonly referenceDate: string;
  readonly firstClaimYear: number;
  readonly schemas: Record<TableName, TableSchema>;
  /** Internal: the frame and population context shared by every batch. */
  readonly context: PopulationContext;
}

export const SCHEMAS: Record<TableName, TableSchema> = {
  people: PEOPLE_SCHEMA,
  beneficiaries: BENEFICIARY_SCHEMA,
  ...CLAIM_SCHEMAS,
};

export function planWorld(o: WorldOptions): WorldPlan {
  const calibration = o.calibration ?? DEFAULT_CALIBRATION;
  if (calibration !== 'census2010' && calibration !== 'est2019') throw new OptionError('calibration', `unknown calibration "${calibration}" (known: census2010, est2019)`);
  if (typeof o.seed === 'number' && !Number.isSafeInteger(o.seed)) throw new OptionError('seed', `must be an integer or a string, got ${o.seed}`);
  const people = o.people ?? null;
  const scale = o.scale ?? null;
  if (people !== null && scale !== null) throw new OptionError('scale', 'give either --people N (a weighted draw) or --scale x (complete states), not both');
  if (people === null && scale === null) throw new OptionError('people', 'give --people N, or --states LIST with --scale x');
  if (people !== null && (!Number.isSafeInteger(people) || people <= 0 || people > MAX_PEOPLE)) throw new OptionError('people', `must be a whole number from 1 to ${MAX_PEOPLE}, got ${people}`);
  if (scale !== null && (!Number.isFinite(scale) || scale <= 0 || scale > 1)) throw new OptionError('scale', `must be in (0, 1], got ${scale}`);
  const claimYears = o.claimYears ?? 1;
  if (!Number.isSafeInteger(claimYears) || claimYears < 1 || claimYears > 10) throw new OptionError('years', `must be a whole number from 1 to 10, got ${claimYears}`);
  const ssn = o.ssn ?? 'synthetic';
  if (ssn !== 'synthetic' && ssn !== 'realistic') throw new OptionError('ssn', `must be synthetic or realistic, got "${ssn}"`);
  const states = resolveStates(o.states);
  const frame: Frame = buildFrame({ seed: o.seed, calibration, states, people, scale });
  if (frame.totalPeople <= 0) throw new OptionError('scale', `the chosen states and scale give no people`);
  const context = populationContext(o.seed, frame, ssn, claimYears);
  const referenceDate = ageSex[calibration].refDate;
  return {
    options: { seed: o.seed, people, states: states.map((s) => ageSex.states[s]), scale, calibration, claimYears, ssn },
    totalPeople: frame.totalPeople,
    referenceDate,
    firstClaimYear: ymdOf(parseIsoDay(referenceDate)).year,
    schemas: SCHEMAS,
    context,
  };
}

/** Person range [start, end) of shard i (0-based) of N. */
export function shardRange(total: number, shard: number, shards: number): { start: number; end: number } {
  if (!Number.isSafeInteger(shards) || shards < 1) throw new OptionError('shard', `the shard count must be a positive integer, got ${shards}`);
  if (!Number.isSafeInteger(shard) || shard < 0 || shard >= shards) throw new OptionError('shard', `the shard index must be in [0, ${shards}), got ${shard}`);
  return { start: Math.floor((total * shard) / shards), end: Math.floor((total * (shard + 1)) / shards) };
}

const CLAIM_TABLES = ['claims_carrier', 'claims_outpatient', 'claims_inpatient', 'claims_pde'] as const;

export function* generateWorld(plan: WorldPlan, range: GenerateRange): Generator<WorldBatch> {
  const { start, end, tables } = range;
  if (!(start >= 0 && end <= plan.totalPeople && start <= end)) throw new Error(`generateWorld: range [${start}, ${end}) outside [0, ${plan.totalPeople})`);
  for (const t of tables) if (!TABLE_NAMES.includes(t)) throw new OptionError('tables', `unknown table "${t}"`);
  const batchSize = range.batchSize ?? DEFAULT_BATCH_SIZE;
  const { seed, claimYears: years } = plan.options;
  const firstYear = plan.firstClaimYear;
  const ids = beneficiaryIds(seed, plan.totalPeople);
  const needMedicare = tables.has('beneficiaries') || CLAIM_TABLES.some((t) => tables.has(t));
  const wanted = Object.fromEntries(CLAIM_TABLES.map((t) => [t, tables.has(t)])) as Record<(typeof CLAIM_TABLES)[number], boolean>;

  for (let a = start; a < end; a += batchSize) {
    const b = Math.min(end, a + batchSize);
    const people = peopleBatch(plan.context, a, b);
    const chunks: WorldBatch['chunks'] = {};
    let release: (() => void) | undefined;
    if (tables.has('people')) chunks.people = peopleChunk(people);
    if (needMedicare) {
      const ent = entitlementOf(seed, people, firstYear, years);
      const enrolled = enrolledOf(people, ent, ids, years);
      const claims = generateClaims(enrolled.batch, { seed, firstYear, years }, wanted);
      Object.assign(chunks, claims.chunks);
      if (tables.has('beneficiaries')) chunks.beneficiaries = beneficiaryChunk(seed, people, ent, enrolled, claims.conditionFlags, firstYear, years);
      release = claims.release;
    }
    yield { start: a, end: b, chunks, ...(release ? { release } : {}) };
  }
}

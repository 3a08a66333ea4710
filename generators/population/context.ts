// Everything a population draw needs that is fixed for a world: the frame, SSN space and stream keys.
import { streamKey } from '../../src/random/prng.ts';
import { dayOf } from '../../src/dates.ts';
import type { SsnMode } from '../world-types.ts';
import type { Frame } from './frame.ts';
import { ssnAssigner, type SsnAssigner } from './ssn.ts';

const STREAMS = [
  'zcta',
  'age-sex',
  'birth-day',
  'surname',
  'race',
  'immigrant-household',
  'immigration',
  'arrival',
  'first-name',
  'middle-initial',
  'ssn-kind',
  'ssn-error',
  'work',
  'disability',
  'esrd',
  'death',
  'address',
  'move',
  'spouse',
] as const;
export type StreamName = (typeof STREAMS)[number];

export interface PopulationContext {
  readonly seed: number | string;
  readonly frame: Frame;
  readonly ssn: SsnAssigner;
  readonly key: Readonly<Record<StreamName, number>>;
  /** Days from the reference date to the last day of the last claim year (deaths happen inside it). */
  readonly horizonDays: number;
}

export function populationContext(seed: number | string, frame: Frame, ssnMode: SsnMode, claimYears: number): PopulationContext {
  const key = Object.fromEntries(STREAMS.map((s) => [s, streamKey(seed, s)])) as Record<StreamName, number>;
  const horizonDays = dayOf(frame.refYear + claimYears - 1, 12, 31) - frame.refDay;
  return { seed, frame, ssn: ssnAssigner(seed, ssnMode, frame.totalPeople), key, horizonDays };
}

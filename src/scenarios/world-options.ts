// The `world` section every scenario has: the world it runs on when no --world folder is given, made in
// memory from these options. By default the complete population of Wyoming at the 2010 census (563,839
// people, the least populous state), so every ZIP has its real population and uniqueness is not
// overstated as it is in a sparse draw; generated in about 13 s with its claims.
import type { OptionSpec } from './option-spec.ts';


export const WORLD_OPTIONS = {
  kind: 'object',
  help: 'the world the scenario runs on (ignored when a --world folder is given)',
  properties: {
    people: { kind: 'integer', help: 'when given: a weighted draw of this many people instead of the complete states (sparser than the real population, so uniqueness is overstated)', min: 100, max: 5_000_000 },
    scale: { kind: 'number', help: 'the complete population of the states times this factor (1 = everyone)', default: 1, min: 0, exclusiveMin: true, max: 1 },
    seed: { kind: 'integer', help: 'seed of the world', default: 1, min: 0 },
    states: { kind: 'string', help: 'comma list of state abbreviations, or all', default: 'WY' },
    calibration: { kind: 'string', help: 'census tables the world is calibrated to', default: 'census2010', choices: ['est2019', 'census2010'] },
  },
} as const satisfies OptionSpec;

export interface WorldSection {
  people?: number;
  scale: number;
  seed: number;
  states: string;
  calibration: 'est2019' | 'census2010';
}

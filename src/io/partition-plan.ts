// A complete-states world cut into parts for the hive layout: each state's people (a contiguous range
// of person indices in complete mode) in parts of at most `partPeople`, in person order. A part is the
// unit of work, of resumption and of output: one file per table, TABLE/state=XX/part-NNNNN.EXT.
import { geography } from '../../generators/calibration/tables.ts';
import { OptionError } from '../../generators/world-types.ts';
import type { WorldPlan } from '../../generators/world.ts';
import { partName } from './part-files.ts';

export { DEFAULT_PART_PEOPLE, partFile, partName, PART_FILE } from './part-files.ts';


export interface Part {
  /** 'CA/00003': state and part number, unique in the run. */
  readonly id: string;
  readonly state: string;
  readonly index: number;
  readonly start: number;
  readonly end: number;
}

/** The parts of a complete-mode world, in person order; refused for a weighted draw (--people), whose people are not grouped by state. */
export function partitionByState(plan: WorldPlan, partPeople: number): Part[] {
  if (!Number.isSafeInteger(partPeople) || partPeople < 1) throw new OptionError('part-people', `must be a positive integer, got ${partPeople}`);
  const frame = plan.context.frame;
  if (frame.mode !== 'complete') {
    throw new OptionError('partition', 'the state layout needs complete states (--states LIST --scale x): a weighted draw (--people N) does not group people by state');
  }
  const states = [...frame.stateFrames.values()].filter((s) => s.count > 0).sort((a, b) => a.start - b.start);
  const parts: Part[] = [];
  let next = 0;
  for (const s of states) {
    if (s.start !== next) throw new Error(`state ${geography.states[s.state]!.abbr} starts at person ${s.start}, expected ${next}`);
    const abbr = geography.states[s.state]!.abbr;
    const count = Math.ceil(s.count / partPeople);
    for (let k = 0; k < count; k++) {
      const start = s.start + k * partPeople;
      parts.push({ id: `${abbr}/${partName(k)}`, state: abbr, index: k, start, end: Math.min(s.start + s.count, start + partPeople) });
    }
    next = s.start + s.count;
  }
  if (next !== plan.totalPeople) throw new Error(`the states cover ${next} people, the world has ${plan.totalPeople}`);
  return parts;
}

// How many of something an attack takes from a world (list members, hashes, news reports), never more
// than the world supplies: a size the user asked for beyond that is an error naming the maximum; the
// default beyond it is cut to the maximum and the cut is stated in the result.
import { OptionError } from '../../generators/world-types.ts';
import { count } from '../report/numbers.ts';

export interface SizeTaken {
  /** What the attack takes. */
  size: number;
  /** Why it is less than the default, or null when it is not. */
  capped: string | null;
}

/**
 * `asked` is the user's value (undefined: use `fallback`); `supply` is the most this world gives;
 * `option` names the flag (without dashes); `what` names the things counted ("people on the list").
 */
export function takeSize(asked: number | undefined, fallback: number, supply: number, option: string, what: string): SizeTaken {
  if (supply <= 0) throw new OptionError(option, `this world supplies no ${what}; generate a larger world`);
  if (asked !== undefined) {
    if (asked > supply) throw new OptionError(option, `${count(asked)} asked, but at most ${count(supply)} ${what} are available`);
    return { size: asked, capped: null };
  }
  if (fallback <= supply) return { size: fallback, capped: null };
  return { size: supply, capped: `the default of ${count(fallback)} ${what} was cut to ${count(supply)}, the most available` };
}

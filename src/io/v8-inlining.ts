// V8 stops inlining into a function once it has inlined about 920 bytes of bytecode into it. The
// generator's batch loops (peopleBatch, the claims simulation) call dozens of small helpers (the
// counter-based PRNG, alias draws), so most calls stayed calls. A larger budget lets TurboFan inline
// them: the same bytes for ~15-30% less CPU in the coded people columns (bench/README.md, "V8's
// inlining budget"). The flag is process-wide (worker threads included) and only steers optimisation.
import { setFlagsFromString } from 'node:v8';

/** Bytes of bytecode V8 may inline into one optimised function (V8's default: 920). */
export const INLINING_BUDGET = 4000;

let done = false;

/** Raises V8's cumulative inlining budget; call once at start-up, before the generator runs. */
export function allowDeeperInlining(): void {
  if (done) return;
  done = true;
  setFlagsFromString(`--max-inlined-bytecode-size-cumulative=${INLINING_BUDGET}`);
}

// A run is cut into batches (the unit a thread claims), and a batch is generated in slices: a
// slice's rows die young (cheap garbage collection), and the progress bar moves several times per batch.

const MIN_SLICE = 1000;
const MAX_SLICE = 5000;

/** People per slice of a batch of `batchSize` people: about a tenth of it, from 1,000 to 5,000 (never more than the batch). */
export function sliceSize(batchSize: number): number {
  return Math.min(batchSize, Math.max(MIN_SLICE, Math.min(MAX_SLICE, Math.ceil(batchSize / 10))));
}

/** Batches of a run: batch `id` of [start, end) in batches of `batchSize` people. */
export interface BatchPlan {
  readonly start: number;
  readonly end: number;
  readonly batchSize: number;
}

export function batchCount(plan: BatchPlan): number {
  return Math.ceil((plan.end - plan.start) / plan.batchSize);
}

export function batchRange(plan: BatchPlan, id: number): { start: number; end: number } {
  const start = plan.start + id * plan.batchSize;
  return { start, end: Math.min(plan.end, start + plan.batchSize) };
}

/** Claims the next batch from a counter shared by every thread of a run: its id, or -1 when none is left. */
export function claimBatch(counter: Int32Array, plan: BatchPlan): number {
  const id = Atomics.add(counter, 0, 1);
  return id < batchCount(plan) ? id : -1;
}

// A batch is generated in slices: a slice's rows die young (cheap garbage collection), and the
// progress bar moves several times per batch.

const MIN_SLICE = 1000;
const MAX_SLICE = 5000;

/** People per slice of a batch of `batchSize` people: about a tenth of it, from 1,000 to 5,000 (never more than the batch). */
export function sliceSize(batchSize: number): number {
  return Math.min(batchSize, Math.max(MIN_SLICE, Math.min(MAX_SLICE, Math.ceil(batchSize / 10))));
}

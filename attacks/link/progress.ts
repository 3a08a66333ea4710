// Progress of a linkage run, step by step: a plain callback (browser-safe; the CLI draws the bars).

/** The steps of linkTables, in the order they run ('sampling u' and 'training' only when training). */
export type LinkStep = 'blocking' | 'comparing' | 'sampling u' | 'training' | 'scoring';

/** Called with work done and total work of the current step; every step ends with done === total. */
export type LinkProgress = (step: LinkStep, done: number, total: number) => void;

/** Items between two reports inside a loop: often enough for a smooth bar, rarely enough to cost nothing. */
export const PROGRESS_EVERY = 16_384;

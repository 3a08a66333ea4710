// Population uniqueness from a sample: how many people in the population are unique on the
// quasi-identifiers, estimated from the sample's class-size histogram (ARX's four models).
export { zayatz } from './zayatz.ts';
export { pitman, type PitmanOptions } from './pitman.ts';
export { snb, shlosserClasses, type SnbOptions } from './snb.ts';
export { dankar, type DankarEstimate, type DankarOptions, type UniquenessModel } from './dankar.ts';
export type { PopulationModel, SizeHistogram, UniquenessEstimate } from './input.ts';
export { digamma, digammaDiff, logGamma, logHypergeometricOne, trigamma } from './special.ts';
export { explainUniques } from './explain.ts';
export { arxUniqueness, arxPopulation, type ArxUniqueness } from './arx/dankar.ts';

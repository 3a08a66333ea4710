// Anonymeter-style privacy evaluators for synthetic tables: singling out, linkability, inference,
// each against a naive baseline and held-out control records, with Wilson intervals and residual risk.
export { evaluateSynthetic, type EvaluateSyntheticOptions, type SyntheticEvaluation } from './evaluate.ts';
export { evaluateLinkability, type LinkabilityOptions } from './linkability.ts';
export { evaluateInference, guessIsRight, type InferenceOptions } from './inference.ts';
export {
  evaluateSinglingOut, univariatePredicates, multivariateQueries, randomQueries, countMatches, countQueries,
  describePredicate, describeQuery, type Predicate, type PredicateOp, type Query, type SinglingOutOptions, type SinglingOutResult,
} from './singling-out.ts';
export { buildSpace, encode, rowDistance, gowerDistance, kNearest, isNumericColumn, parsesAsNumber, type MixedSpace, type ColumnSpec, type Neighbours } from './distance.ts';
export type { SyntheticAttackResult } from './result.ts';

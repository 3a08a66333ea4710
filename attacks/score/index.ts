// Scoring: everything an attack is judged by, against ground truth held apart.
export { normalQuantile, zFor } from './normal.ts';
export { wilson, type RateInterval } from './wilson.ts';
export { residualRisk, residualRiskFromCounts, type RateWithError, type ResidualRisk } from './baseline.ts';
export { scoreLinks, precisionRecallCurve, countTruePairs, type Links, type LinkScore, type LinkScoreOptions, type FalseMatch, type CurvePoint } from './links.ts';
export { scoreGuesses, scoreInference, majorityValue, type Guesses, type GuessScore, type InferenceScore } from './guesses.ts';
export { formatRate, explainLinkScore, explainResidualRisk, type Explained } from './explain.ts';

// `reident/scenarios`: the built-in scenarios, running them (one at a time or swept over options) and
// their results as text, Markdown or HTML. Browser-safe, like the main entry (src/index.ts).

// The scenarios and running them
export { SCENARIOS, scenarioNamed, UnknownScenario } from './scenarios/registry.ts';
export { runScenario, scenarioOptions, optionsSpecOf } from './scenarios/run.ts';
export { generatedWorld } from './scenarios/world-memory.ts';
export { sweepScenario, parseVary, grid, frontierRows, type SweepResult, type SweepRow, type Vary } from './scenarios/sweep.ts';
export { scenarioFromJson, scenarioJsonSchema, type LoadedScenario } from './scenarios/scenario-file.ts';
export { ScenarioOptionError, jsonSchemaOf, type Options, type OptionSpec } from './scenarios/option-spec.ts';
export { summarise, holdingOutcome } from './scenarios/summary.ts';
export type { ScenarioDefinition, ScenarioWorld, ScenarioProgress } from './scenarios/scenario.ts';
export type { ScenarioResult, Outcome, Figure, FigureKind, Harm, HarmGroup, UtilityLost } from './scenarios/result.ts';
export type { WorldSection } from './scenarios/world-options.ts';

// Results for a reader (every number formatted by numbers.ts, also exported)
export { scenarioText, sweepText, allText, textTable } from './report/scenario-text.ts';
export { headlineRows, headlineCells, HEADLINE_HEADER, type HeadlineRow } from './report/headline.ts';
export { reportMarkdown } from './report/report-md.ts';
export { reportHtml } from './report/html/report-html.ts';
export { checkRunFile, resultsOf, RunFileError, type RunFile } from './report/run-file.ts';
export * as numbers from './report/numbers.ts';
export { count, countOf, shareOf, percent, rate, residual, duration, perSecond, significant } from './report/numbers.ts';
// Charts drawn with Observable Plot in any DOM (the browser's, or linkedom on a server)
export { OKABE_ITO, riskChart, frontierChart, harmChart, overviewChart, type Chart } from './report/html/charts.ts';

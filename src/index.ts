// reident's public API (browser-safe: the Node-only shell lives in src/io and src/cli).

// The world
export { planWorld, generateWorld, shardRange, SCHEMAS, type WorldPlan } from '../generators/world.ts';
export { TABLE_NAMES, OptionError, type TableName, type WorldOptions, type WorldBatch } from '../generators/world-types.ts';
export { cellAt, plainColumn, type TableChunk, type TableSchema, type ChunkColumn, type Cell } from './table/schema.ts';
export { WorldCheck, formatCheck, type CheckRow } from './report/world-check.ts';

// Adversary datasets and the corruption model
export { voterRoll } from '../generators/adversary/voter-roll.ts';
export { agencyList } from '../generators/adversary/agency-list.ts';
export { brokerFile } from '../generators/adversary/broker-file.ts';
export { newsReports } from '../generators/adversary/news-reports.ts';
export { withErrors, PERSON_ERRORS } from '../generators/adversary/with-errors.ts';
export { corruptTable } from '../generators/adversary/corrupt/corrupt.ts';
export type { AdversaryDataset } from '../generators/adversary/types.ts';

// Risk measures
export { analyseRisk, type RiskInput, type RiskReport } from '../attacks/risk/analyse.ts';
export { qiTableOf, type QiTableOptions } from '../attacks/risk/qi-table.ts';
// generalise: the name this recoding has always had in the public API.
export { generaliseQi, generaliseQi as generalise } from '../safeguards/generalise/qi-table.ts';
export { classSummary, weightedFrequency } from '../attacks/risk/classes.ts';
export { prosecutorRisk, explainProsecutor } from '../attacks/risk/prosecutor.ts';
export { journalistRisk, marketerRisk, populationFrequencies } from '../attacks/risk/journalist.ts';
export { individualRisk } from '../attacks/risk/individual.ts';
export { householdRisk } from '../attacks/risk/household.ts';
export { lDiversity, tCloseness } from '../attacks/risk/diversity.ts';
export { distinction, separation, combinationReport } from '../attacks/risk/combinations.ts';
export { zayatz, pitman, snb, dankar } from '../attacks/risk/uniqueness/index.ts';
export { suda } from '../attacks/risk/suda/index.ts';
export { bootstrapProsecutor } from '../attacks/risk/bootstrap.ts';
export type { QiTable, ClassSummary, MissingMode } from '../attacks/risk/types.ts';

// Attacks
export { identifierJoin, ssnDigits } from '../attacks/join/identifier-join.ts';
export { quasiIdentifierJoin } from '../attacks/join/quasi-identifier-join.ts';
export { newsJoin } from '../attacks/join/news-join.ts';
export { linkTables, oneToOne, clusterPairs } from '../attacks/link/link.ts';
export { validateSettings, settingsJsonSchema, peopleSettingsExample, type LinkSettings } from '../attacks/link/settings.ts';
export { jaro, jaroWinkler, levenshtein, damerauLevenshtein, jaccard } from '../attacks/link/compare-strings.ts';
export { invertHashes } from '../attacks/hash/invert.ts';
export { invertNameDob } from '../attacks/hash/name-dob.ts';
export { hmacDefence } from '../attacks/hash/hmac.ts';
export { trajectoryUnicity } from '../attacks/unicity/trajectory.ts';
export { classGuess } from '../attacks/inference/class-guess.ts';

// Scoring and scenarios
export * from '../attacks/score/index.ts';
export { ssnMatch } from './scenarios/ssn-match.ts';
export { quasiIdAttack } from './scenarios/quasi-id.ts';
export { probabilisticAttack } from './scenarios/probabilistic.ts';
export { unicityAttack } from './scenarios/unicity.ts';
export { newsAttack } from './scenarios/news.ts';
export { inferenceAttack } from './scenarios/inference.ts';
export { sha256Hex } from './crypto/sha256.ts';
export { hmacSha256Hex } from './crypto/hmac-sha256.ts';
export { textsOf } from './table/text.ts';
export { syntheticAttack, evaluateReleases } from './scenarios/synthetic.ts';
export { ATTACKS, attackNamed } from './attacks-registry/registry.ts';
export { runAttackOn, type AttackDefinition, type AttackRun, type AttackResult } from './attacks-registry/attack.ts';
export { evaluateSynthetic, evaluateLinkability, evaluateSinglingOut, evaluateInference } from '../attacks/synthetic/index.ts';
export { synthesizeMarginals } from '../safeguards/synthesize/marginals.ts';
export { dropIdentifiers, pseudonymise, tokenise, bloomEncode, dice, diceOfEncodings } from '../safeguards/identifiers/index.ts';

// The one table: readers, world views, adversary builders, safeguards, joins, linkage and risk all take it
export { tableOf, textColumn, dateColumn, numberColumn, columnOf, select, drop, withColumn, takeRows, fromRecords, toRecords, valueAt, textAt, asText, TableError, type Table, type Column, type TextColumn, type DateColumn, type NumberColumn } from './table/table.ts';
export { textTable, textColumnOf, textReader, mapText, compactText, sharedCodes } from './table/text.ts';
export { generatedWorld, chunkView } from './scenarios/world-memory.ts';
export { visible, type WorldView } from './scenarios/world-view.ts';

// `reident/node`: the Node-only part of the library (files and threads). It adds reading and writing
// worlds and reports to the browser-safe API of `reident` and `reident/scenarios`.

// Worlds on disk
export { writeWorld, type WriteWorldOptions, type WriteWorldResult, type WrittenTable } from './world-writer.ts';
export { OUTPUT_FORMATS, type OutputFormat } from './table-writers.ts';
export { openWorld, readWorldTable, worldTablePath, type World } from './world-tables.ts';
export { readManifest, type ReadManifest } from './read-manifest.ts';
export type { Manifest, ManifestTable } from './manifest.ts';

// Tables from files (CSV, Parquet, JSON)
export { readDataset, tableCsv, type TableFileOptions } from './table-file.ts';
export { readColumns, InputError, type ReadOptions } from './read-columns.ts';

// Reports and runs on disk
export { writeRunFolder, renderReport, serverDocument } from './report-files.ts';

// Attacks that use worker threads
export { invertHashesParallel, type ParallelInvertOptions, type ParallelInvertResult } from './hash-workers.ts';

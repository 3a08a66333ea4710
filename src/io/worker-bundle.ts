// Worker threads do not inherit tsx: registering it in each worker and loading modules one by one
// through its loader thread costs ~1.1-1.5 s of CPU per worker. So a worker's module is bundled once,
// with the packages it uses (faker tree-shaken to the locale used), into one plain-JS file by esbuild
// (the compiler tsx itself uses), cached in os.tmpdir() under a hash of every source in it; a worker
// then starts like any JS worker, in ~0.2-0.3 s of CPU.
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { threadId } from 'node:worker_threads';
import { isBuiltModule } from './worker-module.ts';

const CACHE_DIR = join(tmpdir(), 'reident-workers');

/** What the last bundle of an entry was made from: its sources, their hash and the file. */
interface BundleIndex {
  readonly inputs: string[];
  readonly key: string;
  readonly file: string;
}

/** How to start a worker running the TypeScript module `moduleUrl`: a bundled JS file, or (without esbuild) tsx in the worker. */
export type WorkerEntry = { readonly file: URL } | { readonly eval: string };

const entries = new Map<string, Promise<WorkerEntry>>();

/** The entry for a worker module, bundled on first use in this process (and reused across processes while its sources are unchanged); a built module (dist/, plain JS) is used as it is. */
export function workerEntry(moduleUrl: string): Promise<WorkerEntry> {
  if (isBuiltModule(moduleUrl)) return Promise.resolve({ file: new URL(moduleUrl) });
  let entry = entries.get(moduleUrl);
  if (!entry) entries.set(moduleUrl, (entry = bundleWorker(moduleUrl).catch(() => ({ eval: tsxBoot(moduleUrl) }))));
  return entry;
}

/** Registers tsx's loader inside the worker, then loads the module through it (slow, but needs nothing more). */
function tsxBoot(moduleUrl: string): string {
  return `import('tsx/esm/api').then((api) => { api.register(); return import(${JSON.stringify(moduleUrl)}); });`;
}

/** Bundles the module (or finds its bundle in the cache): the file a worker can run without tsx. */
export async function bundleWorker(moduleUrl: string): Promise<{ readonly file: URL }> {
  const entryPath = fileURLToPath(moduleUrl);
  const indexPath = join(CACHE_DIR, `${basename(entryPath, '.ts')}-${hash([entryPath])}.json`);
  // Files are read and written synchronously (a few ms): this thread is generating meanwhile, and each await would wait for a slice.
  const index = readIndex(indexPath);
  if (index && fresh(index)) return { file: pathToFileURL(index.file) };

  const esbuild = await import('esbuild');
  const workDir = process.cwd();
  const result = await esbuild.build({
    absWorkingDir: workDir,
    entryPoints: [entryPath],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    write: false,
    metafile: true,
    logLevel: 'silent',
    plugins: [nativeByPath],
  });
  const inputs = Object.keys(result.metafile.inputs).map((p) => resolve(workDir, p));
  const key = sourcesKey(inputs);
  const file = join(CACHE_DIR, `${basename(entryPath, '.ts')}-${key.slice(0, 16)}.mjs`);
  mkdirSync(CACHE_DIR, { recursive: true });
  writeAtomic(file, result.outputFiles[0]!.contents);
  writeAtomic(indexPath, JSON.stringify({ inputs, key, file } satisfies BundleIndex));
  if (index && index.file !== file) rmSync(index.file, { force: true });
  return { file: pathToFileURL(file) };
}

/**
 * DuckDB's packages load a native addon, which esbuild cannot bundle: they stay outside the bundle,
 * imported by their absolute path (the bundle lives in the temp folder, where a bare name would not resolve).
 */
const nativeByPath: import('esbuild').Plugin = {
  name: 'native-by-path',
  setup(build) {
    build.onResolve({ filter: /^@duckdb\// }, (args) => ({ path: pathToFileURL(createRequire(args.importer).resolve(args.path)).href, external: true }));
  },
};

/** A hash of the sources' paths and contents (and of this file's bundling rules). */
function sourcesKey(paths: readonly string[]): string {
  const h = createHash('sha256').update(BUNDLE_RULES_VERSION);
  for (const p of paths) h.update(p).update('\0').update(readFileSync(p)).update('\0');
  return h.digest('hex');
}

// Change when the build options above change, so old bundles are not reused.
const BUNDLE_RULES_VERSION = '3';

function hash(parts: readonly string[]): string {
  return createHash('sha256').update(parts.join('\0')).digest('hex').slice(0, 16);
}

function readIndex(path: string): BundleIndex | null {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as BundleIndex;
  } catch {
    return null;
  }
}

/** Whether the bundle is there and every source in it is unchanged (a source gone: not fresh). */
function fresh(index: BundleIndex): boolean {
  try {
    return statSync(index.file).isFile() && sourcesKey(index.inputs) === index.key;
  } catch {
    return false;
  }
}

/** Writes through a uniquely named temp file and a rename, so concurrent runs never see half a file. */
let temps = 0;
function writeAtomic(path: string, data: string | Uint8Array): void {
  const temp = `${path}.${process.pid}.${threadId}.${temps++}.tmp`;
  writeFileSync(temp, data);
  renameSync(temp, path);
}

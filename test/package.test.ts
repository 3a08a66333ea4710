// reident as another project sees it: `npm pack` (which builds dist/ through prepack), the tarball
// installed in a temporary folder, then one library call, the other entries and the CLI run from there.
// The install never goes to the network: the folder gets a package-lock.json made from this project's
// (its production packages, each with its registry address and integrity) and `npm ci --offline` takes
// every tarball from the npm cache, which `npm ci` / `npm install` of this project filled (if the cache
// was emptied since, the same install falls back to fetching what is missing).
// Slow by nature (the build is a full tsc emit, ~20 s of CPU): one pack and one install for the file.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { SCHEMAS } from '../generators/world.ts';
import { SCENARIOS } from '../src/scenarios/registry.ts';
import { isBuiltModule, siblingModule } from '../src/io/worker-module.ts';

const ROOT = join(import.meta.dirname, '..');
const own = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string; dependencies: Record<string, string>; bin: Record<string, string>; engines: Record<string, string>; license: string };

interface PackedFile {
  path: string;
  size: number;
}
let temp: string;
let app: string;
let packed: { filename: string; size: number; entryCount: number; files: PackedFile[] };

/** Runs a command in the installed app; its stdout. */
function inApp(command: string, args: readonly string[]): string {
  return execFileSync(command, args, { cwd: app, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 << 20 });
}

/** package-lock.json for a folder that depends on the tarball alone: this project's production packages, addressed so npm finds them in its cache. */
function lockFor(tarball: string): unknown {
  const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, Record<string, unknown>> };
  const integrity = `sha512-${createHash('sha512').update(readFileSync(join(temp, tarball))).digest('base64')}`;
  const packages: Record<string, unknown> = {
    '': { name: 'reident-consumer', dependencies: { reident: `file:../${tarball}` } },
    'node_modules/reident': { version: own.version, resolved: `file:../${tarball}`, integrity, license: own.license, dependencies: own.dependencies, bin: own.bin, engines: own.engines },
  };
  for (const [path, entry] of Object.entries(lock.packages)) {
    if (!path.startsWith('node_modules/') || entry.dev || entry.link) continue;
    const name = path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);
    // The project's lock has no addresses; without one npm would ask the registry for the package's metadata.
    const resolved = entry.resolved ?? `https://registry.npmjs.org/${name}/-/${name.split('/').pop()}-${entry.version as string}.tgz`;
    packages[path] = { ...entry, resolved };
  }
  return { name: 'reident-consumer', lockfileVersion: 3, requires: true, packages };
}

beforeAll(() => {
  temp = mkdtempSync(join(tmpdir(), 'reident-package-'));
  const out = execFileSync('npm', ['pack', '--json', '--pack-destination', temp], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  // prepack's own output (the build) comes before the JSON on stdout.
  packed = (JSON.parse(out.slice(out.indexOf('[\n'))) as (typeof packed)[])[0]!;
  app = join(temp, 'app');
  mkdirSync(app);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'reident-consumer', private: true, type: 'module', dependencies: { reident: `file:../${packed.filename}` } }));
  writeFileSync(join(app, 'package-lock.json'), JSON.stringify(lockFor(packed.filename)));
  try {
    execFileSync('npm', ['ci', '--offline', '--no-audit', '--no-fund'], { cwd: app, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
  } catch (e) {
    // A cache emptied since this project was installed: the same install, taking what is missing from the registry.
    if (!String((e as { stderr?: string }).stderr).includes('ENOTCACHED')) throw e;
    execFileSync('npm', ['ci', '--prefer-offline', '--no-audit', '--no-fund'], { cwd: app, stdio: ['ignore', 'pipe', 'pipe'] });
  }
}, 240_000);

afterAll(() => {
  if (temp) rmSync(temp, { recursive: true, force: true });
});

describe('worker modules', () => {
  test('are found with the extension of the module that starts them: .ts in the sources, .js in the build', () => {
    expect(siblingModule('batch-worker', 'file:///p/src/io/parallel-batches.ts')).toBe('file:///p/src/io/batch-worker.ts');
    expect(siblingModule('batch-worker', 'file:///p/node_modules/reident/dist/src/io/parallel-batches.js')).toBe('file:///p/node_modules/reident/dist/src/io/batch-worker.js');
    expect(isBuiltModule('file:///p/dist/src/io/batch-worker.js')).toBe(true);
    expect(isBuiltModule('file:///p/src/io/batch-worker.ts')).toBe(false);
  });
});

describe('the packed tarball', () => {
  test('holds the built JavaScript, its declarations, the data tables and the docs, and nothing else', () => {
    const paths = packed.files.map((f) => f.path);
    const stray = paths.filter((p) => !(p === 'package.json' || p === 'README.md' || p.startsWith('docs/') || /^dist\/(src|generators|safeguards|attacks)\/.*\.(js|d\.ts|json)$/.test(p)));
    expect(stray).toEqual([]);
    expect(paths.filter((p) => /^dist\/.*(?<!\.d)\.ts$/.test(p) || p.startsWith('test/') || p.startsWith('out/'))).toEqual([]);
    for (const p of ['dist/src/index.js', 'dist/src/index.d.ts', 'dist/src/scenarios-api.js', 'dist/src/io/node-api.js', 'dist/src/cli/main.js', 'dist/src/io/batch-worker.js', 'dist/generators/calibration/data/geography.json', 'dist/safeguards/safe-harbor/data/zip3-2010.json']) {
      expect(paths).toContain(p);
    }
    // Each source module is there as JavaScript with its declarations.
    const js = paths.filter((p) => p.endsWith('.js'));
    expect(js.every((p) => paths.includes(p.replace(/\.js$/, '.d.ts')))).toBe(true);
    expect(readFileSync(join(app, 'node_modules/reident/dist/src/cli/main.js'), 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
  });
});

describe('installed in another project', () => {
  test("import { analyseRisk } from 'reident' counts the classes and sample uniques of a table", () => {
    // Three quasi-identifiers of 500 records from a fixed multiplicative hash, 6 x 8 x 12 combinations: some repeat, some are unique.
    const columns = [6, 8, 12].map((values, j) => Array.from({ length: 500 }, (_, i) => String((Math.imul(i + 1, 2654435761) >>> (4 + 9 * j)) % values)));
    const script = `
      import { analyseRisk, qiTableOf, textTable } from 'reident';
      const [a, b, c] = ${JSON.stringify(columns)};
      const r = analyseRisk({ qi: qiTableOf(textTable({ a, b, c }), ['a', 'b', 'c']) });
      console.log(JSON.stringify({ records: r.records, classes: r.classes, sampleUniques: r.sampleUniques, averageRisk: r.prosecutor.averageRisk }));`;
    const got = JSON.parse(inApp('node', ['--input-type=module', '-e', script])) as { records: number; classes: number; sampleUniques: number; averageRisk: number };

    const sizes = new Map<string, number>();
    for (let i = 0; i < 500; i++) {
      const key = columns.map((c) => c[i]).join('|');
      sizes.set(key, (sizes.get(key) ?? 0) + 1);
    }
    let uniques = 0;
    let risk = 0;
    for (let i = 0; i < 500; i++) {
      const size = sizes.get(columns.map((c) => c[i]).join('|'))!;
      if (size === 1) uniques++;
      risk += 1 / size;
    }
    expect(got.records).toBe(500);
    expect(got.classes).toBe(sizes.size);
    expect(got.sampleUniques).toBe(uniques);
    expect(got.averageRisk).toBeCloseTo(risk / 500, 12);
    expect(uniques).toBeGreaterThan(0);
    expect(uniques).toBeLessThan(500);
  });

  test("'reident/scenarios' lists the built-in scenarios and 'reident/node' offers the file functions", () => {
    const script = `
      const scenarios = await import('reident/scenarios');
      const node = await import('reident/node');
      const main = await import('reident');
      console.log(JSON.stringify({ scenarios: [...scenarios.SCENARIOS.keys()], writeWorld: typeof node.writeWorld, openWorld: typeof node.openWorld, tables: main.TABLE_NAMES }));`;
    const got = JSON.parse(inApp('node', ['--input-type=module', '-e', script])) as { scenarios: string[]; writeWorld: string; openWorld: string; tables: string[] };
    expect(got.scenarios).toEqual([...SCENARIOS.keys()]);
    expect(got.writeWorld).toBe('function');
    expect(got.openWorld).toBe('function');
    expect(got.tables.length).toBeGreaterThan(0);
  });

  test('npx reident schema --format json prints every table of the generator with its columns', () => {
    const schema = JSON.parse(inApp('npx', ['--no', 'reident', 'schema', '--format', 'json'])) as Record<string, { columns: { name: string }[] }>;
    expect(Object.keys(schema)).toEqual(Object.keys(SCHEMAS));
    for (const [table, s] of Object.entries(SCHEMAS)) expect(schema[table]!.columns.map((c) => c.name)).toEqual(s.columns.map((c) => c.name));
  });

  test('npx reident generate --workers 2 writes a world from the installed package', () => {
    const out = join(app, 'world-2');
    const text = inApp('npx', ['--no', 'reident', 'generate', '--people', '2000', '--batch-size', '500', '--workers', '2', '--tables', 'people', '--out', out, '--quiet']);
    expect(text).toMatch(/on 2 threads/);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as { generator: string; totalPeople: number; tables: { people: { rows: number } } };
    expect(manifest.generator).toBe(`reident ${own.version}`);
    expect(manifest.totalPeople).toBe(2000);
    expect(manifest.tables.people.rows).toBe(2000);
    expect(readFileSync(join(out, 'people.csv'), 'utf8').trimEnd().split('\n').length - 1).toBe(2000);
  });

  test('the built worker module runs under plain Node (no tsx, no esbuild) and makes the rows this thread makes', () => {
    // generate --workers 2 above does not show that its worker took a batch (this thread may make them all),
    // so the worker that parallel-batches starts from the build is driven here directly: two batches of 500.
    writeFileSync(
      join(app, 'worker-check.mjs'),
      `import { Worker } from 'node:worker_threads';
      const w = new Worker(new URL('./node_modules/reident/dist/src/io/batch-worker.js', import.meta.url));
      const done = [];
      w.on('message', (m) => {
        if (m.kind === 'failed') throw new Error(m.message);
        if (m.kind !== 'done') return;
        done[m.id] = new TextDecoder().decode(m.bytes.people);
        if (done.filter(Boolean).length === 2) { console.log(JSON.stringify(done)); void w.terminate(); }
      });
      w.on('error', (e) => { console.error(e); process.exitCode = 1; });
      const counter = new Int32Array(new SharedArrayBuffer(4));
      w.postMessage({ init: { options: { seed: 1, people: 1000 }, tables: ['people'], format: 'csv', batches: { start: 0, end: 1000, batchSize: 500 }, counter } });`,
    );
    const fromWorker = (JSON.parse(inApp('node', ['worker-check.mjs'])) as string[]).join('');
    const out = join(app, 'world-1');
    inApp('npx', ['--no', 'reident', 'generate', '--people', '1000', '--workers', '1', '--tables', 'people', '--out', out, '--quiet']);
    const csv = readFileSync(join(out, 'people.csv'), 'utf8');
    expect(fromWorker.split('\n').length - 1).toBe(1000);
    expect(fromWorker).toBe(csv.slice(csv.indexOf('\n') + 1));
  });
});

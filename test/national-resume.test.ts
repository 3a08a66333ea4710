// A partitioned run killed once its first part is recorded resumes when the same command is run again,
// without writing the finished parts again, and ends byte-identical to an uninterrupted run. Other
// options in the folder of an unfinished run are refused.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { cli } from './helpers/cli.ts';
import { fileTree } from './helpers/file-tree.ts';

const root = mkdtempSync(join(tmpdir(), 'reident-resume-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const PROGRESS = '.reident-progress.json';
const MAIN = join(import.meta.dirname, '..', 'src', 'cli', 'main.ts');

const args = (out: string, format: string) => [
  'generate', '--states', 'VT,WY', '--scale', '0.03', '--seed', '9', '--tables', 'people,beneficiaries,claims_inpatient',
  '--format', format, '--partition', 'state', '--part-people', '1500', '--workers', '1', '--out', out, '--quiet',
];

/** Spawns the CLI and kills it (SIGKILL: no clean-up at all) as soon as its progress file records a finished part. */
async function killAfterFirstPart(argv: string[], out: string): Promise<number> {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN, ...argv], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  let done = 0;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the run ended before it could be killed (exit ${child.exitCode}): ${stderr}`);
    try {
      done = Object.keys(JSON.parse(readFileSync(join(out, PROGRESS), 'utf8')).done).length;
    } catch {
      done = 0; // not written yet, or being renamed
    }
    if (done > 0) break;
    await new Promise((r) => setTimeout(r, 10));
  }
  child.kill('SIGKILL');
  await exited;
  return done;
}

describe('generate --partition state resumes after a killed run', () => {
  for (const format of ['parquet']) {
    test(`${format}: the resumed world is byte-identical to an uninterrupted one, and finished parts are not written again`, async () => {
      const whole = join(root, `whole-${format}`);
      const killed = join(root, `killed-${format}`);
      const r = await cli(...args(whole, format));
      expect(r.code, r.stderr).toBe(0);
      const parts = JSON.parse(readFileSync(join(whole, 'manifest.json'), 'utf8')).tables.people.parts.length;
      expect(parts).toBeGreaterThan(4);

      const done = await killAfterFirstPart(args(killed, format), killed);
      expect(existsSync(join(killed, 'manifest.json'))).toBe(false); // visibly unfinished
      const recorded = JSON.parse(readFileSync(join(killed, PROGRESS), 'utf8')).done as Record<string, { people: { file: string } }>;
      const first = Object.values(recorded)[0]!.people.file;
      const before = statSync(join(killed, first)).mtimeMs;

      const resumed = await cli(...args(killed, format));
      expect(resumed.code, resumed.stderr).toBe(0);
      expect(resumed.stdout).toContain(`resumed: ${done} of ${parts} parts were already finished and kept`);
      expect(statSync(join(killed, first)).mtimeMs).toBe(before); // not rewritten
      expect(existsSync(join(killed, PROGRESS))).toBe(false);
      expect(fileTree(killed)).toEqual(fileTree(whole));

      // and once complete, the same command has nothing to do
      const rerun = await cli(...args(killed, format));
      expect(rerun.code, rerun.stderr).toBe(0);
      expect(rerun.stdout).toContain('already holds this world, complete');
      expect(fileTree(killed)).toEqual(fileTree(whole));
    }, 120_000);
  }

  test('another seed in the folder of an unfinished run is refused, naming what differs; nothing is touched', async () => {
    const dir = join(root, 'other');
    await killAfterFirstPart(args(dir, 'csv'), dir);
    const before = fileTree(dir);
    const argv = args(dir, 'csv');
    argv[argv.indexOf('--seed') + 1] = '10';
    const r = await cli(...argv);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`--out: ${dir} holds an unfinished run made with other options`);
    expect(r.stderr).toContain('seed');
    expect(fileTree(dir)).toEqual(before);
  }, 60_000);
});

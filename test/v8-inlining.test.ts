// The CLI raises V8's inlining budget (src/io/v8-inlining.ts). It steers optimisation only: every table
// of a world is byte for byte the same with V8's default budget and with the raised one.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

/** bench/gen-cpu.ts all: the sha256 of every table of a small world, made on this thread. */
function digests(...flags: string[]): string {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'bench/gen-cpu.ts', 'all', '--people', '4000', '--batch', '1000', ...flags], { encoding: 'utf8', timeout: 120_000 });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout.split('\n').filter((l) => /sha256/.test(l)).join('\n');
}

describe('V8 inlining budget', () => {
  it('gives the same bytes for every table as V8 default budget', () => {
    const raised = digests();
    expect(raised.split('\n')).toHaveLength(6);
    expect(raised).toBe(digests('--v8-default'));
  }, 180_000);
});

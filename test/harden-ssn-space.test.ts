// The synthetic-SSN promise, checked on what reident actually writes: by default no file holds an
// SSN-shaped value outside the synthetic space (ITINs, area 9xx, are allowed: never an SSN). Every
// file of a generated world and every adversary dataset the CLI writes is scanned as text, so a new
// table, column or writer is covered without changing this test.
import fc from 'fast-check';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { DATASETS } from '../src/cli/adversary-command.ts';
import { cli } from './helpers/cli.ts';
import { ssnShapedTokens, ssnsOutsideSyntheticSpace } from './helpers/ssn-shaped.ts';

/** Writes a small world as CSV and as JSON, and from the CSV copy every adversary dataset; returns the folder. */
async function writeEverything(seed: number): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'reident-ssn-space-'));
  const run = async (...argv: string[]) => {
    const r = await cli(...argv);
    expect(r.code, `${argv.join(' ')}: ${r.stderr}`).toBe(0);
  };
  const world = join(dir, 'world');
  // 600 people: enough beneficiaries that a world without an inpatient stay (no news report to write) is vanishingly rare
  await run('generate', '--people', '600', '--seed', String(seed), '--out', world, '--quiet');
  await run('generate', '--people', '300', '--seed', String(seed), '--format', 'json', '--out', join(dir, 'world-json'), '--quiet');
  // Each dataset at its default size, cut to what the world supplies.
  for (const d of DATASETS) await run('adversary', d, '--world', world, '--seed', String(seed), '--out', join(dir, `${d}.csv`), '--with-truth');
  return dir;
}

function textFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

describe('no written file holds an SSN outside the synthetic space', () => {
  test('the scan finds dashed and bare SSNs and HICNs, and not 9 digits inside a longer id', () => {
    const text = '740-46-4419,"940464419",907306440B1,{"x":"123456789"}\n1234567890,84F11D3D2A6C5621,A123456789,555-0112,2019-07-01';
    expect(ssnShapedTokens(text).map((t) => t.token)).toEqual(['740-46-4419', '940464419', '907306440B1', '123456789']);
    expect(ssnsOutsideSyntheticSpace(text).map((b) => b.split(' ')[0])).toEqual(['740-46-4419', '123456789']);
  });

  test('a small world and every adversary dataset, over random seeds', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 2 ** 31 - 1 }), async (seed) => {
        const dir = await writeEverything(seed);
        try {
          let shaped = 0;
          for (const file of textFiles(dir)) {
            // The manifest echoes the seed the user chose: the user's number, not one reident made up.
            const text = readFileSync(file, 'utf8').replaceAll(`"seed": ${seed}`, '"seed": <seed>');
            shaped += ssnShapedTokens(text).length;
            expect(ssnsOutsideSyntheticSpace(text).slice(0, 5), file).toEqual([]);
          }
          // The scan saw the SSNs, ITINs and HICNs the world holds (it is not vacuous).
          expect(shaped).toBeGreaterThan(200);
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      }),
      { numRuns: 2, endOnFailure: true } // a failing seed cannot shrink to anything simpler,
    );
  }, 120_000);
});

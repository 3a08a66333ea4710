// The attack registry's declarations, and "attacks only attack": no module under attacks/ imports a
// release transform (the safeguards make releases; attacks read them).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ATTACKS, attackNamed } from '../src/attacks-registry/registry.ts';
import { CLI_ATTACKS } from '../src/cli/attack-command.ts';
import { COMMAND_FLAGS, attackFlagOptions, optionNames } from '../src/cli/attack-flags.ts';
import { resolveOptions } from '../src/scenarios/option-spec.ts';
import { TABLE_NAMES } from '../generators/world-types.ts';

const ROOT = join(import.meta.dirname, '..');

function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((n) => {
    const rel = join(dir, n);
    if (statSync(join(ROOT, rel)).isDirectory()) return sources(rel);
    return /\.ts$/.test(n) ? [rel] : [];
  });
}

/**
 * What an adversary may take from safeguards/: the public generalisation hierarchies (data), and the
 * public arithmetic of Bloom-filter encodings (q-grams, bit counts, Dice), which makes no release.
 */
const HIERARCHIES = new Set(['safeguards/generalise/builtin.ts', 'safeguards/generalise/hierarchy.ts', 'safeguards/identifiers/bit-strings.ts', 'safeguards/identifiers/qgrams.ts']);

describe('attacks only attack', () => {
  test('no module under attacks/ imports a release transform', () => {
    const offending: string[] = [];
    for (const file of sources('attacks')) {
      const text = readFileSync(join(ROOT, file), 'utf8');
      for (const m of text.matchAll(/(?:from\s+|import\s*\(\s*)['"]([^'"]+)['"]/g)) {
        const target = join(file, '..', m[1]!).replace(/\\/g, '/');
        if (target.startsWith('safeguards/') && !HIERARCHIES.has(target)) offending.push(`${file} imports ${target}`);
      }
    }
    expect(offending).toEqual([]);
  });

  test('the scan sees an import of a transform (so the test above can fail)', () => {
    const file = 'attacks/hash/hmac.ts';
    const target = join(file, '..', '../../safeguards/identifiers/pseudonyms-of.ts');
    expect(target.startsWith('safeguards/') && !HIERARCHIES.has(target)).toBe(true);
  });
});

describe('the attack registry', () => {
  test('names are unique; the CLI adds only the Node-only hash-inversion to the browser-safe list', () => {
    const names = CLI_ATTACKS.map((a) => a.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names.filter((n) => !ATTACKS.some((a) => a.name === n))).toEqual(['hash-inversion']);
    expect(() => attackNamed('hash-inversion')).toThrow(/unknown attack "hash-inversion" \(known: ssn-match, .*synthetic\)/);
  });

  test('every declaration: a description, tables that exist, options with help and valid defaults, a seed', () => {
    for (const a of CLI_ATTACKS) {
      expect(a.description.length, a.name).toBeGreaterThan(20);
      for (const t of a.needs) expect(TABLE_NAMES, a.name).toContain(t);
      expect(Object.keys(a.options.properties), a.name).toContain('seed');
      for (const [name, spec] of Object.entries(a.options.properties)) {
        expect(spec.help, `${a.name}.${name}`).not.toBe('');
        expect(COMMAND_FLAGS as readonly string[], `${a.name}.${name}`).not.toContain(name);
      }
      // The defaults alone are a valid set of options.
      expect(() => resolveOptions(a.options, {}), a.name).not.toThrow();
    }
  });

  test('one flag per option name; a switch in one attack cannot take a value in another', () => {
    const flags = attackFlagOptions(CLI_ATTACKS).map((o) => o.long);
    expect(flags).toEqual([...optionNames(CLI_ATTACKS).keys()].map((n) => `--${n.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`));
    const clash = [{ ...ATTACKS[0]!, name: 'a', options: { kind: 'object' as const, help: '', properties: { fast: { kind: 'boolean' as const, help: 'x' } } } }, { ...ATTACKS[0]!, name: 'b', options: { kind: 'object' as const, help: '', properties: { fast: { kind: 'integer' as const, help: 'y' } } } }];
    expect(() => optionNames(clash)).toThrow(/option "fast" is a switch in one attack and takes a value in another/);
    const shadow = [{ ...ATTACKS[0]!, name: 'c', options: { kind: 'object' as const, help: '', properties: { world: { kind: 'string' as const, help: 'x' } } } }];
    expect(() => optionNames(shadow)).toThrow(/would shadow the command's own --world/);
  });
});

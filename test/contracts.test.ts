// Repository-wide contracts from DESIGN.md: a browser-safe core and no unseeded randomness.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
/** Folders of the browser-safe core; src/ minus its Node-only shell. */
const CORE = ['generators', 'safeguards', 'attacks', 'src'];
const NODE_SHELL = ['src/cli', 'src/io', 'src/engine'];

function sources(dir: string): string[] {
  const abs = join(ROOT, dir);
  let names: string[];
  try {
    names = readdirSync(abs);
  } catch {
    return [];
  }
  return names.flatMap((n) => {
    const rel = join(dir, n);
    if (statSync(join(ROOT, rel)).isDirectory()) return sources(rel);
    return /\.(ts|js|mjs)$/.test(n) ? [rel] : [];
  });
}

const NODE_IMPORT = /(?:from\s+|import\s*\(\s*|require\s*\(\s*)['"](node:[^'"]+|fs|path|os|crypto|child_process|worker_threads|@duckdb\/[^'"]+)['"]/;

describe('contracts', () => {
  test('the browser-safe core imports nothing from node:* or native packages', () => {
    const offenders: string[] = [];
    for (const dir of CORE) {
      for (const file of sources(dir)) {
        if (NODE_SHELL.some((s) => file.startsWith(s + '/'))) continue;
        const m = NODE_IMPORT.exec(readFileSync(join(ROOT, file), 'utf8'));
        if (m) offenders.push(`${file} imports ${m[1]}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  test('the core never imports the Node shell', () => {
    const offenders: string[] = [];
    for (const dir of CORE) {
      for (const file of sources(dir)) {
        if (NODE_SHELL.some((s) => file.startsWith(s + '/'))) continue;
        const text = readFileSync(join(ROOT, file), 'utf8');
        if (/from\s+['"][^'"]*\/(cli|io|engine)\//.test(text)) offenders.push(file);
      }
    }
    expect(offenders).toEqual([]);
  });

  test('no code uses Math.random (all randomness is seeded and counter-based)', () => {
    const offenders = [...CORE, 'scripts', 'bench']
      .flatMap(sources)
      .filter((f) => /Math\.random\s*\(/.test(readFileSync(join(ROOT, f), 'utf8')));
    expect(offenders).toEqual([]);
  });
});

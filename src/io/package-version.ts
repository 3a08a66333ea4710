// reident's version from its own package.json, found by walking up from this module: two folders up
// in the sources (src/io), three in the build (dist/src/io), wherever the package is installed.
import { readFileSync } from 'node:fs';

/** The `version` of the nearest package.json named "reident" above this module. */
export function packageVersion(): string {
  for (let dir = new URL('./', import.meta.url); ; ) {
    const pkg = readPackage(new URL('package.json', dir));
    if (pkg?.name === 'reident' && typeof pkg.version === 'string') return pkg.version;
    const parent = new URL('../', dir);
    if (parent.href === dir.href) throw new Error(`reident's package.json was not found above ${import.meta.url}`);
    dir = parent;
  }
}

function readPackage(url: URL): { name?: unknown; version?: unknown } | null {
  try {
    return JSON.parse(readFileSync(url, 'utf8')) as { name?: unknown; version?: unknown };
  } catch {
    return null;
  }
}

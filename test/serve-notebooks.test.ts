// The classroom server serves only files inside the built site.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileInSite } from '../scripts/serve-notebooks.ts';

describe('fileInSite', () => {
  const outside = mkdtempSync(join(tmpdir(), 'reident-serve-'));
  const site = join(outside, 'site');
  mkdirSync(join(site, 'assets'), { recursive: true });
  writeFileSync(join(site, 'index.html'), 'index');
  writeFileSync(join(site, 'assets', 'a.js'), 'a');
  writeFileSync(join(outside, 'secret.txt'), 'secret');

  it('serves files in the site, a folder as its index.html', () => {
    expect(fileInSite(site, '/')).toBe(join(site, 'index.html'));
    expect(fileInSite(site, '/assets/a.js?v=1')).toBe(join(site, 'assets', 'a.js'));
  });

  it('refuses paths that leave the site, encoded or not, and missing files', () => {
    expect(fileInSite(site, '/../secret.txt')).toBeNull();
    expect(fileInSite(site, '/%2e%2e/secret.txt')).toBeNull();
    expect(fileInSite(site, '/assets/%2e%2e/%2e%2e/secret.txt')).toBeNull();
    expect(fileInSite(site, '/%00')).toBeNull();
    expect(fileInSite(site, '/%E0%A4%A')).toBeNull();
    expect(fileInSite(site, '/missing.html')).toBeNull();
  });
});

// The classroom server serves only files inside the built site.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
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

/** Starts `npm run notebooks:serve`'s script with these flags; resolves once it has printed `lines` lines. */
function serve(args: string[], lines = 1): Promise<{ line: string; stop: () => void }> {
  const root = resolve(import.meta.dirname, '..');
  const child = spawn(join(root, 'node_modules', '.bin', 'tsx'), ['scripts/serve-notebooks.ts', ...args], { cwd: root });
  return new Promise((ok, fail) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.split('\n').length > lines) ok({ line: out, stop: () => child.kill() });
    });
    child.on('exit', (code) => fail(new Error(`the server exited with ${code}: ${out}`)));
  });
}

describe('notebooks:serve', () => {
  const site = mkdtempSync(join(tmpdir(), 'reident-serve-site-'));
  writeFileSync(join(site, 'index.html'), '<h1>the notebooks</h1>');

  it('serves 127.0.0.1 by default, on the --port given (0: a free one), the --dir given', async () => {
    const { line, stop } = await serve(['--port', '0', '--dir', site]);
    try {
      const port = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(line)![1];
      expect(await (await fetch(`http://127.0.0.1:${port}/`)).text()).toBe('<h1>the notebooks</h1>');
      expect(line).not.toContain('reachable from other machines');
    } finally {
      stop();
    }
  }, 30_000);

  it('--host 0.0.0.0 serves the network too, and says so', async () => {
    const { line, stop } = await serve(['--host', '0.0.0.0', '--port', '0', '--dir', site], 2);
    try {
      const port = /<this machine>:(\d+)\//.exec(line)![1];
      expect(line).toContain('reachable from other machines on the network');
      expect((await fetch(`http://127.0.0.1:${port}/`)).status).toBe(200);
    } finally {
      stop();
    }
  }, 30_000);
});

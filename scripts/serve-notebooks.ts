// Serves the built notebooks (out/notebooks/) for a classroom: 127.0.0.1 by default, `--host 0.0.0.0`
// to reach it from other machines on the LAN. Serves only files inside the site folder. Node-only.
// Usage: tsx scripts/serve-notebooks.ts [--host H] [--port P] [--dir DIR]
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
};

/** The file a URL path names inside `root`, or null when it is missing or would leave `root`. */
export function fileInSite(root: string, urlPath: string): string | null {
  let path: string;
  try {
    path = decodeURIComponent(urlPath.split('?')[0]!.split('#')[0]!);
  } catch {
    return null;
  }
  if (path.includes('\0')) return null;
  const base = resolve(root);
  let file = resolve(join(base, path));
  if (file !== base && !file.startsWith(base + sep)) return null;
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
  return existsSync(file) && statSync(file).isFile() ? file : null;
}

/** Starts the server; resolves once it listens (port 0: a free port, read it from `server.address()`). */
export function serveSite(root: string, host = '127.0.0.1', port = 8080): Promise<Server> {
  const server = createServer((req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end('method not allowed\n');
      return;
    }
    const file = fileInSite(root, req.url ?? '/');
    if (!file) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found\n');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' });
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => ok(server));
  });
}

if (process.argv[1] === import.meta.filename) {
  const { values } = parseArgs({ options: { host: { type: 'string', default: '127.0.0.1' }, port: { type: 'string', default: '8080' }, dir: { type: 'string', default: 'out/notebooks' } } });
  const root = resolve(values.dir!);
  if (!existsSync(join(root, 'index.html'))) {
    console.error(`no built notebooks in ${root}: run npm run notebooks:build first`);
    process.exit(1);
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`--port must be a whole number from 0 to 65535 (got "${values.port}")`);
    process.exit(1);
  }
  const server = await serveSite(root, values.host, port);
  const address = server.address();
  const shown = typeof address === 'object' && address ? address.port : port;
  console.log(`serving ${root} at http://${values.host === '0.0.0.0' ? '<this machine>' : values.host}:${shown}/ (Ctrl-C to stop)`);
  if (values.host !== '127.0.0.1' && values.host !== 'localhost') console.log('reachable from other machines on the network: the notebooks run entirely in each browser.');
}

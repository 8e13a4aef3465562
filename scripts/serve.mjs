#!/usr/bin/env node
// Serves the production build (dist/) on localhost under a sub-path, with the strict
// Content-Security-Policy the site must work under (no 'unsafe-eval', no inline scripts).
//   node scripts/serve.mjs [--port 4173] [--base /rnn-playground/] [--dir dist] [--log]
// --port 0 takes any free port (the URL printed says which); --log prints every request as
// "GET /path" (the service worker tests read it to see which files a page asked for).
import http from 'node:http';
import { existsSync } from 'node:fs';
import sirv from 'sirv';

const args = process.argv.slice(2);
/** @type {(name: string, fallback: string) => string} */
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const port = Number(opt('port', process.env.PORT ?? '4173'));
let base = opt('base', '/rnn-playground/');
if (!base.startsWith('/')) base = `/${base}`;
if (!base.endsWith('/')) base = `${base}/`;
const dir = opt('dir', 'dist');
const log = args.includes('--log');
if (!existsSync(`${dir}/index.html`)) {
  console.error(`No ${dir}/index.html: run 'npm run build' first.`);
  process.exit(1);
}

export const CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'; " +
  "style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'";

const files = sirv(dir, {
  dev: false,
  etag: true,
  setHeaders: (res) => {
    res.setHeader('Content-Security-Policy', CSP);
    res.setHeader('X-Content-Type-Options', 'nosniff');
  },
});

const server = http.createServer((req, res) => {
  const url = req.url ?? '/';
  if (log) console.log(`${req.method} ${url}`);
  if (url === '/' || url === base.slice(0, -1)) {
    res.writeHead(302, { Location: base });
    res.end();
    return;
  }
  if (!url.startsWith(base)) {
    res.writeHead(404, { 'Content-Type': 'text/plain' });
    res.end(`Not found. The playground is at ${base}\n`);
    return;
  }
  req.url = url.slice(base.length - 1);
  files(req, res, () => {
    res.writeHead(404, { 'Content-Type': 'text/plain' });
    res.end('Not found\n');
  });
});

server.listen(port, '127.0.0.1', () => {
  const address = server.address();
  const actual = address && typeof address === 'object' ? address.port : port;
  console.log(`RNN Playground: http://127.0.0.1:${actual}${base}`);
});

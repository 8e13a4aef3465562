// Our engine inside a module worker in Chromium (Debian's /usr/bin/chromium, headless, through
// Playwright): a small local server hands the page the site's WebAssembly module, the data pack,
// the validation reviews and the worker (browser-worker.mjs), which runs the same timing code as
// the Node benchmark.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium } from '@playwright/test';
import type { EngineBenchResult } from './engine-bench.mjs';
import { type BenchData, type BenchModel, modelJson } from './setup';
import { engineSettings } from './wasm-node';

const CHROMIUM = '/usr/bin/chromium';

export interface ChromiumRun {
  model: BenchModel;
  /** Its reviews, cut for its settings. */
  data: BenchData;
  /** Also train to the end of the first epoch and report the engine's measured epoch time. */
  fullEpoch: boolean;
}

export interface ChromiumResult extends EngineBenchResult {
  model: BenchModel;
}

function serve(files: Record<string, { body: Buffer | string; type: string }>): Promise<Server> {
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    const file = files[path];
    if (!file) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': file.type, 'cache-control': 'no-store' }).end(file.body);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

export async function benchChromium(
  runs: ChromiumRun[],
  batches: number,
  warmup: number,
): Promise<{ results: ChromiumResult[]; userAgent: string }> {
  const here = (p: string) => new URL(p, import.meta.url);
  const js = 'text/javascript';
  const server = await serve({
    '/': {
      body: '<!doctype html><meta charset="utf-8"><title>RNN Playground benchmark</title>',
      type: 'text/html',
    },
    '/browser-worker.mjs': { body: readFileSync(here('./browser-worker.mjs')), type: js },
    '/engine-bench.mjs': { body: readFileSync(here('./engine-bench.mjs')), type: js },
    '/wasm/rnn_engine.mjs': { body: readFileSync(here('../../web/src/wasm/rnn_engine.mjs')), type: js },
    '/wasm/rnn_engine.wasm': {
      body: readFileSync(here('../../web/src/wasm/rnn_engine.wasm')),
      type: 'application/wasm',
    },
    '/data/bench.pack': { body: Buffer.from(runs[0].data.packBytes), type: 'application/octet-stream' },
    ...Object.fromEntries(
      runs.map((r, i) => [
        `/data/validation-${i}.json`,
        { body: JSON.stringify(r.data.validation), type: 'application/json' },
      ]),
    ),
  });
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true });
  try {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const { port } = server.address() as AddressInfo;
    await page.goto(`http://127.0.0.1:${port}/`);
    const message = await page.evaluate(
      (request) =>
        new Promise<{ ok: boolean; results?: unknown; error?: string; userAgent?: string }>((resolve) => {
          const worker = new Worker('./browser-worker.mjs', { type: 'module' });
          worker.onmessage = (e) => resolve(e.data);
          worker.onerror = (e) => resolve({ ok: false, error: `worker: ${e.message}` });
          worker.postMessage(request);
        }),
      {
        runs: runs.map((r, i) => ({
          model: r.model,
          modelJson: modelJson(r.model),
          fullEpoch: r.fullEpoch,
          settings: engineSettings(r.data.settings),
          validation: `./data/validation-${i}.json`,
        })),
        batches,
        warmup,
      },
    );
    if (!message.ok) throw new Error(`Chromium benchmark failed: ${message.error} ${errors.join('; ')}`);
    return { results: message.results as ChromiumResult[], userAgent: message.userAgent ?? '' };
  } finally {
    await browser.close();
    server.close();
  }
}

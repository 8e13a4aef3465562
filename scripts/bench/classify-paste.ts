// npm run bench:paste — how long a 1 MB paste into Classify takes, two ways: encoding it on its own
// (encodeForModel with the real word index, in Node: what the worker does before the engine is
// asked) and, in Chromium on the production build (dist/, served by scripts/serve.mjs), the longest
// pause between two animation frames of the page while the worker reads the megabyte and the
// answer is drawn. These are times, so they are reported here rather than held by the tests
// (tests/js/review-encoding.test.ts and tests/e2e/classify.spec.ts hold what the answer is and
// that frames keep coming). The page's model: the 09-3 LSTM trained 1 epoch on the quick subset.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { parseWordIndex } from '../../web/src/data/word-index';
import { encodeForModel } from '../../web/src/data/review-encoding';
import { PASTE_SENTENCE, pasteAndWatchFrames } from '../../tests/e2e/helpers/paste-frames';
import { openServedPage, trainOneEpochThenClassify } from './page-steps';
import { median } from './setup';

const PORT = Number(process.env.BENCH_PORT ?? 4499);
const RUNS = 5;

function encodeMs(): number {
  const index = parseWordIndex(
    readFileSync(new URL('../../build/data/word-index.json', import.meta.url), 'utf8'),
  );
  const text = PASTE_SENTENCE.repeat(Math.ceil(1_000_000 / PASTE_SENTENCE.length));
  const ms: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    encodeForModel(text, index, 500, 100);
    ms.push(performance.now() - t0);
  }
  return median(ms);
}

async function frameGapMs(): Promise<{ longest: number; frames: number }[]> {
  const server = spawn('node', ['scripts/serve.mjs', '--port', String(PORT)], { stdio: 'ignore' });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true });
  try {
    const page = await browser.newPage({ locale: 'en-US' });
    // tsx (esbuild, keepNames) wraps named functions in __name(); page.evaluate ships the helper's
    // body to the page as text, where __name does not exist. (Playwright's own runner does not.)
    await page.addInitScript({ content: 'globalThis.__name = (f) => f;' });
    await openServedPage(page, `http://127.0.0.1:${PORT}/rnn-playground/`);
    await trainOneEpochThenClassify(page);
    const out: { longest: number; frames: number }[] = [];
    for (let i = 0; i < 3; i++) {
      await page.getByLabel('Review', { exact: true }).fill('A fine film.');
      await page.waitForTimeout(500);
      const r = await pasteAndWatchFrames(page, 'maxlen keeps the last 100');
      if (!r.answered) throw new Error('the page did not answer the 1 MB paste within 30 s');
      out.push(r);
    }
    return out;
  } finally {
    await browser.close();
    server.kill();
  }
}

async function main() {
  const encode = encodeMs();
  console.log(
    `1 MB paste, encodeForModel in Node (real word index, maxlen 100), median of ${RUNS}: ${encode.toFixed(0)} ms`,
  );
  const gaps = await frameGapMs();
  console.log(
    `1 MB paste in Chromium, production build, trained 09-3 LSTM: longest frame gap per paste ${gaps.map((g) => `${g.longest.toFixed(0)} ms (${g.frames} frames)`).join(', ')}; median ${median(gaps.map((g) => g.longest)).toFixed(0)} ms`,
  );
}

void main();

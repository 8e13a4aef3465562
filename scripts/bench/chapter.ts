// npm run bench -- --chapter: "Run chapter 9" in the built site (dist/, served as npm start serves
// it) in headless Chromium, on the book's split in the page's Keras version (Keras 3 unless
// --keras 2): the wall time from the click to the last early stop (the page's own status line,
// checked against the clock here), the rows as they finished, and the longest gap between two
// animation frames while every core trains (a requestAnimationFrame loop in the page).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { loadAverage, machineDescription } from './report';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BASE = '/rnn-playground/';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

export async function benchChapter(
  dist = 'dist',
  keras: 2 | 3 = 3,
  timeoutMinutes = 30,
): Promise<{ seconds: number; frameGapMs: number }> {
  if (!existsSync(`${dist.startsWith('/') ? '' : ROOT}${dist}/index.html`))
    throw new Error(`${dist}/ is missing: run npm run build`);
  const port = await freePort();
  const server = spawn(
    process.execPath,
    ['scripts/serve.mjs', '--port', String(port), '--base', BASE, '--dir', dist],
    { cwd: ROOT, stdio: 'ignore' },
  );
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true });
  try {
    console.log('RNN Playground benchmark: Run chapter 9 in Chromium');
    for (const line of machineDescription()) console.log(`  ${line}`);
    console.log(`  load average at start: ${loadAverage()} (1, 5, 15 min)`);
    const page = await browser.newPage();
    const url = `http://127.0.0.1:${port}${BASE}`;
    for (let i = 0; i < 50; i++) {
      try {
        await page.goto(url);
        break;
      } catch {
        await new Promise((r) => setTimeout(r, 200));
      }
    }
    await page.getByText(/^Total params: /).waitFor();
    const cores = await page.evaluate(() => navigator.hardwareConcurrency);
    if (keras === 2) {
      await page.getByRole('tab', { name: 'Train' }).click();
      await page.getByLabel('Keras version').selectOption('2');
    }
    await page.getByRole('tab', { name: 'Compare' }).click();
    // Frame gaps: the longest interval between animation frames from the click to the end.
    // (Plain text: tsx would wrap named functions in a helper the page does not have.)
    await page.evaluate(`(() => {
      window.__gap = 0;
      window.__last = performance.now();
      window.__on = true;
      const tick = (t) => {
        window.__gap = Math.max(window.__gap, t - window.__last);
        window.__last = t;
        if (window.__on) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    })()`);
    const t0 = Date.now();
    await page.getByRole('button', { name: 'Run chapter 9' }).click();
    const status = page.getByRole('status').filter({ hasText: /^Chapter 9:/ });
    await status.filter({ hasText: /models in \d+ s$/ }).waitFor({ timeout: timeoutMinutes * 60_000 });
    const wall = (Date.now() - t0) / 1000;
    const frameGapMs = Number(await page.evaluate('(() => { window.__on = false; return window.__gap; })()'));
    const text = (await status.textContent()) ?? '';
    const seconds = Number(/in (\d+) s$/.exec(text)?.[1]);
    const rows: string[][] = [];
    const trs = page.locator('table[aria-label="Chapter 9 results"] tbody tr');
    for (let i = 0; i < (await trs.count()); i++)
      rows.push((await trs.nth(i).locator('td').allTextContents()).map((t) => t.trim()));
    console.log(`  Chromium, navigator.hardwareConcurrency ${cores}; Keras ${keras}; the book's split`);
    console.log('');
    console.log(
      '| model | state | epochs run | best val_loss | best val_acc | test acc | seconds | started | ended |',
    );
    console.log('|---|---|---|---:|---:|---:|---:|---:|---:|');
    for (const r of rows) console.log(`| ${r.slice(0, 9).join(' | ')} |`);
    console.log('');
    console.log(`  page status: "${text}" (clock here: ${wall.toFixed(1)} s from the click)`);
    console.log(`  longest frame gap while training: ${frameGapMs.toFixed(0)} ms`);
    console.log(`  load average at end: ${loadAverage()}`);
    console.log('');
    console.log('Targets (issue 17):');
    console.log(
      `  the whole chapter (book's split) in Chromium under 70 s: ${seconds} s (${seconds < 70 ? 'met' : 'NOT met'})`,
    );
    console.log(
      `  the page stays responsive while all cores train (longest frame gap under 100 ms): ${frameGapMs.toFixed(0)} ms (${frameGapMs < 100 ? 'met' : 'NOT met'})`,
    );
    return { seconds, frameGapMs };
  } finally {
    await browser.close();
    server.kill();
  }
}

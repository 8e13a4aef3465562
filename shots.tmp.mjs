import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
const srv = spawn('node', ['scripts/serve.mjs', '--port', '0', '--dir', 'dist'], { stdio: ['ignore', 'pipe', 'inherit'] });
const url = await new Promise((r) => srv.stdout.on('data', (d) => { const m = /(http\S+)/.exec(String(d)); if (m) r(m[1]); }));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
const page = await ctx.newPage();
await page.goto(url);
await page.getByText(/^Total params: /).waitFor();
await page.getByRole('tab', { name: 'Train' }).click();
for (const [l, v] of [['Learning rate', 'ten'], ['Batch size', '0'], ['Epochs', '1e9']]) {
  const f = page.getByLabel(l, { exact: true }); await f.fill(v); await f.press('Tab');
}
await page.screenshot({ path: '/tmp/i16-fields.png', fullPage: false });
for (const [l, v] of [['Learning rate', '10'], ['Batch size', '64'], ['Epochs', '3']]) {
  const f = page.getByLabel(l, { exact: true }); await f.fill(v); await f.press('Tab');
}
await page.getByLabel('Optimizer').selectOption('adam');
await page.getByRole('button', { name: 'Train' }).click();
await page.getByRole('status').filter({ hasText: /Test accuracy/ }).waitFor({ timeout: 90000 });
await page.screenshot({ path: '/tmp/i16-chance.png', fullPage: true });
await page.getByRole('tab', { name: 'Model' }).click();
await page.getByLabel('lstm units').fill('64');
await page.getByText('Total params: 28,801').waitFor();
await page.screenshot({ path: '/tmp/i16-own-model.png' });
await browser.close();
srv.kill();

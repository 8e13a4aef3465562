// Screenshots of the cell anatomy for docs/screenshots/ (run by hand after `npm run build`):
//   npx tsx scripts/screenshots-cell-anatomy.ts [--port 4207]
// For the book's SimpleRNN (one-hot), LSTM and GRU: train 3 epochs on the quick subset through the
// page, then walk a positive and a negative review in `Cell anatomy` to a word that decides the
// verdict, focus a number so its explanation shows, and photograph the model's panel.
import { spawn } from 'node:child_process';
import { chromium, type Page } from '@playwright/test';

const port = Number(process.argv[process.argv.indexOf('--port') + 1] || 4207);
const base = `http://127.0.0.1:${port}/rnn-playground/`;
const reviews = {
  positive: {
    text: 'A great film with wonderful acting and a beautiful story. I loved it.',
    word: 'wonderful',
  },
  negative: { text: 'The worst movie ever: terrible acting and a boring, stupid plot.', word: 'terrible' },
};
const cells = [
  { preset: 'onehot-simplernn-200', name: 'simplernn', focus: 'h' },
  { preset: 'lstm', name: 'lstm', focus: 'f' },
  { preset: 'gru', name: 'gru', focus: 'z' },
];

async function setNumber(page: Page, label: string, value: string) {
  const field = page.getByLabel(label, { exact: true });
  await field.fill(value);
  await field.press('Tab');
}

async function main() {
  const server = spawn('node', ['scripts/serve.mjs', '--port', String(port), '--base', '/rnn-playground/'], {
    stdio: 'ignore',
  });
  await new Promise((r) => setTimeout(r, 1500));
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-first-run'] });
  try {
    for (const cell of cells) {
      const page = await browser.newPage({ viewport: { width: 1100, height: 900 }, locale: 'en-US' });
      await page.goto(base);
      await page.getByLabel('Preset').selectOption(cell.preset);
      await page.getByRole('tab', { name: 'Train' }).click();
      await setNumber(page, 'Epochs', '3');
      await setNumber(page, 'Learning rate', '0.003');
      await setNumber(page, 'Seed', '42');
      await setNumber(page, 'Early stopping patience (0 = off)', '0');
      await page.getByRole('button', { name: 'Train' }).click();
      await page
        .getByRole('status')
        .filter({ hasText: /^Test accuracy/ })
        .waitFor({ timeout: 180_000 });
      await page.getByRole('tab', { name: 'Classify' }).click();
      for (const [side, review] of Object.entries(reviews)) {
        await page.getByLabel('Review', { exact: true }).fill(review.text);
        await page.locator('classify-model-panel section[aria-busy=false]').waitFor();
        const toggle = page.getByRole('button', { name: 'Cell anatomy' });
        if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
        const words = await page.locator('cell-anatomy .words span').allTextContents();
        const slider = page.getByRole('slider', { name: 'Time step' });
        await slider.focus();
        await page.keyboard.press('Home');
        for (let i = 0; i < words.indexOf(review.word); i++) await page.keyboard.press('ArrowRight');
        await page.locator(`cell-anatomy .box[data-box=${cell.focus}] .num`).nth(1).focus();
        const anatomy = page.locator('cell-anatomy');
        await anatomy.scrollIntoViewIfNeeded();
        const path = `docs/screenshots/cell-anatomy-${cell.name}-${side}.png`;
        await anatomy.screenshot({ path });
        console.log(path, '—', (await page.locator('classify-model-panel p.verdict').textContent()) ?? '');
      }
      await page.close();
    }
  } finally {
    await browser.close();
    server.kill();
  }
}

void main();

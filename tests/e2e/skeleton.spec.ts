// The built site in Chromium under the strict CSP, from a sub-path: the engine's summary for every
// preset, and an invalid model's message in place.
import { expect, test } from '@playwright/test';
import { embedding, stackWithoutSequences } from '../js/helpers/model-json';
import { foreignRequests } from './helpers/page';

const totals: Record<string, string> = {
  'onehot-simplernn-500': '4,081',
  'onehot-simplernn-200': '1,681',
  'embedding-simplernn-500': '8,209',
  'embedding-simplernn-200': '3,409',
  lstm: '8,809',
  'lstm-dropout': '8,809',
  'lstm-2layer': '9,353',
  gru: '8,633',
  'blog-simplernn': '322,113',
  'blog-simplernn-4': '328,320',
  'blog-lstm': '24,513',
  'reuters-gru': '3,108,910',
  // Long memory, one-hot over 35 ids: 8·(35+8+1)+9, 4·8·(35+8+1)+9, 3·8·(35+8+2)+9.
  'long-memory-simplernn': '361',
  'long-memory-lstm': '1,417',
  'long-memory-gru': '1,089',
};

test('every preset shows the engine summary with Keras totals', async ({ page }) => {
  const foreign = foreignRequests(page);
  const cspErrors: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|unsafe-eval/i.test(m.text())) cspErrors.push(m.text());
  });
  await page.goto('./');
  const preset = page.getByLabel('Preset');
  await expect(preset).toHaveValue('lstm');
  const values = await preset
    .locator('option')
    .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
  expect(values).toEqual(Object.keys(totals));
  for (const [id, total] of Object.entries(totals)) {
    await preset.selectOption(id);
    await expect(page.getByText(/^Total params: /)).toHaveText(`Total params: ${total}`);
    await expect(page.getByText(/^Total params: /)).toHaveCount(1);
  }
  for (const id of ['blog-simplernn-4', 'reuters-gru']) {
    await expect(preset.locator(`option[value="${id}"]`)).toContainText('summary only');
  }
  await expect(page.getByText(/Engine ready \(WebAssembly with SIMD\)/)).toBeVisible();
  expect(foreign).toEqual([]);
  expect(cspErrors).toEqual([]);
});

test('an invalid model shows the engine message in place and the page keeps working', async ({ page }) => {
  await page.goto('./');
  const box = page.getByLabel('Model JSON');
  await box.fill(JSON.stringify(stackWithoutSequences(embedding(500, 16, 100), 8, ['lstm', 'lstm_1'])));
  await expect(page.getByRole('alert')).toContainText("LSTM layer 'lstm_1' needs a sequence");
  await expect(page.getByRole('alert')).toContainText('Set return_sequences on the layer below');
  await box.fill('{ not json');
  await expect(page.getByRole('alert')).toContainText('not valid JSON');
  await page.getByLabel('Preset').selectOption('gru');
  await expect(page.getByText(/^Total params: /)).toHaveText('Total params: 8,633');
  await expect(page.getByRole('alert')).toHaveCount(0);
});

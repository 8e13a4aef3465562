// To a Keras notebook (issue 18, point 2), on the production build: the TF.js model the page
// downloads, loaded into TensorFlow.js (an independent implementation of Keras' layers), gives the
// probability Classify shows; the data download is the .npz with its six arrays and Keras' word
// index; the Keras code is shown for copying.
import { expect, test, type Download, type Page } from '@playwright/test';
import * as tf from '@tensorflow/tfjs';
import { unzipSync } from 'fflate';
import { readFile } from 'node:fs/promises';
import { parseWordIndex } from '../../web/src/data/word-index';
import { encodeForModel } from '../../web/src/data/review-encoding';

const REVIEW = 'A wonderful film, the best acting and a moving story. I loved it.';

async function setNumber(page: Page, label: string, value: string) {
  const field = page.getByLabel(label, { exact: true });
  await field.fill(value);
  await field.press('Tab');
}

async function bytes(download: Download): Promise<Uint8Array> {
  return new Uint8Array(await readFile((await download.path())!));
}

test('download the TF.js model: TensorFlow.js predicts what Classify shows', async ({ page }) => {
  await page.goto('./');
  await expect(page.getByText(/^Total params: /)).toBeVisible();
  await page.getByRole('tab', { name: 'Runs', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Download TF.js model' })).toBeDisabled();
  await page.getByRole('tab', { name: 'Train', exact: true }).click();
  await setNumber(page, 'Epochs', '3');
  await setNumber(page, 'Learning rate', '0.003');
  await setNumber(page, 'Early stopping patience (0 = off)', '0');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByRole('status')).toHaveText(/^Test accuracy: /, { timeout: 90_000 });
  await page.getByRole('tab', { name: 'Classify', exact: true }).click();
  await page.getByLabel('Review', { exact: true }).fill(REVIEW);
  await expect(page.locator('classify-model-panel section[aria-busy=false]')).toHaveCount(1);
  const verdict = (await page.locator('classify-model-panel p[role=status]').textContent()) ?? '';
  const shown = Number(/probability (\d\.\d\d)$/.exec(verdict)?.[1]);

  await page.getByRole('tab', { name: 'Runs', exact: true }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download TF.js model' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('lstm-tfjs.zip');
  const files = unzipSync(await bytes(download));
  expect(Object.keys(files).sort()).toEqual(['model.json', 'weights.bin']);
  const modelJson = JSON.parse(new TextDecoder().decode(files['model.json']));
  expect(files['weights.bin'].length).toBe(8809 * 4);
  await tf.setBackend('cpu');
  const model = await tf.loadLayersModel(
    tf.io.fromMemory({
      modelTopology: modelJson.modelTopology,
      weightSpecs: modelJson.weightsManifest[0].weights,
      weightData: files['weights.bin'].slice().buffer,
    }),
  );
  const index = parseWordIndex(await readFile('build/data/word-index.json', 'utf8'));
  const ids = encodeForModel(REVIEW, index, 500, 100).padded;
  const p = (model.predict(tf.tensor2d([ids], [1, 100])) as tf.Tensor).dataSync()[0];
  expect(Math.abs(p - shown)).toBeLessThanOrEqual(0.005 + 1e-6);
});

test('download the data and copy the Keras code', async ({ page }) => {
  await page.goto('./');
  await expect(page.getByText(/^Total params: /)).toBeVisible();
  await page.getByRole('tab', { name: 'Runs', exact: true }).click();
  const downloads: Download[] = [];
  page.on('download', (d) => downloads.push(d));
  await page.getByRole('button', { name: 'Download data' }).click();
  await expect.poll(() => downloads.length, { timeout: 30_000 }).toBe(2);
  const names = downloads.map((d) => d.suggestedFilename()).sort();
  expect(names).toEqual(['imdb-quick-500-100.npz', 'word_index.json']);
  const npz = unzipSync(await bytes(downloads.find((d) => d.suggestedFilename().endsWith('.npz'))!));
  expect(Object.keys(npz)).toEqual([
    'x_train.npy',
    'y_train.npy',
    'x_val.npy',
    'y_val.npy',
    'x_test.npy',
    'y_test.npy',
  ]);
  expect(npz['x_train.npy'].length).toBeGreaterThan(2000 * 100 * 4);
  const wordIndex = JSON.parse(
    new TextDecoder().decode(
      await bytes(downloads.find((d) => d.suggestedFilename() === 'word_index.json')!),
    ),
  );
  expect(wordIndex.the).toBe(1);

  await page.getByRole('button', { name: 'Copy Keras code' }).click();
  const code = page.getByLabel('Keras code (a Python cell)');
  await expect(code).toHaveValue(/model\.add\(keras\.layers\.LSTM\(8\)\)/);
  await expect(code).toHaveValue(/np\.load\('imdb-quick-500-100\.npz'\)/);
  await expect(code).toHaveValue(/EarlyStopping\(patience=3, restore_best_weights=True\)/);
});

// To a Keras notebook (issue 18, point 2), on the production build: the data download is the .npz
// with its six arrays and Keras' word index; the Keras code is shown for copying.
import { expect, test, type Download } from '@playwright/test';
import { unzipSync } from 'fflate';
import { readFile } from 'node:fs/promises';


async function bytes(download: Download): Promise<Uint8Array> {
  return new Uint8Array(await readFile((await download.path())!));
}

test('download the data and copy the Keras code', async ({ page }) => {
  await page.goto('./');
  await expect(page.getByText(/^Total params: /)).toBeVisible();
  await page.getByRole('tab', { name: 'Runs' }).click();
  const downloads: Download[] = [];
  page.on('download', (d) => downloads.push(d));
  await page.getByRole('button', { name: 'Download data' }).click();
  await expect.poll(() => downloads.length, { timeout: 30_000 }).toBe(2);
  const names = downloads.map((d) => d.suggestedFilename()).sort();
  expect(names).toEqual(['imdb-quick-500-100.npz', 'word_index.json']);
  const npz = unzipSync(await bytes(downloads.find((d) => d.suggestedFilename().endsWith('.npz'))!));
  expect(Object.keys(npz)).toEqual(['x_train.npy', 'y_train.npy', 'x_val.npy', 'y_val.npy', 'x_test.npy', 'y_test.npy']);
  expect(npz['x_train.npy'].length).toBeGreaterThan(2000 * 100 * 4);
  const wordIndex = JSON.parse(new TextDecoder().decode(await bytes(downloads.find((d) => d.suggestedFilename() === 'word_index.json')!)));
  expect(wordIndex.the).toBe(1);

  await page.getByRole('button', { name: 'Copy Keras code' }).click();
  const code = page.getByLabel('Keras code (a Python cell)');
  await expect(code).toHaveValue(/model\.add\(keras\.layers\.LSTM\(8\)\)/);
  await expect(code).toHaveValue(/np\.load\('imdb-quick-500-100\.npz'\)/);
  await expect(code).toHaveValue(/EarlyStopping\(patience=3, restore_best_weights=True\)/);
});

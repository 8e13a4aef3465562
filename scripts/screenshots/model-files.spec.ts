// Writes docs/screenshots/open-model-*.png: the Open a model flow (a TF.js download of a trained
// model opened again: the status under the file input; a Keras checkpoint with its optimizer note;
// Classify with the word-id note) and a refused file's alert, in Korean and English. `npm run screenshots`.
import { execFileSync } from 'node:child_process';
import { expect, test, type Page } from '@playwright/test';
import { unzipSync } from 'fflate';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const OUT = 'docs/screenshots';
const dir = mkdtempSync(join(tmpdir(), 'rnn-shots-'));
const L = {
  ko: {
    train: '훈련',
    epochs: '에포크',
    lr: '학습률',
    done: /^테스트 정확도: /,
    runs: '훈련 기록',
    tfjs: 'TF.js 모델 내려받기',
    open: '모델 열기',
    model: '모델',
    classify: '분류',
    review: '리뷰',
  },
  en: {
    train: 'Train',
    epochs: 'Epochs',
    lr: 'Learning rate',
    done: /^Test accuracy: /,
    runs: 'Runs',
    tfjs: 'Download TF.js model',
    open: 'Open a model',
    model: 'Model',
    classify: 'Classify',
    review: 'Review',
  },
};

async function shoot(page: Page, lang: 'ko' | 'en') {
  const t = L[lang];
  await page.goto('./');
  await expect(page.getByText(/^Total params: /)).toBeVisible();
  await page.getByRole('tab', { name: t.train, exact: true }).click();
  for (const [label, value] of [
    [t.epochs, '3'],
    [t.lr, '0.003'],
  ]) {
    const field = page.getByLabel(label, { exact: true });
    await field.fill(value);
    await field.press('Tab');
  }
  await page.getByRole('button', { name: t.train, exact: true }).click();
  await expect(page.getByRole('status')).toHaveText(t.done, { timeout: 90_000 });
  await page.getByRole('tab', { name: t.runs, exact: true }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: t.tfjs }).click(),
  ]);
  const files = unzipSync(new Uint8Array(readFileSync((await download.path())!)));
  mkdirSync(join(dir, lang), { recursive: true });
  const paths = ['model.json', 'weights.bin'].map((name) => {
    const path = join(dir, lang, name);
    writeFileSync(path, files[name]);
    return path;
  });
  await page.getByLabel(t.open, { exact: true }).setInputFiles(paths);
  const panel = page.locator('open-model-panel');
  await expect(panel.getByText(/8,809/)).toBeVisible();
  await panel.screenshot({ path: `${OUT}/open-model-${lang}.png` });
  // A ModelCheckpoint-style .keras in Keras' own layout (h5py, tests/e2e/helpers/keras_files.py):
  // opened with the note that its optimizer state is left behind.
  const keras = join(dir, lang, 'best-lstm-model.keras');
  execFileSync('/usr/bin/python3', [
    'tests/e2e/helpers/keras_files.py',
    'keras3',
    keras,
    'tests/data/keras-json/lstm_keras3.json',
    `${keras}.bin`,
    '--optimizer',
  ]);
  await page.getByLabel(t.open, { exact: true }).setInputFiles([keras]);
  await expect(panel.getByText(/best-lstm-model\.keras.*8,809/)).toBeVisible();
  await panel.screenshot({ path: `${OUT}/open-model-keras-${lang}.png` });
  await page.getByRole('tab', { name: t.classify, exact: true }).click();
  await page
    .getByLabel(t.review, { exact: true })
    .fill('A wonderful film with great acting, though the ending is not good.');
  await expect(page.locator('classify-model-panel section[aria-busy=false]')).toHaveCount(1);
  await page.screenshot({ path: `${OUT}/open-model-classify-${lang}.png` });
  await page.getByRole('tab', { name: t.runs, exact: true }).click();
  const cut = join(dir, `${lang}-cut.keras`);
  writeFileSync(cut, 'PK\x03\x04 and then nothing');
  await page.getByLabel(t.open, { exact: true }).setInputFiles([cut]);
  await expect(panel.getByRole('alert')).toBeVisible();
  await panel.screenshot({ path: `${OUT}/open-model-refused-${lang}.png` });
}

for (const lang of ['ko', 'en'] as const) {
  test.describe(lang, () => {
    test.use({ locale: lang === 'ko' ? 'ko-KR' : 'en-US', viewport: { width: 1100, height: 900 } });
    test(`open a model (${lang})`, async ({ page }) => shoot(page, lang));
  });
}

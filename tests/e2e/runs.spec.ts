// Runs kept in IndexedDB (issue 18, point 1), on the production build: a trained run survives a
// reload and a browser restart (a persistent profile), Classify uses the newest run after a
// reload and gives the same verdict as before it, an opened run continues training with its epoch
// count going on, a reload in the middle of training asks first and keeps the last finished
// epoch (interrupted), and storage that is unavailable or full is reported while the page works.
import { chromium, expect, test, type Page } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_LAUNCH } from './helpers/chromium';
import { open, openAndTrainQuick, setNumber, trainQuick } from './helpers/page';

const REVIEW = 'A wonderful film, the best acting and a moving story. I loved it.';

/** Classify's verdict for REVIEW (the panel of the one model). */
async function verdict(page: Page): Promise<string> {
  await page.getByRole('tab', { name: 'Classify', exact: true }).click();
  await page.getByLabel('Review', { exact: true }).fill(REVIEW);
  await expect(page.locator('classify-model-panel section[aria-busy=false]')).toHaveCount(1);
  const text = (await page.locator('classify-model-panel p[role=status]').textContent()) ?? '';
  expect(text).toMatch(/^(Positive|Negative) — probability \d\.\d\d$/);
  return text;
}

function runRows(page: Page) {
  return page.getByRole('table', { name: 'Saved runs' }).locator('tbody tr');
}

test('a trained run survives a reload; Classify uses it and says the same; rename and delete', async ({
  page,
}) => {
  await openAndTrainQuick(page, 2);
  const before = await verdict(page);

  await page.reload();
  await expect(page.getByText(/^Total params: /)).toBeVisible();
  await page.getByRole('tab', { name: 'Runs', exact: true }).click();
  await expect(runRows(page)).toHaveCount(1);
  const row = runRows(page).first();
  await expect(row).toContainText('09-3');
  await expect(row.locator('td').nth(4)).toHaveText('2'); // epochs
  await expect(row.locator('td').nth(5)).toHaveText(/^0\.\d{3}$/); // best val acc
  await expect(row.locator('td').nth(6)).toHaveText(/^0\.\d{3}$/); // test acc
  await expect(row).toContainText('finished');
  // The newest run is Classify's model, with the same weights: the same verdict to the digit.
  await expect(page.locator('classify-model-panel section')).toHaveAttribute('aria-label', /saved run/);
  expect(await verdict(page)).toBe(before);

  await page.getByRole('tab', { name: 'Runs', exact: true }).click();
  await row.getByRole('button', { name: /^Rename / }).click();
  await page.getByRole('textbox', { name: /^New name for / }).fill('my first LSTM');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(row.locator('td').first()).toHaveText('my first LSTM');
  await page.reload();
  await page.getByRole('tab', { name: 'Runs', exact: true }).click();
  await expect(runRows(page).first().locator('td').first()).toHaveText('my first LSTM');
  await runRows(page).first().getByRole('button', { name: 'Delete my first LSTM' }).click();
  await page.getByRole('button', { name: 'Yes, delete' }).click();
  await expect(page.getByText('No runs yet')).toBeVisible();
  await page.reload();
  await page.getByRole('tab', { name: 'Runs', exact: true }).click();
  await expect(page.getByText('No runs yet')).toBeVisible();
});

test('open a saved run: its curves come back and training continues from epoch 3', async ({ page }) => {
  await openAndTrainQuick(page, 2);
  const firstEpochs = await page
    .getByRole('table', { name: 'Training log' })
    .locator('tbody tr')
    .allTextContents();
  await page.reload();
  await page.getByRole('tab', { name: 'Runs', exact: true }).click();
  await runRows(page)
    .first()
    .getByRole('button', { name: /^Open run / })
    .click();
  // The Train tab shows the run's two epochs again, and offers to go on.
  await expect(page.getByRole('tab', { name: 'Train', exact: true })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  const log = page.getByRole('table', { name: 'Training log' }).locator('tbody tr');
  await expect(log).toHaveCount(2);
  expect(await log.allTextContents()).toEqual(firstEpochs);
  await expect(page.getByRole('img', { name: /^Loss per epoch: / })).toBeVisible();
  await trainQuick(page, 1, 'Go on from epoch 3');
  await expect(log).toHaveCount(3);
  await expect(log.nth(2).locator('td').first()).toHaveText('3');
  // The continued epoch starts from the trained weights: its training loss is below a fresh
  // model's first epoch (same data, same settings).
  const loss = async (i: number) => Number(await log.nth(i).locator('td').nth(1).textContent());
  expect(await loss(2)).toBeLessThan(await loss(0));
  await page.getByRole('tab', { name: 'Runs', exact: true }).click();
  await expect(runRows(page)).toHaveCount(1);
  await expect(runRows(page).first().locator('td').nth(4)).toHaveText('3');
});

test('a reload while training asks first, then keeps the last finished epoch as interrupted', async ({
  page,
}) => {
  await open(page);
  await page.getByRole('tab', { name: 'Train', exact: true }).click();
  await setNumber(page, 'Epochs', '1000');
  await setNumber(page, 'Early stopping patience (0 = off)', '0');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  const log = page.getByRole('table', { name: 'Training log' }).locator('tbody tr');
  await expect.poll(() => log.count(), { timeout: 60_000 }).toBeGreaterThanOrEqual(2);
  let asked = '';
  page.once('dialog', (d) => {
    asked = d.type();
    void d.accept();
  });
  await page.reload();
  expect(asked).toBe('beforeunload');
  await expect(page.getByText(/cut off by a reload while training/)).toBeVisible();
  await page.getByRole('tab', { name: 'Runs', exact: true }).click();
  const row = runRows(page).first();
  await expect(row).toContainText('interrupted');
  expect(Number(await row.locator('td').nth(4).textContent())).toBeGreaterThanOrEqual(2);
  await expect(page.locator('classify-model-panel section')).toHaveAttribute('aria-label', /saved run/);
});

test('compared models are runs too', async ({ page }) => {
  await open(page);
  await page.getByRole('tab', { name: 'Train', exact: true }).click();
  await setNumber(page, 'Epochs', '1');
  await page.getByRole('tab', { name: 'Compare', exact: true }).click();
  await page.getByRole('checkbox', { name: '09-2 embedding SimpleRNN (500 words)' }).uncheck();
  await page.getByRole('button', { name: 'Compare' }).click();
  const table = page.getByRole('table', { name: 'Comparison' });
  for (const title of ['09-3 LSTM(8)', '09-3 GRU(8)']) {
    await expect(table.getByRole('row').filter({ hasText: title })).toContainText('Finished', {
      timeout: 90_000,
    });
  }
  await page.getByRole('tab', { name: 'Runs', exact: true }).click();
  await expect(runRows(page)).toHaveCount(2);
  for (const title of ['09-3 LSTM(8) (Compare)', '09-3 GRU(8) (Compare)']) {
    const row = runRows(page).filter({ hasText: title });
    await expect(row.locator('td').nth(4)).toHaveText('1');
    await expect(row.locator('td').nth(6)).toHaveText(/^0\.\d{3}$/);
  }
});

test('storage unavailable: the page says so and trains anyway', async ({ page }) => {
  await page.addInitScript(() => {
    IDBFactory.prototype.open = () => {
      throw new DOMException('The user denied permission to access the database.', 'SecurityError');
    };
  });
  await open(page);
  await expect(page.getByRole('alert')).toContainText('Runs cannot be saved in this browser');
  await trainQuick(page, 1);
  await page.getByRole('tab', { name: 'Runs', exact: true }).click();
  await expect(page.getByText('No runs yet')).toBeVisible();
});

test('storage full: the new run is not saved, the page says so, the saved run is kept', async ({ page }) => {
  await openAndTrainQuick(page, 1);
  await page.getByRole('tab', { name: 'Runs', exact: true }).click();
  await expect(runRows(page)).toHaveCount(1);
  await page.evaluate(() => {
    IDBObjectStore.prototype.put = function () {
      throw new DOMException('Quota exceeded', 'QuotaExceededError');
    };
  });
  await trainQuick(page, 1);
  await expect(page.getByRole('alert').first()).toContainText('storage for this site is full');
  await page.reload();
  await page.getByRole('tab', { name: 'Runs', exact: true }).click();
  await expect(runRows(page)).toHaveCount(1);
  await expect(runRows(page).first()).toContainText('finished');
});

test('runs survive a browser restart (persistent profile)', async ({ baseURL }) => {
  const profile = await mkdtemp(join(tmpdir(), 'rnn-runs-'));
  const launch = () =>
    chromium.launchPersistentContext(profile, {
      ...CHROMIUM_LAUNCH,
      headless: true,
      baseURL,
      locale: 'en-US',
    });
  try {
    let context = await launch();
    let page = await context.newPage();
    await openAndTrainQuick(page, 1);
    await context.close();
    context = await launch();
    page = await context.newPage();
    await open(page);
    await page.getByRole('tab', { name: 'Runs', exact: true }).click();
    await expect(runRows(page)).toHaveCount(1);
    await expect(runRows(page).first().locator('td').nth(4)).toHaveText('1');
    await expect(page.locator('classify-model-panel section')).toHaveAttribute('aria-label', /saved run/);
    await context.close();
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
});

// Issue 19, point 4: why LSTM. Compare on `Long memory` (seed 42) ends with LSTM and GRU far
// above SimpleRNN, and the page says what that means; Compare on IMDB shows test accuracy by
// review length. The margins were measured first (docs/long-memory.md): with the presets' recipe
// (Adam 3e-3, clipnorm 1, batch 32, 40 epochs) seed 42 ends natively with LSTM 1.000, GRU 1.000
// and SimpleRNN 0.560 validation accuracy, and over 13 seeds LSTM and GRU learnt the task every
// time (by epoch 21 and 31), SimpleRNN once (seed 4). The assertions leave wide room on both sides.
import type { Page } from '@playwright/test';
import { expect, test } from './helpers/fixtures';
import { texts } from './helpers/lang';
import { open, openTab, openTraining, setNumber } from './helpers/page';
import { misplacedControls, seriousAxeFindings } from './helpers/page-audit';

/** axe in light and dark, and every control reachable at 390 × 844 (the phone checks' rule). */
async function audit(page: Page, where: string) {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    expect(await seriousAxeFindings(page), `${where}, ${colorScheme}`).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.waitForTimeout(500); // the charts follow their box's new width on the next frames
  expect(await misplacedControls(page), `${where}, phone`).toEqual([]);
  await page.setViewportSize({ width: 1280, height: 720 });
}

const LONG_MEMORY = ['long-memory-simplernn', 'long-memory-lstm', 'long-memory-gru'] as const;

/** The Compare table's row of a preset. */
function compareRow(page: Page, id: string) {
  const T = texts();
  return page
    .getByRole('table', { name: T.compare.compareTable })
    .getByRole('row')
    .filter({ hasText: T.presets.title[id] });
}

async function testAccuracy(page: Page, id: string): Promise<number> {
  const T = texts();
  const row = compareRow(page, id);
  await expect(row).toContainText(T.common.stopReason.finished, { timeout: 150_000 });
  return Number(await row.getByRole('cell').nth(6).textContent());
}

test('Compare on Long memory: LSTM and GRU carry the token, SimpleRNN stays near chance', async ({
  page,
  N,
  T,
}) => {
  test.setTimeout(240_000);
  await open(page);
  // The data set choice: Long memory takes its own sizes, and shows what its sequences are.
  await openTab(page, N.data);
  await page.getByLabel(T.data.packLabel).selectOption('long-memory');
  await expect(page.getByText(T.data.longMemoryAbout)).toBeVisible();
  await expect(page.getByLabel(T.data.maxlenLabel, { exact: true })).toHaveValue('200');
  await expect(page.getByText(T.data.dataCounts(512, 200, 200))).toBeVisible();
  // Its sample sequences name the tokens: one A or B among the noise.
  await expect(page.locator('data-panel .sample').first()).toContainText(/\b[AB]\b/);
  await audit(page, 'Data on Long memory');
  await openTab(page, N.trainTab);
  await setNumber(page, T.train.seedLabel, '42');

  await openTab(page, N.compareTab);
  await expect(page.getByText(T.compare.longMemoryIntro)).toBeVisible();
  // On Long memory the choices are its three presets (and the editor's model), those three ticked.
  for (const id of LONG_MEMORY)
    await expect(page.getByRole('checkbox', { name: T.presets.title[id] })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: T.presets.title.lstm })).toHaveCount(0);
  await page.getByRole('button', { name: N.compare }).click();

  await expect(compareRow(page, 'long-memory-lstm').getByRole('cell').nth(1)).toHaveText(
    `${T.compare.trainedWith(T.compare.packLongMemoryShort, 35, 200, 'Adam', 0.003, 32, 40, 0)}, clipnorm 1`,
  );
  const acc: Record<string, number> = {};
  for (const id of LONG_MEMORY) acc[id] = await testAccuracy(page, id);
  expect(acc['long-memory-lstm']).toBeGreaterThanOrEqual(0.85);
  expect(acc['long-memory-gru']).toBeGreaterThanOrEqual(0.85);
  expect(acc['long-memory-simplernn']).toBeLessThanOrEqual(0.7);
  // The page says it in words, model by model.
  const verdict = page.getByRole('status').filter({ hasText: T.compare.longMemoryOutcome });
  await expect(verdict).toContainText(
    T.compare.longMemoryRow(T.presets.title['long-memory-lstm'], acc['long-memory-lstm'], 'remembered'),
  );
  await expect(verdict).toContainText(
    T.compare.longMemoryRow(T.presets.title['long-memory-simplernn'], acc['long-memory-simplernn'], 'chance'),
  );
  // Accuracy by review length belongs to IMDB.
  await expect(page.getByRole('heading', { name: T.compare.byLengthHeading })).toHaveCount(0);
  await audit(page, 'Compare on Long memory');
  // Classify says that these models read synthetic tokens, not reviews.
  await openTab(page, N.classifyTab);
  await page.getByLabel(N.review, { exact: true }).fill('the and a of to is in it');
  await expect(page.getByText(T.classify.syntheticNote)).toHaveCount(3);
});

test('Compare on IMDB: test accuracy by review length, in five buckets that hold the whole test split', async ({
  page,
  N,
  T,
}) => {
  test.setTimeout(120_000);
  await openTraining(page, [[N.epochs, '1']]);
  await openTab(page, N.compareTab);
  for (const id of ['embedding-simplernn-500', 'gru'])
    await page.getByRole('checkbox', { name: T.presets.title[id] }).uncheck();
  await page.getByRole('button', { name: N.compare }).click();
  const table = page.getByRole('table', { name: T.compare.byLengthHeading });
  await expect(table).toBeVisible({ timeout: 90_000 });
  await expect(page.getByText(T.compare.byLengthNote(1000))).toBeVisible();
  await expect(table.getByRole('columnheader')).toHaveText([
    T.compare.colModel,
    ...['≤100', '101–200', '201–300', '301–500', '>500'].map(T.compare.bucketColumn),
  ]);
  const cells = await table.getByRole('row').nth(1).getByRole('cell').allTextContents();
  expect(cells).toHaveLength(5);
  // Every bucket holds reviews of the quick test split (its lengths: docs/pack-format.md), 1,000 in all.
  const counts = cells.map((c) => Number(/\(\D*([\d,]+)/.exec(c)![1].replace(/,/g, '')));
  expect(counts.reduce((a, b) => a + b, 0)).toBe(1000);
  for (const [i, c] of cells.entries()) expect(c, `bucket ${i}`).toMatch(/^[01]\.\d{3} /);
  await audit(page, 'Compare on IMDB with accuracy by length');
});

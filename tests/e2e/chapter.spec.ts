// "Run chapter 9" (issue 17) in the production build: the Keras version travels in the link, the
// chapter's six models train on the quick subset several at once, the table fills in beside the
// printed numbers of the matching edition, the status line gives the chapter's wall time, and
// every model is a saved run that Classify can use.
import { expect, test } from '@playwright/test';

test('the Keras version is a training setting carried by the link', async ({ page }) => {
  await page.goto('./');
  await expect(page.getByText(/^Total params: /)).toBeVisible();
  await page.getByRole('tab', { name: 'Train', exact: true }).click();
  const select = page.getByLabel('Keras version');
  await expect(select).toHaveValue('3');
  await expect(select.locator('option')).toHaveText(['Keras 3', 'tf.keras 2 (TF 2.6–2.10)']);
  await expect(page.getByLabel('Published curve')).toHaveValue('0'); // the 2025 Keras 3 notebook
  await select.selectOption({ label: 'tf.keras 2 (TF 2.6–2.10)' });
  // The published curve follows: the 2021 run of the book's code on TF 2.6.
  await expect(page.getByLabel('Published curve').locator('option:checked')).toHaveText(/TensorFlow 2\.6/);
  // The link follows (the page rewrites it a moment after a change).
  const linked = async () => {
    const hash = await page.evaluate(() => location.hash);
    return {
      hash,
      keras: JSON.parse(Buffer.from(hash.slice(3), 'base64url').toString('utf8')).training.keras,
    };
  };
  await expect.poll(async () => (await linked()).keras).toBe(2);
  const { hash } = await linked();
  await page.goto(`./${hash}`);
  await page.getByRole('tab', { name: 'Train', exact: true }).click();
  await expect(page.getByLabel('Keras version')).toHaveValue('2');
});

test('Run chapter 9 on the quick subset: six models, several at once, a filled table and the wall time', async ({
  page,
}) => {
  test.setTimeout(20 * 60_000);
  await page.goto('./');
  await expect(page.getByText(/^Total params: /)).toBeVisible();
  await page.getByRole('tab', { name: 'Compare', exact: true }).click();
  await page.getByLabel('On the quick subset (a fast preview)').check();
  await page.getByRole('button', { name: 'Run chapter 9' }).click();
  const status = page.getByRole('status').filter({ hasText: /^Chapter 9:/ });
  await expect(status).toHaveText(/^Chapter 9: \d of 6 models finished/);
  await expect(status).toHaveText(/^Chapter 9: 6 models in \d+ s$/, { timeout: 19 * 60_000 });
  const table = page.getByRole('table', { name: 'Chapter 9 results' });
  await expect(table.locator('caption')).toContainText('Quick subset');
  await expect(table.locator('caption')).toContainText('Keras 3');
  await expect(table.getByRole('columnheader', { name: 'Printed, 2025 notebook' })).toBeVisible();
  const rows = table.locator('tbody tr');
  await expect(rows).toHaveCount(6);
  const spans: { id: string; start: number; end: number }[] = [];
  for (let i = 0; i < 6; i++) {
    const cells = rows.nth(i).getByRole('cell');
    await expect(cells.nth(1)).toHaveText(/^(Stopped early|Finished)$/);
    await expect(cells.nth(2)).toHaveText(/^\d+ \(best \d+\)$/);
    await expect(cells.nth(3)).toHaveText(/^0\.\d{4}$/);
    await expect(cells.nth(4)).toHaveText(/^0\.\d{3}$/);
    await expect(cells.nth(5)).toHaveText(/^0\.\d{3}$/);
    await expect(cells.nth(9)).toHaveText(/epochs; best|epochs; last/);
    spans.push({
      id: (await rows.nth(i).getAttribute('data-id'))!,
      start: Number(await cells.nth(7).textContent()),
      end: Number(await cells.nth(8).textContent()),
    });
  }
  // The notebook's 09-2 models used 200 words, and the table says so.
  await expect(rows.filter({ hasText: 'one-hot' }).getByRole('cell').nth(10)).toHaveText('636 s (200 words)');
  // From the rows' start and end times: at least two models trained at the same time.
  const overlapping = spans.some((a) => spans.some((b) => a !== b && a.start < b.end && b.start < a.end));
  expect(overlapping, JSON.stringify(spans)).toBe(true);
  const total = Number(/in (\d+) s$/.exec((await status.textContent()) ?? '')?.[1]);
  expect(Math.abs(total - Math.max(...spans.map((s) => s.end)))).toBeLessThanOrEqual(1);

  // Every row is a run like any other: the Runs tab lists the six, each with the epochs and test
  // accuracy its row shows, and Classify can use one of them.
  const shown: { title: string; epochs: string; testAcc: string }[] = [];
  for (let i = 0; i < 6; i++) {
    const cells = rows.nth(i).getByRole('cell');
    shown.push({
      title: (await cells.nth(0).textContent())!.trim(),
      epochs: /^(\d+) /.exec((await cells.nth(2).textContent())!)![1],
      testAcc: (await cells.nth(5).textContent())!.trim(),
    });
  }
  await page.getByRole('tab', { name: 'Runs', exact: true }).click();
  const runs = page.getByRole('table', { name: 'Saved runs' }).locator('tbody tr');
  await expect(runs).toHaveCount(6);
  for (const row of shown) {
    const run = runs.filter({ hasText: `${row.title} (Run chapter 9)` });
    await expect(run).toHaveCount(1);
    await expect(run.locator('td').nth(4)).toHaveText(row.epochs);
    await expect(run.locator('td').nth(5)).toHaveText(/^0\.\d{3}$/);
    await expect(run.locator('td').nth(6)).toHaveText(row.testAcc);
  }
  const gru = shown.find((r) => r.title.includes('GRU'))!;
  await runs
    .filter({ hasText: `${gru.title} (Run chapter 9)` })
    .getByRole('button', { name: /^Open run / })
    .click();
  await page.getByRole('tab', { name: 'Classify', exact: true }).click();
  await page
    .getByLabel('Review', { exact: true })
    .fill('A wonderful film, the best acting and a moving story. I loved it.');
  const saved = page.locator(`classify-model-panel section[aria-label*="${gru.title} (Run chapter 9)"]`);
  await expect(saved).toHaveAttribute('aria-label', /saved run/);
  await expect(saved).toHaveAttribute('aria-busy', 'false');
  await expect(saved.locator('p[role=status]')).toHaveText(/^(Positive|Negative) — probability \d\.\d\d$/);
});

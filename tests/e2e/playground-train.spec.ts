// The playground's training side as a learner uses it (issue 6), on the production build served from
// a sub-path: training with live charts, pause / resume / stop, the compare view, and the messages
// for broken things. Run in English and in Korean (Playwright projects 'en' and 'ko'), by each
// language's names. The model side: playground-model.spec.ts.
import { expect, test } from './helpers/fixtures';
import { literal } from './helpers/lang';
import {
  byLang,
  chartPoints,
  foreignRequests,
  open,
  openTab,
  openTraining,
  setNumber,
  startLongRun,
  trainToEnd,
} from './helpers/page';

/** Two epochs at learning rate 0.001 (tests 3 and 4). */
const twoEpochs = (N: { epochs: string; learningRate: string }): [string, string][] => [
  [N.epochs, '2'],
  [N.learningRate, '0.001'],
];

test('3. train the quick subset for two epochs: live charts, progress to the end, test accuracy', async ({
  page,
  N,
  T,
}) => {
  await openTraining(page, twoEpochs(N));
  await expect(page.getByRole('img', { name: new RegExp(`^${T.train.epochLossChart}: `) })).toBeVisible();
  expect(await chartPoints(page, T.train.batchLossChart)).toBe(0);
  await trainToEnd(page);
  const progress = page.getByRole('progressbar', { name: T.train.progressLabel });
  await expect(progress).toHaveAttribute('aria-valuenow', '100');
  await expect(progress).toHaveAttribute(
    'aria-valuetext',
    byLang({
      en: /^Epoch 2\/2 · batch (\d+)\/\1 · ETA 0 s · [\d,]+ samples\/s$/,
      ko: /^에포크 2\/2 · 배치 (\d+)\/\1 · 남은 시간 0초 · 초당 샘플 [\d,]+개$/,
    }),
  );
  expect(await chartPoints(page, T.train.batchLossChart)).toBeGreaterThan(10);
  // The epoch charts span the book's 52 epochs, and hold two epochs of ours.
  await expect(page.getByRole('table', { name: T.train.historyHeading }).getByRole('row')).toHaveCount(3);
  await expect(
    page.getByText(
      byLang({
        en: /the curve published in the book’s current notebook \(Keras 3, 2025\)/,
        ko: /책의 현재 노트북 \(Keras 3, 2025\)에 실린/,
      }),
    ),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: N.train })).toBeEnabled();
});

test('3b. pause is answered while a batch runs; resume; stop keeps the model trained so far', async ({
  page,
  N,
  T,
}) => {
  await startLongRun(page, '50', T.train.batchLossChart);
  const clicked = Date.now();
  await page.getByRole('button', { name: N.pause }).click();
  await expect(page.getByRole('status')).toHaveText(T.train.statusPaused);
  expect(Date.now() - clicked).toBeLessThan(2000);
  await expect(page.getByRole('button', { name: N.resume })).toBeEnabled();
  const atPause = await chartPoints(page, T.train.batchLossChart);
  await page.waitForTimeout(700);
  expect(await chartPoints(page, T.train.batchLossChart)).toBe(atPause);
  await page.getByRole('button', { name: N.resume }).click();
  await expect.poll(() => chartPoints(page, T.train.batchLossChart)).toBeGreaterThan(atPause);
  await page.getByRole('button', { name: N.stop }).click();
  await expect(page.getByRole('status')).toHaveText(N.testAccuracy, { timeout: 30_000 });
  await expect(
    page.getByText(byLang({ en: /^Stopped by you after \d+ epoch/, ko: /^사용자가 중지: 에포크 \d+번/ })),
  ).toBeVisible();
});

test('4. compare three models: table with parameters, time, accuracies; parameter chart', async ({
  page,
  N,
  T,
}) => {
  await openTraining(page, twoEpochs(N));
  await openTab(page, N.compareTab);
  await expect(
    page.getByRole('img', {
      name: literal(T.compare.paramChartLabel(16, 8, 'SimpleRNN 200, GRU 624, LSTM 800')),
    }),
  ).toBeVisible();
  await expect(page.getByText(`800 (${T.compare.timesRecurrent(4)})`)).toBeVisible();
  await expect(page.getByText(`624 (${T.compare.timesRecurrent(3)})`)).toBeVisible();
  await page.getByRole('button', { name: N.compare }).click();
  const table = page.getByRole('table', { name: T.compare.compareTable });
  await expect(table.getByRole('row')).toHaveCount(4);
  for (const [id, params] of [
    ['embedding-simplernn-500', '8,209'],
    ['lstm', '8,809'],
    ['gru', '8,633'],
  ]) {
    const row = table.getByRole('row').filter({ hasText: T.presets.title[id] });
    await expect(row).toContainText(T.common.stopReason.finished, { timeout: 90_000 });
    // Each preset trains with its own recipe (issue 16): the row says which.
    await expect(row.getByRole('cell').nth(1)).toHaveText(
      byLang({
        en: 'quick subset, num_words 500, maxlen 100, RMSprop lr 0.0001, batch 64, ≤ 2 epochs, early stopping (patience 3)',
        ko: T.compare.trainedWith(T.compare.packQuickShort, 500, 100, 'RMSprop', 0.0001, 64, 2, 3),
      }),
    );
    await expect(row.getByRole('cell').nth(3)).toHaveText(params);
    await expect(row.getByRole('cell').nth(4)).toHaveText(/^\d+\.\d$/);
    await expect(row.getByRole('cell').nth(5)).toHaveText(/^0\.\d{3}$/);
    await expect(row.getByRole('cell').nth(6)).toHaveText(/^0\.\d{3}$/);
  }
  expect(await chartPoints(page, T.compare.compareValLoss)).toBe(2);
});

test('7. a missing data file is explained and the page keeps working; nothing from other origins', async ({
  page,
  N,
  T,
}) => {
  const foreign = foreignRequests(page);
  await page.route('**/data/imdb-quick.pack', (route) => route.fulfill({ status: 404, body: 'gone' }));
  await openTraining(page, [[N.epochs, '1']]);
  await page.getByRole('button', { name: N.train }).click();
  await expect(page.getByRole('alert')).toContainText(
    T.train.trainFailed(
      byLang({
        en: 'Could not download imdb-quick.pack (HTTP 404)',
        ko: 'imdb-quick.pack을 내려받지 못했습니다 (HTTP 404)',
      }),
    ),
  );
  await expect(page.getByRole('button', { name: N.train })).toBeEnabled();
  await page.unroute('**/data/imdb-quick.pack');
  await trainToEnd(page);
  expect(foreign).toEqual([]);
});

test('7b. a worker that crashes mid-training is explained, replaced, and training works again', async ({
  page,
  N,
  T,
}) => {
  await startLongRun(page, '30', T.train.batchLossChart);
  // Kill the worker the way a crash does: it stops, and its error event reaches the page.
  await page.evaluate(() => {
    const client = (document.querySelector('app-root') as unknown as { client: { worker: Worker } }).client;
    client.worker.terminate();
    client.worker.onerror?.(new ErrorEvent('error', { message: 'RuntimeError: simulated crash' }));
  });
  await expect(page.getByRole('alert')).toContainText(
    T.train.trainFailed(
      byLang({
        en: 'The engine worker crashed: RuntimeError: simulated crash',
        ko: '엔진 워커가 멈췄습니다: RuntimeError: simulated crash',
      }),
    ),
  );
  await expect(
    page.getByText(
      byLang({
        en: /The engine worker stopped .* A fresh one has been started/,
        ko: /엔진 워커가 멈췄습니다 .* 새 워커를 시작했습니다/,
      }),
    ),
  ).toBeVisible();
  await setNumber(page, N.epochs, '1');
  await trainToEnd(page);
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('7c. a NaN loss is explained and the page keeps working', async ({ page, N, T }) => {
  await open(page);
  // ReLU SimpleRNN with SGD at learning rate 10: the weights blow up within the first epoch.
  await page.getByLabel(N.preset).selectOption('embedding-simplernn-500');
  await page.getByLabel('simple_rnn activation').selectOption('relu');
  await openTab(page, N.trainTab);
  await page.getByLabel(T.train.optimizerLabel).selectOption('sgd');
  await setNumber(page, N.learningRate, '10');
  await setNumber(page, N.epochs, '2');
  await page.getByRole('button', { name: N.train }).click();
  await expect(page.getByRole('alert')).toContainText(
    byLang({ en: 'The loss became NaN (not a number).', ko: '손실이 NaN(숫자가 아님)이 되었습니다.' }),
    { timeout: 60_000 },
  );
  await expect(
    page.getByText(byLang({ en: /^Stopped \(NaN loss\) after/, ko: /^중지 \(손실 NaN\): 에포크/ })),
  ).toBeVisible();
  await setNumber(page, N.learningRate, '0.001');
  await setNumber(page, N.epochs, '1');
  await page.getByRole('button', { name: N.train }).click();
  await expect(page.getByRole('alert')).toHaveCount(0, { timeout: 60_000 });
  await expect(page.getByRole('status')).toHaveText(N.testAccuracy, { timeout: 60_000 });
});

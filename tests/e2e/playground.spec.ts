// The playground as a learner uses it (issue 6), on the production build served from a sub-path:
// the layer editor and summary, the data view, training with live charts, pause / resume / stop,
// the compare view, the link round trip, keyboard use, and the messages for broken things. Run in
// English and in Korean (Playwright projects 'en' and 'ko'), by each language's names.
import { expect, test, type Page } from '@playwright/test';
import { lang, literal, names, texts } from './helpers/lang';
import { open, openTab, setNumber, trainToEnd } from './helpers/page';

/** The point count a chart announces in its accessible name ("Loss per batch: 12 points", "배치마다 손실: 점 12개"). */
async function chartPoints(page: Page, name: string): Promise<number> {
  const label = await page.getByRole('img', { name: new RegExp(`^${name}: `) }).getAttribute('aria-label');
  return Number((lang() === 'ko' ? /: 점 (\d+)개$/ : /: (\d+) points?$/).exec(label ?? '')?.[1] ?? -1);
}

/** A text by language. */
const byLang = <T>(v: { en: T; ko: T }): T => v[lang()];

test('1. layer editor: preset, formulas, GRU 624, add/remove/reorder, broken stack, pasted Keras JSON', async ({
  page,
}) => {
  const N = names(),
    T = texts();
  await open(page);
  // The 09-3 LSTM: summary with its formula, with the numbers filled in.
  await expect(page.getByText(/^Total params: /)).toHaveText('Total params: 8,809');
  await expect(page.getByRole('cell', { name: '4 × 8 × (16 + 8 + 1) = 800' })).toBeVisible();
  // GRU: the book's 600-versus-624 question answered where it arises.
  await page.getByLabel(N.preset).selectOption('gru');
  await expect(page.getByText(/^Total params: /)).toHaveText('Total params: 8,633');
  await expect(page.getByText(T.model.gruQuestion('gru', 624, 600))).toBeVisible();
  await page.getByLabel('gru reset_after').uncheck();
  await expect(page.getByText(/^Total params: /)).toHaveText('Total params: 8,609');
  await expect(page.getByRole('cell', { name: '3 × 8 × (16 + 8 + 1) = 600' })).toBeVisible();

  // Add a second LSTM, move it above the Dense: without return_sequences below it the stack is invalid.
  await page.getByLabel(N.preset).selectOption('lstm');
  await page.getByLabel(T.model.addLayerKind).selectOption('LSTM');
  await page.getByRole('button', { name: T.model.addLayer }).click();
  await page.getByRole('button', { name: T.model.moveUp('lstm_1') }).click();
  await expect(page.getByRole('alert')).toContainText(
    byLang({ en: "LSTM layer 'lstm_1' needs a sequence", ko: "LSTM 층 'lstm_1'에는 시퀀스" }),
  );
  await openTab(page, N.trainTab);
  await expect(page.getByRole('button', { name: N.train })).toBeDisabled();
  await openTab(page, N.model);
  // Fix it in place: return_sequences on the layer below; the output shape shows the sequence.
  await page.getByLabel('lstm return_sequences').check();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.getByText(/^Total params: /)).toHaveText('Total params: 9,353');
  await expect(page.getByRole('listitem').filter({ hasText: '2. LSTM ‘lstm’' })).toContainText(
    T.model.outputShape('(None, 100, 8)'),
  );
  await expect(page.getByLabel(T.model.modelJsonLabel)).toHaveValue(/"return_sequences": true/);
  await openTab(page, N.trainTab);
  await expect(page.getByRole('button', { name: N.train })).toBeEnabled();
  await openTab(page, N.model);
  // Edit units, then remove the extra layer.
  await page.getByLabel('lstm_1 units').fill('16');
  await expect(page.getByRole('cell', { name: '4 × 16 × (8 + 16 + 1) = 1,600' })).toBeVisible();
  await page.getByRole('button', { name: T.model.remove('lstm_1') }).click();
  await page.getByLabel('lstm return_sequences').uncheck();
  await expect(page.getByText(/^Total params: /)).toHaveText('Total params: 8,809');

  // A Keras 3 model.to_json() pasted into the JSON box: the editor shows its layers.
  const keras3 = JSON.stringify({
    module: 'keras',
    class_name: 'Sequential',
    config: {
      name: 'pasted',
      layers: [
        {
          module: 'keras.layers',
          class_name: 'InputLayer',
          config: { batch_shape: [null, 100], name: 'input_layer' },
        },
        {
          module: 'keras.layers',
          class_name: 'Embedding',
          config: { name: 'embedding', input_dim: 500, output_dim: 16 },
        },
        { module: 'keras.layers', class_name: 'SimpleRNN', config: { name: 'simple_rnn', units: 8 } },
        {
          module: 'keras.layers',
          class_name: 'Dense',
          config: { name: 'dense', units: 1, activation: 'sigmoid' },
        },
      ],
    },
  });
  await page.getByLabel(T.model.modelJsonLabel).fill(keras3);
  await expect(page.getByText(/^Total params: /)).toHaveText('Total params: 8,209');
  await expect(page.getByRole('group', { name: '2. SimpleRNN ‘simple_rnn’' })).toBeVisible();
  await expect(page.getByLabel('simple_rnn units')).toHaveValue('8');
});

test('1b. summary-only presets say why and keep Train disabled', async ({ page }) => {
  const N = names(),
    T = texts();
  await open(page);
  await page.getByLabel(N.preset).selectOption('reuters-gru');
  await expect(
    page.getByText(literal(T.app.summaryOnlyNote(T.presets.summaryOnly['reuters-gru']))),
  ).toBeVisible();
  await openTab(page, N.trainTab);
  await expect(page.getByRole('button', { name: N.train })).toBeDisabled();
  await expect(
    page.getByText(literal(T.app.summaryOnlyCannotTrain(T.presets.summaryOnly['reuters-gru']))),
  ).toBeVisible();
});

test('2. data: quick subset, histogram with the maxlen cut, encoded reviews decoded', async ({ page }) => {
  const N = names(),
    T = texts();
  await open(page);
  await openTab(page, N.data);
  await expect(page.getByLabel(N.dataSet)).toHaveValue('quick');
  await expect(
    page.getByRole('img', {
      name: byLang({
        en: /Histogram of review lengths .* maxlen cut at 100 tokens/,
        ko: /리뷰 길이의 히스토그램 .* maxlen 100 토큰에서 자름/,
      }),
    }),
  ).toBeVisible();
  await expect(
    page.getByText(
      byLang({
        en: /maxlen 100 keeps the last 100 tokens: \d+% of reviews are longer/,
        ko: /maxlen 100은 마지막 100개 토큰만 남깁니다: 리뷰의 \d+%는 더 길어서/,
      }),
    ),
  ).toBeVisible();
  await expect(page.getByText(new RegExp(`^${T.data.sampleWords}:`)).first()).toBeVisible();
  await setNumber(page, T.data.maxlenLabel, '200');
  await expect(
    page.getByRole('img', {
      name: byLang({ en: /maxlen cut at 200 tokens/, ko: /maxlen 200 토큰에서 자름/ }),
    }),
  ).toBeVisible();
  // The model follows: its input length is maxlen.
  await openTab(page, N.model);
  await expect(page.getByRole('cell', { name: '(None, 200, 16)' })).toBeVisible();
});

test('3. train the quick subset for two epochs: live charts, progress to the end, test accuracy', async ({
  page,
}) => {
  const N = names(),
    T = texts();
  await open(page);
  await openTab(page, N.trainTab);
  await setNumber(page, N.epochs, '2');
  await setNumber(page, N.learningRate, '0.001');
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
}) => {
  const N = names(),
    T = texts();
  await open(page);
  await openTab(page, N.trainTab);
  await setNumber(page, N.epochs, '50');
  await page.getByRole('button', { name: N.train }).click();
  await expect.poll(() => chartPoints(page, T.train.batchLossChart), { timeout: 30_000 }).toBeGreaterThan(2);
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
}) => {
  const N = names(),
    T = texts();
  await open(page);
  await openTab(page, N.trainTab);
  await setNumber(page, N.epochs, '2');
  await setNumber(page, N.learningRate, '0.001');
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

test('5. a copied link reopens the same model and settings; a bad link is explained', async ({ page }) => {
  const N = names(),
    T = texts();
  await open(page);
  await page.getByLabel(N.preset).selectOption('gru');
  await page.getByLabel('gru units').fill('12');
  await expect(page.getByText(/^Total params: /)).toHaveText('Total params: 9,093');
  await openTab(page, N.trainTab);
  await setNumber(page, N.epochs, '7');
  await setNumber(page, T.train.seedLabel, '1234');
  await page.getByLabel(T.train.optimizerLabel).selectOption('adam');
  await expect.poll(() => page.getByLabel(T.app.linkLabel).inputValue()).toContain('#s=');
  await page.waitForTimeout(400); // the link follows the last edit after a short pause
  const link = await page.getByLabel(T.app.linkLabel).inputValue();

  const other = await page.context().newPage();
  await other.goto(link);
  await expect(other.getByText(/^Total params: /)).toHaveText('Total params: 9,093');
  // GRU with 12 units is no longer the preset (issue 16): the link opens it as the user's own model.
  await expect(other.getByLabel(N.preset)).toHaveValue('');
  await expect(other.getByLabel(N.preset).locator('option:checked')).toHaveText(T.app.customPreset);
  await expect(other.getByLabel('gru units')).toHaveValue('12');
  await other.getByRole('tab', { name: N.trainTab, exact: true }).click();
  await expect(other.getByLabel(N.epochs, { exact: true })).toHaveValue('7');
  await expect(other.getByLabel(T.train.seedLabel)).toHaveValue('1234');
  await expect(other.getByLabel(T.train.optimizerLabel)).toHaveValue('adam');

  // A link whose set-up names a preset that does not exist ({"v":1,"preset":"nope"}).
  const bad = await page.context().newPage();
  await bad.goto(link.replace(/#s=.*/, '#s=eyJ2IjoxLCJwcmVzZXQiOiJub3BlIn0'));
  await expect(bad.getByRole('alert')).toContainText(
    T.app.badLink(
      byLang({
        en: 'The link names an unknown preset "nope".',
        ko: '링크에 알 수 없는 프리셋 "nope"이(가) 적혀 있습니다.',
      }),
    ),
  );
  await expect(bad.getByText(/^Total params: /)).toHaveText('Total params: 8,809');
});

test('6. keyboard: tabs with arrow keys, layer editing without a mouse', async ({ page }) => {
  const N = names(),
    T = texts();
  await open(page);
  await page.getByRole('tab', { name: N.model, exact: true }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: N.data, exact: true })).toBeFocused();
  await expect(page.getByRole('tab', { name: N.data, exact: true })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: N.trainTab, exact: true })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await expect(page.getByLabel(N.epochs, { exact: true })).toBeVisible();
  await page.keyboard.press('Home');
  await page.getByRole('button', { name: T.model.addLayer }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('group', { name: '4. Dense ‘dense_1’' })).toBeVisible();
  await page.getByRole('button', { name: T.model.remove('dense_1') }).focus();
  await page.keyboard.press('Space');
  await expect(page.getByRole('group', { name: /dense_1/ })).toHaveCount(0);
});

test('7. a missing data file is explained and the page keeps working; nothing from other origins', async ({
  page,
}) => {
  const N = names(),
    T = texts();
  const foreign: string[] = [];
  page.on('request', (r) => {
    if (
      !r.url().startsWith(new URL('/', test.info().project.use.baseURL ?? '').href) &&
      !r.url().startsWith('data:')
    )
      foreign.push(r.url());
  });
  await page.route('**/data/imdb-quick.pack', (route) => route.fulfill({ status: 404, body: 'gone' }));
  await open(page);
  await openTab(page, N.trainTab);
  await setNumber(page, N.epochs, '1');
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
}) => {
  const N = names(),
    T = texts();
  await open(page);
  await openTab(page, N.trainTab);
  await setNumber(page, N.epochs, '30');
  await page.getByRole('button', { name: N.train }).click();
  await expect.poll(() => chartPoints(page, T.train.batchLossChart), { timeout: 30_000 }).toBeGreaterThan(2);
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

test('7c. a NaN loss is explained and the page keeps working', async ({ page }) => {
  const N = names(),
    T = texts();
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

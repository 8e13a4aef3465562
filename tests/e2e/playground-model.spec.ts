// The playground's model side as a learner uses it (issue 6), on the production build served from a
// sub-path: the layer editor and summary, the data view, the link round trip and keyboard use. Run in
// English and in Korean (Playwright projects 'en' and 'ko'), by each language's names. Training:
// playground-train.spec.ts.
import { expect, test } from './helpers/fixtures';
import { literal } from './helpers/lang';
import { byLang, open, openTab, setNumber } from './helpers/page';

test('1. layer editor: preset, formulas, GRU 624, add/remove/reorder, broken stack, pasted Keras JSON', async ({
  page,
  N,
  T,
}) => {
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

test('1b. summary-only presets say why and keep Train disabled', async ({ page, N, T }) => {
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

test('2. data: quick subset, histogram with the maxlen cut, encoded reviews decoded', async ({
  page,
  N,
  T,
}) => {
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

test('5. a copied link reopens the same model and settings; a bad link is explained', async ({
  page,
  N,
  T,
}) => {
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

test('6. keyboard: tabs with arrow keys, layer editing without a mouse', async ({ page, N, T }) => {
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

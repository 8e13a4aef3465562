// The playground as a learner uses it (issue 6), on the production build served from a sub-path:
// the layer editor and summary, the data view, training with live charts, pause / resume / stop,
// the compare view, the link round trip, keyboard use, and the messages for broken things.
import { expect, test, type Page } from '@playwright/test';

async function open(page: Page, path = './') {
  await page.goto(path);
  await expect(page.getByText(/^Total params: /)).toBeVisible();
}

async function setNumber(page: Page, label: string, value: string) {
  const field = page.getByLabel(label, { exact: true });
  await field.fill(value);
  await field.press('Tab'); // commits on change
}

/** The point count a chart announces in its accessible name ("Loss per batch: 12 points"). */
async function chartPoints(page: Page, name: string): Promise<number> {
  const label = await page.getByRole('img', { name: new RegExp(`^${name}: `) }).getAttribute('aria-label');
  return Number(/: (\d+) point/.exec(label ?? '')?.[1] ?? -1);
}

test('1. layer editor: preset, formulas, GRU 624, add/remove/reorder, broken stack, pasted Keras JSON', async ({ page }) => {
  await open(page);
  // The 09-3 LSTM: summary with its formula, with the numbers filled in.
  await expect(page.getByText(/^Total params: /)).toHaveText('Total params: 8,809');
  await expect(page.getByRole('cell', { name: '4 × 8 × (16 + 8 + 1) = 800' })).toBeVisible();
  // GRU: the book's 600-versus-624 question answered where it arises.
  await page.getByLabel('Preset').selectOption('gru');
  await expect(page.getByText(/^Total params: /)).toHaveText('Total params: 8,633');
  await expect(page.getByText("Why does GRU ‘gru’ have 624 parameters and not 600?")).toBeVisible();
  await page.getByLabel('gru reset_after').uncheck();
  await expect(page.getByText(/^Total params: /)).toHaveText('Total params: 8,609');
  await expect(page.getByRole('cell', { name: '3 × 8 × (16 + 8 + 1) = 600' })).toBeVisible();

  // Add a second LSTM, move it above the Dense: without return_sequences below it the stack is invalid.
  await page.getByLabel('Preset').selectOption('lstm');
  await page.getByLabel('New layer type').selectOption('LSTM');
  await page.getByRole('button', { name: 'Add layer' }).click();
  await page.getByRole('button', { name: 'Move layer lstm_1 up' }).click();
  await expect(page.getByRole('alert')).toContainText("LSTM layer 'lstm_1' needs a sequence");
  await page.getByRole('tab', { name: 'Train' }).click();
  await expect(page.getByRole('button', { name: 'Train' })).toBeDisabled();
  await page.getByRole('tab', { name: 'Model' }).click();
  // Fix it in place: return_sequences on the layer below; the output shape shows the sequence.
  await page.getByLabel('lstm return_sequences').check();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.getByText(/^Total params: /)).toHaveText('Total params: 9,353');
  await expect(page.getByRole('listitem').filter({ hasText: '2. LSTM ‘lstm’' })).toContainText('Output shape: (None, 100, 8)');
  await expect(page.getByLabel('Model JSON')).toHaveValue(/"return_sequences": true/);
  await page.getByRole('tab', { name: 'Train' }).click();
  await expect(page.getByRole('button', { name: 'Train' })).toBeEnabled();
  await page.getByRole('tab', { name: 'Model' }).click();
  // Edit units, then remove the extra layer.
  await page.getByLabel('lstm_1 units').fill('16');
  await expect(page.getByRole('cell', { name: '4 × 16 × (8 + 16 + 1) = 1,600' })).toBeVisible();
  await page.getByRole('button', { name: 'Remove layer lstm_1' }).click();
  await page.getByLabel('lstm return_sequences').uncheck();
  await expect(page.getByText(/^Total params: /)).toHaveText('Total params: 8,809');

  // A Keras 3 model.to_json() pasted into the JSON box: the editor shows its layers.
  const keras3 = JSON.stringify({
    module: 'keras', class_name: 'Sequential', config: { name: 'pasted', layers: [
      { module: 'keras.layers', class_name: 'InputLayer', config: { batch_shape: [null, 100], name: 'input_layer' } },
      { module: 'keras.layers', class_name: 'Embedding', config: { name: 'embedding', input_dim: 500, output_dim: 16 } },
      { module: 'keras.layers', class_name: 'SimpleRNN', config: { name: 'simple_rnn', units: 8 } },
      { module: 'keras.layers', class_name: 'Dense', config: { name: 'dense', units: 1, activation: 'sigmoid' } },
    ] },
  });
  await page.getByLabel('Model JSON').fill(keras3);
  await expect(page.getByText(/^Total params: /)).toHaveText('Total params: 8,209');
  await expect(page.getByRole('group', { name: '2. SimpleRNN ‘simple_rnn’' })).toBeVisible();
  await expect(page.getByLabel('simple_rnn units')).toHaveValue('8');
});

test('1b. summary-only presets say why and keep Train disabled', async ({ page }) => {
  await open(page);
  await page.getByLabel('Preset').selectOption('reuters-gru');
  await expect(page.getByText(/Summary only: It classifies Reuters newswires/)).toBeVisible();
  await page.getByRole('tab', { name: 'Train' }).click();
  await expect(page.getByRole('button', { name: 'Train' })).toBeDisabled();
  await expect(page.getByText(/This preset is for its summary only/)).toBeVisible();
});

test('2. data: quick subset, histogram with the maxlen cut, encoded reviews decoded', async ({ page }) => {
  await open(page);
  await page.getByRole('tab', { name: 'Data' }).click();
  await expect(page.getByLabel('Data set')).toHaveValue('quick');
  await expect(page.getByRole('img', { name: /Histogram of review lengths .* maxlen cut at 100 tokens/ })).toBeVisible();
  await expect(page.getByText(/maxlen 100 keeps the last 100 tokens: \d+% of reviews are longer/)).toBeVisible();
  await expect(page.getByText(/^decoded:/).first()).toBeVisible();
  await setNumber(page, 'maxlen (tokens kept per review)', '200');
  await expect(page.getByRole('img', { name: /maxlen cut at 200 tokens/ })).toBeVisible();
  // The model follows: its input length is maxlen.
  await page.getByRole('tab', { name: 'Model' }).click();
  await expect(page.getByRole('cell', { name: '(None, 200, 16)' })).toBeVisible();
});

test('3. train the quick subset for two epochs: live charts, progress to the end, test accuracy', async ({ page }) => {
  await open(page);
  await page.getByRole('tab', { name: 'Train' }).click();
  await setNumber(page, 'Epochs', '2');
  await setNumber(page, 'Learning rate', '0.001');
  await expect(page.getByRole('img', { name: /^Loss per epoch: / })).toBeVisible();
  expect(await chartPoints(page, 'Loss per batch')).toBe(0);
  await page.getByRole('button', { name: 'Train' }).click();
  await expect(page.getByRole('status')).toHaveText(/^Test accuracy: [01]\.\d{3}$/, { timeout: 60_000 });
  const progress = page.getByRole('progressbar', { name: 'Training progress' });
  await expect(progress).toHaveAttribute('aria-valuenow', '100');
  await expect(progress).toHaveAttribute('aria-valuetext', /^Epoch 2\/2 · batch (\d+)\/\1 · ETA 0 s · [\d,]+ samples\/s$/);
  expect(await chartPoints(page, 'Loss per batch')).toBeGreaterThan(10);
  // The epoch charts span the book's 52 epochs, and hold two epochs of ours.
  await expect(page.getByRole('table', { name: 'Training log' }).getByRole('row')).toHaveCount(3);
  await expect(page.getByText(/the curve published in the book’s current notebook \(Keras 3, 2025\)/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Train' })).toBeEnabled();
});

test('3b. pause is answered while a batch runs; resume; stop keeps the model trained so far', async ({ page }) => {
  await open(page);
  await page.getByRole('tab', { name: 'Train' }).click();
  await setNumber(page, 'Epochs', '50');
  await page.getByRole('button', { name: 'Train' }).click();
  await expect.poll(() => chartPoints(page, 'Loss per batch'), { timeout: 30_000 }).toBeGreaterThan(2);
  const clicked = Date.now();
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(page.getByRole('status')).toHaveText('Paused.');
  expect(Date.now() - clicked).toBeLessThan(2000);
  await expect(page.getByRole('button', { name: 'Resume' })).toBeEnabled();
  const atPause = await chartPoints(page, 'Loss per batch');
  await page.waitForTimeout(700);
  expect(await chartPoints(page, 'Loss per batch')).toBe(atPause);
  await page.getByRole('button', { name: 'Resume' }).click();
  await expect.poll(() => chartPoints(page, 'Loss per batch')).toBeGreaterThan(atPause);
  await page.getByRole('button', { name: 'Stop' }).click();
  await expect(page.getByRole('status')).toHaveText(/^Test accuracy: [01]\.\d{3}$/, { timeout: 30_000 });
  await expect(page.getByText(/^Stopped by you after \d+ epoch/)).toBeVisible();
});

test('4. compare three models: table with parameters, time, accuracies; parameter chart', async ({ page }) => {
  await open(page);
  await page.getByRole('tab', { name: 'Train' }).click();
  await setNumber(page, 'Epochs', '2');
  await setNumber(page, 'Learning rate', '0.001');
  await page.getByRole('tab', { name: 'Compare' }).click();
  await expect(page.getByRole('img', { name: /Recurrent layer parameters for n = 16 inputs and u = 8 units: SimpleRNN 200, GRU 624, LSTM 800/ })).toBeVisible();
  await expect(page.getByText('800 (4× recurrent)')).toBeVisible();
  await expect(page.getByText('624 (3× recurrent)')).toBeVisible();
  await page.getByRole('button', { name: 'Compare' }).click();
  const table = page.getByRole('table', { name: 'Comparison' });
  await expect(table.getByRole('row')).toHaveCount(4);
  for (const [title, params] of [['09-2 embedding SimpleRNN (500 words)', '8,209'], ['09-3 LSTM(8)', '8,809'], ['09-3 GRU(8)', '8,633']]) {
    const row = table.getByRole('row').filter({ hasText: title });
    await expect(row).toContainText('Finished', { timeout: 90_000 });
    // Each preset trains with its own recipe (issue 16): the row says which.
    await expect(row.getByRole('cell').nth(1)).toHaveText('quick subset, num_words 500, maxlen 100, RMSprop lr 0.0001, batch 64, ≤ 2 epochs, early stopping (patience 3)');
    await expect(row.getByRole('cell').nth(3)).toHaveText(params);
    await expect(row.getByRole('cell').nth(4)).toHaveText(/^\d+\.\d$/);
    await expect(row.getByRole('cell').nth(5)).toHaveText(/^0\.\d{3}$/);
    await expect(row.getByRole('cell').nth(6)).toHaveText(/^0\.\d{3}$/);
  }
  expect(await chartPoints(page, 'Validation loss per epoch')).toBe(2);
});

test('5. a copied link reopens the same model and settings; a bad link is explained', async ({ page }) => {
  await open(page);
  await page.getByLabel('Preset').selectOption('gru');
  await page.getByLabel('gru units').fill('12');
  await expect(page.getByText(/^Total params: /)).toHaveText('Total params: 9,093');
  await page.getByRole('tab', { name: 'Train' }).click();
  await setNumber(page, 'Epochs', '7');
  await setNumber(page, 'Seed', '1234');
  await page.getByLabel('Optimizer').selectOption('adam');
  await expect.poll(() => page.getByLabel('Link to this set-up').inputValue()).toContain('#s=');
  await page.waitForTimeout(400); // the link follows the last edit after a short pause
  const link = await page.getByLabel('Link to this set-up').inputValue();

  const other = await page.context().newPage();
  await other.goto(link);
  await expect(other.getByText(/^Total params: /)).toHaveText('Total params: 9,093');
  // GRU with 12 units is no longer the preset (issue 16): the link opens it as the user's own model.
  await expect(other.getByLabel('Preset')).toHaveValue('');
  await expect(other.getByLabel('Preset').locator('option:checked')).toHaveText('Your own model');
  await expect(other.getByLabel('gru units')).toHaveValue('12');
  await other.getByRole('tab', { name: 'Train' }).click();
  await expect(other.getByLabel('Epochs', { exact: true })).toHaveValue('7');
  await expect(other.getByLabel('Seed')).toHaveValue('1234');
  await expect(other.getByLabel('Optimizer')).toHaveValue('adam');

  // A link whose set-up names a preset that does not exist ({"v":1,"preset":"nope"}).
  const bad = await page.context().newPage();
  await bad.goto(link.replace(/#s=.*/, '#s=eyJ2IjoxLCJwcmVzZXQiOiJub3BlIn0'));
  await expect(bad.getByRole('alert')).toContainText('This link could not be opened: The link names an unknown preset "nope".');
  await expect(bad.getByText(/^Total params: /)).toHaveText('Total params: 8,809');
});

test('6. keyboard: tabs with arrow keys, layer editing without a mouse', async ({ page }) => {
  await open(page);
  await page.getByRole('tab', { name: 'Model' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'Data' })).toBeFocused();
  await expect(page.getByRole('tab', { name: 'Data' })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'Train' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByLabel('Epochs', { exact: true })).toBeVisible();
  await page.keyboard.press('Home');
  await page.getByRole('button', { name: 'Add layer' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('group', { name: '4. Dense ‘dense_1’' })).toBeVisible();
  await page.getByRole('button', { name: 'Remove layer dense_1' }).focus();
  await page.keyboard.press('Space');
  await expect(page.getByRole('group', { name: /dense_1/ })).toHaveCount(0);
});

test('7. a missing data file is explained and the page keeps working; nothing from other origins', async ({ page }) => {
  const foreign: string[] = [];
  page.on('request', (r) => { if (!r.url().startsWith(new URL('/', test.info().project.use.baseURL ?? '').href) && !r.url().startsWith('data:')) foreign.push(r.url()); });
  await page.route('**/data/imdb-quick.pack', (route) => route.fulfill({ status: 404, body: 'gone' }));
  await open(page);
  await page.getByRole('tab', { name: 'Train' }).click();
  await setNumber(page, 'Epochs', '1');
  await page.getByRole('button', { name: 'Train' }).click();
  await expect(page.getByRole('alert')).toContainText('Training failed: Could not download imdb-quick.pack (HTTP 404)');
  await expect(page.getByRole('button', { name: 'Train' })).toBeEnabled();
  await page.unroute('**/data/imdb-quick.pack');
  await page.getByRole('button', { name: 'Train' }).click();
  await expect(page.getByRole('status')).toHaveText(/^Test accuracy: /, { timeout: 60_000 });
  expect(foreign).toEqual([]);
});

test('7b. a worker that crashes mid-training is explained, replaced, and training works again', async ({ page }) => {
  await open(page);
  await page.getByRole('tab', { name: 'Train' }).click();
  await setNumber(page, 'Epochs', '30');
  await page.getByRole('button', { name: 'Train' }).click();
  await expect.poll(() => chartPoints(page, 'Loss per batch'), { timeout: 30_000 }).toBeGreaterThan(2);
  // Kill the worker the way a crash does: it stops, and its error event reaches the page.
  await page.evaluate(() => {
    const client = (document.querySelector('app-root') as unknown as { client: { worker: Worker } }).client;
    client.worker.terminate();
    client.worker.onerror?.(new ErrorEvent('error', { message: 'RuntimeError: simulated crash' }));
  });
  await expect(page.getByRole('alert')).toContainText('Training failed: The engine worker crashed: RuntimeError: simulated crash');
  await expect(page.getByText(/The engine worker stopped .* A fresh one has been started/)).toBeVisible();
  await setNumber(page, 'Epochs', '1');
  await page.getByRole('button', { name: 'Train' }).click();
  await expect(page.getByRole('status')).toHaveText(/^Test accuracy: [01]\.\d{3}$/, { timeout: 60_000 });
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('7c. a NaN loss is explained and the page keeps working', async ({ page }) => {
  await open(page);
  // ReLU SimpleRNN with SGD at learning rate 10: the weights blow up within the first epoch.
  await page.getByLabel('Preset').selectOption('embedding-simplernn-500');
  await page.getByLabel('simple_rnn activation').selectOption('relu');
  await page.getByRole('tab', { name: 'Train' }).click();
  await page.getByLabel('Optimizer').selectOption('sgd');
  await setNumber(page, 'Learning rate', '10');
  await setNumber(page, 'Epochs', '2');
  await page.getByRole('button', { name: 'Train' }).click();
  await expect(page.getByRole('alert')).toContainText('The loss became NaN (not a number).', { timeout: 60_000 });
  await expect(page.getByText(/^Stopped \(NaN loss\) after/)).toBeVisible();
  await setNumber(page, 'Learning rate', '0.001');
  await setNumber(page, 'Epochs', '1');
  await page.getByRole('button', { name: 'Train' }).click();
  await expect(page.getByRole('alert')).toHaveCount(0, { timeout: 60_000 });
  await expect(page.getByRole('status')).toHaveText(/^Test accuracy: [01]\.\d{3}$/, { timeout: 60_000 });
});

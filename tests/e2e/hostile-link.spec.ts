// Hostile links (issue 13, point 5) in the built page: absurd settings and a 2 MB link are refused
// with a message naming the field before anything is decoded or built, and the default set-up is
// shown; a model of 100,000,000 units is refused by the engine's model check, naming the layer,
// before any weight exists, and training stays off.
import { expect, test, type Page } from '@playwright/test';
import { MAX_LINK_CHARS } from '../../web/src/state/limits';

type Payload = { model: string; training: Record<string, unknown> };
let presetLink = '';

test.beforeAll(async ({ browser }) => {
  // The page's own link to the 09-2 embedding SimpleRNN preset, to be edited below.
  const page = await browser.newPage();
  await page.goto('./');
  await page.getByLabel('Preset').selectOption('embedding-simplernn-500');
  await expect(page.getByText(/^Total params: /)).toHaveText('Total params: 8,209');
  await page.waitForTimeout(400); // the link follows the last edit after a short pause
  presetLink = await page.getByLabel('Link to this set-up').inputValue();
  await page.close();
});

/** The preset's link, its payload edited first. */
function linkWith(edit: (payload: Payload) => void): string {
  const [address, encoded] = presetLink.split('#s=');
  const payload = JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8')) as Payload;
  edit(payload);
  return `${address}#s=${Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url')}`;
}

/** The model JSON with its SimpleRNN layer's units set. */
function withUnits(model: string, units: number): string {
  const doc = JSON.parse(model) as {
    config: { layers: { class_name: string; config: Record<string, unknown> }[] };
  };
  for (const layer of doc.config.layers) if (layer.class_name === 'SimpleRNN') layer.config.units = units;
  return JSON.stringify(doc);
}

async function expectRefused(page: Page, message: string) {
  await expect(page.getByRole('alert')).toContainText(
    `This link could not be opened: ${message} The default set-up is shown instead.`,
  );
  await expect(page.getByText(/^Total params: /)).toHaveText('Total params: 8,809'); // the default LSTM
}

test('a link with epochs 1e9, batch size 0 or a learning rate "NaN" is refused, naming the field', async ({
  page,
}) => {
  await page.goto(linkWith((p) => (p.training.epochs = 1e9)));
  await expectRefused(page, 'Epochs must be a whole number from 1 to 10,000; the link has 1000000000.');
  await page.goto('about:blank');
  await page.goto(linkWith((p) => (p.training.batch_size = 0)));
  await expectRefused(page, 'The batch size must be a whole number from 1 to 100,000; the link has 0.');
  await page.goto('about:blank');
  await page.goto(linkWith((p) => (p.training.learning_rate = 'NaN')));
  await expectRefused(page, 'The learning rate must be a number above 0 and at most 10; the link has "NaN".');
});

test('a 2 MB link is refused by its length, before it is decoded', async ({ page }) => {
  const hash = `#s=${'A'.repeat(2 * 1024 * 1024 - 200)}`; // with the address, just under Chromium's 2 MB
  // Followed inside the open page (hashchange), which halves the time Chromium spends on a 2 MB
  // address (about 10 s for a fresh navigation here); the page reads both the same way.
  await page.goto(presetLink);
  await expect(page.getByText(/^Total params: /)).toHaveText('Total params: 8,209');
  await page.evaluate((h) => {
    location.hash = h;
  }, hash);
  await expectRefused(
    page,
    `The link is ${hash.length.toLocaleString('en-US')} characters long; a set-up link has at most ${MAX_LINK_CHARS.toLocaleString('en-US')}.`,
  );
});

test('a link whose model has 100,000,000 units opens, and the engine refuses the model by name before building it', async ({
  page,
}) => {
  await page.goto(linkWith((p) => (p.model = withUnits(p.model, 1e8))));
  await expect(page.getByText(/SimpleRNN layer 'simple_rnn'.*units/).first()).toBeVisible();
  await expect(page.getByText(/^Total params: /)).toHaveCount(0);
  await page.getByRole('tab', { name: 'Train', exact: true }).click();
  await expect(
    page.getByRole('tabpanel', { name: 'Train' }).getByText('Training is off until the model is fixed.'),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeDisabled();
  // The engine is unharmed: the preset's own model is summarised at once.
  await page.getByLabel('Preset').selectOption('lstm');
  await expect(page.getByText(/^Total params: /)).toHaveText('Total params: 8,809');
});

test.describe('in Korean', () => {
  test.use({ locale: 'ko-KR' });

  test('a poisoned link is refused in Korean, naming the field, and in English after the switch', async ({
    page,
  }) => {
    await page.goto(linkWith((p) => (p.training.epochs = 1e9)));
    const alert = page.getByRole('alert');
    await expect(alert).toContainText(
      '이 링크를 열 수 없습니다: 에포크는 1부터 10,000까지의 정수여야 합니다. 링크에는 1000000000이(가) 들어 있습니다. 대신 기본 설정을 보여 줍니다.',
    );
    await expect(alert).not.toContainText(/must be|the link has/);
    await expect(page.getByText(/^Total params: /)).toHaveText('Total params: 8,809');
    // The message follows the language, like every other text on the page.
    await page.getByLabel('언어').selectOption('en');
    await expect(alert).toContainText(
      'Epochs must be a whole number from 1 to 10,000; the link has 1000000000.',
    );
  });

  test('a damaged link and a wrong optimizer are refused in Korean', async ({ page }) => {
    await page.goto(`${presetLink.split('#')[0]}#s=ab.cd`);
    await expect(page.getByRole('alert')).toContainText(
      '링크가 손상되었습니다 (설정 링크에 없는 문자가 들어 있습니다).',
    );
    await page.goto('about:blank');
    await page.goto(linkWith((p) => (p.training.optimizer = 'adagrad')));
    await expect(page.getByRole('alert')).toContainText(
      '옵티마이저는 rmsprop, adam, sgd 중 하나여야 합니다. 링크에는 "adagrad"이(가) 들어 있습니다.',
    );
  });
});

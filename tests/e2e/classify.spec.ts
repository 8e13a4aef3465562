// Classify a typed review and look inside the network (issue 8), on the production build: a model
// trained on the quick subset through the page, then the verdict, the tokens with their marks,
// the per-word chart, the heat maps and every edge case the issue lists. Run in English and in
// Korean (Playwright projects 'en' and 'ko'), by each language's names.
import type { Page } from '@playwright/test';
import { expect, test } from './helpers/fixtures';
import { EXCELLENT_REVIEW, probability, reviewBox, trainThenClassify, typeReview } from './helpers/classify';
import { lang, literal, texts } from './helpers/lang';
import { byLang, openTab, openTraining } from './helpers/page';
import { pasteAndWatchFrames } from './helpers/paste-frames';

/** The verdict for one side, with its probability to two decimals. */
const verdictFor = (side: string) =>
  new RegExp(`^${side} — ${lang() === 'ko' ? '확률' : 'probability'} 0\\.\\d\\d$`);

/** [kind, units, steps] of the LSTM's five maps: input, forget, output gates, cell and hidden state. */
const lstmMaps = (steps: number) =>
  ['input', 'forget', 'output', 'cell', 'hidden'].map((kind) => [kind, 8, steps]);

function tokens(page: Page) {
  return page.getByRole('list', { name: texts().classify.tokensLabel }).getByRole('listitem');
}

async function chartPoints(page: Page): Promise<number> {
  const name = texts()
    .classify.chartLabel(0)
    .replace(/[\d,]+\D*$/, '');
  const label = await page
    .getByRole('img', { name: new RegExp(`^${name.replace(/[()]/g, '\\$&')}`) })
    .getAttribute('aria-label');
  return Number(/(\d+)\D*$/.exec(label ?? '')?.[1] ?? -1);
}

/** [kind, units, steps] of every heat map shown. */
async function heatMaps(page: Page): Promise<[string, number, number][]> {
  return page.locator('heat-map').evaluateAll((maps) =>
    maps.map((m) => {
      const grid = m.shadowRoot!.querySelector('.map') as HTMLElement;
      return [m.getAttribute('kind')!, Number(grid.dataset.units), Number(grid.dataset.steps)] as [
        string,
        number,
        number,
      ];
    }),
  );
}

test('before any training the Classify tab says what to do; one Review box, Classify enabled', async ({
  page,
  N,
  T,
}) => {
  await page.goto('./');
  await page.getByRole('tab', { name: N.classifyTab, exact: true }).click();
  await expect(reviewBox(page)).toHaveCount(1);
  await expect(page.getByRole('status')).toHaveText(T.classify.noModels);
  await expect(page.getByRole('button', { name: N.classify, exact: true })).toBeEnabled();
  await reviewBox(page).fill('A great film.');
  await page.getByRole('button', { name: N.classify, exact: true }).click();
  await expect(page.getByRole('status')).toHaveText(T.classify.noModels);
});

test('LSTM: clear reviews land on their sides of 0.5; tokens, cut, chart and heat maps', async ({
  page,
  N,
  T,
}) => {
  await trainThenClassify(page, 'lstm');
  await expect(reviewBox(page)).toHaveCount(1);
  const status = page.getByRole('status');
  await expect(status).toHaveText(T.classify.emptyReview);

  // The ready examples, then the same reviews typed: classify-as-you-type needs no click.
  await page.getByRole('button', { name: T.classify.examples.positive }).click();
  await expect(status).toHaveText(verdictFor(N.positive));
  expect(await probability(status)).toBeGreaterThan(0.5);
  await typeReview(
    page,
    'The worst movie ever: terrible acting, an awful, stupid and boring plot. A complete waste of time.',
  );
  await expect(status).toHaveText(verdictFor(N.negative));
  expect(await probability(status)).toBeLessThan(0.5);
  await typeReview(
    page,
    'A great film with wonderful acting and a beautiful story; one of the best I have seen. Loved it, highly recommended.',
  );
  await expect(status).toHaveText(verdictFor(N.positive));

  // Tokens with ids; an unknown word is OOV (id 2); the start token leads; nothing is cut.
  await typeReview(page, EXCELLENT_REVIEW.text);
  await expect(tokens(page)).toHaveText(EXCELLENT_REVIEW.tokens);
  await expect(tokens(page).nth(4)).toHaveAttribute('data-oov', 'true');
  await expect(tokens(page).nth(1)).toHaveAttribute('data-oov', 'false');
  await expect(page.locator('token-strip li[data-cut=true]')).toHaveCount(0);
  expect(await chartPoints(page)).toBe(6);
  // LSTM: input, forget, output gates, cell and hidden state, each 8 units × 6 kept tokens.
  expect(await heatMaps(page)).toEqual(lstmMaps(6));
  await expect(page.getByLabel(T.classify.layerPicker)).toHaveCount(0);

  // Hover a cell: word, unit and value. Keyboard: focus the map, move right and down.
  const forget = page.locator('heat-map[kind=forget]');
  const canvas = forget.locator('canvas');
  await canvas.scrollIntoViewIfNeeded();
  const box = (await canvas.boundingBox())!;
  await page.mouse.move(box.x + 2 * 14 + 7, box.y + 3 * 14 + 7); // cells 14 px (the unit numbers sit beside the canvas)
  await expect(forget.locator('.readout')).toHaveText(
    literal(T.classify.cellReadout('excellent', 2, 3, 0).replace(/0\.000$/, '')),
  );
  await page.mouse.move(0, 0);
  await forget.locator('.map').focus();
  await expect(forget.locator('.readout')).toHaveText(
    literal(T.classify.cellReadout('<start>', 0, 0, 0).replace(/0\.000$/, '')),
  );
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowDown');
  await expect(forget.locator('.readout')).toHaveText(
    literal(T.classify.cellReadout('an', 1, 1, 0).replace(/0\.000$/, '')),
  );
  await page.keyboard.press('End');
  await expect(forget.locator('.readout')).toHaveText(
    literal(T.classify.cellReadout('aside', 5, 1, 0).replace(/0\.000$/, '')),
  );

  // maxlen 100 keeps the last 100 of 131 tokens ('pre'): the first 31 are greyed, the chart has 100 points.
  const words = Array.from({ length: 130 }, (_, i) => (i === 0 ? 'first' : i === 129 ? 'last' : 'good'));
  await typeReview(page, words.join(' '));
  await expect(tokens(page)).toHaveCount(131);
  const cut = page.locator('token-strip li[data-cut=true]');
  await expect(cut).toHaveCount(31);
  await expect(cut.first()).toHaveText(/^<start>1/);
  await expect(cut.nth(1)).toHaveText(/^first\d+/);
  // Greyed (the muted text colour, not a read token's) and struck through; by colour rather than
  // opacity so that axe's contrast check holds (heat-maps.spec).
  const look = (e: Element) => ({
    color: getComputedStyle(e).color,
    line: getComputedStyle(e).textDecorationLine,
  });
  const cutLook = await cut.first().evaluate(look);
  expect(cutLook.line).toBe('line-through');
  expect(cutLook.color).not.toBe(
    (await page.locator('token-strip li[data-cut=false]').last().evaluate(look)).color,
  );
  await expect(page.locator('token-strip li[data-cut=false]').last()).toHaveText(/^last/);
  await expect(page.getByText(literal(T.classify.cut(131, 100, 31)))).toBeVisible();
  expect(await chartPoints(page)).toBe(100);
  expect((await heatMaps(page)).map((m) => m[2])).toEqual([100, 100, 100, 100, 100]);

  await page.screenshot({ path: 'test-results/classify-lstm.png', fullPage: true });
});

test('edge cases: empty, one word, punctuation, emoji, Korean, a 1 MB paste', async ({ page, N, T }) => {
  await trainThenClassify(page, 'lstm', 2);
  const status = page.getByRole('status');

  await typeReview(page, '   ');
  await expect(status).toHaveText(T.classify.emptyReview);

  await typeReview(page, 'Great');
  await expect(status).toHaveText(N.verdict);
  await expect(page.getByText(T.classify.oneWord)).toBeVisible();
  expect(await chartPoints(page)).toBe(2); // <start>, great

  for (const text of ['?!... --- ;) !!!', '😀🎬👍🍿']) {
    await typeReview(page, text);
    await expect(status).toHaveText(T.classify.noWords);
    await expect(page.locator('word-chart')).toHaveCount(0);
  }

  // Korean: its words are tokens, all out of the vocabulary; the verdict still comes, with the reason.
  await typeReview(page, '정말 재미있는 영화였어요. 배우들의 연기가 훌륭했습니다');
  await expect(status).toHaveText(N.verdict);
  await expect(page.getByText(T.classify.allOov(6))).toBeVisible();
  await expect(page.locator('token-strip li[data-oov=true]')).toHaveCount(6);

  // A 1 MB paste: tokenized in the worker, so the page keeps drawing frames until the verdict on
  // the long text is shown. (How long the longest pause is: scripts/bench/classify-paste.ts.)
  const { frames, answered } = await pasteAndWatchFrames(
    page,
    byLang({ en: 'maxlen keeps the last 100', ko: 'maxlen은 마지막 100개만' }),
  );
  expect(answered).toBe(true);
  await expect(
    page.getByText(
      byLang({
        en: /^The review has [\d,]{7,} tokens with the start token; maxlen keeps the last 100/,
        ko: /^이 리뷰는 시작 토큰을 포함해 토큰 [\d,]{7,}개입니다. maxlen은 마지막 100개만/,
      }),
    ),
  ).toBeVisible();
  await expect(
    page.getByText(
      byLang({
        en: /^… [\d,]+ earlier tokens cut by maxlen$/,
        ko: /^… 앞쪽 토큰 [\d,]+개는 maxlen으로 잘림$/,
      }),
    ),
  ).toBeVisible();
  expect(await chartPoints(page)).toBe(100);
  // Frames kept coming while the worker read the megabyte: the main thread was never held.
  expect(frames).toBeGreaterThan(3);
  await typeReview(page, 'Short again: a fine film.');
  await expect(status).toHaveText(N.verdict);
});

test('GRU: update and reset gates and hidden state; the 2-layer LSTM offers a layer picker', async ({
  page,
  N,
  T,
}) => {
  await trainThenClassify(page, 'gru', 1);
  await typeReview(page, 'Not bad at all.');
  expect(await heatMaps(page)).toEqual([
    ['update', 8, 5],
    ['reset', 8, 5],
    ['hidden', 8, 5],
  ]);
  await expect(page.getByText(T.classify.mapsNote('GRU'), { exact: false })).toBeVisible();

  await trainThenClassify(page, 'lstm-2layer', 1);
  await typeReview(page, 'Not bad at all.');
  const picker = page.getByLabel(T.classify.layerPicker);
  await expect(picker.locator('option')).toHaveText(
    ['1. LSTM ‘lstm’', '2. LSTM ‘lstm_1’'].map((t) => new RegExp(t.replace(/[.]/g, '\\.'))),
  );
  const top = await page
    .locator('heat-map[kind=hidden]')
    .evaluate((m) => (m as unknown as { values: number[][] }).values);
  await picker.selectOption({ index: 0 });
  await expect
    .poll(async () =>
      JSON.stringify(
        await page
          .locator('heat-map[kind=hidden]')
          .evaluate((m) => (m as unknown as { values: number[][] }).values),
      ),
    )
    .not.toBe(JSON.stringify(top));
  expect(await heatMaps(page)).toEqual(lstmMaps(5));
});

test('several models from the compare view classify the same review side by side', async ({ page, N, T }) => {
  await openTraining(page, [
    [N.epochs, '1'],
    [N.learningRate, '0.003'],
  ]);
  await openTab(page, N.compareTab);
  await page.getByRole('button', { name: N.compare }).click();
  const rows = page.getByRole('table', { name: T.compare.compareTable }).getByRole('row');
  await expect(rows.filter({ hasText: T.common.stopReason.finished })).toHaveCount(3, { timeout: 90_000 });
  await page.getByRole('tab', { name: N.classifyTab, exact: true }).click();
  await expect(reviewBox(page)).toHaveCount(1);
  const panels = page.locator('classify-model-panel');
  await expect(panels).toHaveCount(3);
  await expect(panels.getByRole('heading', { level: 3 })).toHaveText(
    ['embedding-simplernn-500', 'lstm', 'gru'].map((id) => T.classify.trainedInCompare(T.presets.title[id])),
  );
  await reviewBox(page).fill('A wonderful film, the best I have seen this year.');
  const statuses = page.getByRole('status');
  await expect(statuses).toHaveCount(3);
  for (let i = 0; i < 3; i++) await expect(statuses.nth(i)).toHaveText(N.verdict);
  // Side by side: the first two panels share a row.
  const [a, b] = [(await panels.nth(0).boundingBox())!, (await panels.nth(1).boundingBox())!];
  expect(Math.abs(a.y - b.y)).toBeLessThan(2);
  expect(b.x).toBeGreaterThan(a.x + a.width - 2);
  // The SimpleRNN panel shows its hidden state only; the LSTM its gates and cell.
  await expect(panels.nth(0).locator('heat-map')).toHaveCount(1);
  await expect(panels.nth(1).locator('heat-map')).toHaveCount(5);
  await expect(panels.nth(2).locator('heat-map')).toHaveCount(3);
});

// Explain the cell (issue 19) on the production build: after a quick training run, the gradient
// chart has one point per kept token; `Cell anatomy` walks the review with the `Time step`
// slider, explains a focused number and copies a step whose numbers satisfy the LSTM's equations;
// removing a word gives the verdict the shortened review gets on its own.
import { expect, test, type Page } from '@playwright/test';
import { probability, trainThenClassify, typeReview } from './helpers/classify';
import { open } from './helpers/page';

async function gradientPoints(page: Page): Promise<number> {
  const label = await page
    .locator('classify-model-panel line-chart.gradients figure')
    .getAttribute('aria-label');
  return Number(/: (\d+) points?$/.exec(label ?? '')?.[1] ?? -1);
}

const REVIEW = 'A great film with wonderful acting and a beautiful story.';

test('the log-scale gradient chart draws a curve that falls to 1e-30 (a long review’s vanished gradients)', async ({
  page,
}) => {
  await open(page);
  // The chart element the Classify and Train tabs use, with 500 points from 1e-30 up to 1 (and a
  // zero, left out of a log axis): with uPlot's own log scale, such a curve left the chart blank.
  const drawn = await page.evaluate(async () => {
    const chart = document.createElement('line-chart');
    chart.logY = true;
    chart.series = [{ label: 'g', color: '#8a3ab9', points: true }];
    const x = Array.from({ length: 500 }, (_, i) => i + 1);
    chart.columns = [x, x.map((i) => (i === 1 ? 0 : 10 ** (-30 + (30 * i) / 500)))];
    document.body.append(chart);
    await chart.updateComplete;
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    const canvas = chart.shadowRoot!.querySelector('canvas')!;
    const px = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
    let purple = 0;
    for (let i = 0; i < px.length; i += 4)
      if (Math.abs(px[i] - 138) < 12 && Math.abs(px[i + 1] - 58) < 12 && Math.abs(px[i + 2] - 185) < 12)
        purple++;
    chart.remove();
    return { width: canvas.width, purple };
  });
  expect(drawn.width).toBeGreaterThan(300);
  expect(drawn.purple).toBeGreaterThan(500);
});

test('LSTM: gradient chart, cell anatomy with slider, explanation and copied step', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await trainThenClassify(page, 'lstm', 3);
  await typeReview(page, REVIEW);
  // 10 words and the start token: 11 kept tokens, one gradient point each.
  expect(await gradientPoints(page)).toBe(11);

  await page.getByRole('button', { name: 'Cell anatomy' }).click();
  const slider = page.getByRole('slider', { name: 'Time step' });
  await expect(slider).toHaveAttribute('aria-valuetext', '1 of 11: ‘<start>’');
  await slider.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(slider).toHaveAttribute('aria-valuetext', '3 of 11: ‘great’');
  const anatomy = page.locator('cell-anatomy');
  await expect(anatomy.locator('.words [aria-current=step]')).toHaveText('great');

  // Focus the third unit of the forget gate: σ of its largest terms, the rest and the bias, the value, where it goes.
  await anatomy.locator('.box[data-box=f] .num').nth(2).focus();
  const explain = anatomy.locator('p.explain');
  await expect(explain).toHaveText(
    /^f₃ = σ\(\S+·[xh][₀-₉]+ \+ .*\+ b \S+\) = σ\(−?\d\.\d{3}\) = \d\.\d{3}\. It flows into c_t as f ⊙ c_\{t−1\}/,
  );
  await expect(explain).toHaveAttribute('aria-live', 'polite');
  // The pre-activation the engine summed is the one σ was applied to: σ(total) = the value shown.
  const [, total, value] = /= σ\((−?\d\.\d{3})\) = (\d\.\d{3})\./.exec((await explain.textContent()) ?? '')!;
  expect(1 / (1 + Math.exp(-Number(total.replace('−', '-'))))).toBeCloseTo(Number(value), 2);

  await page.getByRole('button', { name: 'Copy step as JSON' }).click();
  const copied = JSON.parse(await page.evaluate(() => navigator.clipboard.readText())) as Record<
    string,
    unknown
  >;
  expect(Object.keys(copied)).toEqual(['layer', 't', 'token', 'x', 'h_prev', 'c_prev', 'gates', 'c', 'h']);
  expect([copied.layer, copied.t, copied.token]).toEqual(['lstm', 2, 'great']);
  const g = copied.gates as Record<string, number[]>;
  const [cPrev, c, h] = [copied.c_prev, copied.c, copied.h] as number[][];
  expect((copied.x as number[]).length).toBe(16);
  for (let j = 0; j < 8; j++) {
    expect(c[j]).toBeCloseTo(g.f[j] * cPrev[j] + g.i[j] * g.g[j], 6);
    expect(h[j]).toBeCloseTo(g.o[j] * Math.tanh(c[j]), 6);
  }
  await expect(anatomy.locator('pre.copied')).toContainText('"token":"great"');

  // Play walks to the last word and stops.
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(slider).toHaveAttribute('aria-valuetext', '11 of 11: ‘story’', { timeout: 15_000 });
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
});

test('removing a word: the verdict equals the shortened review classified on its own', async ({ page }) => {
  await trainThenClassify(page, 'lstm', 3);
  const status = page.locator('classify-model-panel p.verdict');
  await typeReview(page, REVIEW);
  const full = await probability(status);
  // Every kept word is coloured by occlusion and is a button.
  const word = page.getByRole('button', { name: /^wonderful\s*\d+/ });
  await expect(word).toHaveAccessibleDescription(
    /^Remove ‘wonderful’ from the review\. without ‘wonderful’ P\(positive\) moves by [+−]\d\.\d{3}$/,
  );
  await word.click();
  await expect(word).toHaveAttribute('aria-pressed', 'true');
  await expect(word).toHaveAccessibleDescription(/^Bring back ‘wonderful’/);
  await expect(page.locator('classify-model-panel section[aria-busy=false]')).toHaveCount(1);
  expect(await gradientPoints(page)).toBe(10);
  const removed = (await status.textContent()) ?? '';
  await typeReview(page, REVIEW.replace('wonderful ', ''));
  await expect(status).toHaveText(removed);
  expect(await probability(status)).not.toBe(full);
  // Back to the full review, the word restored by a second click.
  await typeReview(page, REVIEW);
  await expect(word).toHaveAccessibleDescription(/^Remove ‘wonderful’/);
  await word.click();
  await expect(word).toHaveAccessibleDescription(/^Bring back ‘wonderful’/);
  await word.click();
  await expect(page.locator('classify-model-panel section[aria-busy=false]')).toHaveCount(1);
  expect(await probability(status)).toBe(full);
});
